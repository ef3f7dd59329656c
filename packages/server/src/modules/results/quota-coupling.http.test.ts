import { evaluateInput } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { createWorkLogOrg, type WorkLogOrg } from '../worklogs/worklogs.fixtures.js';

/** 镇街综合考核: a deduction ledger; its grades are the units' tiers. */
const UNIT_SCHEME = {
  name: '镇街综合考核', kind: 'unit',
  indicators: [{ id: 'safety', method: 'ledger', weight: 100 }],
  grades: [{ name: '第一等次', minScore: 100 }, { name: '第二等次', minScore: 95 }, { name: '第三等次' }],
};

/** 平时考核 graded per unit, 好 coupled to the unit's tier (考用结合, docs/product.md §4). */
const PERSON_SCHEME = {
  name: '平时考核（考用结合）', kind: 'routine',
  indicators: [{ id: 'duty', method: 'rating', weight: 100, raterGroups: { leader: 1 } }],
  grouping: 'unit',
  grades: [{ name: '好', quota: 0.4 }, { name: '较好' }],
  quotaRounding: 'round',
  quotaCoupling: { byTier: { 第一等次: 0.67, 第三等次: 0.2 }, otherwise: 0.4 },
};

interface Row { subject: { id: number; name: string }; grade: string }
interface Distribution { group: { key: string }; grades: { name: string; quota: number | null; capacity: number | null }[] }

/**
 * 考用结合 through HTTP on both databases: the units' tiers are their grades in 镇街综合考核 —
 * 川姜镇 keeps its 100 points (第一等次), 二甲镇 loses 10 (第三等次) — and the people's 好 quota in
 * each unit follows its tier; the section 党政办 takes its town's. The published scenario carries
 * the tiers, so `baton evaluate` reproduces the grades.
 */
describe.each(testDialects)('excellence quotas coupled to the unit tier on %s', (dialect) => {
  let t: TestApp;
  let org: WorkLogOrg;
  const cookies: Record<string, string> = {};
  let unitPeriodId: number;
  let periodId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    t.clock.set('2026-03-31T02:00:00.000Z');
    org = await createWorkLogOrg(t.deps);
    cookies.admin = await t.loginAs('admin');
    for (const name of ['leader', 'leader2', 'auditor']) cookies[name] = await t.loginAs(name, org.password);

    const unitScheme = (await send('admin', 'POST', '/api/schemes', { code: 'towns', name: UNIT_SCHEME.name, subjectKind: 'unit', definition: UNIT_SCHEME })).json();
    unitPeriodId = (await send('admin', 'POST', '/api/periods', { name: '2026年一季度镇街考核', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: unitScheme.id })).json().id;
    await send('admin', 'POST', `/api/periods/${unitPeriodId}/transition`, { to: 'open' }, 200);
    const rule = (await send('admin', 'POST', '/api/point-rules', { schemeId: unitScheme.id, code: 'AQ', name: '安全生产事故', indicator: 'safety', defaultDelta: -10, minDelta: -20, maxDelta: 0 })).json();
    const event = (await send('admin', 'POST', '/api/point-events', { ruleId: rule.id, unitId: org.units.t2.id, occurredOn: '2026-02-10', evidenceText: '安全生产事故通报' })).json();
    await send('leader2', 'POST', `/api/point-events/${event.id}/approve`, {}, 200);

    const scheme = (await send('admin', 'POST', '/api/schemes', { code: 'routine-coupled', name: PERSON_SCHEME.name, subjectKind: 'person', definition: PERSON_SCHEME })).json();
    periodId = (await send('admin', 'POST', '/api/periods', { name: '2026年第一季度', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: scheme.id })).json().id;
    for (const to of ['open', 'reviewing']) await send('admin', 'POST', `/api/periods/${periodId}/transition`, { to }, 200);
    const rate = (leader: string, who: keyof WorkLogOrg['people'], rating: number) =>
      send(leader, 'PUT', `/api/periods/${periodId}/reviews/${org.people[who].id}`, { ratings: [{ indicator: 'duty', rating }] }, 200);
    await rate('leader', 'zhang', 95);
    await rate('leader', 'li', 90);
    await rate('leader', 'zhao', 88);
    await rate('leader2', 'wang', 92);
  });
  afterAll(async () => t.close());

  async function send(who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, status = method === 'POST' ? 201 : 200) {
    const res = await t.app.inject({ method, url, headers: { cookie: cookies[who]! }, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res;
  }
  /** The seats of 好 per group, as the results page shows them (the live preview or the published version). */
  const seatsOfGood = async () => {
    const distribution = (await send('admin', 'GET', `/api/periods/${periodId}/results?limit=200`)).json().distribution as Distribution[];
    return Object.fromEntries(distribution.map((d) => [d.group.key, d.grades[0]!]).map(([k, g]) => [k, [(g as Distribution['grades'][0]).quota, (g as Distribution['grades'][0]).capacity]]));
  };
  const goodOnes = async () => {
    const rows = (await send('admin', 'GET', `/api/periods/${periodId}/results?limit=200`)).json().items as Row[];
    return rows.filter((r) => r.grade === '好').map((r) => r.subject.name).sort();
  };

  it('grades every unit under the otherwise-quota until the period names its tier period', async () => {
    // 40 %: one seat of three in 川姜镇, none for 党政办 alone, one of two in 二甲镇.
    expect(await goodOnes()).toEqual(['张三', '王五'].sort());
    const scenario = (await send('auditor', 'GET', `/api/periods/${periodId}/scenario`)).json();
    expect(scenario.unitTiers).toBeUndefined();
  });

  it('takes the tier period only when it assesses units, and not after publicity', async () => {
    const wrong = await send('admin', 'PATCH', `/api/periods/${periodId}`, { tierPeriodId: periodId }, 400);
    expect(wrong.json().error.details[0].path).toBe('/tierPeriodId');
    const missing = await send('admin', 'PATCH', `/api/periods/${periodId}`, { tierPeriodId: 999999 }, 400);
    expect(missing.json().error.details[0]).toMatchObject({ path: '/tierPeriodId', message: 'unknown period 999999' });
    await send('leader', 'PATCH', `/api/periods/${periodId}`, { tierPeriodId: unitPeriodId }, 403);
    const set = await send('admin', 'PATCH', `/api/periods/${periodId}`, { tierPeriodId: unitPeriodId });
    expect(set.json().tierPeriod).toEqual({ id: unitPeriodId, name: '2026年一季度镇街考核' });
  });

  it("gives each unit's people the quota of its tier, the section its town's", async () => {
    // 川姜镇 第一等次 67 %: two seats of three; 党政办 (its section) 67 % of one: one; 二甲镇 第三等次 20 % of two: none.
    expect(await goodOnes()).toEqual(['张三', '李四', '赵六'].sort());
    const scenario = (await send('auditor', 'GET', `/api/periods/${periodId}/scenario`)).json();
    expect(scenario.unitTiers).toEqual({
      [`u${org.units.t1.id}`]: '第一等次', [`u${org.units.s1.id}`]: '第一等次', [`u${org.units.t2.id}`]: '第三等次',
    });
    // The seats shown are those the engine grades with: the results page and the leader's review sheet.
    const seats = { [`unit:${org.units.t1.id}`]: [0.67, 2], [`unit:${org.units.s1.id}`]: [0.67, 1], [`unit:${org.units.t2.id}`]: [0.2, 0] };
    expect(await seatsOfGood()).toEqual(seats);
    const sheet = (await send('leader', 'GET', `/api/periods/${periodId}/reviews`)).json().quota as { group: { key: string }; grades: { quota: number; capacity: number }[] }[];
    expect(Object.fromEntries(sheet.map((q) => [q.group.key, [q.grades[0]!.quota, q.grades[0]!.capacity]]))).toEqual({
      [`unit:${org.units.t1.id}`]: [0.67, 2], [`unit:${org.units.s1.id}`]: [0.67, 1],
    });
  });

  it('freezes the tiers into the published scenario, which reproduces the grades', async () => {
    await send('admin', 'POST', `/api/periods/${periodId}/transition`, { to: 'publicity' }, 200);
    const refused = await send('admin', 'PATCH', `/api/periods/${periodId}`, { tierPeriodId: null }, 409);
    expect(refused.json().error.code).toBe('period.state_invalid');
    const scenario = (await send('auditor', 'GET', `/api/periods/${periodId}/scenario?version=1`)).json();
    expect(scenario.unitTiers[`u${org.units.t2.id}`]).toBe('第三等次');
    const evaluated = evaluateInput(scenario);
    if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.errors));
    const published = (await send('admin', 'GET', `/api/periods/${periodId}/results?limit=200`)).json().items as Row[];
    expect(published.map((r) => [`p${r.subject.id}`, r.grade])).toEqual(evaluated.results.map((r) => [r.subject, r.grade]));
    // The published version's seats follow the tiers frozen into it.
    expect((await seatsOfGood())[`unit:${org.units.t2.id}`]).toEqual([0.2, 0]);
  });
});
