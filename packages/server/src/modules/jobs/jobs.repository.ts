import type { Db } from '../../db/kysely.js';
import type { Job, JobStatus } from '../../db/schema.js';

export async function insertJob(db: Db, job: { id: string; kind: string; total: number; createdBy: number | null; now: string }) {
  await db
    .insertInto('jobs')
    .values({ id: job.id, kind: job.kind, status: 'queued', total: job.total, done: 0, created_by: job.createdBy, created_at: job.now, updated_at: job.now })
    .execute();
}

export async function updateJob(
  db: Db, id: string,
  changes: { status?: JobStatus; total?: number; done?: number; message?: string | null; resultJson?: string | null; errorJson?: string | null; now: string },
) {
  await db
    .updateTable('jobs')
    .set({
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.total !== undefined && { total: changes.total }),
      ...(changes.done !== undefined && { done: changes.done }),
      ...(changes.message !== undefined && { message: changes.message }),
      ...(changes.resultJson !== undefined && { result_json: changes.resultJson }),
      ...(changes.errorJson !== undefined && { error_json: changes.errorJson }),
      updated_at: changes.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function findJob(db: Db, id: string): Promise<Job | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
