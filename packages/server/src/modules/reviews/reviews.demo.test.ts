import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';

interface PeriodItem { id: number; name: string; state: string; schemeName: string; resultVersion?: number | null }

/** The demo's assessment cycles (db/seed/demo-cycles.ts) as the pages see them on first start. */
describe.each(testDialects)('the demo routine assessment on %s', (dialect) => {
  let t: TestApp;
  let periods: PeriodItem[];
  const get = async (cookie: string, url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seedDemo: true, loginRateLimitPerMinute: 1000 });
    const admin = await t.loginAs('admin');
    periods = (await get(admin, '/api/periods?limit=200')).items.filter((p: PeriodItem) => p.schemeName === '通州区公务员平时考核');
  }, 180_000);
  afterAll(async () => t.close());

  it('has last quarter closed with published results and this quarter in review', async () => {
    expect(periods.map((p) => [p.name, p.state])).toEqual([['2026年第一季度平时考核', 'reviewing'], ['2025年第四季度平时考核', 'closed']]);
    // Version 2: an appeal during its publicity was accepted (db/seed/demo-cycles.ts seedAppeals).
    expect(periods[1]!.resultVersion).toBe(2);
    const audit = await t.app.inject({ method: 'POST', url: '/api/audit/verify', headers: { cookie: await t.loginAs('admin') } });
    expect(audit.json().ok).toBe(true);
  });

  it("gives a demo leader a sheet half rated, with summaries, previews and the quota", async () => {
    const leader = await t.loginAs('leader_jinsha');
    const sheet = await get(leader, `/api/periods/${periods[0]!.id}/reviews`);
    expect(sheet.unit.name).toBe('金沙街道');
    expect(sheet.indicators.map((i: { name: string }) => i.name)).toEqual(['履职尽责', '工作实绩', '工作作风', '动态任务']);
    const people = sheet.people as { ratings: Record<string, unknown>; summary: unknown; preview: { total: number } | null }[];
    expect(people.length).toBeGreaterThan(5);
    expect(people.some((p) => Object.keys(p.ratings).length === 4)).toBe(true);
    expect(people.some((p) => Object.keys(p.ratings).length === 0)).toBe(true);
    expect(people.some((p) => p.summary !== null)).toBe(true);
    expect(people.every((p) => p.preview !== null)).toBe(true);
    expect(sheet.quota[0]).toMatchObject({ group: { key: 'all' }, grades: [{ name: '好', quota: 0.4 }, { name: '较好' }, { name: '一般' }, { name: '较差' }] });
  });

  it("shows the closed quarter's appeals: one accepted with a new version, one rejected", async () => {
    const appeals = (await get(await t.loginAs('admin'), `/api/appeals?period=${periods[1]!.id}`)).items as {
      person: { name: string }; status: string; resultVersion: number; result: { total: number }; decision: { resultVersion: number | null; result: { total: number } | null };
    }[];
    expect(appeals.map((a) => a.status).sort()).toEqual(['accepted', 'rejected']);
    // Both contested the first publication.
    expect(appeals.map((a) => a.resultVersion)).toEqual([1, 1]);
    const accepted = appeals.find((a) => a.status === 'accepted')!;
    expect(accepted).toMatchObject({ resultVersion: 1, decision: { resultVersion: 2 } });
    expect(accepted.decision.result!.total).toBeGreaterThan(accepted.result.total);
    const mine = (await get(await t.loginAs('member_jinsha'), '/api/appeals')).items as { status: string }[];
    expect(mine.map((a) => a.status)).toEqual(['accepted']);
  });

  it('lets a demo member open his summary of the quarter', async () => {
    const member = await t.loginAs('member_jinsha');
    const mine = await get(member, `/api/periods/${periods[0]!.id}/summaries/mine`);
    expect(mine.prefill).toContain('2026年第一季度平时考核个人小结');
    expect(mine.digest.entries).toBeGreaterThan(0);
    // His demo entries link the quarter's indicators, which the summary names.
    expect(mine.prefill).toMatch(/二、关联指标：(履职尽责|工作实绩|工作作风|动态任务) \d+ 条/);
  });

  it("offers a demo member the quarter's indicators for his log, and shows his entries' by name", async () => {
    const member = await t.loginAs('member_jinsha');
    const { items } = await get(member, '/api/logs/indicators');
    expect(items.map((i: { ref: string; name: string }) => [i.ref, i.name])).toEqual([
      ['routine-civil-servants:duty', '履职尽责'], ['routine-civil-servants:results', '工作实绩'],
      ['routine-civil-servants:conduct', '工作作风'], ['routine-civil-servants:discipline', '纪律规矩'], ['routine-civil-servants:tasks', '动态任务'],
    ]);
    const feed = await get(member, '/api/logs?limit=50');
    const linked = feed.items.filter((e: { indicator: string | null }) => e.indicator !== null);
    expect(linked.length).toBeGreaterThan(0);
    for (const e of linked) expect(items.map((i: { name: string }) => i.name)).toContain(e.indicatorName);
  });
});
