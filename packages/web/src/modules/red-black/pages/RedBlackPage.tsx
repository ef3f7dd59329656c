import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Empty, Flex, Popconfirm, Row, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, DownOutlined, RightOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Period } from '@baton/contract/periods';
import type { RedBlackEntry, RedBlackSummary } from '@baton/contract/red-black';
import { Chart } from '../../../shared/components/Chart';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { formatDateTime } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { idOf } from '../../../shared/params';
import { shanghaiToday } from '../../../shared/dates';
import { PointsValue } from '../../../shared/components/PointsValue';
import { can, isMemberOnly, useCurrentMe } from '../../auth/auth.api';
import { EventDrawer } from '../../points/components/EventDrawer';
import { PeriodSelect } from '../../periods/components/PeriodSelect';
import { usePointEventParam } from '../../points/usePointEventParam';
import { usePeriods } from '../../periods/periods.api';
import { useGenerateRedBlack, useAllRedBlackLists, usePublishRedBlack, useRedBlackHistory, useRedBlackList, useRedBlackLists } from '../red-black.api';
import { defaultMonth, latestRedBlackList, monthsOfPeriod } from '../red-black.model';

function EntryRow({ entry, kind, canOpenEvents, me }: { entry: RedBlackEntry; kind: 'red' | 'black'; canOpenEvents: boolean; me: boolean }) {
  const { t } = useTranslation();
  const { openEvent } = usePointEventParam();
  const [open, setOpen] = useState(false);
  return (
    <div className={`rb-entry rb-${kind}${me ? ' row-me' : ''}`} data-testid={`${kind}-entry`}>
      <Flex align="center" gap={10} className="clickable-row" onClick={() => setOpen(!open)}>
        <span className={`rb-rank rb-rank-${kind}`}>{entry.rank}</span>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong>{entry.subject.name}</Typography.Text>
          {me ? <Tag color="gold" style={{ marginInlineStart: 6 }}>{t('rankings.me')}</Tag> : null}
          <div className="entry-sub">{entry.subject.unitName ?? '—'}</div>
        </div>
        <PointsValue value={entry.points} strong size={18} />
        <Typography.Text type="secondary" className="nowrap" style={{ fontSize: 12 }}>
          {t('redBlack.eventsN', { count: entry.events.length })} {open ? <DownOutlined /> : <RightOutlined />}
        </Typography.Text>
      </Flex>
      {open ? (
        <div className="rb-events">
          {entry.events.map((e) => (
            <div key={e.id} className={`rb-event${canOpenEvents ? ' clickable-row' : ''}`} onClick={() => canOpenEvents && openEvent(e.id)} data-testid="rb-event">
              <Flex justify="space-between" gap={8}>
                <span>
                  <Typography.Text type="secondary">{e.occurredOn}</Typography.Text> {e.rule.name}
                </span>
                <PointsValue value={e.delta} />
              </Flex>
              {e.evidenceText !== null ? (
                <div className="entry-text" style={{ fontSize: 13 }}>
                  {e.evidenceText}
                </div>
              ) : null}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function ListCard({ kind, entries, canOpenEvents, myPersonId }: { kind: 'red' | 'black'; entries: RedBlackEntry[]; canOpenEvents: boolean; myPersonId: string | null }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      className={`rb-card rb-card-${kind}`}
      title={
        <span className={`rb-title rb-title-${kind}`}>
          {t(`redBlack.${kind}List`)} <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>{t(`redBlack.${kind}Rule`)}</Typography.Text>
        </span>
      }
      data-testid={`${kind}-list`}
    >
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`redBlack.${kind}Empty`)} />
      ) : (
        <Flex vertical gap={6}>
          {entries.map((entry) => (
            <EntryRow
              key={`${entry.subject.kind}-${entry.subject.id}`}
              entry={entry}
              kind={kind}
              canOpenEvents={canOpenEvents || (myPersonId !== null && entry.subject.kind === 'person' && String(entry.subject.id) === myPersonId)}
              me={myPersonId !== null && entry.subject.kind === 'person' && String(entry.subject.id) === myPersonId}
            />
          ))}
        </Flex>
      )}
    </Card>
  );
}

/**
 * 红黑榜: per period, month and group — red (top by net points > 0) and black (bottom, < 0) side by
 * side, every entry with its events. The administrator reviews drafts, (re)generates and publishes;
 * everyone else reads published lists and the history of his own appearances.
 */
export default function RedBlackPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const manage = can(me, 'redblack.manage');
  const [params, setParams] = useSearchParams();
  const periodId = idOf(params.get('period'));
  const periods = usePeriods();
  const period = (periods.data ?? []).find((p) => p.id === periodId) ?? null;
  const months = useMemo(() => (period ? monthsOfPeriod(period, shanghaiToday()) : []), [period]);
  const monthParam = params.get('month');
  const month = monthParam && months.includes(monthParam) ? monthParam : defaultMonth(months, shanghaiToday());

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(changes)) {
            if (v === null) next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const onPeriod = useCallback((p: Period | null) => update({ period: p ? String(p.id) : null, month: null, list: null }), [update]);
  // The page starts on the newest list there is: the running period's month has usually not ended
  // yet (no list), while last month's lists belong to the previous period.
  const allLists = useAllRedBlackLists(periodId === null);
  const latest = useMemo(() => latestRedBlackList(allLists.data ?? []), [allLists.data]);
  useEffect(() => {
    if (periodId === null && latest) update({ period: String(latest.periodId), month: latest.month, list: null });
  }, [periodId, latest, update]);

  const lists = useRedBlackLists(periodId, month);
  const summaries = useMemo(() => [...(lists.data ?? [])].sort((a, b) => (a.group.key === 'all' ? -1 : b.group.key === 'all' ? 1 : a.group.name.localeCompare(b.group.name))), [lists.data]);
  const listParam = idOf(params.get('list'));
  const selected: RedBlackSummary | null = summaries.find((s) => s.id === listParam) ?? summaries[0] ?? null;
  const detail = useRedBlackList(selected?.id ?? null);
  const generate = useGenerateRedBlack();
  const publish = usePublishRedBlack();

  const allOfPeriod = useRedBlackLists(periodId, null);
  const history = useRedBlackHistory(me.person?.id ?? null);
  const myPersonId = me.person ? String(me.person.id) : null;

  const historyChart = useMemo(() => {
    const rows = history.data ?? [];
    const monthsSeen = [...new Set(rows.map((r) => r.month))].sort();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: monthsSeen },
      yAxis: { type: 'value', minInterval: 1, name: t('redBlack.times') },
      series: [
        { type: 'bar', stack: 'rb', name: t('redBlack.redList'), itemStyle: { color: '#c8372d' }, barMaxWidth: 28, data: monthsSeen.map((m) => rows.filter((r) => r.month === m && r.list === 'red').length) },
        { type: 'bar', stack: 'rb', name: t('redBlack.blackList'), itemStyle: { color: '#262626' }, barMaxWidth: 28, data: monthsSeen.map((m) => rows.filter((r) => r.month === m && r.list === 'black').length) },
      ],
    };
  }, [history.data, t]);

  const doGenerate = async () => {
    if (!period || !month) return;
    try {
      const drafts = await generate.mutateAsync({ period: period.id, month });
      void message.success(t('redBlack.generated', { count: drafts.length }));
    } catch (error) {
      void message.error(errorText(t, error));
    }
  };

  const doPublish = async () => {
    if (!selected) return;
    try {
      await publish.mutateAsync(selected.id);
      void message.success(t('redBlack.publishedOk'));
    } catch (error) {
      void message.error(errorText(t, error));
    }
  };

  const anyPublished = summaries.some((s) => s.status === 'published');
  const data = detail.data;

  return (
    <>
      <PageHeader
        title={t('nav.redBlack')}
        subtitle={t('redBlack.subtitle')}
        extra={
          manage ? (
            <Popconfirm
              title={summaries.length > 0 ? t('redBlack.regenerateTitle') : t('redBlack.generateTitle', { month: month ?? '' })}
              description={anyPublished ? t('redBlack.regeneratePublished') : t('redBlack.generateHint')}
              onConfirm={() => void doGenerate()}
              okText={t('redBlack.generate')}
            >
              <Button icon={<ThunderboltOutlined />} loading={generate.isPending} disabled={!period || !month} data-testid="generate-red-black">
                {summaries.length > 0 ? t('redBlack.regenerate') : t('redBlack.generate')}
              </Button>
            </Popconfirm>
          ) : null
        }
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <Flex gap={8} wrap align="center">
            <PeriodSelect
              value={periodId}
              onChange={onPeriod}
              autoSelect={periodId === null && !allLists.isPending && !latest}
              style={{ width: isMobile ? '100%' : 240 }}
            />
            <Select
              value={month ?? undefined}
              onChange={(v: string) => update({ month: v, list: null })}
              options={months.map((m) => ({ value: m, label: m }))}
              placeholder={t('redBlack.pickMonth')}
              style={{ width: isMobile ? 'calc(50% - 4px)' : 120 }}
              data-testid="month-select"
            />
            <Select
              value={selected?.id}
              onChange={(v: number) => update({ list: String(v) })}
              options={summaries.map((s) => ({
                value: s.id,
                label: (
                  <span>
                    {s.group.key === 'all' ? t('rankings.groupAll') : s.group.name}
                    {manage ? <Tag style={{ marginInlineStart: 6 }} color={s.status === 'published' ? 'green' : 'gold'}>{t(`redBlack.status.${s.status}`)}</Tag> : null}
                  </span>
                ),
              }))}
              placeholder={t('redBlack.pickGroup')}
              notFoundContent={t('redBlack.noLists')}
              popupMatchSelectWidth={false}
              style={{ width: isMobile ? 'calc(50% - 4px)' : 220 }}
              data-testid="group-select"
            />
          </Flex>
        </Card>
        {lists.isError ? <Alert type="error" showIcon title={errorText(t, lists.error)} /> : null}
        {!lists.isLoading && period && summaries.length === 0 ? (
          <Alert type="info" showIcon title={manage ? t('redBlack.noListsAdmin', { month: month ?? '' }) : t('redBlack.noListsMember', { month: month ?? '' })} />
        ) : null}
        {selected ? (
          <Card size="small" data-testid="list-status">
            <Flex gap={12} wrap align="center" justify="space-between">
              <Flex gap={8} wrap align="center">
                <Tag color={selected.status === 'published' ? 'green' : 'gold'}>{t(`redBlack.status.${selected.status}`)}</Tag>
                <Typography.Text>
                  {selected.month} · {selected.group.key === 'all' ? t('rankings.groupAll') : selected.group.name} · {t('redBlack.size', { n: selected.size })}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {selected.publishedAt ? t('redBlack.publishedAt', { at: formatDateTime(selected.publishedAt).slice(0, 16) }) : t('redBlack.generatedAt', { at: formatDateTime(selected.generatedAt).slice(0, 16) })}
                </Typography.Text>
              </Flex>
              {manage && selected.status === 'draft' ? (
                <Popconfirm title={t('redBlack.publishTitle')} description={t('redBlack.publishHint')} onConfirm={() => void doPublish()} okText={t('redBlack.publish')}>
                  <Button type="primary" icon={<CheckCircleOutlined />} loading={publish.isPending} data-testid="publish-red-black">
                    {t('redBlack.publish')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Flex>
          </Card>
        ) : null}
        {detail.isError ? <Alert type="error" showIcon title={errorText(t, detail.error)} /> : null}
        {detail.isLoading ? <Skeleton active /> : null}
        {data ? (
          <Row gutter={[12, 12]}>
            <Col xs={24} md={12}>
              <ListCard kind="red" entries={data.red} canOpenEvents={!isMemberOnly(me)} myPersonId={myPersonId} />
            </Col>
            <Col xs={24} md={12}>
              <ListCard kind="black" entries={data.black} canOpenEvents={!isMemberOnly(me)} myPersonId={myPersonId} />
            </Col>
          </Row>
        ) : null}
        <Row gutter={[12, 12]}>
          {me.person ? (
            <Col xs={24} lg={12}>
              <Card size="small" title={t('redBlack.myHistory')}>
                {history.isError ? <Alert type="error" showIcon title={errorText(t, history.error)} /> : null}
                {(history.data ?? []).length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('redBlack.neverListed')} />
                ) : (
                  <Chart option={historyChart} height={220} testId="chart-red-black-history" />
                )}
              </Card>
            </Col>
          ) : null}
          <Col xs={24} lg={me.person ? 12 : 24}>
            <Card size="small" title={t('redBlack.listHistory')} styles={{ body: isMobile ? { padding: 8 } : undefined }}>
              <Table<RedBlackSummary>
                size="small"
                rowKey="id"
                loading={allOfPeriod.isLoading}
                dataSource={[...(allOfPeriod.data ?? [])].sort((a, b) => b.month.localeCompare(a.month))}
                pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true }}
                rowClassName={(s) => (s.id === selected?.id ? 'row-me clickable-row' : 'clickable-row')}
                onRow={(s) => ({ onClick: () => update({ month: s.month, list: String(s.id) }) })}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('redBlack.noLists')} /> }}
                columns={[
                  { key: 'month', title: t('redBlack.month'), dataIndex: 'month', width: 84 },
                  { key: 'group', title: t('redBlack.group'), ellipsis: true, render: (_: unknown, s) => (s.group.key === 'all' ? t('rankings.groupAll') : s.group.name) },
                  {
                    key: 'counts',
                    title: t('redBlack.counts'),
                    width: 96,
                    render: (_: unknown, s) => (
                      <span className="nowrap">
                        <Typography.Text style={{ color: '#c8372d' }}>{s.redCount}</Typography.Text> / <Typography.Text strong>{s.blackCount}</Typography.Text>
                      </span>
                    ),
                  },
                  ...(manage ? [{ key: 'status', title: t('points.status'), width: 80, render: (_: unknown, s: RedBlackSummary) => <Tag color={s.status === 'published' ? 'green' : 'gold'}>{t(`redBlack.status.${s.status}`)}</Tag> }] : []),
                ]}
              />
            </Card>
          </Col>
        </Row>
        {me.person ? (
          <Typography.Link onClick={() => navigate('/points/me')} style={{ alignSelf: 'flex-start' }}>
            {t('redBlack.toMyPoints')}
          </Typography.Link>
        ) : null}
      </Flex>
      <EventDrawer />
    </>
  );
}
