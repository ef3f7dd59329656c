import { Type } from 'typebox';
import { Nullable, PageQuery, StrictObject } from '../../app/http.js';

export const NotificationsQuery = StrictObject({ ...PageQuery, unreadOnly: Type.Optional(Type.Boolean()) });

export const NotificationSchema = Type.Object({
  id: Type.Integer(), kind: Type.String(), message: Type.String(), entity: Nullable(Type.String()), entityId: Nullable(Type.Integer()),
  data: Nullable(Type.Record(Type.String(), Type.Unknown())), createdAt: Type.String(), readAt: Nullable(Type.String()),
});

export const NotificationsResponse = Type.Object({
  unread: Type.Integer(),
  items: Type.Array(NotificationSchema),
  nextCursor: Nullable(Type.String()),
});
