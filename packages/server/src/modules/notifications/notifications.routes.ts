import { IdParams } from '@baton/contract/common';
import { NotificationSchema, NotificationsQuery, NotificationsResponse, ReadAllResponse } from '@baton/contract/notifications';
import type { AppDeps } from '../../app/deps.js';
import { requireActor } from '../../app/auth.plugin.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';
import type { App } from '../../app/http.js';
import { listMyNotifications, readAllNotifications, readNotification } from './notifications.usecases.js';

/** In-app notifications of the signed-in account. */
export async function registerNotificationRoutes(app: App, deps: AppDeps) {
  const tags = ['notifications'];

  app.get('/api/notifications', { schema: { tags, querystring: NotificationsQuery, response: { 200: NotificationsResponse } } }, async (req) => {
    const limit = req.query.limit ?? 50;
    const { unread, items } = await listMyNotifications(deps, requireActor(req), { unreadOnly: req.query.unreadOnly, beforeId: idCursor.decode(req.query.cursor), limit });
    return { unread, items, nextCursor: nextCursorOf(items, limit) };
  });

  app.post('/api/notifications/read-all', { schema: { tags, response: { 200: ReadAllResponse } } }, async (req) => readAllNotifications(deps, requireActor(req)));

  app.post('/api/notifications/:id/read', { schema: { tags, params: IdParams, response: { 200: NotificationSchema } } }, async (req) =>
    readNotification(deps, requireActor(req), req.params.id));
}
