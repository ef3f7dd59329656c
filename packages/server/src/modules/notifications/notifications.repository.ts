import type { Db } from '../../db/kysely.js';
import type { Notification } from '../../db/schema.js';

export interface NewNotification {
  accountId: number;
  kind: string;
  message: string;
  entity: string | null;
  entityId: number | null;
  data: unknown;
  /** Default: the `now` of the insert (the demo seed back-dates them). */
  createdAt?: string;
  readAt?: string | null;
}

export async function insertNotifications(db: Db, rows: NewNotification[], now: string): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('notifications')
      .values(rows.slice(i, i + 500).map((n) => ({
        account_id: n.accountId, kind: n.kind, message: n.message, entity: n.entity, entity_id: n.entityId,
        data_json: n.data === undefined ? null : JSON.stringify(n.data), created_at: n.createdAt ?? now, read_at: n.readAt ?? null,
      })))
      .execute();
  }
}

export async function listNotificationsOfAccount(db: Db, accountId: number, opts: { unreadOnly: boolean; beforeId?: number | undefined; limit: number }): Promise<Notification[]> {
  let q = db.selectFrom('notifications').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').limit(opts.limit);
  if (opts.unreadOnly) q = q.where('read_at', 'is', null);
  if (opts.beforeId !== undefined) q = q.where('id', '<', opts.beforeId);
  return q.execute();
}

export async function countUnreadNotifications(db: Db, accountId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findNotificationOfAccount(db: Db, accountId: number, id: number): Promise<Notification | undefined> {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
}

export async function markNotificationsRead(db: Db, accountId: number, ids: number[] | 'all', now: string): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: now }).where('account_id', '=', accountId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids.length ? ids : [-1]);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
