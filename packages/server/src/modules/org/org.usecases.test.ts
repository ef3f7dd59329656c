import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/kysely.js';
import { adminActor, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { verifyAuditChain } from '../audit/index.js';
import { changeUnit, createCategory, createUnit, getVisibleUnit, listVisibleUnits } from './org.usecases.js';
import type { Actor } from '../../policies/index.js';

describe.each(testDialects)('organization use cases on %s', (dialect) => {
  let handle: DatabaseHandle;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    handle = await createTestDatabase(dialect);
    deps = depsFor(handle);
  });
  afterEach(() => handle.destroy());

  async function tree() {
    const district = await createUnit(deps, adminActor, { code: 'D', name: '崇川区', type: 'district', parentId: null });
    const town = await createUnit(deps, adminActor, { code: 'T1', name: '川姜镇', type: 'town', parentId: district.id });
    const section = await createUnit(deps, adminActor, { code: 'T1S1', name: '党政办', type: 'section', parentId: town.id });
    const other = await createUnit(deps, adminActor, { code: 'T2', name: '二甲镇', type: 'town', parentId: district.id });
    return { district, town, section, other };
  }

  it('refuses to move a unit under its own descendant and writes nothing', async () => {
    const { town, section } = await tree();
    const auditBefore = (await handle.db.selectFrom('audit_log').select('seq').execute()).length;
    await expect(changeUnit(deps, adminActor, town.id, { parentId: section.id })).rejects.toMatchObject({ code: 'unit.cycle', statusCode: 409 });
    await expect(changeUnit(deps, adminActor, town.id, { parentId: town.id })).rejects.toMatchObject({ code: 'unit.cycle' });
    expect((await getVisibleUnit(deps, adminActor, town.id)).parentId).not.toBe(section.id);
    expect((await handle.db.selectFrom('audit_log').select('seq').execute()).length).toBe(auditBefore);
  });

  it('rejects a duplicate unit code naming the field', async () => {
    await tree();
    await expect(createUnit(deps, adminActor, { code: 'T1', name: 'x', type: 'town', parentId: null })).rejects.toMatchObject({
      code: 'unit.duplicate_code', details: [{ path: '/code' }],
    });
  });

  it('records every change in the audit log with before and after', async () => {
    const { other } = await tree();
    const category = await createCategory(deps, adminActor, { code: 'IND', name: '工业强镇' });
    await changeUnit(deps, adminActor, other.id, { categoryId: category.id, reason: '2026 分类调整' });
    const last = await handle.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'unit.updated', entity: 'unit', entity_id: String(other.id), reason: '2026 分类调整' });
    expect(JSON.parse(last.before_json!).categoryId).toBeNull();
    expect(JSON.parse(last.after_json!).categoryName).toBe('工业强镇');
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });

  it("shows a leader his subtree only, and answers 404 for a unit outside it", async () => {
    const { district, town, section, other } = await tree();
    const leader: Actor = { accountId: 9, username: 'l', personId: null, unitId: town.id, roles: ['leader', 'member'], leaderUnitIds: [town.id] };
    const visible = (await listVisibleUnits(deps, leader, { limit: 100 })).map((u) => u.id).sort();
    expect(visible).toEqual([town.id, section.id].sort());
    await expect(getVisibleUnit(deps, leader, other.id)).rejects.toMatchObject({ statusCode: 404, code: 'unit.not_found' });
    await expect(getVisibleUnit(deps, leader, district.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await getVisibleUnit(deps, leader, section.id)).path.map((p) => p.name)).toEqual(['崇川区', '川姜镇', '党政办']);
  });

  it('lets only an admin change the organization', async () => {
    const { town } = await tree();
    const auditor: Actor = { ...adminActor, roles: ['auditor'] };
    await expect(changeUnit(deps, auditor, town.id, { name: 'x' })).rejects.toMatchObject({ statusCode: 403, code: 'auth.forbidden' });
  });
});
