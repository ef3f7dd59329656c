import { createHash } from 'node:crypto';
import { evaluateInput } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { approvePoints, type RankingOrg } from '../rankings/rankings.fixtures.js';
import { createWorkLogOrg, type WorkLogOrg } from '../worklogs/worklogs.fixtures.js';

/** 好 ≤ 40 % of each unit with 100 points at least: 川姜镇 (3 people) has one seat, 二甲镇 (2) and 党政办 (1) none. */
const definition = {
  name: '平时考核（积分）',
  kind: 'routine',
  indicators: [
    { id: 'style', method: 'ledger', weight: 100 },
    { id: 'bonus', method: 'ledger', extra: true, base: 0, min: 0, max: 10 },
  ],
  grouping: 'unit',
  grades: [{ name: '好', quota: 0.4, minScore: 100 }, { name: '较好', minScore: 90 }, { name: '一般', minScore: 60 }, { name: '较差' }],
};

interface Row { subject: { id: number; name: string; unitName: string }; total: number; rank: number; group: { key: string; name: string }; groupRank: number; grade: string; flags: string[]; explain: string[] }
interface Distribution { group: { key: string; name: string }; size: number; grades: { name: string; quota: number | null; capacity: number | null; count: number }[]; ties: { grade: string; subjects: { id: number; name: string }[] }[] }
interface Results { version: number | null; live: boolean; items: Row[]; nextCursor: string | null; distribution: Distribution[]; period: { state: string; resultVersion: number | null } }

describe.each(testDialects)('period results over HTTP on %s', (dialect) => {
  let t: TestApp;
  let org: WorkLogOrg;
  let periodId: number;
  const cookies: Record<string, string> = {};
  const names = (rows: Row[]) => rows.map((r) => r.subject.name);

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    t.clock.set('2026-03-25T02:00:00.000Z');
    org = await createWorkLogOrg(t.deps);
    cookies.admin = await t.loginAs('admin');
    for (const name of ['leader', 'leader2', 'zhang', 'wang', 'auditor']) cookies[name] = await t.loginAs(name, org.password);
    const scheme = await post('admin', '/api/schemes', { code: 'routine-points', name: '平时考核（积分）', subjectKind: 'person', definition });
    const period = await post('admin', '/api/periods', { name: '2026年3月', kind: 'month', startsOn: '2026-03-01', endsOn: '2026-03-31', schemeId: scheme.json().id });
    periodId = period.json().id;
    await post('admin', `/api/periods/${periodId}/transition`, { to: 'open' });
    const schemeRef = { scheme: scheme.json() } as Pick<RankingOrg, 'scheme'>;
    const person = (key: keyof WorkLogOrg['people']) => ({ id: org.people[key].id, unitId: org.people[key].unitId });
    await approvePoints(t.deps, schemeRef, person('zhang'), 'bonus', 2, '2026-03-10');
    await approvePoints(t.deps, schemeRef, person('li'), 'bonus', 2, '2026-03-11');
    await approvePoints(t.deps, schemeRef, person('wang'), 'style', -5, '2026-03-12');
    // Outside the period: not a fact of it.
    await approvePoints(t.deps, schemeRef, person('wang'), 'style', -50, '2026-02-27');
  });
  afterAll(async () => t.close());

  function post(who: string, url: string, payload: object) {
    return t.app.inject({ method: 'POST', url, headers: { cookie: cookies[who]! }, payload });
  }
  const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const results = async (who: string, query = '') => {
    const res = await get(who, `/api/periods/${periodId}/results${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Results;
  };

  it('shows the live preview before publicity to the admin and the auditor only', async () => {
    const live = await results('admin');
    expect(live).toMatchObject({ live: true, version: null });
    expect(live.items.map((r) => [r.subject.name, r.total, r.grade, r.flags])).toEqual([
      ['张三', 102, '较好', ['quota-tie:好']],
      ['李四', 102, '较好', ['quota-tie:好']],
      ['陈镇长', 100, '较好', []],
      ['赵六', 100, '较好', []],
      ['周镇长', 100, '较好', []],
      ['王五', 95, '较好', []],
    ]);
    expect(live.items[0]).toMatchObject({ group: { key: `unit:${org.units.t1.id}`, name: '川姜镇' }, groupRank: 1, rank: 1 });
    expect(live.items[0]!.explain.join('\n')).toContain('bonus');
    expect((await results('auditor')).items).toHaveLength(6);
    for (const who of ['leader', 'zhang']) {
      const res = await get(who, `/api/periods/${periodId}/results`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('results.not_published');
    }
  });

  it('gives per group the seats of each grade, the counts and the tied block kept out of 好', async () => {
    const { distribution } = await results('admin', `?group=unit:${org.units.t1.id}`);
    expect(distribution).toEqual([{
      group: { key: `unit:${org.units.t1.id}`, name: '川姜镇' },
      size: 3,
      grades: [
        { name: '好', quota: 0.4, capacity: 1, count: 0 },
        { name: '较好', quota: null, capacity: null, count: 3 },
        { name: '一般', quota: null, capacity: null, count: 0 },
        { name: '较差', quota: null, capacity: null, count: 0 },
      ],
      ties: [{ grade: '好', subjects: [{ id: org.people.zhang.id, name: '张三' }, { id: org.people.li.id, name: '李四' }] }],
    }]);
    const all = await results('admin');
    expect(all.distribution.map((d) => [d.group.name, d.size, d.grades[0]!.capacity])).toEqual(
      expect.arrayContaining([['川姜镇', 3, 1], ['党政办', 1, 0], ['二甲镇', 2, 0]]),
    );
  });

  it('follows current data in the preview, and exports the scenario built from it', async () => {
    await approvePoints(t.deps, { scheme: { id: (await get('admin', `/api/periods/${periodId}`)).json().schemeId } } as Pick<RankingOrg, 'scheme'>, { id: org.people.li.id, unitId: org.units.t1.id }, 'bonus', 1, '2026-03-20');
    const live = await results('admin');
    expect(live.items[0]).toMatchObject({ subject: { name: '李四' }, total: 103, grade: '好', flags: [] });
    const scenario = await get('admin', `/api/periods/${periodId}/scenario`);
    expect(scenario.statusCode).toBe(200);
    const evaluated = evaluateInput(scenario.json());
    expect(evaluated.ok && evaluated.results[0]).toMatchObject({ subject: `p${org.people.li.id}`, total: 103 });
    expect(scenario.json().facts).toHaveLength(4);
    expect((await get('leader', `/api/periods/${periodId}/scenario`)).statusCode).toBe(403);
    expect((await get('admin', `/api/periods/${periodId}/results/versions`)).json()).toEqual([]);
  });

  it('publishes version 1 on entering publicity, the exact scenario stored with its SHA-256', async () => {
    expect((await post('admin', `/api/periods/${periodId}/transition`, { to: 'reviewing' })).statusCode).toBe(200);
    expect((await get('leader', `/api/periods/${periodId}/results`)).statusCode).toBe(403);
    const res = await post('admin', `/api/periods/${periodId}/transition`, { to: 'publicity', reason: '考核委员会审定' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'publicity', resultVersion: 1, publicityStartsOn: '2026-03-26', publicityEndsOn: '2026-04-01' });
    const versions = (await get('auditor', `/api/periods/${periodId}/results/versions`)).json();
    expect(versions).toEqual([{
      version: 1, reason: 'publicity', note: '考核委员会审定', scenarioSha256: expect.stringMatching(/^[0-9a-f]{64}$/), createdAt: '2026-03-25T02:00:00.000Z',
      createdBy: { accountId: 1, name: 'admin' },
    }]);
    const scenario = await get('auditor', `/api/periods/${periodId}/scenario`);
    expect(createHash('sha256').update(scenario.body).digest('hex')).toBe(versions[0].scenarioSha256);
    const published = await results('admin', '?limit=200');
    expect(published).toMatchObject({ live: false, version: 1, period: { state: 'publicity', resultVersion: 1 } });
    const evaluated = evaluateInput(scenario.json(), { explain: true });
    if (!evaluated.ok) throw new Error('the exported scenario is invalid');
    expect(published.items.map(({ total, rank, groupRank, grade, flags, explain }) => ({ total, rank, groupRank, grade, flags, explain }))).toEqual(
      evaluated.results.map(({ total, rank, groupRank, grade, flags, explain }) => ({ total, rank, groupRank, grade, flags, explain })),
    );
  });

  it('keeps the published version while the data moves on', async () => {
    await approvePoints(t.deps, { scheme: { id: (await get('admin', `/api/periods/${periodId}`)).json().schemeId } } as Pick<RankingOrg, 'scheme'>, { id: org.people.wang.id, unitId: org.units.t2.id }, 'style', -20, '2026-03-30');
    const published = await results('admin');
    expect(published.items.find((r) => r.subject.name === '王五')).toMatchObject({ total: 95 });
  });

  it('scopes published results: a member his own row, a leader his subtree and himself, admin and auditor all', async () => {
    expect(names((await results('zhang')).items)).toEqual(['张三']);
    expect(names((await results('leader')).items)).toEqual(['李四', '张三', '陈镇长', '赵六']);
    expect(names((await results('leader2')).items)).toEqual(['周镇长', '王五']);
    expect((await results('wang')).items.map((r) => [r.subject.name, r.total])).toEqual([['王五', 95]]);
    expect((await results('auditor')).items).toHaveLength(6);
    // The member's distribution: his group's seats and counts, but no names of others.
    const mine = await results('zhang');
    expect(mine.distribution).toHaveLength(1);
    expect(mine.distribution[0]).toMatchObject({ group: { name: '川姜镇' }, size: 3, ties: [] });
  });

  it('filters by group and by unit subtree, a unit out of scope answering 404 like a missing one', async () => {
    expect(names((await results('admin', `?unit=${org.units.t1.id}`)).items)).toEqual(['李四', '张三', '陈镇长', '赵六']);
    expect(names((await results('admin', `?group=unit:${org.units.t1.id}`)).items)).toEqual(['李四', '张三', '陈镇长']);
    expect(names((await results('leader', `?unit=${org.units.s1.id}`)).items)).toEqual(['赵六']);
    expect(names((await results('zhang', `?unit=${org.units.t1.id}`)).items)).toEqual(['张三']);
    for (const [who, unit] of [['leader', org.units.t2.id], ['zhang', org.units.t2.id], ['admin', 987_654]] as const) {
      const res = await get(who, `/api/periods/${periodId}/results?unit=${unit}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('unit.not_found');
    }
  });

  it('pages with an opaque cursor', async () => {
    const first = await results('admin', '?limit=4');
    expect(first.items.map((r) => r.rank)).toEqual([1, 2, 3, 3]);
    const second = await results('admin', `?limit=4&cursor=${first.nextCursor}`);
    expect(second.items.map((r) => r.rank)).toEqual([3, 6]);
    expect(second.nextCursor).toBeNull();
    expect((await get('admin', `/api/periods/${periodId}/results?cursor=%21%21`)).statusCode).toBe(400);
  });

  it('gives earlier versions to admin and auditor only, 404 for a version that does not exist', async () => {
    expect((await results('auditor', '?version=1')).version).toBe(1);
    expect((await get('zhang', `/api/periods/${periodId}/results?version=1`)).statusCode).toBe(403);
    expect((await get('admin', `/api/periods/${periodId}/results?version=2`)).statusCode).toBe(404);
    expect((await get('admin', `/api/periods/${periodId}/scenario?version=2`)).statusCode).toBe(404);
    expect((await get('leader', `/api/periods/${periodId}/results/versions`)).statusCode).toBe(403);
  });

  it('rejects unknown query fields and malformed groups', async () => {
    for (const query of ['?colour=red', '?group=town:1', '?limit=0', '?version=0']) {
      const res = await get('admin', `/api/periods/${periodId}/results${query}`);
      expect(res.statusCode, query).toBe(400);
    }
    expect((await get('admin', `/api/periods/${periodId}/scenario?format=xml`)).statusCode).toBe(400);
    expect((await get('admin', '/api/periods/987654/results')).statusCode).toBe(404);
  });

  it('publishes no version for a unit scheme, whose results are its rankings', async () => {
    const unitScheme = await post('admin', '/api/schemes', {
      code: 'towns', name: '镇街综合考核', subjectKind: 'unit',
      definition: { kind: 'unit', indicators: [{ id: 'gdp', method: 'target', weight: 50 }, { id: 'safety', method: 'ledger', weight: 50 }], grades: [{ name: '第一等次', quota: 0.3 }, { name: '第二等次' }] },
    });
    const period = (await post('admin', '/api/periods', { name: '镇街3月', kind: 'month', startsOn: '2026-03-01', endsOn: '2026-03-31', schemeId: unitScheme.json().id })).json();
    for (const to of ['open', 'reviewing']) await post('admin', `/api/periods/${period.id}/transition`, { to });
    const published = await post('admin', `/api/periods/${period.id}/transition`, { to: 'publicity' });
    expect(published.json()).toMatchObject({ state: 'publicity', resultVersion: null, publicityEndsOn: '2026-04-01' });
    for (const url of [`/api/periods/${period.id}/results`, `/api/periods/${period.id}/scenario`]) {
      const res = await get('admin', url);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('results.unit_scheme');
    }
  });

  it('refuses to close during publicity, then closes; the closed period keeps its results', async () => {
    const early = await post('admin', `/api/periods/${periodId}/transition`, { to: 'closed' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'period.publicity_running', message: expect.stringContaining('2026-04-01') });
    t.clock.set('2026-04-01T16:00:00.000Z');
    cookies.admin = await t.loginAs('admin');
    cookies.zhang = await t.loginAs('zhang', org.password);
    expect((await post('admin', `/api/periods/${periodId}/transition`, { to: 'closed' })).statusCode).toBe(200);
    const closed = await results('zhang');
    expect(closed).toMatchObject({ version: 1, period: { state: 'closed' }, items: [{ subject: { name: '张三' }, total: 102, grade: '较好', flags: [] }] });
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/periods/${periodId}`, headers: { cookie: cookies.admin! }, payload: { reviewDueOn: '2026-04-05' } });
    expect(patch.json().error.code).toBe('period.closed');
  });
});
