import { DEFAULT_RED_BLACK_LIST_SIZE, PERIOD_ACTIONS } from '@baton/engine';
import type { AppDeps } from '../../app/deps.js';
import { startPeriodicJob, type PeriodicJobOptions } from '../../app/periodic-job.js';
import { localDateOf } from '../../app/dates.js';
import { listPeriods } from '../periods/index.js';
import { monthsBetween } from '../rankings/index.js';
import { buildRedBlackListsOfMonth, lastDateOfMonthInPeriod } from './red-black.usecases.js';
import { findSqliteDatabaseFile, isPostgres } from '../../db/dialect.js';
import { claimScheduledRun, finishScheduledRun } from '../jobs/index.js';
import { insertRedBlackListsIfAbsent } from './red-black.repository.js';
import { findScheme } from '../schemes/index.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/**
 * SQLite waits for a lock synchronously (busy_timeout), blocking the thread: two handles on one file
 * in ONE process (tests, or two deps in one server) would then wait on each other until the timeout.
 * Their runs are therefore queued per file within the process; across processes SQLite's own lock
 * (and on PostgreSQL the unique index) decides.
 */
const sqliteFileQueues = new Map<string, Promise<unknown>>();

async function inProcessQueue<T>(deps: Deps, work: () => Promise<T>): Promise<T> {
  if (isPostgres(deps.db)) return work();
  const file = await findSqliteDatabaseFile(deps.db);
  if (file === '') return work();
  const previous = sqliteFileQueues.get(file) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  sqliteFileQueues.set(file, next);
  try {
    return await next;
  } finally {
    if (sqliteFileQueues.get(file) === next) sqliteFileQueues.delete(file);
  }
}

export const RED_BLACK_JOB = 'redblack.generate';

export interface RedBlackTickOutcome {
  /** Run keys (`<periodId>:<YYYY-MM>`) this runner claimed and generated. */
  generated: string[];
}

/**
 * One pass of the monthly job: for each period in state open, reviewing or publicity and each of its
 * months that has ended (its last day in the period is before today, Asia/Shanghai), generate the
 * month's draft lists unless they exist. Each (period, month) is claimed by inserting its
 * `scheduled_runs` row in the same transaction as the generation: among several app servers exactly
 * one commits the claim and the lists; the others find the row and skip. A failed generation rolls
 * its claim back, so a later tick tries again.
 */
export async function runRedBlackJobOnce(deps: Deps, runner: string): Promise<RedBlackTickOutcome> {
  const { db, now } = deps;
  const today = localDateOf(now());
  const periods = await listPeriods(db, { states: PERIOD_ACTIONS.buildRedBlackLists, limit: 1000 });
  const generated: string[] = [];
  for (const period of periods) {
    const months = monthsBetween(period.starts_on, period.ends_on).filter((month) => lastDateOfMonthInPeriod(period, month) < today);
    if (months.length === 0) continue;
    const scheme = (await findScheme(db, period.scheme_id))!;
    for (const month of months) {
      const runKey = `${period.id}:${month}`;
      const done = await inProcessQueue(deps, () => inTransaction(db, async (trx) => {
        // The claim is the transaction's first statement: on SQLite it takes the write lock at once.
        const at = now().toISOString();
        const runId = await claimScheduledRun(trx, { job: RED_BLACK_JOB, runKey, runner, now: at });
        if (runId === undefined) return false;
        const lists = await buildRedBlackListsOfMonth(trx, period, scheme, month, DEFAULT_RED_BLACK_LIST_SIZE);
        const inserted = await insertRedBlackListsIfAbsent(trx, lists.map((l) => ({
          periodId: period.id, month, groupKey: l.groupKey, size: DEFAULT_RED_BLACK_LIST_SIZE, entriesJson: JSON.stringify(l.entries), generatedBy: null, now: at,
        })));
        await finishScheduledRun(trx, runId, 'succeeded', `${inserted} of ${lists.length} lists generated`, now().toISOString());
        return true;
      }));
      if (done) generated.push(runKey);
    }
  }
  return { generated };
}

/** Runs the job every `intervalMs` (the first pass at once) until stopped; passes never overlap (see startPeriodicJob). */
export function startRedBlackScheduler(deps: Deps, options: PeriodicJobOptions): { stop(): Promise<void> } {
  return startPeriodicJob((runner) => runRedBlackJobOnce(deps, runner), options);
}
