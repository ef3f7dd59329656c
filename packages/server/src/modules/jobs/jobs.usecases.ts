import { randomUUID } from 'node:crypto';
import type { Job } from '@baton/contract/jobs';
import type { AppDeps } from '../../app/deps.js';
import { AppError, createNotFoundError } from '../../app/errors.js';
import { type Actor, mayReadJob } from '../../policies/index.js';
import { findJob, insertJob, updateJob } from './jobs.repository.js';

export interface JobProgress {
  (done: number, total?: number, message?: string): void;
}

/** A job as GET /api/jobs/:id answers it (the contract's). */
export type JobView = Job;

/**
 * Progress of running jobs, in memory: while a job's single write transaction holds SQLite's one
 * connection, the jobs table cannot be written, so live progress is served from here; PostgreSQL
 * deployments also persist it (throttled) so any app server can answer a poll.
 */
const live = new Map<string, JobView & { createdBy: number | null }>();

/** Runs `work` in the background and returns the job id at once; the job row records the outcome. */
export async function startJob<T>(
  deps: Pick<AppDeps, 'db' | 'dialect' | 'now'>,
  job: {
    kind: string;
    total: number;
    createdBy: number | null;
    /** What of the result goes to the jobs table; the full result is served from memory for a minute (secrets stay there). */
    persistResult?: (result: T) => unknown;
  },
  work: (progress: JobProgress) => Promise<T>,
): Promise<string> {
  const id = randomUUID();
  await insertJob(deps.db, { id, kind: job.kind, total: job.total, createdBy: job.createdBy, now: deps.now().toISOString() });
  const view = { id, kind: job.kind, status: 'running' as JobView['status'], total: job.total, done: 0, message: null as string | null, result: null as unknown, error: null as unknown, createdBy: job.createdBy };
  live.set(id, view);
  let lastPersist = 0;
  const progress: JobProgress = (done, total, message) => {
    view.done = done;
    if (total !== undefined) view.total = total;
    if (message !== undefined) view.message = message;
    const t = Date.now();
    if (deps.dialect === 'postgres' && t - lastPersist > 500) {
      lastPersist = t;
      void updateJob(deps.db, id, { status: 'running', done, total: view.total, message: view.message, now: deps.now().toISOString() }).catch(() => undefined);
    }
  };
  void (async () => {
    try {
      const result = await work(progress);
      Object.assign(view, { status: 'succeeded', result, done: view.total });
      const stored = job.persistResult ? job.persistResult(result) : result;
      await updateJob(deps.db, id, { status: 'succeeded', done: view.total, total: view.total, resultJson: JSON.stringify(stored), now: deps.now().toISOString() });
    } catch (err) {
      const error = err instanceof AppError ? { code: err.code, message: err.message, details: err.details } : { code: 'internal', message: String(err) };
      Object.assign(view, { status: 'failed', error });
      await updateJob(deps.db, id, { status: 'failed', errorJson: JSON.stringify(error), now: deps.now().toISOString() }).catch(() => undefined);
    } finally {
      setTimeout(() => live.delete(id), 60_000).unref();
    }
  })();
  return id;
}

/** Waits until a job has finished (used by the CLI and tests). */
export async function waitForJob(deps: Pick<AppDeps, 'db'>, id: string, onProgress?: (v: JobView) => void): Promise<JobView> {
  for (;;) {
    const view = live.get(id) ?? (await readJob(deps, id));
    if (view && onProgress) onProgress(view);
    if (!view || view.status === 'succeeded' || view.status === 'failed') return view!;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function readJob({ db }: Pick<AppDeps, 'db'>, id: string): Promise<(JobView & { createdBy: number | null }) | undefined> {
  const row = await findJob(db, id);
  if (!row) return undefined;
  return {
    id: row.id, kind: row.kind, status: row.status, total: row.total, done: row.done, message: row.message,
    result: row.result_json ? (JSON.parse(row.result_json) as unknown) : null,
    error: row.error_json ? (JSON.parse(row.error_json) as unknown) : null,
    createdBy: row.created_by,
  };
}

/** A job is visible to whoever started it, and to admins. */
export async function getJob(deps: Pick<AppDeps, 'db'>, actor: Actor, id: string): Promise<JobView> {
  const view = live.get(id) ?? (await readJob(deps, id));
  if (!view || !mayReadJob(actor, view)) throw createNotFoundError('job', id);
  const { createdBy: _createdBy, ...rest } = view;
  return rest;
}
