import { Type, type Static } from 'typebox';
import { Nullable, PageQuery, StrictObject } from './common.js';

/** In-app notifications of the signed-in account (docs/api-worklogs.md "Notifications"). */

export const NotificationsQuery = StrictObject({ ...PageQuery, unreadOnly: Type.Optional(Type.Boolean()) });

export const NotificationSchema = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'log.comment, log.reply, log.like, log.flag, log.flag_resolved, appeal.submitted …' }),
  message: Type.String({ description: 'a ready Chinese sentence (陈镇长点评了你2026-03-04的工作日志)' }),
  entity: Nullable(Type.String()),
  entityId: Nullable(Type.Integer()),
  data: Nullable(Type.Record(Type.String(), Type.Unknown(), { description: 'what the kind names: logId, logDate, actorName, excerpt, note …' })),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
});
export type Notification = Static<typeof NotificationSchema>;

export const NotificationsResponse = Type.Object({
  unread: Type.Integer(),
  items: Type.Array(NotificationSchema),
  nextCursor: Nullable(Type.String()),
});
export type NotificationsResponse = Static<typeof NotificationsResponse>;

export const ReadAllResponse = Type.Object({ updated: Type.Integer({ description: 'how many were unread' }) });
export type ReadAll = Static<typeof ReadAllResponse>;
