import { Alert, App, Button, Descriptions, Drawer, Flex, Skeleton, Timeline, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PointEvent } from '@baton/contract/points';
import { errorText } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { formatPoints } from '../../../shared/scores';
import { PointsValue } from '../../../shared/components/PointsValue';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, checkAttachmentFile } from '../../../shared/attachments';
import { useCurrentMe } from '../../auth/auth.api';
import { useSchemes } from '../../schemes/schemes.api';
import { usePointEvent, useUploadPointAttachment } from '../points.api';
import { indicatorName } from '../points.model';
import { usePointEventParam } from '../usePointEventParam';
import { DecisionButtons } from './DecisionButtons';
import { EvidenceView } from './EvidenceView';
import { EventStatusTag, SourceTag } from './PointTags';

function History({ event, onOpen }: { event: PointEvent; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const items = [
    {
      color: 'blue',
      content: (
        <>
          <div>{t('points.proposedByAt', { name: event.proposedBy?.name ?? '—' })}</div>
          <div className="entry-sub">{formatDateTime(event.proposedAt)}</div>
        </>
      ),
    },
  ];
  if (event.decidedAt) {
    items.push({
      color: event.status === 'rejected' ? 'red' : 'green',
      content: (
        <>
          <div>{t(event.status === 'rejected' ? 'points.rejectedBy' : 'points.approvedBy', { name: event.decidedBy?.name ?? '—' })}</div>
          {event.decisionNote ? <div className="entry-text" style={{ fontSize: 13 }}>{event.decisionNote}</div> : null}
          <div className="entry-sub">{formatDateTime(event.decidedAt)}</div>
        </>
      ),
    });
  }
  if (event.reversedByEventId !== null) {
    const reversal = event.reversedByEventId;
    items.push({
      color: 'purple',
      content: (
        <>
          {t('points.reversedBy')}{' '}
          <Typography.Link onClick={() => onOpen(reversal)} data-testid="open-reversal">
            #{reversal}
          </Typography.Link>
        </>
      ),
    });
  }
  return <Timeline items={items} style={{ marginTop: 8, marginBottom: -16 }} />;
}

/** An event with everything behind its number: rule, subject, date, delta, evidence, who proposed and who decided, its reversal. */
export function EventDetail({ event, onOpen }: { event: PointEvent; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const upload = useUploadPointAttachment();
  const schemes = useSchemes();
  const indicator = indicatorName((schemes.data ?? []).find((s) => s.id === event.schemeId), event.indicator);
  const mayAttach = event.status === 'proposed' && event.proposedBy !== null && String(event.proposedBy.accountId) === String(me.account.id);
  const ownPending = event.status === 'proposed' && !event.can.approve && mayAttach;

  return (
    <Flex vertical gap={16} data-testid="event-detail">
      <Flex justify="space-between" align="flex-start" gap={12}>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {event.subject.name}
            {event.subject.unitName && event.subject.kind === 'person' ? (
              <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
                {' '}
                · {event.subject.unitName}
              </Typography.Text>
            ) : null}
          </Typography.Title>
          <Typography.Text>{event.rule.name}</Typography.Text>
        </div>
        <Flex vertical align="flex-end" gap={4}>
          <PointsValue value={event.delta} strong size={26} />
          <EventStatusTag status={event.status} reversed={event.reversedByEventId !== null} />
        </Flex>
      </Flex>
      {event.reversesEventId !== null ? (
        <Alert
          type="info"
          showIcon
          title={
            <span>
              {t('points.isReversal')}{' '}
              <Typography.Link onClick={() => onOpen(event.reversesEventId!)}>#{event.reversesEventId}</Typography.Link>
            </span>
          }
        />
      ) : null}
      {ownPending ? <Alert type="warning" showIcon title={t('points.ownProposalHint')} /> : null}
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
        items={[
          { key: 'date', label: t('points.occurredOn'), children: event.occurredOn },
          {
            key: 'delta',
            label: t('points.delta'),
            children:
              event.occurrences > 1
                ? t('points.deltaTimes', { each: formatPoints(event.delta / event.occurrences), n: event.occurrences, total: formatPoints(event.delta) })
                : formatPoints(event.delta),
          },
          { key: 'rule', label: t('points.rule'), children: `${event.rule.name}（${event.rule.code} · v${event.rule.version}）` },
          {
            key: 'indicator',
            label: t('points.indicator'),
            children:
              indicator === event.indicator ? (
                <span className="mono">{event.indicator}</span>
              ) : (
                <span>
                  {indicator}{' '}
                  <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
                    {event.indicator}
                  </Typography.Text>
                </span>
              ),
          },
          { key: 'source', label: t('points.source'), children: <SourceTag source={event.source} /> },
          ...(event.batchId !== null ? [{ key: 'batch', label: t('points.batch'), children: `#${event.batchId}` }] : []),
          { key: 'id', label: t('points.eventId'), children: `#${event.id}` },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('points.evidence')}</Typography.Title>
        <EvidenceView text={event.evidenceText} link={event.evidenceLink} attachments={event.attachments} />
        {mayAttach ? (
          <Upload
            accept={ATTACHMENT_ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              const problem = checkAttachmentFile(file);
              if (problem) {
                void message.error(problem === 'type' ? t('attachments.typeRefused', { name: file.name }) : t('attachments.tooLarge', { name: file.name, mb: ATTACHMENT_MAX_BYTES / 1024 / 1024 }));
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={async (options) => {
              const file = options.file as File;
              try {
                await upload.mutateAsync({ eventId: event.id, file });
                void message.success(t('worklogs.attachmentAdded', { name: file.name }));
                options.onSuccess?.({});
              } catch (error) {
                void message.error(errorText(t, error));
                options.onError?.(error instanceof Error ? error : new Error(String(error)));
              }
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginTop: 8 }} data-testid="event-attach">
              {t('points.addAttachment')}
            </Button>
          </Upload>
        ) : null}
      </div>
      <div>
        <Typography.Title level={5}>{t('points.history')}</Typography.Title>
        <History event={event} onOpen={onOpen} />
      </div>
      <DecisionButtons event={event} size="middle" />
    </Flex>
  );
}

/** The drawer of `?event=<id>`, on any page. */
export function EventDrawer() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { eventId, openEvent, closeEvent } = usePointEventParam();
  const event = usePointEvent(eventId);
  return (
    <Drawer
      open={eventId !== null}
      onClose={closeEvent}
      title={t('points.eventTitle')}
      size={isMobile ? '100%' : 520}
      destroyOnHidden
      data-testid="event-drawer"
    >
      {event.isLoading ? <Skeleton active /> : null}
      {event.isError ? <Alert type="error" showIcon title={errorText(t, event.error)} /> : null}
      {event.data ? <EventDetail event={event.data} onOpen={openEvent} /> : null}
    </Drawer>
  );
}
