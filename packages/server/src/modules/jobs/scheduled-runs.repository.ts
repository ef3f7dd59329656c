import type { Db } from '../../db/kysely.js';

/** Scheduled runs (red/black lists, summary reminders): each (job, run key) runs once across every app server. */

/**
 * Claims a run by inserting its (job, run_key) row; false when another runner holds it. Inside a
 * transaction the row is only visible (and the claim only final) at commit: a concurrent claimer
 * waits on the unique index (PostgreSQL) or the write lock (SQLite), then finds the row and gets false.
 */
export async function claimScheduledRun(db: Db, run: { job: string; runKey: string; runner: string; now: string }): Promise<number | undefined> {
  const row = await db
    .insertInto('scheduled_runs')
    .values({ job: run.job, run_key: run.runKey, runner: run.runner, status: 'running', started_at: run.now, finished_at: null, message: null })
    .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function finishScheduledRun(db: Db, id: number, status: 'succeeded' | 'failed', message: string | null, now: string): Promise<void> {
  await db.updateTable('scheduled_runs').set({ status, finished_at: now, message }).where('id', '=', id).execute();
}
