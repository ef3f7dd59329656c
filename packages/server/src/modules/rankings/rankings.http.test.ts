import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { RANKING_POLL_MS, rankingHubOf } from './ranking-hub.js';
import { approvePoints, createRankingOrg, type RankingOrg } from './rankings.fixtures.js';
import { readEvents } from './sse.test-support.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Row { rank: number; subject: { id: number; name: string; unitId: number }; points: number; total: number; grade: string }

describe.each(testDialects)('rankings over HTTP on %s', (dialect) => {
  let t: TestApp;
  let org: RankingOrg;
  const cookies: Record<string, string> = {};
  const person = (key: keyof RankingOrg['people']) => ({ id: org.people[key].id, unitId: org.people[key].unitId });

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    t.clock.set('2025-12-01T01:00:00.000Z');
    org = await createRankingOrg(t.deps);
    t.clock.set('2026-02-15T02:00:00.000Z');
    cookies.admin = await t.loginAs('admin');
    for (const name of ['leader', 'zhang', 'li', 'wang', 'auditor']) cookies[name] = await t.loginAs(name, org.password);
  });
  afterAll(async () => t.close());

  const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]! } });
  const ranking = async (who: string, group = 'all', extra = '') => {
    const res = await get(who, `/api/rankings?period=${org.period.id}&group=${group}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { version: number; count: number; items: Row[]; me: Row | null; group: { key: string; name: string }; nextCursor: string | null };
  };

  it('ranks everyone assigned during the period, tied at the start', async () => {
    const all = await ranking('zhang');
    expect(all.count).toBe(6);
    expect(all.items.every((row) => row.rank === 1 && row.total === 100 && row.points === 0)).toBe(true);
    expect(all.group).toEqual({ key: 'all', name: '全部' });
  });

  it('follows approvals: competition ranks by total, net points, the version and my own row', async () => {
    await approvePoints(t.deps, org, person('zhang'), 'bonus', 2);
    await approvePoints(t.deps, org, person('li'), 'style', -3);
    const { ledgerId } = await approvePoints(t.deps, org, person('li'), 'bonus', 0.5);
    const all = await ranking('zhang');
    expect(all.version).toBe(ledgerId);
    expect(all.items.map((row) => [row.subject.name, row.rank, row.total, row.points])).toEqual([
      ['张三', 1, 102, 2],
      ['陈镇长', 2, 100, 0], ['赵六', 2, 100, 0], ['王五', 2, 100, 0], ['周镇长', 2, 100, 0],
      ['李四', 6, 97.5, -2.5],
    ]);
    expect(all.me).toMatchObject({ rank: 1, subject: { name: '张三' } });
    expect((await ranking('li')).me).toMatchObject({ rank: 6, points: -2.5, total: 97.5 });
  });

  it('sees at once every approval announced here, and within moments one written by another app server', async () => {
    for (let i = 0; i < 5; i++) {
      const { ledgerId } = await approvePoints(t.deps, org, person('wang'), 'bonus', 0.25);
      expect((await ranking('wang')).version).toBe(ledgerId);
    }
    // A row no announcement reports, as another app server's approval. Reads within 100 ms of the
    // last catch-up share it; up to RANKING_POLL_MS they are still answered from it, without
    // waiting, and start a new one in the background; an older state makes the read wait.
    const hub = rankingHubOf(t.deps);
    const catchUp = vi.spyOn(hub, 'catchUp');
    try {
      await hub.catchUp();
      const caughtUp = Date.now();
      const before = (await ranking('wang')).version;
      const { ledgerId } = await approvePoints(t.deps, org, person('wang'), 'bonus', -0.75, '2026-02-10', { announce: false });
      await sleep(120);
      const calls = catchUp.mock.calls.length;
      const answered = await ranking('wang');
      // Only when this machine kept to the timing (a slow run waits for the catch-up instead).
      if (Date.now() - caughtUp < RANKING_POLL_MS - 50) {
        expect(answered.version).toBe(before);
        expect(catchUp).toHaveBeenCalledTimes(calls + 1);
        await catchUp.mock.results.at(-1)!.value; // the background catch-up the read started
      }
      const seen = await ranking('wang');
      expect(seen.version).toBe(ledgerId);
      expect(seen.me).toMatchObject({ points: 0.5, total: 100.5 });
    } finally {
      catchUp.mockRestore();
    }

    const { ledgerId: later } = await approvePoints(t.deps, org, person('wang'), 'bonus', -0.5, '2026-02-10', { announce: false });
    await sleep(RANKING_POLL_MS + 50);
    const waited = await ranking('wang');
    expect(waited.version).toBe(later);
    expect(waited.me).toMatchObject({ points: 0, total: 100 });
  });

  it('sends the page gzip-compressed to a reader who takes gzip, the same JSON inflated, each with his own row', async () => {
    for (const who of ['zhang', 'li'] as const) {
      const url = `/api/rankings?period=${org.period.id}&group=all`;
      const plain = await get(who, url);
      const zipped = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[who]!, 'accept-encoding': 'gzip, deflate, br' } });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toMatch(/accept-encoding/i);
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
      const inflated = JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'));
      expect(inflated).toEqual(plain.json());
      expect(inflated.me.subject.id).toBe(org.people[who].id);
    }
  });

  it('shares the page between readers but shows each his own row, and a renamed period within a second', async () => {
    const [zhang, li] = [await ranking('zhang'), await ranking('li')];
    expect(li.items).toEqual(zhang.items);
    expect([zhang.me?.subject.id, li.me?.subject.id]).toEqual([org.people.zhang.id, org.people.li.id]);
    expect((await ranking('admin')).me).toBeNull();
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/periods/${org.period.id}`, headers: { cookie: cookies.admin! }, payload: { name: '2026年度积分（更正）' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const after = (await ranking('zhang')) as unknown as { period: { name: string }; version: number };
    expect(after.period.name).toBe('2026年度积分（更正）');
    expect(after.version).toBe(zhang.version);
  });

  it('pages with a cursor', async () => {
    const first = await ranking('admin', 'all', '&limit=4');
    expect(first.items.map((r) => r.rank)).toEqual([1, 2, 2, 2]);
    const second = await ranking('admin', 'all', `&limit=4&cursor=${first.nextCursor}`);
    expect(second.items.map((r) => r.rank)).toEqual([2, 6]);
    expect(second.nextCursor).toBeNull();
  });

  it("ranks within a unit's subtree and within a category", async () => {
    const town = await ranking('leader', `unit:${org.units.t1.id}`);
    expect(town.items.map((r) => [r.subject.name, r.rank])).toEqual([['张三', 1], ['陈镇长', 2], ['赵六', 2], ['李四', 4]]);
    expect(town.group.name).toBe('川姜镇');
    const category = await ranking('wang', `category:${org.categories.town.id}`);
    expect(category.count).toBe(6);
    expect(category.group.name).toBe('工业强镇');
  });

  it("ranks only the subtree a period is scoped to (a department's own points period)", async () => {
    const created = await t.app.inject({
      method: 'POST', url: '/api/periods', headers: { cookie: cookies.admin! },
      payload: { name: '川姜镇 2026年2月', kind: 'month', startsOn: '2026-02-01', endsOn: '2026-02-28', schemeId: org.scheme.id, scopeUnitId: org.units.t1.id },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().scope).toEqual({ unitId: org.units.t1.id, unitName: '川姜镇' });
    const res = await get('admin', `/api/rankings?period=${created.json().id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((r: Row) => r.subject.name).sort()).toEqual(['张三', '李四', '赵六', '陈镇长'].sort());
    const unknown = await t.app.inject({
      method: 'POST', url: '/api/periods', headers: { cookie: cookies.admin! },
      payload: { name: 'x', kind: 'month', startsOn: '2026-02-01', endsOn: '2026-02-28', schemeId: org.scheme.id, scopeUnitId: 99999 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].path).toBe('/scopeUnitId');
  });

  it("answers 404 for a group outside the caller's scope, like a missing one", async () => {
    expect((await get('wang', `/api/rankings?period=${org.period.id}&group=unit:${org.units.t1.id}`)).statusCode).toBe(404);
    expect((await get('zhang', `/api/rankings?period=${org.period.id}&group=unit:${org.units.s1.id}`)).statusCode).toBe(404);
    expect((await get('admin', `/api/rankings?period=${org.period.id}&group=unit:9999`)).statusCode).toBe(404);
    expect((await get('admin', `/api/rankings?period=9999`)).statusCode).toBe(404);
    expect((await get('auditor', `/api/rankings?period=${org.period.id}&group=unit:${org.units.s1.id}`)).statusCode).toBe(200);
  });

  it('offers each caller the groups he may open: his own first, then the categories and units he oversees', async () => {
    const groups = async (who: string) => {
      const res = await get(who, `/api/rankings/groups?period=${org.period.id}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { key: string; name: string; section: string }[] }).items.map((g) => [g.section, g.key, g.name]);
    };
    const town = `category:${org.categories.town.id}`;
    expect(await groups('zhang')).toEqual([['mine', 'all', '全部'], ['mine', town, '工业强镇'], ['mine', `unit:${org.units.t1.id}`, '川姜镇']]);
    // The leader of 川姜镇 also opens the units of his subtree; nobody else's.
    expect((await groups('leader')).filter(([section]) => section !== 'mine').map(([, key]) => key)).toEqual([`unit:${org.units.s1.id}`]);
    // The admin is no subject: 全部, then every category and unit.
    const admin = await groups('admin');
    expect(admin[0]).toEqual(['mine', 'all', '全部']);
    expect(admin.filter(([section]) => section === 'category').map(([, key]) => key)).toEqual([town]);
    expect(admin.filter(([section]) => section === 'unit').map(([, key]) => key).sort())
      .toEqual([org.units.district.id, org.units.t1.id, org.units.s1.id, org.units.t2.id].map((id) => `unit:${id}`).sort());
  });

  it("draws a group's points as round bins on the server, marking the caller's own", async () => {
    const res = await get('li', `/api/rankings/histogram?period=${org.period.id}&group=unit:${org.units.t1.id}&bins=6`);
    expect(res.statusCode, res.body).toBe(200);
    const histogram = res.json() as { count: number; bins: { from: number; to: number; count: number }[]; myBin: number | null; group: { name: string } };
    const rows = (await ranking('li', `unit:${org.units.t1.id}`, '&limit=200')).items;
    expect(histogram.group.name).toBe('川姜镇');
    expect(histogram.count).toBe(rows.length);
    expect(histogram.bins.length).toBeLessThanOrEqual(6);
    expect(histogram.bins.reduce((sum, b) => sum + b.count, 0)).toBe(rows.length);
    for (const row of rows) {
      const at = histogram.bins.findIndex((b, i) => row.points >= b.from && (row.points < b.to || i === histogram.bins.length - 1));
      expect(at, `${row.subject.name} ${row.points}`).toBeGreaterThanOrEqual(0);
    }
    const mine = rows.find((row) => row.subject.name === '李四')!;
    const myBin = histogram.bins[histogram.myBin!]!;
    expect(mine.points >= myBin.from && mine.points <= myBin.to).toBe(true);
    // Like the ranking itself: a group outside the caller's scope is not found.
    expect((await get('wang', `/api/rankings/histogram?period=${org.period.id}&group=unit:${org.units.t1.id}`)).statusCode).toBe(404);
    expect((await get('admin', `/api/rankings/histogram?period=${org.period.id}`)).json().myBin).toBeNull();
  });

  it("shows a person's own page: points, ranks, trend, explained indicators and events", async () => {
    const res = await get('li', `/api/points/people/${org.people.li.id}?period=${org.period.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ points: -2.5, total: 97.5, person: { name: '李四' } });
    expect(page.trend).toEqual([
      { month: '2026-01', points: 0, cumulative: 0 },
      { month: '2026-02', points: -2.5, cumulative: -2.5 },
      { month: '2026-03', points: 0, cumulative: -2.5 },
    ]);
    expect(page.ranks).toContainEqual({ group: { key: 'all', name: '全部' }, rank: 6, count: 6 });
    expect(page.indicators.style.score).toBe(47);
    expect(page.indicators.style.explain).toContain('47');
    expect(page.events.map((e: { delta: number }) => e.delta).sort()).toEqual([-3, 0.5]);
  });

  it("scopes the person page: self, the leader's subtree, admin and auditor", async () => {
    expect((await get('leader', `/api/points/people/${org.people.li.id}?period=${org.period.id}`)).statusCode).toBe(200);
    expect((await get('auditor', `/api/points/people/${org.people.li.id}?period=${org.period.id}`)).statusCode).toBe(200);
    expect((await get('wang', `/api/points/people/${org.people.li.id}?period=${org.period.id}`)).statusCode).toBe(404);
    expect((await get('zhang', `/api/points/people/${org.people.li.id}`)).statusCode).toBe(404);
  });

  it('streams a ranking event within a second of an approval', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const controller = new AbortController();
    const res = await fetch(`${address}/api/rankings/stream?period=${org.period.id}&group=unit:${org.units.t1.id}`, {
      headers: { cookie: cookies.leader! }, signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = readEvents(res);
    expect((await events.next()).event).toBe('ready');
    const started = performance.now();
    const { ledgerId } = await approvePoints(t.deps, org, person('zhao'), 'bonus', 1);
    const event = await events.next();
    expect(event.event).toBe('ranking');
    expect(JSON.parse(event.data)).toEqual({ periodId: org.period.id, version: ledgerId });
    expect(performance.now() - started).toBeLessThan(1000);
    controller.abort();
  });
});
