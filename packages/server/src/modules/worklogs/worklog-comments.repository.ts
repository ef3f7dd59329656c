import { sql } from 'kysely';
import type { Db } from '../../db/kysely.js';

// ---------------------------------------------------------------------------------------------
// What hangs off an entry: comments, likes, flags, attachments.

export interface CommentView {
  id: number;
  log_id: number;
  account_id: number;
  person_id: number | null;
  author_name: string;
  content: string;
  created_at: string;
}

function selectCommentViews(db: Db) {
  return db
    .selectFrom('work_log_comments as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('people as p', 'p.id', 'c.person_id')
    .select(['c.id', 'c.log_id', 'c.account_id', 'c.person_id', sql<string>`coalesce(p.name, a.username)`.as('author_name'), 'c.content', 'c.created_at']);
}

export async function listCommentsOfLog(db: Db, logId: number): Promise<CommentView[]> {
  return selectCommentViews(db).where('c.log_id', '=', logId).orderBy('c.id').execute();
}

export async function findCommentView(db: Db, id: number): Promise<CommentView | undefined> {
  return selectCommentViews(db).where('c.id', '=', id).executeTakeFirst();
}

export async function insertComment(db: Db, c: { logId: number; accountId: number; personId: number | null; content: string; now: string }): Promise<number> {
  const row = await db
    .insertInto('work_log_comments')
    .values({ log_id: c.logId, account_id: c.accountId, person_id: c.personId, content: c.content, created_at: c.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Accounts that commented on an entry (to tell them the author replied). */
export async function listCommenterAccountIds(db: Db, logId: number): Promise<number[]> {
  const rows = await db.selectFrom('work_log_comments').select('account_id').distinct().where('log_id', '=', logId).execute();
  return rows.map((r) => r.account_id);
}

async function countByLog(db: Db, table: 'work_log_comments' | 'work_log_likes', logIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (logIds.length === 0) return out;
  const rows = await db
    .selectFrom(table)
    .select(['log_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('log_id', 'in', logIds)
    .groupBy('log_id')
    .execute();
  for (const r of rows) out.set(r.log_id, Number(r.n));
  return out;
}

export const countCommentsOfLogs = (db: Db, logIds: number[]) => countByLog(db, 'work_log_comments', logIds);
export const countLikesOfLogs = (db: Db, logIds: number[]) => countByLog(db, 'work_log_likes', logIds);

export async function listLogIdsLikedBy(db: Db, accountId: number, logIds: number[]): Promise<Set<number>> {
  if (logIds.length === 0) return new Set();
  const rows = await db.selectFrom('work_log_likes').select('log_id').where('account_id', '=', accountId).where('log_id', 'in', logIds).execute();
  return new Set(rows.map((r) => r.log_id));
}

/** Likes an entry; false when the account had already liked it. */
export async function insertLike(db: Db, logId: number, accountId: number, now: string): Promise<boolean> {
  const res = await db
    .insertInto('work_log_likes')
    .values({ log_id: logId, account_id: accountId, created_at: now })
    .onConflict((oc) => oc.columns(['log_id', 'account_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteLike(db: Db, logId: number, accountId: number): Promise<boolean> {
  const res = await db.deleteFrom('work_log_likes').where('log_id', '=', logId).where('account_id', '=', accountId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export interface FlagView {
  id: number;
  log_id: number;
  account_id: number;
  flagged_by: string;
  note: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by_name: string | null;
  resolution_note: string | null;
}

export function selectFlagViews(db: Db) {
  return db
    .selectFrom('work_log_flags as f')
    .innerJoin('accounts as a', 'a.id', 'f.account_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('accounts as ra', 'ra.id', 'f.resolved_by')
    .leftJoin('people as rp', 'rp.id', 'ra.person_id')
    .select([
      'f.id', 'f.log_id', 'f.account_id', sql<string>`coalesce(p.name, a.username)`.as('flagged_by'), 'f.note', 'f.created_at', 'f.resolved_at',
      sql<string | null>`coalesce(rp.name, ra.username)`.as('resolved_by_name'), 'f.resolution_note',
    ]);
}

export async function listFlagsOfLog(db: Db, logId: number): Promise<FlagView[]> {
  return selectFlagViews(db).where('f.log_id', '=', logId).orderBy('f.id').execute();
}

export async function listOpenFlagsOfLogs(db: Db, logIds: number[]): Promise<Map<number, FlagView>> {
  const out = new Map<number, FlagView>();
  if (logIds.length === 0) return out;
  const rows = await selectFlagViews(db).where('f.log_id', 'in', logIds).where('f.resolved_at', 'is', null).orderBy('f.id').execute();
  for (const r of rows) out.set(r.log_id, r);
  return out;
}

export async function findFlagView(db: Db, id: number): Promise<FlagView | undefined> {
  return selectFlagViews(db).where('f.id', '=', id).executeTakeFirst();
}

export async function insertFlag(db: Db, f: { logId: number; accountId: number; note: string; now: string }): Promise<number> {
  const row = await db
    .insertInto('work_log_flags')
    .values({ log_id: f.logId, account_id: f.accountId, note: f.note, created_at: f.now, resolved_at: null, resolved_by: null, resolution_note: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function resolveFlag(db: Db, id: number, r: { accountId: number; note: string | null; now: string }): Promise<void> {
  await db.updateTable('work_log_flags').set({ resolved_at: r.now, resolved_by: r.accountId, resolution_note: r.note }).where('id', '=', id).execute();
}
