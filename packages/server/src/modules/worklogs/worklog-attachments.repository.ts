import type { Db } from '../../db/kysely.js';
import type { WorkLogAttachment } from '../../db/schema.js';

// Evidence files of entries (stored by the attachments module, recorded here).

export async function listAttachmentsOfLogs(db: Db, logIds: number[]): Promise<Map<number, WorkLogAttachment[]>> {
  const out = new Map<number, WorkLogAttachment[]>();
  if (logIds.length === 0) return out;
  const rows = await db.selectFrom('work_log_attachments').selectAll().where('log_id', 'in', logIds).orderBy('id').execute();
  for (const r of rows) out.set(r.log_id, [...(out.get(r.log_id) ?? []), r]);
  return out;
}

export async function findAttachment(db: Db, id: number): Promise<WorkLogAttachment | undefined> {
  return db.selectFrom('work_log_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countAttachmentsOfLog(db: Db, logId: number): Promise<number> {
  const row = await db.selectFrom('work_log_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('log_id', '=', logId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countAttachmentsWithSha(db: Db, sha256: string): Promise<number> {
  const row = await db.selectFrom('work_log_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('sha256', '=', sha256).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertAttachment(
  db: Db,
  a: { logId: number; fileName: string; mimeType: string; size: number; sha256: string; storageKey: string; uploadedBy: number; now: string },
): Promise<number> {
  const row = await db
    .insertInto('work_log_attachments')
    .values({
      log_id: a.logId, file_name: a.fileName, mime_type: a.mimeType, size_bytes: a.size, sha256: a.sha256, storage_key: a.storageKey,
      uploaded_by: a.uploadedBy, created_at: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteAttachment(db: Db, id: number): Promise<void> {
  await db.deleteFrom('work_log_attachments').where('id', '=', id).execute();
}
