import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Badge, Button, Divider, Drawer, Empty, Flex, Skeleton, Typography } from 'antd';
import { BellOutlined, CheckCircleOutlined, EditOutlined, FlagOutlined, LikeOutlined, MessageOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@baton/contract/notifications';
import dayjs from 'dayjs';
import { errorText } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { can, useCurrentMe } from '../../auth/auth.api';
import { useEntryParam } from '../../worklogs/useEntryParam';
import { workLogKeys } from '../../worklogs/worklogs.api';
import { formatDay } from '../../worklogs/worklogs.model';
import { useReminders } from '../../worklogs/worklog-reports.api';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../notifications.api';
import { notificationPath } from '../notifications.model';

const KIND_ICONS: Record<string, ReactNode> = {
  'log.comment': <MessageOutlined style={{ color: '#1f4e8c' }} />,
  'log.reply': <MessageOutlined style={{ color: '#1f4e8c' }} />,
  'log.like': <LikeOutlined style={{ color: '#d48a3a' }} />,
  'log.flag': <FlagOutlined style={{ color: '#c8372d' }} />,
  'log.flag_resolved': <CheckCircleOutlined style={{ color: '#4b8b6f' }} />,
};

function NotificationItem({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const excerpt = typeof item.data?.excerpt === 'string' ? item.data.excerpt : typeof item.data?.note === 'string' ? item.data.note : null;
  return (
    <button type="button" className={`notification-item${item.readAt ? '' : ' notification-unread'}`} onClick={() => onOpen(item)} data-testid="notification-item">
      <span className="notification-icon">{KIND_ICONS[item.kind] ?? <BellOutlined />}</span>
      <span className="notification-body">
        <span className="notification-message">{item.message}</span>
        {excerpt ? <span className="notification-excerpt">{excerpt}</span> : null}
        <span className="notification-time">{dayjs(item.createdAt).format('MM-DD HH:mm')}</span>
      </span>
      {item.readAt ? null : <span className="notification-dot" aria-hidden="true" />}
    </button>
  );
}

/**
 * The header bell: unread notifications (comments, replies, likes, follow-up flags) and the missed
 * working days that can still be backfilled. Each notification opens its entry.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const writes = can(me, 'log.write');
  const unread = useUnreadCount();
  const reminders = useReminders(writes);
  const list = useNotifications(open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const { openEntry } = useEntryParam();
  const unreadCount = unread.data ?? 0;
  const queryClient = useQueryClient();

  // a new notification means a new comment, like or flag somewhere: what is on screen refreshes too
  const previousUnread = useRef<number | null>(null);
  useEffect(() => {
    if (unread.data === undefined) return;
    if (previousUnread.current !== null && unread.data > previousUnread.current) {
      void queryClient.invalidateQueries({ queryKey: workLogKeys.all });
    }
    previousUnread.current = unread.data;
  }, [unread.data, queryClient]);
  const missed = reminders.data?.count ?? 0;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const todayDue = reminders.data ? reminders.data.todayIsWorkingDay && !reminders.data.todayLogged : false;

  const openItem = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
    setOpen(false);
    const logId = item.entityId ?? (typeof item.data?.logId === 'number' ? item.data.logId : null);
    if (item.entity === 'work_log' && logId !== null) openEntry(logId);
    const path = notificationPath(item);
    if (path !== null) navigate(path);
  };
  const goWrite = (date?: string) => {
    setOpen(false);
    navigate(date ? `/worklog?date=${date}` : '/worklog');
  };

  return (
    <>
      <Badge count={unreadCount + missed} size="small" offset={[-4, 4]} data-testid="bell-badge">
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          onClick={() => setOpen(true)}
          aria-label={t('notifications.bellLabel', { unread: unreadCount, missed })}
          data-testid="notification-bell"
        />
      </Badge>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('notifications.title')} size={isMobile ? '100%' : 420} data-testid="notification-drawer">
        {writes && (missed > 0 || todayDue) ? (
          <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="bell-reminders">
            {todayDue ? (
              <Alert
                type="info"
                showIcon
                title={t('notifications.todayDue')}
                action={
                  <Button size="small" type="primary" onClick={() => goWrite()}>
                    {t('worklogs.write')}
                  </Button>
                }
              />
            ) : null}
            {missed > 0 ? (
              <Alert
                type="warning"
                showIcon
                title={t('worklogs.missedTitle', { count: missed })}
                description={
                  <Flex vertical gap={4} style={{ marginTop: 4 }}>
                    {reminders.data?.missedDays.map((d) => (
                      <Flex key={d.date} justify="space-between" align="center" gap={8}>
                        <Flex vertical>
                          <span>{formatDay(t, d.date)}</span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('worklogs.backfillUntil', { date: dayjs(d.backfillUntil).format('M-D') })}
                          </Typography.Text>
                        </Flex>
                        <Button size="small" icon={<EditOutlined />} onClick={() => goWrite(d.date)}>
                          {t('worklogs.backfill')}
                        </Button>
                      </Flex>
                    ))}
                  </Flex>
                }
              />
            ) : null}
          </Flex>
        ) : null}
        <Flex justify="space-between" align="center">
          <Typography.Text strong>{t('notifications.messages', { count: unreadCount })}</Typography.Text>
          <Button size="small" type="link" disabled={unreadCount === 0} loading={markAll.isPending} onClick={() => markAll.mutate()} data-testid="mark-all-read">
            {t('notifications.markAllRead')}
          </Button>
        </Flex>
        <Divider style={{ margin: '8px 0' }} />
        {list.isLoading ? <Skeleton active /> : null}
        {list.isError ? <Alert type="error" showIcon title={errorText(t, list.error)} /> : null}
        {!list.isLoading && items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.none')} /> : null}
        <Flex vertical data-testid="notification-list">
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} onOpen={openItem} />
          ))}
        </Flex>
        {list.hasNextPage ? (
          <Flex justify="center" style={{ marginTop: 8 }}>
            <Button size="small" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('worklogs.loadMore')}
            </Button>
          </Flex>
        ) : null}
      </Drawer>
    </>
  );
}

