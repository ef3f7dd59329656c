import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { createCycleFixture, type CycleFixture } from './reviews.fixtures.js';

/** `leader` leads 川姜镇 (with its section 党政办), `otherLeader` 二甲镇; `member` (张三) works in 川姜镇. */
type Role = 'anonymous' | 'admin' | 'auditor' | 'leader' | 'otherLeader' | 'member';
const roles: Role[] = ['anonymous', 'admin', 'auditor', 'leader', 'otherLeader', 'member'];
const accountOf: Record<Exclude<Role, 'anonymous'>, string> = { admin: 'admin', auditor: 'auditor', leader: 'leader', otherLeader: 'leader2', member: 'zhang' };

interface Ids { period: number; t1: number; s1: number; t2: number; zhang: number; zhao: number; wang: number; leaderPerson: number }
type Request = { method: 'GET' | 'PUT' | 'POST'; url: string; payload?: object };

const rate = { ratings: [{ indicator: 'duty', rating: 90 }] };

/**
 * Every route of personal summaries and leader review against every role (docs/api-cycles.md "Who
 * may do what"). Out-of-scope ids answer 404, exactly like ids that do not exist. Rows run in order:
 * drafts are saved before they are submitted.
 */
const table: { route: string; request: (ids: Ids) => Request; expect: Record<Role, number> }[] = [
  { route: 'GET /api/periods/:id/summaries/mine', request: (i) => ({ method: 'GET', url: `/api/periods/${i.period}/summaries/mine` }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 200, otherLeader: 200, member: 200 } },
  { route: 'GET /api/periods/:id/summaries/mine (missing period)', request: () => ({ method: 'GET', url: '/api/periods/999999/summaries/mine' }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 404, otherLeader: 404, member: 404 } },
  { route: 'PUT /api/periods/:id/summaries/mine', request: (i) => ({ method: 'PUT', url: `/api/periods/${i.period}/summaries/mine`, payload: { content: '本季度小结' } }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 200, otherLeader: 200, member: 200 } },
  { route: 'POST /api/periods/:id/summaries/mine/submit', request: (i) => ({ method: 'POST', url: `/api/periods/${i.period}/summaries/mine/submit`, payload: {} }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 200, otherLeader: 200, member: 200 } },
  { route: 'POST /api/periods/:id/summaries/mine/submit (again)', request: (i) => ({ method: 'POST', url: `/api/periods/${i.period}/summaries/mine/submit`, payload: {} }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 409, otherLeader: 409, member: 409 } },
  { route: 'GET /api/periods/:id/summaries', request: (i) => ({ method: 'GET', url: `/api/periods/${i.period}/summaries` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, otherLeader: 200, member: 403 } },
  { route: 'GET /api/periods/:id/summaries?unit= (own section)', request: (i) => ({ method: 'GET', url: `/api/periods/${i.period}/summaries?unit=${i.s1}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, otherLeader: 404, member: 403 } },
  { route: 'GET /api/periods/:id/summaries?unit= (other town)', request: (i) => ({ method: 'GET', url: `/api/periods/${i.period}/summaries?unit=${i.t2}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, otherLeader: 200, member: 403 } },
  { route: 'GET /api/periods/:id/summaries (missing period)', request: () => ({ method: 'GET', url: '/api/periods/999999/summaries' }), expect: { anonymous: 401, admin: 404, auditor: 404, leader: 404, otherLeader: 404, member: 403 } },
  { route: 'GET /api/periods/:id/reviews', request: (i) => ({ method: 'GET', url: `/api/periods/${i.period}/reviews` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, otherLeader: 200, member: 403 } },
  { route: 'GET /api/periods/:id/reviews?unit= (other town)', request: (i) => ({ method: 'GET', url: `/api/periods/${i.period}/reviews?unit=${i.t2}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, otherLeader: 200, member: 403 } },
  { route: 'GET /api/periods/:id/reviews (missing period)', request: () => ({ method: 'GET', url: '/api/periods/999999/reviews' }), expect: { anonymous: 401, admin: 404, auditor: 404, leader: 404, otherLeader: 404, member: 403 } },
  { route: 'PUT /api/periods/:id/reviews/:personId (川姜镇)', request: (i) => ({ method: 'PUT', url: `/api/periods/${i.period}/reviews/${i.zhang}`, payload: rate }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 200, otherLeader: 404, member: 403 } },
  { route: 'PUT /api/periods/:id/reviews/:personId (党政办)', request: (i) => ({ method: 'PUT', url: `/api/periods/${i.period}/reviews/${i.zhao}`, payload: rate }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 200, otherLeader: 404, member: 403 } },
  { route: 'PUT /api/periods/:id/reviews/:personId (二甲镇)', request: (i) => ({ method: 'PUT', url: `/api/periods/${i.period}/reviews/${i.wang}`, payload: rate }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 404, otherLeader: 200, member: 403 } },
  // Nobody leads the district here: the organization department rates the town's leader.
  { route: 'PUT /api/periods/:id/reviews/:personId (the leader of 川姜镇)', request: (i) => ({ method: 'PUT', url: `/api/periods/${i.period}/reviews/${i.leaderPerson}`, payload: rate }), expect: { anonymous: 401, admin: 200, auditor: 403, leader: 403, otherLeader: 404, member: 403 } },
  { route: 'PUT /api/periods/:id/reviews/:personId (missing person)', request: (i) => ({ method: 'PUT', url: `/api/periods/${i.period}/reviews/999999`, payload: rate }), expect: { anonymous: 401, admin: 404, auditor: 403, leader: 404, otherLeader: 404, member: 403 } },
  { route: 'POST /api/periods/:id/reviews/preview', request: (i) => ({ method: 'POST', url: `/api/periods/${i.period}/reviews/preview`, payload: { ratings: [] } }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, otherLeader: 200, member: 403 } },
  { route: 'POST /api/periods/:id/reviews/preview (rating someone of 二甲镇)', request: (i) => ({ method: 'POST', url: `/api/periods/${i.period}/reviews/preview`, payload: { ratings: [{ personId: i.wang, indicator: 'duty', rating: 80 }] } }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 400, otherLeader: 200, member: 403 } },
  { route: 'POST /api/periods/:id/reviews/preview?unit= (other town)', request: (i) => ({ method: 'POST', url: `/api/periods/${i.period}/reviews/preview`, payload: { unit: i.t2, ratings: [] } }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, otherLeader: 200, member: 403 } },
];

describe.each(testDialects)('summary and review routes against every role on %s', (dialect) => {
  let t: TestApp;
  let f: CycleFixture;
  let ids: Ids;
  const cookies = {} as Record<Role, string | undefined>;

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    f = await createCycleFixture(t.deps, 'reviewing');
    const { units, people } = f.org;
    ids = { period: f.period.id, t1: units.t1.id, s1: units.s1.id, t2: units.t2.id, zhang: people.zhang.id, zhao: people.zhao.id, wang: people.wang.id, leaderPerson: people.leader.id };
    for (const role of roles) {
      if (role === 'anonymous') continue;
      cookies[role] = role === 'admin' ? await t.loginAs('admin') : await t.loginAs(accountOf[role], f.org.password);
    }
  });
  afterAll(() => t.close());

  for (const row of table) {
    it.each(roles)(`${row.route} as %s`, async (role) => {
      const res = await t.app.inject({ ...row.request(ids), headers: cookies[role] ? { cookie: cookies[role] } : {} });
      expect(res.statusCode, res.body).toBe(row.expect[role]);
      if (res.statusCode >= 400) expect(res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    });
  }

  it("answers an out-of-scope person exactly like a missing one, without naming him", async () => {
    const outOfScope = await t.app.inject({ method: 'PUT', url: `/api/periods/${ids.period}/reviews/${ids.wang}`, headers: { cookie: cookies.leader! }, payload: rate });
    const missing = await t.app.inject({ method: 'PUT', url: `/api/periods/${ids.period}/reviews/987654`, headers: { cookie: cookies.leader! }, payload: rate });
    expect(outOfScope.statusCode).toBe(404);
    expect(outOfScope.json().error.code).toBe(missing.json().error.code);
    expect(outOfScope.body).not.toContain('王五');
  });

  it('tells the UI who may write a summary and who may rate', async () => {
    const abilities = async (role: Role) => (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookies[role]! } })).json().abilities;
    expect(await abilities('leader')).toMatchObject({ 'summary.write': true, 'review.rate': true });
    expect(await abilities('member')).toMatchObject({ 'summary.write': true, 'review.rate': false });
    // The organization department rates those no leader can (the head of the top unit).
    expect(await abilities('admin')).toMatchObject({ 'summary.write': false, 'review.rate': true });
  });

  it('marks on each sheet whom the caller rates: a leader his people, the admin only those no leader rates', async () => {
    const rateable = async (role: Role, unit: number) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/periods/${ids.period}/reviews?unit=${unit}`, headers: { cookie: cookies[role]! } });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().people as { person: { id: number }; rateable: boolean }[]).filter((r) => r.rateable).map((r) => r.person.id).sort();
    };
    expect(await rateable('admin', ids.t1)).toEqual([ids.leaderPerson]);
    const led = await rateable('leader', ids.t1);
    expect(led).toEqual(expect.arrayContaining([ids.zhang, ids.zhao]));
    expect(led).not.toContain(ids.leaderPerson);
    expect(await rateable('auditor', ids.t1)).toEqual([]);
  });
});
