import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, DatePicker, Flex, Segmented, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PointEventStatus, PointSource } from '@baton/contract/points';
import { POINT_EVENT_STATUSES, POINT_SOURCES } from '@baton/contract/vocabulary';
import dayjs from 'dayjs';
import { PageHeader } from '../../../shared/components/PageHeader';
import { CursorPager } from '../../../shared/components/CursorPager';
import { errorText } from '../../../shared/errors';
import { useCursorStack } from '../../../shared/hooks/useCursorStack';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { idOf } from '../../../shared/params';
import { useSearchParamsUpdate } from '../../../shared/hooks/useSearchParamsUpdate';
import { can, useCurrentMe } from '../../auth/auth.api';
import { UnitTreeSelect } from '../../org/components/UnitTreeSelect';
import { PersonPicker } from '../../people/components/PersonPicker';
import { EventDrawer } from '../components/EventDrawer';
import { EventList } from '../components/EventList';
import { ProposeEventDrawer } from '../components/ProposeEventDrawer';
import { usePointEvents, type PointEventFilter } from '../points.api';
import { usePointEventParam } from '../usePointEventParam';

const PAGE_SIZE = 20;
const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * 积分事件: the ledger with filters (person, unit, status, source, dates), the queue of proposals
 * waiting for the caller's decision, and the form to propose an event.
 */
export default function PointEventsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const [params] = useSearchParams();
  const { openEvent } = usePointEventParam();
  const [proposing, setProposing] = useState(false);
  const canApprove = can(me, 'points.approve');
  const tab = params.get('tab') === 'pending' && canApprove ? 'pending' : 'all';

  const personId = idOf(params.get('person'));
  const personName = params.get('personName') ?? '';
  const status = (POINT_EVENT_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as PointEventStatus) : undefined;
  const source = (POINT_SOURCES as readonly string[]).includes(params.get('source') ?? '') ? (params.get('source') as PointSource) : undefined;
  const filter: PointEventFilter = useMemo(
    () =>
      tab === 'pending'
        ? { status: 'proposed' }
        : {
            person: personId ?? undefined,
            unit: idOf(params.get('unit')) ?? undefined,
            status,
            batch: idOf(params.get('batch')) ?? undefined,
            from: isDate(params.get('from')) ? (params.get('from') as string) : undefined,
            to: isDate(params.get('to')) ? (params.get('to') as string) : undefined,
          },
    [tab, personId, params, status],
  );
  const filterKey = JSON.stringify(filter);
  const pager = useCursorStack(filterKey);
  const events = usePointEvents(filter, pager.cursor, PAGE_SIZE);
  const pending = usePointEvents({ status: 'proposed' }, null, 50, canApprove);
  const pendingForMe = (pending.data?.items ?? []).filter((e) => e.can.approve).length;
  // the contract has no `source` parameter: the source filter narrows the page in hand
  const shown = (events.data?.items ?? []).filter((e) => tab === 'pending' || source === undefined || e.source === source);

  const update = useSearchParamsUpdate();

  const from = params.get('from');
  const to = params.get('to');

  return (
    <>
      <PageHeader
        title={t('nav.pointEvents')}
        subtitle={t('points.eventsSubtitle')}
        extra={
          can(me, 'points.propose') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)} data-testid="propose-event">
              {t('points.propose')}
            </Button>
          ) : null
        }
      />
      <Flex vertical gap={12}>
        {canApprove ? (
          <Segmented<'all' | 'pending'>
            value={tab}
            block={isMobile}
            onChange={(v) => update({ tab: v === 'pending' ? 'pending' : null })}
            options={[
              { value: 'all', label: t('points.tabAll') },
              {
                value: 'pending',
                label: (
                  <span data-testid="tab-pending">
                    {t('points.tabPending')} <Badge count={pendingForMe} size="small" offset={[2, -2]} />
                  </span>
                ),
              },
            ]}
            style={{ alignSelf: isMobile ? 'stretch' : 'flex-start' }}
          />
        ) : null}
        {tab === 'all' ? (
          <Card size="small" className="filter-bar">
            <Flex gap={8} wrap align="center">
              <PersonPicker
                value={personId !== null ? { id: personId, name: personName || String(personId) } : null}
                onChange={(p) => update({ person: p ? String(p.id) : null, personName: p?.name ?? null })}
                placeholder={t('points.filterPerson')}
                style={{ width: isMobile ? '100%' : 200 }}
              />
              <UnitTreeSelect
                value={idOf(params.get('unit'))}
                onChange={(v) => update({ unit: v === null ? null : String(v) })}
                placeholder={t('points.filterUnit')}
                style={{ width: isMobile ? '100%' : 200 }}
              />
              <Select
                allowClear
                value={status}
                placeholder={t('points.filterStatus')}
                onChange={(v?: string) => update({ status: v ?? null })}
                options={POINT_EVENT_STATUSES.map((s) => ({ value: s, label: t(`points.statuses.${s}`) }))}
                style={{ width: isMobile ? 'calc(50% - 4px)' : 120 }}
                data-testid="filter-status"
              />
              <Select
                allowClear
                value={source}
                placeholder={t('points.filterSource')}
                onChange={(v?: string) => update({ source: v ?? null })}
                options={POINT_SOURCES.map((s) => ({ value: s, label: t(`points.sources.${s}`) }))}
                style={{ width: isMobile ? 'calc(50% - 4px)' : 140 }}
              />
              {isMobile ? (
                <Flex gap={8} align="center" style={{ width: '100%' }}>
                  <DatePicker
                    value={isDate(from) ? dayjs(from) : null}
                    placeholder={t('points.from')}
                    inputReadOnly
                    onChange={(d) => update({ from: d ? d.format('YYYY-MM-DD') : null })}
                    style={{ flex: 1 }}
                  />
                  <span>–</span>
                  <DatePicker
                    value={isDate(to) ? dayjs(to) : null}
                    placeholder={t('points.to')}
                    inputReadOnly
                    onChange={(d) => update({ to: d ? d.format('YYYY-MM-DD') : null })}
                    style={{ flex: 1 }}
                  />
                </Flex>
              ) : (
                <DatePicker.RangePicker
                  value={[isDate(from) ? dayjs(from) : null, isDate(to) ? dayjs(to) : null]}
                  allowEmpty={[true, true]}
                  onChange={(values) =>
                    update({ from: values?.[0] ? values[0].format('YYYY-MM-DD') : null, to: values?.[1] ? values[1].format('YYYY-MM-DD') : null })
                  }
                />
              )}
              {filter.batch !== undefined ? (
                <Tag closable onClose={() => update({ batch: null })} color="blue">
                  {t('points.batch')} #{filter.batch}
                </Tag>
              ) : null}
            </Flex>
          </Card>
        ) : (
          <Alert type="info" showIcon title={t('points.pendingHint')} />
        )}
        {events.isError ? <Alert type="error" showIcon title={errorText(t, events.error)} /> : null}
        <Card size="small" styles={{ body: isMobile ? { padding: 8 } : undefined }}>
          <EventList
            events={shown}
            loading={events.isLoading || events.isFetching}
            onOpen={openEvent}
            actions={tab === 'pending'}
            empty={tab === 'pending' ? t('points.noPending') : undefined}
            testId={tab === 'pending' ? 'pending-list' : 'event-list'}
          />
          <CursorPager
            pageNumber={pager.pageNumber}
            hasPrevious={pager.hasPrevious}
            nextCursor={events.data?.nextCursor}
            busy={events.isFetching}
            onPrevious={pager.previous}
            onNext={pager.next}
            summary={source && tab === 'all' ? t('points.sourceFilteredPage', { shown: shown.length, total: events.data?.items.length ?? 0 }) : undefined}
          />
        </Card>
      </Flex>
      <ProposeEventDrawer
        open={proposing}
        onClose={() => setProposing(false)}
        onCreated={(event) => {
          setProposing(false);
          openEvent(event.id);
        }}
      />
      <EventDrawer />
    </>
  );
}
