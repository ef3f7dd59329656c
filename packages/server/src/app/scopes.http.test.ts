import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../modules/accounts/index.js';
import { createUnit } from '../modules/org/index.js';
import { createPerson } from '../modules/people/index.js';
import { createAssessmentPeriod } from '../modules/periods/index.js';
import { createRule, proposePointEvent } from '../modules/points/index.js';
import { adminActor } from '../testing/fixtures.js';
import { createTestApp, type TestApp } from '../testing/http.js';
import { testDialects } from '../testing/test-database.js';
import { createAssessmentScheme } from '../modules/schemes/index.js';
import { transitionAssessmentPeriod } from '../modules/period-transitions/index.js';

type Role = 'anonymous' | 'admin' | 'auditor' | 'leader' | 'member';
const roles: Role[] = ['anonymous', 'admin', 'auditor', 'leader', 'member'];

interface Ids { t1: number; s1: number; t2: number; m1: number; m2: number; memberAccount: number; scheme: number; period: number; published: number; rule: number; eventOfM2: number }

/**
 * Every route against every role (docs/product.md §2.5: scopes are enforced on the server).
 * The leader leads 川姜镇 (with its section 党政办); the member works in 川姜镇; 二甲镇 is nobody's.
 * Out-of-scope ids answer 404, exactly like ids that do not exist.
 */
const pointsScheme = {
  indicators: [
    { id: 'style', method: 'ledger', weight: 100 },
    { id: 'bonus', method: 'ledger', extra: true, base: 0, min: 0, max: 10 },
  ],
  grades: [{ name: '好', quota: 0.4 }, { name: '较好' }],
};

const table: { route: string; request: (ids: Ids, role: Role) => { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object }; expect: Record<Role, number> }[] = [
  { route: 'GET /api/me', request: () => ({ method: 'GET', url: '/api/me' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/units', request: () => ({ method: 'GET', url: '/api/units' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/units/:id (own subtree)', request: (i) => ({ method: 'GET', url: `/api/units/${i.s1}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 404 } },
  { route: 'GET /api/units/:id (own unit)', request: (i) => ({ method: 'GET', url: `/api/units/${i.t1}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/units/:id (other town)', request: (i) => ({ method: 'GET', url: `/api/units/${i.t2}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, member: 404 } },
  { route: 'POST /api/units', request: (_i, r) => ({ method: 'POST', url: '/api/units', payload: { code: `NEW-${r}`, name: '新单位', type: 'section', parentId: null } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 403, member: 403 } },
  { route: 'PATCH /api/units/:id', request: (i) => ({ method: 'PATCH', url: `/api/units/${i.t1}`, payload: { sort: 1 } }), expect: { anonymous: 401, admin: 200, auditor: 403, leader: 403, member: 403 } },
  { route: 'GET /api/categories', request: () => ({ method: 'GET', url: '/api/categories' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'POST /api/categories', request: (_i, r) => ({ method: 'POST', url: '/api/categories', payload: { code: `C-${r}`, name: `分类${r}` } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 403, member: 403 } },
  { route: 'GET /api/post-types', request: () => ({ method: 'GET', url: '/api/post-types' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'POST /api/post-types', request: (_i, r) => ({ method: 'POST', url: '/api/post-types', payload: { code: `PT-${r}`, name: '综合管理类' } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 403, member: 403 } },
  { route: 'GET /api/posts', request: () => ({ method: 'GET', url: '/api/posts' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/people', request: () => ({ method: 'GET', url: '/api/people' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/people?unit= (other town)', request: (i) => ({ method: 'GET', url: `/api/people?unit=${i.t2}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, member: 404 } },
  { route: 'GET /api/people/:id (same unit)', request: (i) => ({ method: 'GET', url: `/api/people/${i.m1}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/people/:id (other town)', request: (i) => ({ method: 'GET', url: `/api/people/${i.m2}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, member: 404 } },
  { route: 'POST /api/people', request: (i, r) => ({ method: 'POST', url: '/api/people', payload: { employeeNo: `N-${r}`, name: '新人', unitId: i.t1 } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 403, member: 403 } },
  { route: 'PATCH /api/people/:id', request: (i) => ({ method: 'PATCH', url: `/api/people/${i.m1}`, payload: { phone: '13800000000' } }), expect: { anonymous: 401, admin: 200, auditor: 403, leader: 403, member: 403 } },
  { route: 'GET /api/accounts', request: () => ({ method: 'GET', url: '/api/accounts' }), expect: { anonymous: 401, admin: 200, auditor: 403, leader: 403, member: 403 } },
  { route: 'POST /api/accounts', request: (_i, r) => ({ method: 'POST', url: '/api/accounts', payload: { username: `new-${r}`, roles: [{ role: 'auditor' }] } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 403, member: 403 } },
  { route: 'PATCH /api/accounts/:id', request: (i) => ({ method: 'PATCH', url: `/api/accounts/${i.memberAccount}`, payload: { reason: 'no change' } }), expect: { anonymous: 401, admin: 200, auditor: 403, leader: 403, member: 403 } },
  { route: 'POST /api/accounts/:id/reset-password', request: () => ({ method: 'POST', url: '/api/accounts/999999/reset-password', payload: {} }), expect: { anonymous: 401, admin: 404, auditor: 403, leader: 403, member: 403 } },
  { route: 'GET /api/audit', request: () => ({ method: 'GET', url: '/api/audit' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 403, member: 403 } },
  { route: 'POST /api/audit/verify', request: () => ({ method: 'POST', url: '/api/audit/verify' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 403, member: 403 } },
  // Dynamic points, rankings, red/black lists (issue 5; docs/api-points.md "Who may do what").
  { route: 'POST /api/schemes', request: (_i, r) => ({ method: 'POST', url: '/api/schemes', payload: { code: `S-${r}`, name: '方案', subjectKind: 'person', definition: pointsScheme } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 403, member: 403 } },
  { route: 'GET /api/periods', request: () => ({ method: 'GET', url: '/api/periods' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'POST /api/periods', request: (i) => ({ method: 'POST', url: '/api/periods', payload: { name: '十二月', kind: 'month', startsOn: '2026-12-01', endsOn: '2026-12-31', schemeId: i.scheme } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 403, member: 403 } },
  { route: 'POST /api/periods/:id/transition (missing)', request: () => ({ method: 'POST', url: '/api/periods/999999/transition', payload: { to: 'open' } }), expect: { anonymous: 401, admin: 404, auditor: 403, leader: 403, member: 403 } },
  { route: 'GET /api/point-rules', request: (i) => ({ method: 'GET', url: `/api/point-rules?scheme=${i.scheme}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'POST /api/point-rules', request: (i, r) => ({ method: 'POST', url: '/api/point-rules', payload: { schemeId: i.scheme, code: `R-${r}`, name: '通报表扬', indicator: 'bonus', defaultDelta: 2, minDelta: 1, maxDelta: 5 } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 403, member: 403 } },
  { route: 'POST /api/point-rules/:id/disable (missing)', request: () => ({ method: 'POST', url: '/api/point-rules/999999/disable', payload: { reason: '停用' } }), expect: { anonymous: 401, admin: 404, auditor: 403, leader: 403, member: 403 } },
  { route: 'GET /api/point-events', request: () => ({ method: 'GET', url: '/api/point-events' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/point-events/:id (other town)', request: (i) => ({ method: 'GET', url: `/api/point-events/${i.eventOfM2}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, member: 404 } },
  { route: 'POST /api/point-events (own subtree)', request: (i) => ({ method: 'POST', url: '/api/point-events', payload: { ruleId: i.rule, personId: i.m1, occurredOn: '2026-11-02', evidenceText: '通报表扬' } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 201, member: 403 } },
  { route: 'POST /api/point-events (other town)', request: (i) => ({ method: 'POST', url: '/api/point-events', payload: { ruleId: i.rule, personId: i.m2, occurredOn: '2026-11-02', evidenceText: '通报表扬' } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 404, member: 403 } },
  { route: 'POST /api/point-events/:id/approve (other town)', request: (i) => ({ method: 'POST', url: `/api/point-events/${i.eventOfM2}/approve`, payload: {} }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 404, member: 403 } },
  { route: 'POST /api/point-events/:id/reverse (missing)', request: () => ({ method: 'POST', url: '/api/point-events/999999/reverse', payload: { reason: '冲正' } }), expect: { anonymous: 401, admin: 404, auditor: 403, leader: 403, member: 403 } },
  // Batches are the organization department's: others get an empty list.
  { route: 'GET /api/point-batches', request: () => ({ method: 'GET', url: '/api/point-batches' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/rankings', request: (i) => ({ method: 'GET', url: `/api/rankings?period=${i.period}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/rankings (other town)', request: (i) => ({ method: 'GET', url: `/api/rankings?period=${i.period}&group=unit:${i.t2}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, member: 404 } },
  { route: 'GET /api/rankings/groups', request: (i) => ({ method: 'GET', url: `/api/rankings/groups?period=${i.period}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/rankings/histogram (other town)', request: (i) => ({ method: 'GET', url: `/api/rankings/histogram?period=${i.period}&group=unit:${i.t2}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, member: 404 } },
  { route: 'GET /api/points/people/:id (other town)', request: (i) => ({ method: 'GET', url: `/api/points/people/${i.m2}?period=${i.period}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, member: 404 } },
  { route: 'GET /api/red-black-lists', request: (i) => ({ method: 'GET', url: `/api/red-black-lists?period=${i.period}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'POST /api/periods/:id/red-black-lists', request: (i) => ({ method: 'POST', url: `/api/periods/${i.period}/red-black-lists`, payload: { month: '2026-11' } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 403, member: 403 } },
  // Assessment cycles: periods, results, versions and scenarios (issue 6; docs/api-cycles.md "Who may do what").
  // `period` is open; `published` is in publicity with result version 1. The reviews module keeps its own rows.
  { route: 'PATCH /api/periods/:id', request: (i) => ({ method: 'PATCH', url: `/api/periods/${i.period}`, payload: { reviewDueOn: '2026-12-05' } }), expect: { anonymous: 401, admin: 200, auditor: 403, leader: 403, member: 403 } },
  { route: 'PATCH /api/periods/:id (missing)', request: () => ({ method: 'PATCH', url: '/api/periods/999999', payload: { name: '无' } }), expect: { anonymous: 401, admin: 404, auditor: 403, leader: 403, member: 403 } },
  { route: 'POST /api/periods/:id/transition (during publicity)', request: (i) => ({ method: 'POST', url: `/api/periods/${i.published}/transition`, payload: { to: 'closed' } }), expect: { anonymous: 401, admin: 409, auditor: 403, leader: 403, member: 403 } },
  { route: 'GET /api/periods/:id/results (live preview)', request: (i) => ({ method: 'GET', url: `/api/periods/${i.period}/results` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 403, member: 403 } },
  { route: 'GET /api/periods/:id/results (published)', request: (i) => ({ method: 'GET', url: `/api/periods/${i.published}/results` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/periods/:id/results?unit= (own subtree)', request: (i) => ({ method: 'GET', url: `/api/periods/${i.published}/results?unit=${i.s1}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 404 } },
  { route: 'GET /api/periods/:id/results?unit= (other town)', request: (i) => ({ method: 'GET', url: `/api/periods/${i.published}/results?unit=${i.t2}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, member: 404 } },
  { route: 'GET /api/periods/:id/results?version=', request: (i) => ({ method: 'GET', url: `/api/periods/${i.published}/results?version=1` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 403, member: 403 } },
  { route: 'GET /api/periods/:id/results (missing)', request: () => ({ method: 'GET', url: '/api/periods/999999/results' }), expect: { anonymous: 401, admin: 404, auditor: 404, leader: 404, member: 404 } },
  { route: 'GET /api/periods/:id/results/versions', request: (i) => ({ method: 'GET', url: `/api/periods/${i.published}/results/versions` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 403, member: 403 } },
  { route: 'GET /api/periods/:id/scenario (current data)', request: (i) => ({ method: 'GET', url: `/api/periods/${i.period}/scenario` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 403, member: 403 } },
  { route: 'GET /api/periods/:id/scenario?version=', request: (i) => ({ method: 'GET', url: `/api/periods/${i.published}/scenario?version=1` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 403, member: 403 } },
  // Appeals (申诉/复核): one's own published result in publicity; decided by the admin (docs/api-cycles.md "Appeals").
  { route: 'POST /api/appeals (own result)', request: (i) => ({ method: 'POST', url: '/api/appeals', payload: { periodId: i.published, reason: '评分依据有误' } }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 201, member: 201 } },
  { route: 'POST /api/appeals (missing period)', request: () => ({ method: 'POST', url: '/api/appeals', payload: { periodId: 999999, reason: '评分依据有误' } }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 404, member: 404 } },
  { route: 'GET /api/appeals', request: () => ({ method: 'GET', url: '/api/appeals' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, member: 200 } },
  { route: 'GET /api/appeals/:id (missing)', request: () => ({ method: 'GET', url: '/api/appeals/999999' }), expect: { anonymous: 401, admin: 404, auditor: 404, leader: 404, member: 404 } },
  { route: 'POST /api/appeals/:id/withdraw (missing)', request: () => ({ method: 'POST', url: '/api/appeals/999999/withdraw' }), expect: { anonymous: 401, admin: 404, auditor: 404, leader: 404, member: 404 } },
  { route: 'POST /api/appeals/:id/decision (missing)', request: () => ({ method: 'POST', url: '/api/appeals/999999/decision', payload: { outcome: 'rejected', note: '维持' } }), expect: { anonymous: 401, admin: 404, auditor: 403, leader: 403, member: 403 } },
  { route: 'GET /api/appeal-attachments/:id (missing)', request: () => ({ method: 'GET', url: '/api/appeal-attachments/999999' }), expect: { anonymous: 401, admin: 404, auditor: 404, leader: 404, member: 404 } },
  { route: 'POST /api/auth/password', request: () => ({ method: 'POST', url: '/api/auth/password', payload: { currentPassword: 'wrong', newPassword: 'Another-pass1' } }), expect: { anonymous: 401, admin: 400, auditor: 400, leader: 400, member: 400 } },
];

describe.each(testDialects)('every route against every role on %s', (dialect) => {
  let t: TestApp;
  let ids: Ids;
  const cookies = {} as Record<Role, string | undefined>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const d = t.deps;
    const district = await createUnit(d, adminActor, { code: 'D', name: '崇川区', type: 'district', parentId: null });
    const t1 = await createUnit(d, adminActor, { code: 'T1', name: '川姜镇', type: 'town', parentId: district.id });
    const s1 = await createUnit(d, adminActor, { code: 'T1S1', name: '党政办', type: 'section', parentId: t1.id });
    const t2 = await createUnit(d, adminActor, { code: 'T2', name: '二甲镇', type: 'town', parentId: district.id });
    const l1 = await createPerson(d, adminActor, { employeeNo: 'L1', name: '陈镇长', unitId: t1.id });
    const m1 = await createPerson(d, adminActor, { employeeNo: 'M1', name: '张三', unitId: t1.id });
    const m2 = await createPerson(d, adminActor, { employeeNo: 'M2', name: '王五', unitId: t2.id });
    const password = 'Role-passw0rd';
    await createAccount(d, adminActor, { username: 'auditor', roles: [{ role: 'auditor' }], password });
    await createAccount(d, adminActor, { username: 'leader', personId: l1.id, roles: [{ role: 'leader', unitId: t1.id }, { role: 'member' }], password });
    const member = await createAccount(d, adminActor, { username: 'member', personId: m1.id, roles: [{ role: 'member' }], password });
    t.clock.set('2026-11-20T02:00:00.000Z');
    const scheme = await createAssessmentScheme(d, adminActor, { code: 'points', name: '动态积分', subjectKind: 'person', definition: pointsScheme });
    const period = await createAssessmentPeriod(d, adminActor, { name: '十一月', kind: 'month', startsOn: '2026-11-01', endsOn: '2026-11-30', schemeId: scheme.id });
    await transitionAssessmentPeriod(d, adminActor, period.id, { to: 'open' });
    const published = await createAssessmentPeriod(d, adminActor, { name: '十月', kind: 'month', startsOn: '2026-10-01', endsOn: '2026-10-31', schemeId: scheme.id });
    for (const to of ['open', 'reviewing', 'publicity'] as const) await transitionAssessmentPeriod(d, adminActor, published.id, { to });
    const rule = await createRule(d, adminActor, { schemeId: scheme.id, code: 'TB', name: '通报表扬', indicator: 'bonus', defaultDelta: 2, minDelta: 1, maxDelta: 5 });
    const eventOfM2 = await proposePointEvent(d, adminActor, { ruleId: rule.id, personId: m2.id, occurredOn: '2026-11-03', evidenceText: '市局通报表扬' });
    ids = {
      t1: t1.id, s1: s1.id, t2: t2.id, m1: m1.id, m2: m2.id, memberAccount: member.account.id,
      scheme: scheme.id, period: period.id, published: published.id, rule: rule.id, eventOfM2: eventOfM2.id,
    };
    cookies.admin = await t.loginAs('admin');
    for (const r of ['auditor', 'leader', 'member'] as const) cookies[r] = await t.loginAs(r, password);
  });
  afterAll(() => t.close());

  for (const row of table) {
    it.each(roles)(`${row.route} as %s`, async (role) => {
      const req = row.request(ids, role);
      const res = await t.app.inject({ ...req, headers: cookies[role] ? { cookie: cookies[role] } : {} });
      expect(res.statusCode, res.body).toBe(row.expect[role]);
      if (res.statusCode >= 400) expect(res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    });
  }

  it('answers an out-of-scope person exactly like a missing one', async () => {
    const outOfScope = await t.app.inject({ method: 'GET', url: `/api/people/${ids.m2}`, headers: { cookie: cookies.leader! } });
    const missing = await t.app.inject({ method: 'GET', url: '/api/people/987654', headers: { cookie: cookies.leader! } });
    expect(outOfScope.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(outOfScope.json().error.code).toBe(missing.json().error.code);
    expect(outOfScope.body).not.toContain('王五');
  });

  it('sends the abilities of the caller to the UI', async () => {
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookies.leader! } });
    expect(me.json()).toMatchObject({
      account: { username: 'leader' },
      person: { name: '陈镇长', unitName: '川姜镇' },
      roles: expect.arrayContaining([{ role: 'leader', unitId: ids.t1, unitName: '川姜镇' }]),
      abilities: { 'org.manage': false, 'audit.read': false, 'org.read': true },
    });
  });
});
