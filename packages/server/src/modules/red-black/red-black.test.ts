import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../app/bootstrap.js';
import type { AppDeps } from '../../app/deps.js';
import { buildServer } from '../../app/server.js';
import { createTestClock, testConfig } from '../../testing/fixtures.js';
import { createTestApp, cookieOf, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { runRedBlackJobOnce, startRedBlackScheduler } from './red-black.scheduler.js';
import { approvePoints, createRankingOrg, type RankingOrg } from '../rankings/rankings.fixtures.js';
import { openSharedDatabases } from '../rankings/shared-database.test-support.js';
import { readEvents } from '../rankings/sse.test-support.js';

describe.each(testDialects)('red/black lists on %s', (dialect) => {
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
    for (const name of ['leader', 'zhang', 'li', 'wang']) cookies[name] = await t.loginAs(name, org.password);
    await approvePoints(t.deps, org, person('zhang'), 'bonus', 3, '2026-01-10');
    await approvePoints(t.deps, org, person('wang'), 'bonus', 3, '2026-01-12');
    await approvePoints(t.deps, org, person('zhao'), 'bonus', 1, '2026-01-12');
    await approvePoints(t.deps, org, person('leader'), 'bonus', 0.5, '2026-01-20');
    await approvePoints(t.deps, org, person('li'), 'style', -2, '2026-01-05');
    await approvePoints(t.deps, org, person('li'), 'style', 1, '2026-02-05');
  });
  afterAll(async () => t.close());

  const as = (who: string) => ({ cookie: cookies[who]! });

  it('generates a month once, with ties sharing a place, and publishes it with notifications', async () => {
    const outcome = await runRedBlackJobOnce(t.deps, 'test');
    expect(outcome.generated).toEqual([`${org.period.id}:2026-01`]);
    expect((await runRedBlackJobOnce(t.deps, 'test')).generated).toEqual([]);
    const drafts = await t.app.inject({ method: 'GET', url: `/api/red-black-lists?period=${org.period.id}&month=2026-01`, headers: as('admin') });
    const all = drafts.json().items.find((l: { group: { key: string } }) => l.group.key === 'all');
    expect(all).toMatchObject({ status: 'draft', redCount: 3, blackCount: 1 });
    expect((await t.app.inject({ method: 'GET', url: `/api/red-black-lists/${all.id}`, headers: as('zhang') })).statusCode).toBe(404);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/red-black-lists/${all.id}`, headers: as('admin') })).json();
    expect(detail.red.map((e: { rank: number; subject: { name: string }; points: number }) => [e.rank, e.subject.name, e.points])).toEqual([
      [1, '张三', 3], [1, '王五', 3], [3, '赵六', 1],
    ]);
    expect(detail.black).toMatchObject([{ rank: 1, subject: { name: '李四' }, points: -2, events: [{ delta: -2, rule: { code: 'FIX-style' } }] }]);

    const published = await t.app.inject({ method: 'POST', url: `/api/red-black-lists/${all.id}/publish`, headers: as('admin') });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().status).toBe('published');
    const again = await t.app.inject({ method: 'POST', url: `/api/red-black-lists/${all.id}/publish`, headers: as('admin') });
    expect(again.json().error.code).toBe('redblack.published');
    const notes = await t.deps.db.selectFrom('notifications').select(['account_id', 'message']).where('kind', '=', 'redblack.published').execute();
    expect(notes).toHaveLength(4);
    expect(notes.map((n) => n.message).join()).toContain('黑榜');

    const seen = (await t.app.inject({ method: 'GET', url: `/api/red-black-lists/${all.id}`, headers: as('wang') })).json();
    expect(seen.black[0].events[0].evidenceText).toBeNull();
    expect(seen.red.find((e: { subject: { name: string } }) => e.subject.name === '王五').events[0].evidenceText).not.toBeNull();
    const leaderView = (await t.app.inject({ method: 'GET', url: `/api/red-black-lists/${all.id}`, headers: as('leader') })).json();
    expect(leaderView.black[0].events[0].evidenceText).not.toBeNull();

    const regenerate = await t.app.inject({ method: 'POST', url: `/api/periods/${org.period.id}/red-black-lists`, headers: as('admin'), payload: { month: '2026-01' } });
    expect(regenerate.statusCode).toBe(409);
    expect(regenerate.json().error.code).toBe('redblack.published');

    const history = await t.app.inject({ method: 'GET', url: `/api/points/people/${org.people.li.id}/red-black-history`, headers: as('li') });
    expect(history.json()).toEqual([{ month: '2026-01', periodId: org.period.id, list: 'black', rank: 1, points: -2, group: { key: 'all', name: '全部' } }]);
    expect((await t.app.inject({ method: 'GET', url: `/api/points/people/${org.people.li.id}/red-black-history`, headers: as('wang') })).statusCode).toBe(404);
    const memberList = await t.app.inject({ method: 'GET', url: `/api/red-black-lists?period=${org.period.id}`, headers: as('wang') });
    expect(memberList.json().items.every((l: { status: string }) => l.status === 'published')).toBe(true);
  });

  it('lets the admin generate a month early and regenerate its drafts', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/periods/${org.period.id}/red-black-lists`, headers: as('admin'), payload: { month: '2026-02', size: 1 } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items.find((l: { group: { key: string } }) => l.group.key === 'all')).toMatchObject({ redCount: 1, blackCount: 0, size: 1 });
    const again = await t.app.inject({ method: 'POST', url: `/api/periods/${org.period.id}/red-black-lists`, headers: as('admin'), payload: { month: '2026-02' } });
    expect(again.statusCode).toBe(201);
    const outside = await t.app.inject({ method: 'POST', url: `/api/periods/${org.period.id}/red-black-lists`, headers: as('admin'), payload: { month: '2026-05' } });
    expect(outside.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: `/api/periods/${org.period.id}/red-black-lists`, headers: as('leader'), payload: { month: '2026-02' } })).statusCode).toBe(403);
  });
});

describe.each(testDialects)('two app servers on one %s database', (dialect) => {
  let shared: Awaited<ReturnType<typeof openSharedDatabases>>;
  let depsA: AppDeps;
  let depsB: AppDeps;
  let org: RankingOrg;

  beforeAll(async () => {
    shared = await openSharedDatabases(dialect);
    const clock = createTestClock('2025-12-01T01:00:00.000Z');
    const config = testConfig({ loginRateLimitPerMinute: 1000 });
    depsA = { db: shared.first.db, dialect, config, now: clock.now };
    depsB = { db: shared.second.db, dialect, config, now: clock.now };
    await bootstrap(depsA);
    org = await createRankingOrg(depsA);
    clock.set('2026-04-02T02:00:00.000Z');
  });
  afterAll(async () => shared.destroy());

  it('run the monthly job exactly once between two schedulers ticking together', async () => {
    const runs = await Promise.all([0, 1, 2].flatMap(() => [runRedBlackJobOnce(depsA, 'A'), runRedBlackJobOnce(depsB, 'B')]));
    const generated = runs.flatMap((r) => r.generated).sort();
    expect(generated).toEqual([`${org.period.id}:2026-01`, `${org.period.id}:2026-02`, `${org.period.id}:2026-03`]);
    const schedulerA = startRedBlackScheduler(depsA, { intervalMs: 20 });
    const schedulerB = startRedBlackScheduler(depsB, { intervalMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await Promise.all([schedulerA.stop(), schedulerB.stop()]);
    const runRows = await depsA.db.selectFrom('scheduled_runs').select(['run_key', 'status']).execute();
    expect(runRows).toHaveLength(3);
    expect(runRows.every((r) => r.status === 'succeeded')).toBe(true);
    const lists = await depsA.db.selectFrom('red_black_lists').select(['month', 'group_key']).where('group_key', '=', 'all').execute();
    expect(lists.map((l) => l.month).sort()).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('streams an approval made through the other app server within a second', async () => {
    const appA = await buildServer(depsA);
    const appB = await buildServer(depsB);
    try {
      const login = await appA.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhang', password: org.password } });
      const cookie = cookieOf(login);
      const address = await appA.listen({ port: 0, host: '127.0.0.1' });
      const controller = new AbortController();
      const res = await fetch(`${address}/api/rankings/stream?period=${org.period.id}`, { headers: { cookie }, signal: controller.signal });
      const events = readEvents(res);
      expect((await events.next()).event).toBe('ready');
      const started = performance.now();
      // Written and announced through server B: server A learns of it only from the ledger.
      const { ledgerId } = await approvePoints(depsB, org, { id: org.people.li.id, unitId: org.people.li.unitId }, 'bonus', 2, '2026-03-01');
      const event = await events.next(2000);
      expect(JSON.parse(event.data)).toEqual({ periodId: org.period.id, version: ledgerId });
      expect(performance.now() - started).toBeLessThan(1000);
      const read = await appA.inject({ method: 'GET', url: `/api/rankings?period=${org.period.id}`, headers: { cookie } });
      expect(read.json().items[0]).toMatchObject({ subject: { name: '李四' }, points: 2, total: 102 });
      controller.abort();
    } finally {
      await appA.close();
      await appB.close();
    }
  });
});
