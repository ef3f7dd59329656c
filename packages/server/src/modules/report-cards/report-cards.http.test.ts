import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { createWorkLogOrg, type WorkLogOrg } from '../worklogs/worklogs.fixtures.js';
import { publishResultsFixture, type FixtureResult } from './report-cards-fixtures.repository.js';

/**
 * Report cards (成绩单) and the lists that use results (考用结合), issue 6.
 *
 *     崇川区 ─┬─ 川姜镇 (leader 陈镇长; 张三, 李四) ── 党政办 (赵六)
 *             └─ 二甲镇 (leader2 周镇长; 王五)
 *
 * 2026 Q1 runs its real cycle (leaders' ratings with comments → publicity); Q2 and Q3 are closed
 * quarters stored directly; Q4 is still a draft. Three closed annual periods (2024–2026) feed the
 * promotion list.
 */
const ROUTINE = {
  name: '平时考核',
  kind: 'routine',
  sections: [{ id: 'process', weight: 0.4 }, { id: 'result', weight: 0.6 }],
  indicators: [
    { id: 'review', name: '日常表现', section: 'process', kind: 'regular', method: 'rating', weight: 60, raterGroups: { leader: 1 } },
    { id: 'conduct', name: '执法作风', section: 'process', kind: 'regular', method: 'ledger', weight: 40 },
    { id: 'tasks', name: '重点工作', section: 'result', kind: 'key', method: 'rating', weight: 100, raterGroups: { leader: 1 } },
  ],
  grouping: 'unit',
  grades: [{ name: '好', quota: 0.4, minScore: 90 }, { name: '较好', minScore: 80 }, { name: '一般', minScore: 60 }, { name: '较差' }],
};

const ANNUAL = {
  name: '年度考核',
  kind: 'annual',
  indicators: [{ id: 'perf', name: '年度实绩', method: 'ledger', weight: 100 }],
  grouping: 'all',
  grades: [{ name: '优秀', quota: 0.2, minScore: 85 }, { name: '称职', minScore: 60 }, { name: '基本称职', minScore: 40 }, { name: '不称职' }],
};

type Who = 'admin' | 'auditor' | 'leader' | 'leader2' | 'zhang' | 'li' | 'zhao' | 'wang';

interface Card {
  person: { id: number; name: string; employeeNo: string };
  unit: { id: number; name: string };
  period: { id: number; name: string; state: string; version: number; scheme: { code: string } };
  total: number; groupRank: number; groupSize: number; grade: string; grades: string[]; flags: string[];
  group: { key: string; name: string };
  sections: { id: string; weight: number; score: number }[];
  indicators: { id: string; name: string; section: string | null; weight: number | null; score: number; raw: number | null; explain: string | null }[];
  totalExplain: string | null;
  comments: { indicator: { id: string; name: string }; rater: { name: string }; rating: number; comment: string }[];
  trend: { periodName: string; total: number; grade: string }[];
  periods: { id: number; name: string }[];
}

describe.each(testDialects)('report cards and result lists over HTTP on %s', (dialect) => {
  let t: TestApp;
  let org: WorkLogOrg;
  const cookies = {} as Record<Who, string>;
  const q: number[] = [];
  const years: number[] = [];

  const get = (who: Who, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who] } });
  async function ok<T>(who: Who, url: string): Promise<T> {
    const res = await get(who, url);
    expect(res.statusCode, `${who} GET ${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  }
  async function send(who: Who, method: 'POST' | 'PUT', url: string, payload: object) {
    const res = await t.app.inject({ method, url, headers: { cookie: cookies[who] }, payload });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as { id: number };
  }
  const id = (who: keyof WorkLogOrg['people']) => org.people[who].id;

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000, sessionTtlHours: 24 * 800 });
    t.clock.set('2025-12-20T02:00:00.000Z');
    org = await createWorkLogOrg(t.deps);
    cookies.admin = await t.loginAs('admin');
    for (const who of ['auditor', 'leader', 'leader2', 'zhang', 'li', 'zhao', 'wang'] as const) cookies[who] = await t.loginAs(who, org.password);
    const { t1, s1, t2 } = org.units;

    const routine = await send('admin', 'POST', '/api/schemes', { code: 'routine', name: '平时考核', subjectKind: 'person', definition: ROUTINE });
    for (const [n, startsOn, endsOn] of [[1, '2026-01-01', '2026-03-31'], [2, '2026-04-01', '2026-06-30'], [3, '2026-07-01', '2026-09-30'], [4, '2026-10-01', '2026-12-31']] as const) {
      q.push((await send('admin', 'POST', '/api/periods', { name: `2026年第${n}季度`, kind: 'quarter', startsOn, endsOn, schemeId: routine.id })).id);
    }
    // Q1: the real cycle.
    t.clock.set('2026-01-05T02:00:00.000Z');
    await send('admin', 'POST', `/api/periods/${q[0]}/transition`, { to: 'open' });
    t.clock.set('2026-04-01T02:00:00.000Z');
    await send('admin', 'POST', `/api/periods/${q[0]}/transition`, { to: 'reviewing' });
    await send('leader', 'PUT', `/api/periods/${q[0]}/reviews/${id('zhang')}`, {
      ratings: [{ indicator: 'review', rating: 95, comment: '工作扎实，群众满意度高' }, { indicator: 'tasks', rating: 92, comment: '春运安保任务完成出色' }],
    });
    await send('leader', 'PUT', `/api/periods/${q[0]}/reviews/${id('li')}`, { ratings: [{ indicator: 'review', rating: 85 }, { indicator: 'tasks', rating: 80 }] });
    await send('leader', 'PUT', `/api/periods/${q[0]}/reviews/${id('zhao')}`, { ratings: [{ indicator: 'review', rating: 88 }, { indicator: 'tasks', rating: 86 }] });
    await send('leader2', 'PUT', `/api/periods/${q[0]}/reviews/${id('wang')}`, { ratings: [{ indicator: 'review', rating: 80 }, { indicator: 'tasks', rating: 78, comment: '需加强台账' }] });
    t.clock.set('2026-04-03T02:00:00.000Z');
    await send('admin', 'POST', `/api/periods/${q[0]}/transition`, { to: 'publicity' });

    // Q2 and Q3: closed, 陈镇长 last of 川姜镇 and 王五 last of 二甲镇 both times; 赵六 alone in 党政办 (nobody ahead: no laggard).
    const r = (who: keyof WorkLogOrg['people'], unitId: number, total: number, groupRank: number, grade: string): FixtureResult =>
      ({ personId: id(who), unitId, groupKey: `unit:${unitId}`, total, rank: groupRank, groupRank, grade });
    await publishResultsFixture(t.deps.db, q[1]!, 'closed', [
      r('zhang', t1.id, 95, 1, '好'), r('li', t1.id, 85, 2, '较好'), r('leader', t1.id, 70, 3, '一般'),
      r('leader2', t2.id, 88, 1, '较好'), r('wang', t2.id, 60, 2, '一般'),
      // 赵六 was seconded to 二甲镇 in Q2 (his result belongs to the unit he was in), still alone in his group.
      { ...r('zhao', s1.id, 90, 1, '好'), unitId: t2.id },
    ], ['review', 'conduct', 'tasks']);
    await publishResultsFixture(t.deps.db, q[2]!, 'closed', [
      r('li', t1.id, 93, 1, '好'), r('zhang', t1.id, 91, 2, '较好'), r('leader', t1.id, 75, 3, '一般'),
      r('leader2', t2.id, 90, 1, '好'), r('wang', t2.id, 65, 2, '一般'), r('zhao', s1.id, 80, 1, '较好'),
    ], ['review', 'conduct', 'tasks']);

    // Annual periods 2024–2026, closed.
    const annual = await send('admin', 'POST', '/api/schemes', { code: 'annual', name: '年度考核', subjectKind: 'person', definition: ANNUAL });
    const grades: Record<number, [keyof WorkLogOrg['people'], string][]> = {
      2024: [['zhang', '优秀'], ['li', '称职'], ['wang', '优秀']],
      2025: [['zhang', '优秀'], ['li', '优秀'], ['wang', '优秀']],
      2026: [['zhang', '优秀'], ['li', '优秀'], ['wang', '优秀'], ['zhao', '优秀'], ['leader', '称职']],
    };
    for (const year of [2024, 2025, 2026]) {
      const period = await send('admin', 'POST', '/api/periods', { name: `${year}年度考核`, kind: 'year', startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, schemeId: annual.id });
      years.push(period.id);
      await publishResultsFixture(t.deps.db, period.id, 'closed', grades[year]!.map(([who, grade], i) => ({
        personId: id(who), unitId: org.people[who].unitId, groupKey: 'all', total: 95 - i, rank: i + 1, groupRank: i + 1, grade,
      })), ['perf']);
    }
  });
  afterAll(async () => t.close());

  describe('GET /api/report-cards/:personId', () => {
    it("shows a member his own card: every indicator with its explanation, the leaders' comments and the trend", async () => {
      const card = await ok<Card>('zhang', `/api/report-cards/${id('zhang')}?period=${q[0]}`);
      expect(card).toMatchObject({
        person: { id: id('zhang'), name: '张三', employeeNo: 'M1' },
        unit: { id: org.units.t1.id, name: '川姜镇' },
        period: { id: q[0], name: '2026年第1季度', state: 'publicity', version: 1, scheme: { code: 'routine' } },
        group: { key: `unit:${org.units.t1.id}`, name: '川姜镇' },
        groupRank: 1,
        groupSize: 3,
        grades: ['好', '较好', '一般', '较差'],
      });
      // process = 60 × 0.95 + 40 = 97; result = 92; total = 0.4 × 97 + 0.6 × 92 = 94.
      expect(card.total).toBe(94);
      expect(card.sections).toEqual([{ id: 'process', weight: 0.4, score: 97 }, { id: 'result', weight: 0.6, score: 92 }]);
      expect(card.indicators.map((i) => [i.id, i.name, i.section, i.weight, i.score])).toEqual([
        ['review', '日常表现', 'process', 60, 57],
        ['conduct', '执法作风', 'process', 40, 40],
        ['tasks', '重点工作', 'result', 100, 92],
      ]);
      for (const indicator of card.indicators) expect(indicator.explain).toMatch(new RegExp(`^${indicator.id}: `));
      expect(card.totalExplain).toMatch(/^total: .*= 94/);
      expect(card.comments.map((c) => [c.indicator.name, c.rater.name, c.rating, c.comment])).toEqual([
        ['日常表现', '陈镇长', 95, '工作扎实，群众满意度高'],
        ['重点工作', '陈镇长', 92, '春运安保任务完成出色'],
      ]);
      expect(card.trend).toEqual([{ periodId: q[0], periodName: '2026年第1季度', endsOn: '2026-03-31', total: 94, grade: card.grade }]);
    });

    it('draws the trend from the published periods of the same scheme code, oldest first, up to the period shown', async () => {
      const q3 = await ok<Card>('zhang', `/api/report-cards/${id('zhang')}?period=${q[2]}`);
      expect(q3.trend.map((p) => [p.periodName, p.total, p.grade])).toEqual([['2026年第1季度', 94, expect.any(String)], ['2026年第2季度', 95, '好'], ['2026年第3季度', 91, '较好']]);
      const q2 = await ok<Card>('zhang', `/api/report-cards/${id('zhang')}?period=${q[1]}`);
      expect(q2.trend.map((p) => p.periodName)).toEqual(['2026年第1季度', '2026年第2季度']);
      // Without ?period: the latest published period he has a result in — the 2026 annual one, with its own scheme's trend.
      const latest = await ok<Card>('zhang', `/api/report-cards/${id('zhang')}`);
      expect(latest.period).toMatchObject({ id: years[2], scheme: { code: 'annual' } });
      expect(latest.trend.map((p) => [p.periodName, p.grade])).toEqual([['2024年度考核', '优秀'], ['2025年度考核', '优秀'], ['2026年度考核', '优秀']]);
      expect(latest.periods.map((p) => p.name)).toEqual(['2026年度考核', '2026年第3季度', '2026年第2季度', '2026年第1季度', '2025年度考核', '2024年度考核']);
    });

    it('answers 404 exactly like a missing card outside the scope: a member his own, a leader his subtrees, admin and auditor all', async () => {
      const status = async (who: Who, person: number) => {
        const res = await get(who, `/api/report-cards/${person}?period=${q[0]}`);
        if (res.statusCode === 404) expect(res.json().error.code).toBe('reportCard.not_found');
        return res.statusCode;
      };
      expect(await status('zhang', id('li'))).toBe(404);
      expect(await status('zhang', 999_999)).toBe(404);
      expect(await status('leader', id('zhang'))).toBe(200);
      expect(await status('leader', id('zhao'))).toBe(200);
      expect(await status('leader', id('leader'))).toBe(200);
      expect(await status('leader', id('wang'))).toBe(404);
      expect(await status('leader2', id('wang'))).toBe(200);
      expect(await status('leader2', id('zhang'))).toBe(404);
      for (const who of ['admin', 'auditor'] as const) for (const person of ['zhang', 'wang', 'leader2'] as const) expect(await status(who, id(person))).toBe(200);
      // Without ?period, an out-of-scope person is as missing as one without any result.
      expect((await get('zhang', `/api/report-cards/${id('wang')}`)).statusCode).toBe(404);
      // A leader's trend and period list only hold results he may see.
      const card = await ok<Card>('leader', `/api/report-cards/${id('zhang')}?period=${q[2]}`);
      expect(card.trend).toHaveLength(3);
    });

    it("follows the unit a result belongs to: a leader sees the periods a person spent in his subtree, not the others", async () => {
      const trendOf = async (who: Who) => (await ok<Card>(who, `/api/report-cards/${id('zhao')}?period=${q[2]}`)).trend.map((p) => p.periodName);
      expect(await trendOf('admin')).toEqual(['2026年第1季度', '2026年第2季度', '2026年第3季度']);
      expect(await trendOf('leader')).toEqual(['2026年第1季度', '2026年第3季度']);
      expect((await get('leader', `/api/report-cards/${id('zhao')}?period=${q[1]}`)).statusCode).toBe(404);
      expect((await ok<Card>('leader2', `/api/report-cards/${id('zhao')}?period=${q[1]}`)).unit.name).toBe('二甲镇');
      expect((await get('leader2', `/api/report-cards/${id('zhao')}?period=${q[2]}`)).statusCode).toBe(404);
      expect((await ok<Card>('zhao', `/api/report-cards/${id('zhao')}?period=${q[2]}`)).trend).toHaveLength(3);
    });

    it('has no card for a period before publicity, not even for the admin: results are not public yet', async () => {
      for (const who of ['admin', 'auditor', 'zhang'] as const) {
        const res = await get(who, `/api/report-cards/${id('zhang')}?period=${q[3]}`);
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('reportCard.not_found');
      }
      const list = await get('admin', `/api/report-cards?period=${q[3]}`);
      expect(list.statusCode).toBe(404);
    });
  });

  describe('GET /api/report-cards (a unit in brief) and its .xlsx export', () => {
    interface Brief { items: { person: { name: string }; unit: { name: string }; total: number; grade: string; groupRank: number; groupSize: number }[]; nextCursor: string | null; unit: { name: string } | null }

    it("lists a leader's subtree by default, pages through it, and refuses members", async () => {
      const all = await ok<Brief>('leader', `/api/report-cards?period=${q[0]}`);
      expect(all.unit).toMatchObject({ name: '川姜镇' });
      expect(all.items.map((i) => i.person.name).sort()).toEqual(['张三', '李四', '赵六', '陈镇长'].sort());
      expect(all.items.find((i) => i.person.name === '张三')).toMatchObject({ total: 94, groupRank: 1, groupSize: 3, unit: { name: '川姜镇' } });
      const first = await ok<Brief>('leader', `/api/report-cards?period=${q[0]}&limit=3`);
      expect(first.items).toHaveLength(3);
      const second = await ok<Brief>('leader', `/api/report-cards?period=${q[0]}&limit=3&cursor=${first.nextCursor}`);
      expect([...first.items, ...second.items].map((i) => i.person.name)).toEqual(all.items.map((i) => i.person.name));
      expect(second.nextCursor).toBeNull();

      const t2 = await ok<Brief>('auditor', `/api/report-cards?period=${q[0]}&unit=${org.units.t2.id}`);
      expect(t2.items.map((i) => i.person.name).sort()).toEqual(['周镇长', '王五'].sort());
      expect((await ok<Brief>('admin', `/api/report-cards?period=${q[0]}`)).items).toHaveLength(6);
      const outside = await get('leader', `/api/report-cards?period=${q[0]}&unit=${org.units.t2.id}`);
      expect(outside.statusCode).toBe(404);
      expect(outside.json().error.code).toBe('unit.not_found');
      const member = await get('zhang', `/api/report-cards?period=${q[0]}`);
      expect(member.statusCode).toBe(403);
    });

    it('exports the unit as a real .xlsx: title row, frozen header, one row per person with every score', async () => {
      const res = await get('leader', `/api/report-cards/export.xlsx?period=${q[0]}&unit=${org.units.t1.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('成绩单_2026年第1季度_川姜镇.xlsx')}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('成绩单')!;
      expect(sheet.getCell('A1').value).toBe('2026年第1季度 成绩单 · 川姜镇');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
      const header = (sheet.getRow(2).values as unknown[]).slice(1);
      expect(header).toEqual([
        '工号', '姓名', '单位', '总分', '分项 process（×0.4）', '分项 result（×0.6）', '日常表现（review）', '执法作风（conduct）', '重点工作（tasks）',
        '分组', '组内排名', '组内人数', '等次', '标记',
      ]);
      const rows = [];
      for (let n = 3; n <= sheet.rowCount; n += 1) rows.push((sheet.getRow(n).values as unknown[]).slice(1));
      expect(rows).toHaveLength(4);
      const zhang = rows.find((row) => row[1] === '张三')!;
      const card = await ok<Card>('leader', `/api/report-cards/${id('zhang')}?period=${q[0]}`);
      expect(zhang).toEqual(['M1', '张三', '川姜镇', 94, 97, 92, 57, 40, 92, '川姜镇', 1, 3, card.grade, card.flags.join(', ')]);
      expect(rows.map((row) => row[1])).not.toContain('王五');

      expect((await get('zhang', `/api/report-cards/export.xlsx?period=${q[0]}`)).statusCode).toBe(403);
      expect((await get('leader', `/api/report-cards/export.xlsx?period=${q[0]}&unit=${org.units.t2.id}`)).statusCode).toBe(404);
    });
  });

  describe('GET /api/result-lists/warning (约谈提醒)', () => {
    interface Warning { periods: number; items: { person: { name: string }; group: { name: string }; scheme: { code: string }; periods: { name: string; groupRank: number; groupSize: number }[] }[] }

    it('lists the people last in their group in each of the last m closed periods of a scheme code', async () => {
      const list = await ok<Warning>('auditor', '/api/result-lists/warning');
      expect(list.periods).toBe(2);
      expect(list.items.map((i) => [i.person.name, i.group.name, i.scheme.code, i.periods.map((p) => `${p.name} ${p.groupRank}/${p.groupSize}`)])).toEqual(expect.arrayContaining([
        ['陈镇长', '川姜镇', 'routine', ['2026年第2季度 3/3', '2026年第3季度 3/3']],
        ['王五', '二甲镇', 'routine', ['2026年第2季度 2/2', '2026年第3季度 2/2']],
      ]));
      // 赵六 is alone in 党政办: nobody is ahead of him, so he is never last. Q1 is not closed: three periods find nobody.
      expect(list.items).toHaveLength(2);
      expect((await ok<Warning>('admin', '/api/result-lists/warning?periods=3')).items).toEqual([]);
      expect((await ok<Warning>('admin', `/api/result-lists/warning?group=unit:${org.units.t2.id}`)).items.map((i) => i.person.name)).toEqual(['王五']);
      expect((await ok<Warning>('admin', '/api/result-lists/warning?scheme=annual')).items).toEqual([]);
    });

    it('shows a leader his subtrees only, and refuses members', async () => {
      expect((await ok<Warning>('leader', '/api/result-lists/warning')).items.map((i) => i.person.name)).toEqual(['陈镇长']);
      expect((await ok<Warning>('leader2', '/api/result-lists/warning')).items.map((i) => i.person.name)).toEqual(['王五']);
      expect((await get('wang', '/api/result-lists/warning')).statusCode).toBe(403);
    });
  });

  describe('GET /api/result-lists/promotion', () => {
    interface Promotion { grade: string; years: number[]; items: { person: { name: string }; results: { year: number; grade: string }[] }[] }

    it('lists the people with the grade in each of the last N consecutive years of annual results', async () => {
      const three = await ok<Promotion>('admin', '/api/result-lists/promotion');
      expect(three).toMatchObject({ grade: '优秀', years: [2024, 2025, 2026] });
      expect(three.items.map((i) => i.person.name)).toEqual(['张三', '王五']);
      expect(three.items[0]!.results.map((r) => [r.year, r.grade])).toEqual([[2024, '优秀'], [2025, '优秀'], [2026, '优秀']]);
      expect((await ok<Promotion>('admin', '/api/result-lists/promotion?grade=优秀&years=2')).items.map((i) => i.person.name)).toEqual(['张三', '李四', '王五']);
      expect((await ok<Promotion>('admin', `/api/result-lists/promotion?grade=${encodeURIComponent('称职')}&years=1`)).items.map((i) => i.person.name)).toEqual(['陈镇长']);
    });

    it('shows a leader his subtrees only, and refuses members', async () => {
      expect((await ok<Promotion>('leader', '/api/result-lists/promotion?years=2')).items.map((i) => i.person.name)).toEqual(['张三', '李四']);
      expect((await ok<Promotion>('leader2', '/api/result-lists/promotion')).items.map((i) => i.person.name)).toEqual(['王五']);
      expect((await get('zhang', '/api/result-lists/promotion')).statusCode).toBe(403);
    });
  });

  it('rejects bad input with a 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/report-cards/abc', 'personId'],
      ['/api/report-cards/0', 'personId'],
      [`/api/report-cards/1?period=0`, 'period'],
      [`/api/report-cards/1?periodId=1`, 'periodId'],
      ['/api/report-cards', 'period'],
      [`/api/report-cards?period=${q[0]}&unit=x`, 'unit'],
      [`/api/report-cards?period=${q[0]}&limit=500`, 'limit'],
      [`/api/report-cards?period=${q[0]}&cursor=!!`, 'cursor'],
      [`/api/report-cards/export.xlsx?period=${q[0]}&format=csv`, 'format'],
      ['/api/result-lists/warning?periods=0', 'periods'],
      ['/api/result-lists/warning?group=town', 'group'],
      ['/api/result-lists/warning?m=2', 'm'],
      ['/api/result-lists/promotion?years=x', 'years'],
      ['/api/result-lists/promotion?year=3', 'year'],
    ];
    for (const [url, field] of cases) {
      const res = await get('admin', url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path).join(' '), url).toContain(field);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/report-cards/${id('zhang')}` })).statusCode).toBe(401);
  });
});
