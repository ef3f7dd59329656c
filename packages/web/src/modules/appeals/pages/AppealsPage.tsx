import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Card, Drawer, Empty, Flex, Result, Select, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Appeal } from '@baton/contract/appeals';
import { APPEAL_STATUSES } from '@baton/contract/vocabulary';
import { isApiError } from '../../../api/client';
import { CursorPager } from '../../../shared/components/CursorPager';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/format';
import { useCursorStack } from '../../../shared/hooks/useCursorStack';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useSearchParamsUpdate } from '../../../shared/hooks/useSearchParamsUpdate';
import { idOf } from '../../../shared/params';
import { errorText } from '../../../shared/errors';
import { usePeriods } from '../../periods/periods.api';
import { ShortPeriodStateTag } from '../../periods/components/PeriodStateTag';
import { useAppeal, useAppeals } from '../appeals.api';
import { appealStatusOf } from '../appeals.model';
import { AppealDetail } from '../components/AppealDetail';
import { AppealResultLine, AppealStatusTag } from '../components/AppealBits';
import { APPEAL_ERRORS } from '../appeals.errors';
import '../appeals.css';

const PAGE_SIZE = 20;

/** The appeal drawer: loads the appeal by id, so `?appeal=12` opens it from a link or a reload. */
function AppealDrawer({ id, onClose, isMobile }: { id: number | null; onClose: () => void; isMobile: boolean }) {
  const { t } = useTranslation();
  const appeal = useAppeal(id);
  const a = appeal.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={a ? t('appeals.drawer.title', { name: a.person.name }) : t('appeals.title')}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
      data-testid="appeal-drawer"
    >
      {appeal.isLoading ? <Skeleton active /> : null}
      {appeal.isError ? (
        isApiError(appeal.error) && appeal.error.status === 404 ? (
          <Result status="404" title={t('appeals.drawer.notFound')} />
        ) : (
          <Alert type="error" showIcon title={errorText(t, appeal.error, APPEAL_ERRORS)} />
        )
      ) : null}
      {a ? <AppealDetail appeal={a} /> : null}
    </Drawer>
  );
}

/**
 * 申诉复核: the appeals in the caller's scope (the organization department all, a leader his subtrees,
 * the auditor all), by period and status, newest first; each opens in a drawer where the admin decides.
 * The filters and the open appeal live in the address.
 */
export default function AppealsPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [params] = useSearchParams();
  const update = useSearchParamsUpdate();
  const periodId = idOf(params.get('period'));
  const status = appealStatusOf(params.get('status'));
  const openId = idOf(params.get('appeal'));
  const filter = useMemo(() => ({ period: periodId, status }), [periodId, status]);
  const pager = useCursorStack(`${periodId ?? ''}|${status ?? ''}`);
  const appeals = useAppeals(filter, pager.cursor, PAGE_SIZE);
  const periods = usePeriods();
  // appeals exist from publicity on: the periods worth filtering by
  const periodOptions = useMemo(
    () =>
      [...(periods.data ?? [])]
        .filter((p) => p.state === 'publicity' || p.state === 'closed')
        .sort((a, b) => b.startsOn.localeCompare(a.startsOn) || b.id - a.id)
        .map((p) => ({ value: p.id, label: p.name, state: p.state })),
    [periods.data],
  );
  const items = appeals.data?.items ?? [];
  const open = (appeal: Appeal) => update({ appeal: String(appeal.id) }, false);

  return (
    <>
      <PageHeader title={t('appeals.title')} subtitle={isMobile ? undefined : t('appeals.subtitle')} />
      <Flex vertical gap={12}>
        <Card size="small" className="filter-bar">
          <Flex gap={8} wrap align="center">
            <Select<number>
              allowClear
              value={periodId ?? undefined}
              placeholder={t('appeals.list.allPeriods')}
              loading={periods.isLoading}
              options={periodOptions}
              optionRender={(option) => (
                <Flex gap={6} align="center" justify="space-between">
                  <span>{option.data.label}</span>
                  <ShortPeriodStateTag state={option.data.state} />
                </Flex>
              )}
              onChange={(v) => update({ period: v === undefined || v === null ? null : String(v) })}
              popupMatchSelectWidth={false}
              style={{ width: isMobile ? '100%' : 280 }}
              aria-label={t('appeals.list.period')}
              data-testid="appeals-period"
            />
            <Select<string>
              allowClear
              value={status ?? undefined}
              placeholder={t('appeals.list.allStatuses')}
              options={APPEAL_STATUSES.map((s) => ({ value: s, label: t(`appeals.statuses.${s}`) }))}
              onChange={(v) => update({ status: v ?? null })}
              style={{ width: isMobile ? '100%' : 140 }}
              aria-label={t('appeals.list.status')}
              data-testid="appeals-status"
            />
          </Flex>
        </Card>
        {appeals.isError ? <Alert type="error" showIcon title={errorText(t, appeals.error, APPEAL_ERRORS)} /> : null}
        <Card size="small" styles={{ body: isMobile ? { padding: 8 } : undefined }}>
          {appeals.isLoading ? <Skeleton active /> : null}
          {isMobile ? (
            <div className="mobile-card-list" data-testid="appeals-list">
              {appeals.data && items.length === 0 ? <Empty description={t('appeals.list.empty')} /> : null}
              {items.map((a) => (
                <Card key={a.id} size="small" className="mobile-card clickable-row" onClick={() => open(a)} data-testid="appeal-row" data-appeal={a.id}>
                  <Flex justify="space-between" align="flex-start" gap={8}>
                    <div style={{ minWidth: 0 }}>
                      <Typography.Text strong>{a.person.name}</Typography.Text>
                      <div className="entry-sub">
                        {a.person.unitName} · {formatDateTime(a.submittedAt).slice(5, 16)}
                      </div>
                    </div>
                    <AppealStatusTag status={a.status} />
                  </Flex>
                  <div className="entry-sub" style={{ marginTop: 4 }}>
                    {a.period.name}
                  </div>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
                    {a.reason}
                  </Typography.Paragraph>
                </Card>
              ))}
            </div>
          ) : appeals.data ? (
            <Table<Appeal>
              size="small"
              rowKey="id"
              dataSource={items}
              pagination={false}
              loading={appeals.isFetching && !appeals.isLoading}
              locale={{ emptyText: t('appeals.list.empty') }}
              onRow={(a) => ({ onClick: () => open(a), className: a.status === 'pending' ? 'clickable-row appeal-row-pending' : 'clickable-row', 'data-testid': 'appeal-row', 'data-appeal': a.id }) as never}
              scroll={{ x: 'max-content' }}
              data-testid="appeals-table"
              columns={[
                {
                  key: 'appellant',
                  title: t('appeals.list.appellant'),
                  render: (_: unknown, a) => (
                    <>
                      <Typography.Link className="nowrap">{a.person.name}</Typography.Link>
                      <div className="entry-sub">{a.person.unitName}</div>
                    </>
                  ),
                },
                {
                  key: 'status',
                  title: t('appeals.list.status'),
                  // The submission time under the status: one column less, so the table fits a laptop screen.
                  render: (_: unknown, a) => (
                    <>
                      <AppealStatusTag status={a.status} />
                      <div className="entry-sub nowrap">{t('appeals.item.submittedAt', { time: formatDateTime(a.submittedAt).slice(0, 16) })}</div>
                    </>
                  ),
                },
                { key: 'period', title: t('appeals.list.period'), render: (_: unknown, a) => <div style={{ minWidth: 100, maxWidth: 130 }}>{a.period.name}</div> },
                {
                  key: 'result',
                  title: t('appeals.list.result'),
                  render: (_: unknown, a) => (
                    <div style={{ minWidth: 120, maxWidth: 170 }}>
                      <AppealResultLine result={a.result} />
                    </div>
                  ),
                },
                {
                  key: 'reason',
                  title: t('appeals.item.reason'),
                  render: (_: unknown, a) => (
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, minWidth: 160, maxWidth: 220 }}>
                      {a.reason}
                    </Typography.Paragraph>
                  ),
                },
                {
                  key: 'decision',
                  title: t('appeals.list.decision'),
                  render: (_: unknown, a) =>
                    a.decision ? (
                      <div className="entry-sub nowrap">
                        <div>{formatDateTime(a.decision.decidedAt).slice(0, 16)}</div>
                        {a.decision.resultVersion !== null ? <div>{t('results.versionN', { n: a.decision.resultVersion })}</div> : null}
                      </div>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          ) : null}
          <CursorPager
            pageNumber={pager.pageNumber}
            hasPrevious={pager.hasPrevious}
            nextCursor={appeals.data?.nextCursor}
            busy={appeals.isFetching}
            onPrevious={pager.previous}
            onNext={pager.next}
            testId="appeals-pager"
          />
        </Card>
      </Flex>
      <AppealDrawer id={openId} onClose={() => update({ appeal: null })} isMobile={isMobile} />
    </>
  );
}
