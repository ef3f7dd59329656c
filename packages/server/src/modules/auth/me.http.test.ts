import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { createWorkLogOrg } from '../worklogs/worklogs.fixtures.js';

describe.each(testDialects)('GET /api/me on %s', (dialect) => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof createWorkLogOrg>>;

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    org = await createWorkLogOrg(t.deps);
  });
  afterAll(async () => t.close());

  const me = async (cookie: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('names the account, its person with his unit, the roles and the abilities', async () => {
    const body = await me(await t.loginAs('leader', org.password));
    expect(body.account).toMatchObject({ username: 'leader', mustChangePassword: false });
    expect(body.person).toMatchObject({ id: org.people.leader.id, unitId: org.units.t1.id, unitName: org.units.t1.name });
    expect(body.roles).toEqual(expect.arrayContaining([{ role: 'leader', unitId: org.units.t1.id, unitName: org.units.t1.name }, { role: 'member', unitId: null, unitName: null }]));
    expect(body.abilities).toMatchObject({ 'ranking.read': true, 'redblack.manage': false });
    expect((await me(await t.loginAs('admin'))).person).toBeNull();
  });

  it('follows the account when it is linked to another person while the session lasts', async () => {
    const cookie = await t.loginAs('zhao', org.password);
    expect((await me(cookie)).person).toMatchObject({ id: org.people.zhao.id, unitId: org.units.s1.id });
    await t.deps.db.updateTable('accounts').set({ person_id: null }).where('username', '=', 'wang').execute();
    await t.deps.db.updateTable('accounts').set({ person_id: org.people.wang.id }).where('username', '=', 'zhao').execute();
    expect((await me(cookie)).person).toMatchObject({ id: org.people.wang.id, unitId: org.units.t2.id, unitName: org.units.t2.name });
  });
});
