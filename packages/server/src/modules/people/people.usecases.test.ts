import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/kysely.js';
import type { Actor } from '../../policies/index.js';
import { adminActor, createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { createUnit } from '../org/index.js';
import { findUnitOfPersonOn } from './people.repository.js';
import { changePerson, createPerson, getVisiblePerson, listVisiblePeople } from './people.usecases.js';

describe.each(testDialects)('people use cases on %s', (dialect) => {
  let handle: DatabaseHandle;
  const clock = createTestClock('2026-01-05T02:00:00.000Z');
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    handle = await createTestDatabase(dialect);
    deps = depsFor(handle, clock);
  });
  afterEach(() => handle.destroy());

  async function org() {
    const district = await createUnit(deps, adminActor, { code: 'D', name: '崇川区', type: 'district', parentId: null });
    const jinsha = await createUnit(deps, adminActor, { code: 'JS', name: '金沙街道', type: 'street', parentId: district.id });
    const office = await createUnit(deps, adminActor, { code: 'JS01', name: '党政办', type: 'section', parentId: jinsha.id });
    const erjia = await createUnit(deps, adminActor, { code: 'EJ', name: '二甲镇', type: 'town', parentId: district.id });
    const zhang = await createPerson(deps, adminActor, { employeeNo: 'E001', name: '张三', unitId: jinsha.id, rank: '一级科员' });
    const li = await createPerson(deps, adminActor, { employeeNo: 'E002', name: '李四', unitId: office.id });
    const wang = await createPerson(deps, adminActor, { employeeNo: 'E003', name: '王五', unitId: erjia.id });
    return { district, jinsha, office, erjia, zhang, li, wang };
  }

  it('finds 张三 by pinyin initials, full pinyin and employee number', async () => {
    await org();
    for (const q of ['zs', 'zhangsan', 'E001', '张']) {
      const { items } = await listVisiblePeople(deps, adminActor, { q, limit: 10 });
      expect(items.map((p) => p.name), q).toEqual(['张三']);
    }
  });

  it('keeps the unit history: a result belongs to the unit the person was in at the time', async () => {
    const { zhang, jinsha, erjia } = await org();
    clock.set('2026-04-10T02:00:00.000Z');
    await changePerson(deps, adminActor, zhang.id, { unitId: erjia.id, effectiveFrom: '2026-04-01', reason: '交流任职' });
    expect(await findUnitOfPersonOn(handle.db, zhang.id, '2026-03-31')).toBe(jinsha.id);
    expect(await findUnitOfPersonOn(handle.db, zhang.id, '2026-04-01')).toBe(erjia.id);
    const detail = await getVisiblePerson(deps, adminActor, zhang.id);
    expect(detail.assignments.map((a) => [a.unitName, a.validFrom, a.validTo])).toEqual([
      ['二甲镇', '2026-04-01', null],
      ['金沙街道', '2026-01-05', '2026-04-01'],
    ]);
  });

  it('refuses an effective date before the current assignment began', async () => {
    const { zhang, erjia } = await org();
    await expect(changePerson(deps, adminActor, zhang.id, { unitId: erjia.id, effectiveFrom: '2025-12-31' })).rejects.toMatchObject({
      code: 'person.invalid_effective_date', details: [{ path: '/effectiveFrom' }],
    });
    expect((await getVisiblePerson(deps, adminActor, zhang.id)).unitName).toBe('金沙街道');
  });

  it("shows a member his own unit's people and himself, nobody else's", async () => {
    const { zhang, li, wang, jinsha } = await org();
    const member: Actor = { accountId: 5, username: 'E001', personId: zhang.id, unitId: jinsha.id, roles: ['member'], leaderUnitIds: [] };
    const { items } = await listVisiblePeople(deps, member, { limit: 50 });
    expect(items.map((p) => p.name)).toEqual(['张三']);
    await expect(getVisiblePerson(deps, member, wang.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(getVisiblePerson(deps, member, li.id)).rejects.toMatchObject({ statusCode: 404 });
    expect((await getVisiblePerson(deps, member, zhang.id)).name).toBe('张三');
  });

  it("shows a leader everyone in his subtree and answers 404 for a unit filter outside it", async () => {
    const { zhang, jinsha, erjia } = await org();
    const leader: Actor = { accountId: 6, username: 'L', personId: zhang.id, unitId: jinsha.id, roles: ['leader'], leaderUnitIds: [jinsha.id] };
    const { items, total } = await listVisiblePeople(deps, leader, { limit: 50 });
    expect(items.map((p) => p.name).sort()).toEqual(['张三', '李四'].sort());
    expect(total).toBe(2);
    await expect(listVisiblePeople(deps, leader, { unit: erjia.id, limit: 50 })).rejects.toMatchObject({ statusCode: 404 });
  });

  it('paginates with a cursor and reports the total', async () => {
    const { jinsha } = await org();
    for (let i = 10; i < 25; i++) await createPerson(deps, adminActor, { employeeNo: `X${i}`, name: `测试${i}`, unitId: jinsha.id });
    const first = await listVisiblePeople(deps, adminActor, { limit: 10 });
    expect(first.items).toHaveLength(10);
    expect(first.total).toBe(18);
    const second = await listVisiblePeople(deps, adminActor, { limit: 10, afterId: first.items[9]!.id });
    expect(second.items).toHaveLength(8);
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(18);
  });
});
