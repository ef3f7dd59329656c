import type { Notification } from '@baton/contract/notifications';
/**
 * Where a cycle notification leads: a new appeal to its drawer on 申诉复核, a decided appeal to the
 * appellant's report card of that period, a summary reminder to his summary. Null: no page of its own.
 */
export function notificationPath(item: Pick<Notification, 'kind' | 'entity' | 'entityId' | 'data'>): string | null {
  const periodId = typeof item.data?.periodId === 'number' ? item.data.periodId : null;
  if (item.kind === 'appeal.submitted' && item.entityId !== null) return `/appeals?appeal=${item.entityId}`;
  if (item.kind === 'appeal.decided' && periodId !== null) return `/report-cards/me?period=${periodId}`;
  if (item.kind === 'summary.reminder' && item.entity === 'period' && item.entityId !== null) return `/periods/${item.entityId}/summary`;
  return null;
}
