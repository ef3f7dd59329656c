import type { Notification as NotificationView, ReadAll } from '@baton/contract/notifications';
import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import type { Notification } from '../../db/schema.js';
import type { Actor } from '../../policies/index.js';
import {
  countUnreadNotifications, findNotificationOfAccount, listNotificationsOfAccount, markNotificationsRead,
} from './notifications.repository.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export function presentNotification(n: Notification): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    message: n.message,
    entity: n.entity,
    entityId: n.entity_id,
    data: n.data_json ? (JSON.parse(n.data_json) as Record<string, unknown>) : null,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}

/** The caller's own notifications, newest first, with the unread count for the badge. */
export async function listMyNotifications({ db }: Deps, actor: Actor, opts: { unreadOnly?: boolean | undefined; beforeId?: number | undefined; limit: number }) {
  const [items, unread] = await Promise.all([
    listNotificationsOfAccount(db, actor.accountId, { unreadOnly: opts.unreadOnly ?? false, beforeId: opts.beforeId, limit: opts.limit }),
    countUnreadNotifications(db, actor.accountId),
  ]);
  return { unread, items: items.map(presentNotification) };
}

/** Marks one of the caller's notifications read; someone else's answers 404 like a missing one. */
export async function readNotification({ db, now }: Deps, actor: Actor, id: number) {
  const found = await findNotificationOfAccount(db, actor.accountId, id);
  if (!found) throw createNotFoundError('notification', id);
  await markNotificationsRead(db, actor.accountId, [id], now().toISOString());
  return presentNotification((await findNotificationOfAccount(db, actor.accountId, id))!);
}

export async function readAllNotifications({ db, now }: Deps, actor: Actor): Promise<ReadAll> {
  const updated = await markNotificationsRead(db, actor.accountId, 'all', now().toISOString());
  return { updated };
}
