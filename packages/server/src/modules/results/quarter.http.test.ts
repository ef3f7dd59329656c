import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateInput, type Result } from '@baton/engine';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { removeScratchDirs, scratchDir } from '../../testing/scratch-dirs.js';
import { registerEvaluateCommand } from '../../cli/commands/evaluate.js';
import { registerResultCommands } from '../../cli/commands/results.js';
import { adminActor } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { createAccount } from '../accounts/index.js';
import { changeUnit, createCategory } from '../org/index.js';
import { createPerson } from '../people/index.js';
import { createWorkLogOrg, type WorkLogOrg } from '../worklogs/worklogs.fixtures.js';

afterAll(removeScratchDirs);

/**
 * A whole routine quarter through the HTTP API (issue 6), then a year built from four of them:
 * points proposed and approved, summaries submitted, leaders' ratings, reviewing → publicity, an
 * appeal accepted after a re-rating (version 2) → closed, and the exported scenario re-evaluated by
 * `baton evaluate`, number for number.
 *
 *     崇川区 (category 综合部门, led by chief 区委书记) ─┬─ 川姜镇 (工业强镇, leader 陈镇长; 张三, 李四) ── 党政办 (赵六)
 *                                                     └─ 二甲镇 (工业强镇, leader2 周镇长; 王五)
 */
const ROUTINE_SCHEME = {
  name: '2026 公务员平时考核',
  kind: 'routine',
  sections: [{ id: 'process', weight: 0.4 }, { id: 'result', weight: 0.6 }],
  indicators: [
    { id: 'conduct', name: '执法作风', section: 'process', kind: 'regular', method: 'ledger', weight: 40 },
    { id: 'review', name: '日常表现', section: 'process', kind: 'regular', method: 'rating', weight: 60, raterGroups: { leader: 1 } },
    { id: 'tasks', name: '重点工作', section: 'result', kind: 'key', method: 'rating', weight: 70, weightsByCategory: { DEPT: 60 }, raterGroups: { leader: 1 } },
    { id: 'dynamic_task', name: '动态任务', section: 'result', kind: 'dynamic', method: 'rating', weight: 30, weightsByCategory: { DEPT: 40 }, raterGroups: { leader: 1 } },
    { id: 'bonus', name: '通报表扬', kind: 'dynamic', method: 'ledger', extra: true, base: 0, min: 0, max: 5 },
  ],
  grouping: 'category',
  grades: [{ name: '好', quota: 0.4, minScore: 90 }, { name: '较好', minScore: 80 }, { name: '一般', minScore: 60 }, { name: '较差' }],
  quotaRounding: 'floor',
};

const ANNUAL_SCHEME = {
  name: '2026 年度考核',
  kind: 'annual',
  indicators: [
    { id: 'routine', name: '平时考核', method: 'periods', weight: 70 },
    { id: 'democratic', name: '民主测评', method: 'rating', weight: 30, raterGroups: { leader: 1 } },
  ],
  grouping: 'all',
  grades: [
    { name: '优秀', quota: 0.2, minScore: 85, requires: { grade: '好', shareAbove: 0.5, noneOf: ['一般', '较差'] } },
    { name: '称职', minScore: 60 }, { name: '基本称职', minScore: 40 }, { name: '不称职' },
  ],
};

type Who = 'admin' | 'auditor' | 'chief' | 'leader' | 'leader2' | 'zhang' | 'li' | 'zhao' | 'wang';
interface Row {
  subject: { id: number; name: string }; total: number; rank: number; group: { key: string; name: string }; groupRank: number; grade: string; flags: string[];
  sections: Record<string, number>; indicators: Record<string, { weight: number | null; score: number; raw: number | null }>; explain: string[];
}
interface Distribution { group: { key: string; name: string }; size: number; grades: { name: string; capacity: number | null; count: number }[]; ties: { grade: string; subjects: { id: number; name: string }[] }[] }
interface Results { version: number | null; live: boolean; items: Row[]; nextCursor: string | null; distribution: Distribution[] }

/** What the engine said, in the API's order: a published row must equal it number for number. */
const comparable = (r: Result | (Row & { key: string })) => ({
  subject: 'key' in r ? r.key : r.subject, total: r.total, rank: r.rank, groupRank: r.groupRank, grade: r.grade, flags: r.flags,
  sections: r.sections, indicators: r.indicators, explain: r.explain,
});
const comparableRow = (r: Row) => comparable({ ...r, key: `p${r.subject.id}` });

describe.each(testDialects)('a routine quarter and a year, through the HTTP API, on %s', (dialect) => {
  let t: TestApp;
  let org: WorkLogOrg;
  let chiefId: number;
  let routineSchemeId: number;
  const quarters: { id: number; name: string }[] = [];
  const cookies = {} as Record<Who, string>;
  const work = scratchDir('baton-quarter-');

  const request = async (who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, status = method === 'POST' && !url.includes('/transition') && !url.includes('/approve') && !url.includes('/submit') ? 201 : 200) => {
    const res = await t.app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return res;
  };
  const at = (iso: string) => t.clock.set(iso);
  const personId = (who: Exclude<Who, 'admin' | 'auditor' | 'chief'>) => org.people[who].id;
  const transition = (periodId: number, to: string, who: Who = 'admin') => request(who, 'POST', `/api/periods/${periodId}/transition`, { to });
  const results = async (who: Who, periodId: number, query = '?limit=200') => (await request(who, 'GET', `/api/periods/${periodId}/results${query}`)).json() as Results;
  const rate = (leader: Who, periodId: number, who: number, ratings: Record<string, number>, task?: string) =>
    request(leader, 'PUT', `/api/periods/${periodId}/reviews/${who}`, {
      ratings: Object.entries(ratings).map(([indicator, rating]) => ({ indicator, rating, ...(indicator === 'dynamic_task' && task ? { task } : {}) })),
    });

  /** `baton export scenario` in-process, on this test's database, into a file; then `baton evaluate --explain` on that file. */
  async function exportAndEvaluateWithCli(periodId: number): Promise<{ text: string; results: Result[] }> {
    const file = join(work, `period-${periodId}.json`);
    const exporter = new Command('baton').exitOverride().enablePositionalOptions();
    registerResultCommands(exporter, async () => ({ deps: t.deps, close: async () => {} }));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await exporter.parseAsync(['export', 'scenario', String(periodId), '-o', file], { from: 'user' });
    stderr.mockRestore();
    const evaluator = new Command('baton').exitOverride();
    registerEvaluateCommand(evaluator);
    const chunks: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    try {
      await evaluator.parseAsync(['evaluate', file, '--explain'], { from: 'user' });
    } finally {
      stdout.mockRestore();
    }
    return { text: readFileSync(file, 'utf8'), results: (JSON.parse(chunks.join('')) as { results: Result[] }).results };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000, sessionTtlHours: 24 * 800 });
    at('2025-12-20T02:00:00.000Z');
    org = await createWorkLogOrg(t.deps);
    const town = await createCategory(t.deps, adminActor, { code: 'TOWN', name: '工业强镇' });
    const dept = await createCategory(t.deps, adminActor, { code: 'DEPT', name: '综合部门' });
    for (const unit of [org.units.t1, org.units.s1, org.units.t2]) await changeUnit(t.deps, adminActor, unit.id, { categoryId: town.id });
    await changeUnit(t.deps, adminActor, org.units.district.id, { categoryId: dept.id });
    const chief = await createPerson(t.deps, adminActor, { employeeNo: 'L0', name: '区委书记', unitId: org.units.district.id });
    chiefId = chief.id;
    await createAccount(t.deps, adminActor, { username: 'chief', personId: chief.id, roles: [{ role: 'leader', unitId: org.units.district.id }, { role: 'member' }], password: org.password });
    cookies.admin = await t.loginAs('admin');
    for (const who of ['auditor', 'chief', 'leader', 'leader2', 'zhang', 'li', 'zhao', 'wang'] as const) cookies[who] = await t.loginAs(who, org.password);

    routineSchemeId = (await request('admin', 'POST', '/api/schemes', { code: 'routine-2026', name: '2026 平时考核', subjectKind: 'person', definition: ROUTINE_SCHEME })).json().id;
    for (const [n, startsOn, endsOn] of [[1, '2026-01-01', '2026-03-31'], [2, '2026-04-01', '2026-06-30'], [3, '2026-07-01', '2026-09-30'], [4, '2026-10-01', '2026-12-31']] as const) {
      const period = await request('admin', 'POST', '/api/periods', {
        name: `2026年第${n}季度`, kind: 'quarter', startsOn, endsOn, schemeId: routineSchemeId, summaryDueOn: endsOn,
      });
      quarters.push({ id: period.json().id, name: period.json().name });
    }
  });
  afterAll(async () => t.close());

  it('runs the first quarter: points, summaries, ratings, publicity with a quota tie, closing', async () => {
    const q1 = quarters[0]!.id;
    at('2026-01-05T02:00:00.000Z');
    await transition(q1, 'open');

    // 动态积分: rules of the ledger indicators, events proposed by the leaders and approved by the organization department.
    const rule = async (code: string, name: string, indicator: string, defaultDelta: number, minDelta: number, maxDelta: number) =>
      (await request('admin', 'POST', '/api/point-rules', { schemeId: routineSchemeId, code, name, indicator, defaultDelta, minDelta, maxDelta })).json().id as number;
    const criticism = await rule('TB-PP', '通报批评', 'conduct', -3, -5, -1);
    const praise = await rule('TB-BY', '通报表扬', 'bonus', 2, 1, 5);
    at('2026-03-20T02:00:00.000Z');
    const propose = async (leader: Who, ruleId: number, person: number, occurredOn: string, evidenceText: string, delta?: number) => {
      const event = await request(leader, 'POST', '/api/point-events', { ruleId, personId: person, occurredOn, evidenceText, ...(delta === undefined ? {} : { delta }) });
      await request('admin', 'POST', `/api/point-events/${event.json().id}/approve`, {});
      return event.json().id as number;
    };
    await propose('leader', praise, personId('zhang'), '2026-02-03', '市局通报表扬：春运安保');
    await propose('leader', criticism, personId('li'), '2026-02-10', '市局通报：接处警超时');
    await propose('leader', criticism, personId('zhao'), '2026-02-11', '督查通报：台账缺失');
    await propose('leader2', criticism, personId('wang'), '2026-03-02', '市局通报：执法记录仪未开启', -5);
    const mistaken = await propose('leader', criticism, personId('zhang'), '2026-03-05', '通报批评（录入错误）');
    await request('admin', 'POST', `/api/point-events/${mistaken}/reverse`, { reason: '录入对象错误，予以冲正' });
    // A proposal nobody approved is not a fact.
    await request('leader', 'POST', '/api/point-events', { ruleId: criticism, personId: personId('li'), occurredOn: '2026-03-06', evidenceText: '待核实' });

    // 个人小结.
    for (const who of ['zhang', 'li', 'zhao', 'wang'] as const) {
      await request(who, 'PUT', `/api/periods/${q1}/summaries/mine`, { content: `${who}：本季度完成重点工作，参加防汛演练。` });
      await request(who, 'POST', `/api/periods/${q1}/summaries/mine/submit`, {});
    }

    // 审核评鉴: each leader rates the people of his subtree, never himself.
    at('2026-04-01T02:00:00.000Z');
    await transition(q1, 'reviewing');
    const task = '防汛应急演练';
    await rate('leader', q1, personId('zhang'), { review: 95, tasks: 95, dynamic_task: 95 }, task);
    await rate('leader', q1, personId('li'), { review: 90, tasks: 92, dynamic_task: 90 }, task);
    await rate('leader', q1, personId('zhao'), { review: 90, tasks: 92, dynamic_task: 90 }, task);
    await rate('leader2', q1, personId('wang'), { review: 85, tasks: 80, dynamic_task: 88 }, task);
    await rate('chief', q1, personId('leader'), { review: 88, tasks: 90, dynamic_task: 85 }, task);
    await rate('chief', q1, personId('leader2'), { review: 80, tasks: 75, dynamic_task: 70 }, task);

    // The committee's live preview equals what publication then stores.
    const preview = await results('admin', q1);
    expect(preview).toMatchObject({ live: true, version: null });

    at('2026-04-03T02:00:00.000Z'); // Friday; 4–6 April is 清明
    const published = await transition(q1, 'publicity');
    expect(published.json()).toMatchObject({ state: 'publicity', resultVersion: 1, publicityStartsOn: '2026-04-07', publicityEndsOn: '2026-04-13' });
    const board = await results('auditor', q1);
    expect(board).toMatchObject({ live: false, version: 1 });
    expect(board.items.map(comparableRow)).toEqual(preview.items.map(comparableRow));
    expect(board.items.map((r) => [r.subject.name, r.total, r.group.name, r.groupRank, r.grade, r.flags])).toEqual([
      ['张三', 97.8, '工业强镇', 1, '好', []],
      ['李四', 91.24, '工业强镇', 2, '较好', ['quota-tie:好']],
      ['赵六', 91.24, '工业强镇', 2, '较好', ['quota-tie:好']],
      ['陈镇长', 90.22, '工业强镇', 4, '较好', []],
      ['王五', 83.84, '工业强镇', 5, '较好', []],
      ['周镇长', 79.3, '工业强镇', 6, '一般', []],
      ['区委书记', 16, '综合部门', 1, '较差', ['no-rating:dynamic_task', 'no-rating:review', 'no-rating:tasks']],
    ]);
    expect(board.items[0]!.indicators).toMatchObject({ conduct: { score: 40, raw: 40 }, bonus: { score: 2 }, tasks: { weight: 70, score: 66.5 } });
    expect(board.items[6]!.indicators.tasks).toMatchObject({ weight: 60, score: 0 });
    const town = board.distribution.find((d) => d.group.name === '工业强镇')!;
    // Two seats of 好 in six; one taken; the tied pair does not fit the one left, so it stays in 较好 and 好 closes.
    expect(town).toMatchObject({ size: 6, grades: [{ name: '好', capacity: 2, count: 1 }, { name: '较好', count: 4 }, { name: '一般', count: 1 }, { name: '较差', count: 0 }] });
    expect(town.ties).toEqual([{ grade: '好', subjects: [{ id: personId('li'), name: '李四' }, { id: personId('zhao'), name: '赵六' }] }]);

    // Scopes during publicity.
    expect((await results('li', q1)).items.map((r) => [r.subject.name, r.grade])).toEqual([['李四', '较好']]);
    expect((await results('leader', q1)).items.map((r) => r.subject.name)).toEqual(['张三', '李四', '赵六', '陈镇长']);
    expect((await results('leader2', q1)).items.map((r) => r.subject.name)).toEqual(['王五', '周镇长']);

    // An appeal (申诉/复核): 王五 contests his rating; his leader re-rates him during publicity; the
    // organization department accepts and the period is published again as version 2.
    const appeal = (await request('wang', 'POST', '/api/appeals', { periodId: q1, reason: '防汛演练中的带班工作未计入评分' })).json();
    expect(appeal).toMatchObject({ status: 'pending', resultVersion: 1, result: { total: 83.84, grade: '较好', groupRank: 5 } });
    await rate('leader2', q1, personId('wang'), { review: 92, tasks: 90, dynamic_task: 92 }, task);
    const decided = (await request('admin', 'POST', `/api/appeals/${appeal.id}/decision`, { outcome: 'accepted', note: '经核实带班记录，评分予以调整' }, 200)).json();
    expect(decided.appeal).toMatchObject({ status: 'accepted', decision: { resultVersion: 2 } });
    const v2 = await results('auditor', q1);
    expect(v2).toMatchObject({ live: false, version: 2 });
    const wang2 = v2.items.find((r) => r.subject.name === '王五')!;
    expect(wang2.total).toBeGreaterThan(83.84);
    expect(decided.changes).toContainEqual({
      personId: personId('wang'), name: '王五', unitId: org.units.t2.id,
      before: { total: 83.84, grade: '较好', groupRank: 5 }, after: { total: wang2.total, grade: wang2.grade, groupRank: wang2.groupRank },
    });
    // Version 1 stays as published.
    expect((await results('auditor', q1, '?limit=200&version=1')).items.map(comparableRow)).toEqual(board.items.map(comparableRow));

    // Appeals are accepted until the window ends: the period cannot close before.
    at('2026-04-13T10:00:00.000Z');
    const early = await t.app.inject({ method: 'POST', url: `/api/periods/${q1}/transition`, headers: { cookie: cookies.admin }, payload: { to: 'closed' } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'period.publicity_running', message: expect.stringContaining('2026-04-13') });
    at('2026-04-14T02:00:00.000Z');
    await transition(q1, 'closed');
    const rating = await t.app.inject({ method: 'PUT', url: `/api/periods/${q1}/reviews/${personId('li')}`, headers: { cookie: cookies.leader }, payload: { ratings: [{ indicator: 'review', rating: 99 }] } });
    expect(rating.statusCode).toBe(409);
    expect(['period.closed', 'period.state_invalid']).toContain(rating.json().error.code);

    // The export, through the API and the CLI, is the stored input: `baton evaluate` reproduces every published number.
    const api = await request('auditor', 'GET', `/api/periods/${q1}/scenario`);
    const cli = await exportAndEvaluateWithCli(q1);
    expect(cli.text).toBe(api.body);
    const scenario = api.json();
    expect(scenario.subjects).toContainEqual({ id: `p${personId('zhao')}`, name: '赵六', unit: `u${org.units.s1.id}`, category: 'TOWN' });
    expect(scenario.facts.filter((f: { indicator: string }) => f.indicator === 'conduct').map((f: { delta: number }) => f.delta)).toEqual([-3, -3, -5, -3, 3]);
    expect(scenario.facts.filter((f: { group?: string }) => f.group === 'leader')).toHaveLength(18);
    const closed = await results('admin', q1);
    expect(closed.items.map(comparableRow)).toEqual(cli.results.map(comparable));
    expect(cli.results.find((r) => r.subject === `p${personId('li')}`)!.group).toBe('TOWN');
    const viaEngine = evaluateInput(scenario, { explain: true });
    expect(viaEngine.ok && viaEngine.results.map(comparable)).toEqual(cli.results.map(comparable));
  });

  it('builds an annual period from the four closed quarters: its history, its 优秀 under quota and requires', async () => {
    // Quarters 2–4: no points; 李四 overtakes 张三, both 好.
    const ratingsOf: [Who, Exclude<Who, 'admin' | 'auditor' | 'chief'>, number][] = [
      ['leader', 'zhang', 95], ['leader', 'li', 96], ['leader', 'zhao', 85], ['leader2', 'wang', 80], ['chief', 'leader', 92], ['chief', 'leader2', 70],
    ];
    for (const quarter of quarters.slice(1)) {
      const period = (await request('admin', 'GET', `/api/periods/${quarter.id}`)).json();
      const dayAfter = new Date(Date.parse(`${period.endsOn}T02:00:00.000Z`) + 86_400_000).toISOString();
      at(dayAfter);
      await transition(quarter.id, 'open');
      await transition(quarter.id, 'reviewing');
      for (const [leader, who, value] of ratingsOf) await rate(leader, quarter.id, personId(who), { review: value, tasks: value, dynamic_task: value });
      const published = (await transition(quarter.id, 'publicity')).json();
      at(new Date(Date.parse(`${published.publicityEndsOn}T02:00:00.000Z`) + 86_400_000).toISOString());
      await transition(quarter.id, 'closed');
      const items = (await results('admin', quarter.id)).items;
      expect(items.slice(0, 3).map((r) => [r.subject.name, r.total, r.grade, r.flags])).toEqual([['李四', 96.64, '好', []], ['张三', 95.8, '好', []], ['陈镇长', 93.28, '较好', []]]);
    }

    at('2027-01-20T02:00:00.000Z');
    const schemeId = (await request('admin', 'POST', '/api/schemes', { code: 'annual-2026', name: '2026 年度考核', subjectKind: 'person', definition: ANNUAL_SCHEME })).json().id;
    const annual = (await request('admin', 'POST', '/api/periods', { name: '2026年度', kind: 'year', startsOn: '2026-01-01', endsOn: '2026-12-31', schemeId })).json();
    await transition(annual.id, 'open');
    await transition(annual.id, 'reviewing');
    await rate('leader', annual.id, personId('zhang'), { democratic: 90 });
    await rate('leader', annual.id, personId('li'), { democratic: 95 });
    await rate('chief', annual.id, personId('leader'), { democratic: 90 });

    // The live scenario already reads the closed quarters' published results.
    const live = (await request('admin', 'GET', `/api/periods/${annual.id}/scenario`)).json();
    expect(live.history).toHaveLength(4 * 7);
    await transition(annual.id, 'publicity');

    const scenario = (await request('admin', 'GET', `/api/periods/${annual.id}/scenario`)).json();
    const historyOf = (person: number) => scenario.history.filter((h: { subject: string }) => h.subject === `p${person}`);
    expect(historyOf(personId('zhang'))).toEqual([
      { subject: `p${personId('zhang')}`, period: '2026年第1季度', score: 97.8, grade: '好' },
      { subject: `p${personId('zhang')}`, period: '2026年第2季度', score: 95.8, grade: '好' },
      { subject: `p${personId('zhang')}`, period: '2026年第3季度', score: 95.8, grade: '好' },
      { subject: `p${personId('zhang')}`, period: '2026年第4季度', score: 95.8, grade: '好' },
    ]);
    expect(historyOf(personId('li')).map((h: { grade: string }) => h.grade)).toEqual(['较好', '好', '好', '好']);
    expect(historyOf(chiefId)).toHaveLength(4);
    // The quarters' published rows, as the history says.
    for (const [index, quarter] of quarters.entries()) {
      for (const row of (await results('admin', quarter.id)).items) {
        expect(scenario.history).toContainEqual({ subject: `p${row.subject.id}`, period: `2026年第${index + 1}季度`, score: row.total, grade: row.grade });
      }
    }

    const annualResults = await results('admin', annual.id);
    // One seat of 优秀 in seven: 李四 (3 of 4 quarters 好) takes it; 张三 (4 of 4) is behind him.
    expect(annualResults.items.slice(0, 3).map((r) => [r.subject.name, r.total, r.grade, r.flags])).toEqual([
      ['李四', 95.2, '优秀', []], ['张三', 94.41, '称职', []], ['陈镇长', 91.76, '称职', []],
    ]);
    expect(annualResults.distribution).toHaveLength(1);
    expect(annualResults.distribution[0]).toMatchObject({ group: { key: 'all', name: '全部' }, size: 7, ties: [] });
    expect(annualResults.distribution[0]!.grades[0]).toEqual({ name: '优秀', quota: 0.2, capacity: 1, count: 1 });
    const cli = await exportAndEvaluateWithCli(annual.id);
    expect(JSON.parse(cli.text)).toEqual(scenario);
    expect(annualResults.items.map(comparableRow)).toEqual(cli.results.map(comparable));
  });
});
