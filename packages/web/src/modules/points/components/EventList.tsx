import { Card, Empty, Flex, Table, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PointEvent } from '@baton/contract/points';
import type { LedgerEvent } from '@baton/contract/rankings';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { PointsValue } from '../../../shared/components/PointsValue';
import { DecisionButtons } from './DecisionButtons';
import { EvidenceView } from './EvidenceView';
import { EventStatusTag, SourceTag } from './PointTags';

/** The events of the points pages (with subject, evidence files, proposer and `can`) or of a person's points page (without). */
type ListedEvent = PointEvent | LedgerEvent;

const isFull = (e: ListedEvent): e is PointEvent => 'can' in e;

function SubjectText({ event }: { event: ListedEvent }) {
  if (!isFull(event)) return null;
  return (
    <span style={{ minWidth: 0 }}>
      <Typography.Text strong>{event.subject.name}</Typography.Text>
      {event.subject.unitName && event.subject.kind === 'person' ? <span className="entry-sub"> · {event.subject.unitName}</span> : null}
    </span>
  );
}

function RuleText({ event }: { event: ListedEvent }) {
  const { t } = useTranslation();
  return (
    <span>
      {event.rule.name}
      {event.occurrences > 1 ? <Typography.Text type="secondary"> × {event.occurrences}</Typography.Text> : null}
      {event.reversesEventId !== null ? <Typography.Text type="secondary"> · {t('points.reversalOf', { id: event.reversesEventId })}</Typography.Text> : null}
    </span>
  );
}

/** Approve / reject where `can` allows it; else who must decide (one's own proposal waits for another). */
function Actions({ event, size = 'small' }: { event: ListedEvent; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  if (!isFull(event)) return null;
  if (!event.can.approve && !event.can.reject)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('points.awaitingOthers')}
      </Typography.Text>
    );
  return <DecisionButtons event={event} size={size} showReverse={false} />;
}

/**
 * Point events: a table on a desktop, cards on a phone; a row opens the event drawer.
 * `actions` adds the approve / reject buttons (the pending queue); `hideSubject` for one person's page.
 */
export function EventList({
  events,
  loading,
  onOpen,
  actions,
  hideSubject,
  showEvidence,
  empty,
  testId = 'event-list',
}: {
  events: ListedEvent[];
  loading?: boolean;
  onOpen: (id: number) => void;
  actions?: boolean;
  hideSubject?: boolean;
  showEvidence?: boolean;
  empty?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();

  if (isMobile) {
    if (!loading && events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? t('points.noEvents')} />;
    return (
      <div className="mobile-card-list" data-testid={testId}>
        {events.map((e) => (
          <Card key={e.id} size="small" className="mobile-card clickable-row" onClick={() => onOpen(e.id)} data-testid="event-card">
            <Flex justify="space-between" align="flex-start" gap={8}>
              <div style={{ minWidth: 0 }}>
                {hideSubject ? null : <SubjectText event={e} />}
                <div>
                  <RuleText event={e} />
                </div>
                <div className="entry-sub">
                  {e.occurredOn} · {t(`points.sources.${e.source}`, { defaultValue: e.source })}
                  {(isFull(e) ? e.attachments.length : 0) > 0 ? (
                    <>
                      {' '}
                      · <PaperClipOutlined /> {isFull(e) ? e.attachments.length : 0}
                    </>
                  ) : null}
                </div>
              </div>
              <Flex vertical align="flex-end" gap={4}>
                <PointsValue value={e.delta} strong size={18} />
                <EventStatusTag status={e.status} reversed={e.reversedByEventId !== null} />
              </Flex>
            </Flex>
            {showEvidence ? (
              <div style={{ marginTop: 6 }}>
                <EvidenceView text={e.evidenceText} link={e.evidenceLink} clamp={3} />
              </div>
            ) : (
              <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '6px 0 0', whiteSpace: 'pre-wrap' }}>
                {e.evidenceText}
              </Typography.Paragraph>
            )}
            {actions ? (
              <div style={{ marginTop: 8 }}>
                <Actions event={e} size="middle" />
              </div>
            ) : null}
          </Card>
        ))}
      </div>
    );
  }

  return (
    <Table<ListedEvent>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={events}
      pagination={false}
      scroll={{ x: hideSubject ? 760 : 980 }}
      rowClassName={() => 'clickable-row'}
      onRow={(e) => ({ onClick: () => onOpen(e.id), 'data-testid': 'event-row' }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty ?? t('points.noEvents')} /> }}
      data-testid={testId}
      columns={[
        { key: 'date', title: t('points.occurredOn'), dataIndex: 'occurredOn', width: 104 },
        ...(hideSubject ? [] : [{ key: 'subject', title: t('points.subject'), width: 180, render: (_: unknown, e: ListedEvent) => <SubjectText event={e} /> }]),
        { key: 'rule', title: t('points.rule'), width: 170, render: (_: unknown, e: ListedEvent) => <RuleText event={e} /> },
        { key: 'delta', title: t('points.delta'), width: 80, align: 'right', render: (_: unknown, e: ListedEvent) => <PointsValue value={e.delta} strong /> },
        { key: 'source', title: t('points.source'), width: 110, render: (_: unknown, e: ListedEvent) => <SourceTag source={e.source} /> },
        {
          key: 'evidence',
          title: t('points.evidence'),
          ellipsis: !showEvidence,
          render: (_: unknown, e: ListedEvent) =>
            showEvidence ? (
              <EvidenceView text={e.evidenceText} link={e.evidenceLink} attachments={isFull(e) ? e.attachments : undefined} clamp={3} />
            ) : (
              <Typography.Text ellipsis={{ tooltip: e.evidenceText }} style={{ maxWidth: '100%' }}>
                {(isFull(e) ? e.attachments.length : 0) > 0 ? <PaperClipOutlined style={{ marginInlineEnd: 4 }} /> : null}
                {e.evidenceText}
              </Typography.Text>
            ),
        },
        ...(actions ? [] : [{ key: 'status', title: t('points.status'), width: 110, render: (_: unknown, e: ListedEvent) => <EventStatusTag status={e.status} reversed={e.reversedByEventId !== null} /> }]),
        ...(actions
          ? [{ key: 'actions', title: t('common.actions'), width: 170, fixed: 'right' as const, render: (_: unknown, e: ListedEvent) => <Actions event={e} /> }]
          : events.some((e) => !isFull(e))
            ? []
            : [{ key: 'proposer', title: t('points.proposedBy'), width: 90, render: (_: unknown, e: ListedEvent) => (isFull(e) ? e.proposedBy.name : '—') }]),
      ]}
    />
  );
}
