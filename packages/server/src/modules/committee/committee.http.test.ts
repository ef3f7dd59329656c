import { evaluateInput } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { createWorkLogOrg, type WorkLogOrg } from '../worklogs/worklogs.fixtures.js';

/**
 * Everyone totals 100 and the whole organization is one quota group: six people, 好 ≤ 40 % → 2
 * seats, and one block of six tied at its line — the engine keeps them all out and flags the tie.
 */
const definition = {
  name: '平时考核（委员会）',
  kind: 'routine',
  indicators: [{ id: 'style', method: 'ledger', weight: 100 }],
  grouping: 'all',
  grades: [{ name: '好', quota: 0.4, minScore: 100 }, { name: '较好', minScore: 90 }, { name: '一般', minScore: 60 }, { name: '较差' }],
};

interface Row { subject: { id: number; name: string }; grade: string; flags: string[] }
interface Decision { id: number; group: string; grade: string; people: { id: number; name: string }[]; reason: string; decidedBy: string; inForce: boolean; applied: boolean | null }

describe.each(testDialects)("the committee's tie decisions on %s", (dialect) => {
  let t: TestApp;
  let org: WorkLogOrg;
  let periodId: number;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    t.clock.set('2026-03-25T02:00:00.000Z');
    org = await createWorkLogOrg(t.deps);
    cookies.admin = await t.loginAs('admin');
    for (const name of ['leader', 'auditor']) cookies[name] = await t.loginAs(name, org.password);
    const scheme = await post('admin', '/api/schemes', { code: 'routine-committee', name: definition.name, subjectKind: 'person', definition });
    const period = await post('admin', '/api/periods', { name: '2026年3月', kind: 'month', startsOn: '2026-03-01', endsOn: '2026-03-31', schemeId: scheme.json().id });
    periodId = period.json().id;
    expect((await post('admin', `/api/periods/${periodId}/transition`, { to: 'open' })).statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  function post(who: string, url: string, payload: object) {
    return t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload });
  }
  const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const decide = (payload: object, who = 'admin') => post(who, `/api/periods/${periodId}/tie-decisions`, payload);
  const grades = async () => {
    const res = await get('admin', `/api/periods/${periodId}/results?limit=200`);
    expect(res.statusCode, res.body).toBe(200);
    return Object.fromEntries((res.json().items as Row[]).map((r) => [r.subject.name, { grade: r.grade, flags: r.flags }]));
  };
  const person = (key: keyof WorkLogOrg['people']) => org.people[key].id;

  it('refuses decisions before the review', async () => {
    const res = await decide({ group: 'all', grade: '好', personIds: [person('zhang')], reason: '先进事迹突出' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('period.state_invalid');
  });

  it('names what is wrong in a decision, and writes nothing', async () => {
    expect((await post('admin', `/api/periods/${periodId}/transition`, { to: 'reviewing' })).statusCode).toBe(200);
    const before = await grades();
    expect(Object.values(before).every((r) => r.grade === '较好' && r.flags.includes('quota-tie:好'))).toBe(true);
    const cases: [object, number, string, string][] = [
      [{ group: 'all', grade: '优秀', personIds: [], reason: 'x' }, 400, 'decision.invalid', '/grade'],
      [{ group: 'all', grade: '较差', personIds: [], reason: 'x' }, 400, 'decision.invalid', '/grade'],
      [{ group: 'all', grade: '较好', personIds: [], reason: 'x' }, 400, 'decision.invalid', '/group'],
      [{ group: `unit:${org.units.t1.id}`, grade: '好', personIds: [], reason: 'x' }, 400, 'decision.invalid', '/group'],
      [{ group: 'all', grade: '好', personIds: [999999], reason: 'x' }, 400, 'decision.invalid', '/personIds/0'],
      [{ group: 'all', grade: '好', personIds: [person('zhang'), person('zhang')], reason: 'x' }, 400, 'decision.invalid', '/personIds/1'],
      [{ group: 'all', grade: '好', personIds: [person('zhang'), person('li'), person('wang')], reason: 'x' }, 409, 'decision.exceeds_quota', '/personIds'],
      [{ group: 'all', grade: '好', personIds: [person('zhang')], reason: '   ' }, 400, 'decision.invalid', '/reason'],
      [{ group: 'all', grade: '好', personIds: [person('zhang')], reason: 'x', note: 'y' }, 400, 'request.invalid', '/note'],
    ];
    for (const [payload, status, code, path] of cases) {
      const res = await decide(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (path) expect(res.json().error.details[0].path).toBe(path);
    }
    expect((await get('admin', `/api/periods/${periodId}/tie-decisions`)).json()).toEqual({ items: [] });
    expect(await grades()).toEqual(before);
  });

  it('lets the admin decide within the seats left; a later decision of the same block replaces it', async () => {
    expect((await decide({ group: 'all', grade: '好', personIds: [person('zhang')], reason: '牵头完成年度重点任务' }, 'leader')).statusCode).toBe(403);
    expect((await decide({ group: 'all', grade: '好', personIds: [person('zhang')], reason: 'x' }, 'auditor')).statusCode).toBe(403);

    const first = await decide({ group: 'all', grade: '好', personIds: [person('zhang'), person('li')], reason: '牵头完成年度重点任务' });
    expect(first.statusCode, first.body).toBe(201);
    let now = await grades();
    expect(now['张三']).toEqual({ grade: '好', flags: ['quota-tie:好', 'tie-decision:好'] });
    expect(now['李四']).toEqual({ grade: '好', flags: ['quota-tie:好', 'tie-decision:好'] });
    expect(now['王五']).toEqual({ grade: '较好', flags: ['quota-tie:好'] });

    const second = await decide({ group: 'all', grade: '好', personIds: [person('wang')], reason: '复议：按群众测评排序' });
    expect(second.statusCode, second.body).toBe(201);
    const list = (await get('auditor', `/api/periods/${periodId}/tie-decisions`)).json().items as Decision[];
    expect(list.map((d) => [d.people.map((p) => p.name), d.inForce, d.applied, d.decidedBy])).toEqual([
      [['张三', '李四'], false, null, 'admin'],
      [['王五'], true, true, 'admin'],
    ]);
    now = await grades();
    expect(Object.entries(now).filter(([, r]) => r.grade === '好').map(([name]) => name)).toEqual(['王五']);
    expect((await get('leader', `/api/periods/${periodId}/tie-decisions`)).statusCode).toBe(403);
    const audit = (await get('admin', '/api/audit?limit=50')).json().items as { action: string; reason: string | null }[];
    expect(audit.filter((a) => a.action === 'period.tie_decided').map((a) => a.reason)).toEqual(expect.arrayContaining(['牵头完成年度重点任务', '复议：按群众测评排序']));
  });

  it('publishes the decided grades, and the exported scenario reproduces them', async () => {
    const res = await post('admin', `/api/periods/${periodId}/transition`, { to: 'publicity' });
    expect(res.statusCode, res.body).toBe(200);
    const published = (await get('admin', `/api/periods/${periodId}/results?limit=200`)).json().items as Row[];
    const scenario = (await get('auditor', `/api/periods/${periodId}/scenario`)).json();
    expect(scenario.decisions).toEqual([{ grade: '好', subjects: [`p${person('wang')}`], note: '复议：按群众测评排序' }]);
    const evaluated = evaluateInput(scenario);
    if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.errors));
    expect(published.map((r) => [r.grade, r.flags])).toEqual(evaluated.results.map((r) => [r.grade, r.flags]));
    const late = await decide({ group: 'all', grade: '好', personIds: [person('zhang')], reason: '补充决定' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('period.state_invalid');
  });

  it('decides again in publicity while an appeal is pending; the accepted appeal publishes it', async () => {
    cookies.zhang = await t.loginAs('zhang', org.password);
    const appeal = await post('zhang', '/api/appeals', { periodId, reason: '与王五同分，名额应由委员会复议' });
    expect(appeal.statusCode, appeal.body).toBe(201);
    const decided = await decide({ group: 'all', grade: '好', personIds: [person('zhang')], reason: '复核：按年度重点任务完成情况' });
    expect(decided.statusCode, decided.body).toBe(201);
    // Published results wait for the appeal's decision.
    expect(Object.entries(await grades()).filter(([, r]) => r.grade === '好').map(([name]) => name)).toEqual(['王五']);
    const accepted = await post('admin', `/api/appeals/${appeal.json().id}/decision`, { outcome: 'accepted', note: '委员会复议后予以调整' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(Object.entries(await grades()).filter(([, r]) => r.grade === '好').map(([name]) => name)).toEqual(['张三']);
    const scenario = (await get('auditor', `/api/periods/${periodId}/scenario?version=2`)).json();
    expect(scenario.decisions).toEqual([{ grade: '好', subjects: [`p${person('zhang')}`], note: '复核：按年度重点任务完成情况' }]);
    // No appeal pending: the committee cannot decide again.
    const after = await decide({ group: 'all', grade: '好', personIds: [person('li')], reason: '再议' });
    expect(after.json().error.code).toBe('period.state_invalid');
  });

  it("finds no tied block in a unit scheme's period: no person takes part in it", async () => {
    const scheme = await post('admin', '/api/schemes', { code: 'units-committee', name: '单位考核（委员会）', subjectKind: 'unit', definition });
    const period = await post('admin', '/api/periods', { name: '2026年3月单位', kind: 'month', startsOn: '2026-03-01', endsOn: '2026-03-31', schemeId: scheme.json().id });
    for (const to of ['open', 'reviewing']) expect((await post('admin', `/api/periods/${period.json().id}/transition`, { to })).statusCode).toBe(200);
    const res = await post('admin', `/api/periods/${period.json().id}/tie-decisions`, { group: 'all', grade: '好', personIds: [person('zhang')], reason: '先进事迹突出' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details[0].path).toBe('/group');
  });
});
