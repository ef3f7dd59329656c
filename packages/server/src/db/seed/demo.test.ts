import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../kysely.js';
import { createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { verifyAuditChain } from '../../modules/audit/index.js';
import { signIn } from '../../modules/auth/index.js';
import { buildDemoOrganization, DEMO_PEOPLE_COUNT } from './demo-org.js';
import { seedDemoOrganization, type DemoAccount } from './demo.js';

describe('the demo roster', () => {
  it('is the same on every start: names and numbers come from a fixed seed', () => {
    const a = buildDemoOrganization({ today: '2026-03-02' });
    const b = buildDemoOrganization({ today: '2026-03-02' });
    expect(a.roster).toEqual(b.roster);
    expect(a.roster.people).toHaveLength(DEMO_PEOPLE_COUNT);
    expect(new Set(a.roster.people.map((p) => p.name)).size).toBe(DEMO_PEOPLE_COUNT);
  });
});

describe.each(testDialects)('the demo district on %s', (dialect) => {
  let handle: DatabaseHandle;
  let deps: ReturnType<typeof depsFor>;
  let accounts: DemoAccount[];
  let seconds: number;
  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    deps = depsFor(handle, createTestClock('2026-03-02T01:00:00.000Z'));
    const started = performance.now();
    ({ accounts } = await seedDemoOrganization(deps, { demoPassword: 'demo-Passw0rd' }));
    seconds = (performance.now() - started) / 1000;
  });
  afterAll(() => handle.destroy());

  it('has 400 people in towns, streets and departments of three categories, seeded in seconds', async () => {
    expect(seconds).toBeLessThan(10);
    const people = await handle.db.selectFrom('people').select('id').execute();
    expect(people).toHaveLength(400);
    const categories = await handle.db.selectFrom('categories').select(['code', 'name']).orderBy('code').execute();
    expect(categories.map((c) => c.name).sort()).toEqual(['城区街道', '工业强镇', '综合部门']);
    const units = await handle.db.selectFrom('units').leftJoin('categories as c', 'c.id', 'units.category_id').select(['units.name', 'units.type', 'c.name as category']).execute();
    expect(units.find((u) => u.name === '金沙街道')).toMatchObject({ type: 'street', category: '城区街道' });
    expect(units.find((u) => u.name === '川姜镇')).toMatchObject({ type: 'town', category: '工业强镇' });
    expect(units.find((u) => u.name === '区公安分局')).toMatchObject({ type: 'department', category: '综合部门' });
    expect(units.filter((u) => u.type === 'town' || u.type === 'street')).toHaveLength(12);
    expect(units.filter((u) => u.type === 'department')).toHaveLength(20);
    expect(units.some((u) => u.name === '区公安分局治安管理大队')).toBe(true);
    const postTypes = await handle.db.selectFrom('post_types').select('name').execute();
    expect(postTypes.map((t) => t.name).sort()).toEqual(['专业技术类', '综合管理类', '行政执法类']);
  });

  it('gives every unit one leader, who holds the leader role on his own unit', async () => {
    const leaders = await handle.db
      .selectFrom('account_roles as r')
      .innerJoin('accounts as a', 'a.id', 'r.account_id')
      .innerJoin('people as p', 'p.id', 'a.person_id')
      .select(['r.unit_id', 'p.unit_id as person_unit'])
      .where('r.role', '=', 'leader')
      .execute();
    const units = await handle.db.selectFrom('units').select('id').execute();
    expect(leaders).toHaveLength(units.length);
    expect(new Set(leaders.map((l) => l.unit_id)).size).toBe(units.length);
    for (const l of leaders) expect(l.unit_id).toBe(l.person_unit);
  });

  it('prints memorable demo accounts that sign in with the demo password, and an auditor', async () => {
    expect(accounts.map((a) => a.username)).toEqual(expect.arrayContaining(['leader_jinsha', 'member_jinsha', 'leader_police', 'auditor']));
    expect(accounts.find((a) => a.username === 'leader_jinsha')!.description).toContain('金沙街道');
    for (const { username } of accounts) {
      await expect(signIn(deps, { username, password: 'demo-Passw0rd', ip: null, userAgent: null })).resolves.toMatchObject({ token: expect.any(String) });
    }
    const flags = await handle.db.selectFrom('accounts').select('must_change_password').distinct().execute();
    expect(flags).toEqual([{ must_change_password: 0 }]);
    const auditorRoles = await handle.db
      .selectFrom('account_roles as r').innerJoin('accounts as a', 'a.id', 'r.account_id').select('r.role').where('a.username', '=', 'auditor').execute();
    expect(auditorRoles.map((r) => r.role).sort()).toEqual(['auditor', 'member']);
  });

  it('records every created record in an intact audit chain', async () => {
    const check = await verifyAuditChain(deps);
    expect(check.ok).toBe(true);
    expect(check.records).toBeGreaterThan(400 + 400 + 100);
  });
});
