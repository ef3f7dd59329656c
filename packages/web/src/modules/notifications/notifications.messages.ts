import type { Messages } from '../../shared/messages';

/** Messages of the notification bell; zh-CN first, en-US must have the same keys. */
export const notificationsZhCN = {
  title: '消息与提醒',
  bellLabel: '消息：{{unread}} 条未读，{{missed}} 天漏报',
  messages: '消息（{{count}} 条未读）',
  markAllRead: '全部标为已读',
  none: '暂无消息',
  todayDue: '今天还没有写工作纪实',
};

export const notificationsEnUS: Messages<typeof notificationsZhCN> = {
  title: 'Notifications and reminders',
  bellLabel: 'Notifications: {{unread}} unread, {{missed}} missed days',
  messages: 'Notifications ({{count}} unread)',
  markAllRead: 'Mark all read',
  none: 'No notifications',
  todayDue: 'You have not written today’s entry yet',
};
