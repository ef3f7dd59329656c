import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/kysely.js';
import { createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { loadWorkingDayCalendar } from '../work-calendar/index.js';
import { getWorkLogCalendar } from './worklog-reports.usecases.js';
import { createWorkLogOrg, type WorkLogOrg } from './worklogs.fixtures.js';
import { seedDemoWorkLogs } from './worklogs.seed.js';
import { listWorkLogFeed } from './worklogs.usecases.js';

describe.each(testDialects)('the demo work logs on %s', (dialect) => {
  const handles: DatabaseHandle[] = [];
  const clock = createTestClock();
  const now = new Date('2026-03-04T02:00:00.000Z');

  async function seededDatabase(): Promise<{ handle: DatabaseHandle; deps: ReturnType<typeof depsFor>; org: WorkLogOrg; result: Awaited<ReturnType<typeof seedDemoWorkLogs>> }> {
    const handle = await createTestDatabase(dialect);
    handles.push(handle);
    const deps = depsFor(handle, clock);
    clock.set('2026-01-05T01:00:00.000Z');
    const org = await createWorkLogOrg(deps);
    clock.set(now.toISOString());
    const result = await seedDemoWorkLogs(deps, { now });
    return { handle, deps, org, result };
  }

  let seeded: Awaited<ReturnType<typeof seededDatabase>>;
  beforeEach(async () => {
    seeded = await seededDatabase();
  });
  afterEach(async () => {
    while (handles.length) await handles.pop()!.destroy();
  });

  const rowsOf = (handle: DatabaseHandle) =>
    handle.db.selectFrom('work_logs').select(['person_id', 'log_date', 'kind', 'content', 'late', 'created_at']).orderBy('id').execute();

  it('writes about two months of entries on working days only, some late, with comments, likes and flags', async () => {
    const { result, handle } = seeded;
    expect(result).toMatchObject({ skipped: false, from: '2026-01-02', to: '2026-03-04' });
    expect(result.entries).toBeGreaterThan(150);
    expect(result.comments).toBeGreaterThan(5);
    expect(result.likes).toBeGreaterThan(5);
    const rows = await rowsOf(handle);
    const calendar = await loadWorkingDayCalendar(handle.db, '2026-01-01', '2026-03-04');
    expect(rows.every((r) => calendar.isWorkingDay(r.log_date))).toBe(true);
    expect(rows.every((r) => r.log_date >= '2026-01-05' && r.log_date <= '2026-03-04')).toBe(true);
    expect(rows.some((r) => r.late === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['routine', 'key_task', 'dynamic_task']));
  });

  it('is the same on every first start, and does nothing the second time', async () => {
    expect((await seedDemoWorkLogs(seeded.deps, { now })).skipped).toBe(true);
    const first = await rowsOf(seeded.handle);
    // One test database at a time: Kysely's migrator looks for its lock table in every schema.
    await handles.pop()!.destroy();
    const again = await seededDatabase();
    expect(await rowsOf(again.handle)).toEqual(first);
  });

  it('lets leaders comment only within their subtree, and leaves some missed days to remind of', async () => {
    const { handle, org, deps } = seeded;
    const comments = await handle.db
      .selectFrom('work_log_comments as c')
      .innerJoin('work_logs as w', 'w.id', 'c.log_id')
      .select(['c.account_id', 'w.unit_id', 'c.person_id', 'w.person_id as author'])
      .execute();
    for (const c of comments.filter((x) => x.person_id !== x.author)) {
      const allowed = c.account_id === org.actors.leader.accountId ? [org.units.t1.id, org.units.s1.id] : [org.units.t2.id];
      expect(allowed).toContain(c.unit_id);
    }
    let missed = 0;
    for (const person of Object.values(org.people)) {
      for (const month of ['2026-01', '2026-02']) missed += (await getWorkLogCalendar(deps, org.actors.admin, { month, person: person.id })).totals.missedDays;
    }
    expect(missed).toBeGreaterThan(0);
  });

  it('makes the entries searchable in Chinese', async () => {
    const { items } = await listWorkLogFeed(seeded.deps, seeded.org.actors.admin, { q: '走访', limit: 20 });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.content.includes('走访'))).toBe(true);
  });
});
