/** In-app notifications: written by every module that tells someone something, read by their recipient. */
export { insertNotifications, type NewNotification } from './notifications.repository.js';
export { registerNotificationRoutes } from './notifications.routes.js';
export { listMyNotifications, readAllNotifications, readNotification } from './notifications.usecases.js';
