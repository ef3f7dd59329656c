import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Card, Col, Empty, Flex, Row, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Period } from '@baton/contract/periods';
import type { RankingRow } from '@baton/contract/rankings';
import { CursorPager } from '../../../shared/components/CursorPager';
import { Chart } from '../../../shared/components/Chart';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { useCursorStack } from '../../../shared/hooks/useCursorStack';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { idOf } from '../../../shared/params';
import { formatPoints, formatScore } from '../../../shared/scores';
import { PointsValue } from '../../../shared/components/PointsValue';
import { can, hasRole, isMemberOnly, useCurrentMe } from '../../auth/auth.api';
import { useCategories, useUnits } from '../../org/org.api';
import { PeriodSelect } from '../../periods/components/PeriodSelect';
import { LiveIndicator, RankBadge } from '../components';
import { groupOptionsFor } from '../ranking-groups';
import { useRankingStream } from '../useRankingStream';
import { usePersonPoints, useRankingPage, useRankingRows } from '../rankings.api';
import { binLabel, pointsHistogram } from '../rankings.model';

const PAGE_SIZE = 20;

/**
 * 实时排名: a period's ranking in a group — rank, name, unit, net points, total, grade — with the
 * caller's own row pinned on top, live updates over server-sent events, and the distribution of
 * points in the group.
 */
export default function RankingsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const period = idOf(params.get('period'));
  const group = params.get('group') || 'all';
  const memberOnly = isMemberOnly(me);
  const everything = hasRole(me, 'admin') || hasRole(me, 'auditor');

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
  const onPeriod = useCallback((p: Period | null) => update({ period: p ? String(p.id) : null }), [update]);

  const mine = usePersonPoints(me.person?.id ?? null, period);
  const units = useUnits(!memberOnly && can(me, 'org.read'));
  const categories = useCategories(everything);
  const groupOptions = useMemo(
    () => groupOptionsFor(t, me, mine.data?.ranks, memberOnly ? undefined : units.data, everything ? categories.data : undefined),
    [t, me, mine.data, memberOnly, units.data, everything, categories.data],
  );

  const pager = useCursorStack(`${period}|${group}`);
  const ranking = useRankingPage(period, group, pager.cursor, PAGE_SIZE);
  const all = useRankingRows(period, group);
  const stream = useRankingStream(period, group);
  const data = ranking.data;
  const myRow = data?.me ?? null;
  const isMine = (row: RankingRow) => myRow !== null && row.subject.kind === myRow.subject.kind && row.subject.id === myRow.subject.id;

  const histogram = useMemo(() => {
    const rows = all.data?.rows ?? [];
    const bins = pointsHistogram(rows.map((r) => r.points), isMobile ? 8 : 12);
    const slanted = bins.length > (isMobile ? 3 : 6);
    const myBin = myRow ? bins.findIndex((b, i) => myRow.points >= b.from && (myRow.points < b.to || i === bins.length - 1)) : -1;
    return {
      bins,
      option: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 12, top: 32, bottom: 8, containLabel: true },
        // "−1.5 ~ −1" labels do not fit side by side on a phone (nor, beyond six, on a desktop): slanted;
        // the axis name would then collide with them, so the tooltip and the card title say what x is
        xAxis: {
          type: 'category',
          data: bins.map(binLabel),
          ...(slanted ? {} : { name: t('rankings.pointsAxis'), nameLocation: 'middle', nameGap: 28 }),
          axisLabel: { interval: 0, rotate: slanted ? 40 : 0, fontSize: 11 },
        },
        yAxis: { type: 'value', minInterval: 1, name: t('rankings.peopleAxis') },
        series: [
          {
            type: 'bar',
            name: t('rankings.peopleAxis'),
            barMaxWidth: 40,
            data: bins.map((b, i) => ({
              value: b.count,
              ...(i === myBin ? { label: { show: true, position: 'top', formatter: t('rankings.me'), color: '#8a6d1f', fontWeight: 'bold' } } : {}),
              itemStyle: { color: i === myBin ? '#e8b84a' : b.to <= 0 && b.from < 0 ? '#d9534f' : b.from >= 0 && b.to > 0 ? '#3a8a5c' : '#3a78c2' },
            })),
          },
        ],
      },
    };
  }, [all.data, myRow, isMobile, t]);

  const openSubject = (row: RankingRow) => {
    if (row.subject.kind !== 'person') return;
    if (me.person && String(row.subject.id) === String(me.person.id)) navigate(`/points/me?period=${period ?? ''}`);
    else if (!memberOnly) navigate(`/points/people/${row.subject.id}?period=${period ?? ''}`);
  };
  const clickable = (row: RankingRow) => row.subject.kind === 'person' && (!memberOnly || isMine(row));

  const groupSelect = (
    <Select
      value={group}
      onChange={(v: string) => update({ group: v })}
      showSearch={{ optionFilterProp: 'label' }}
      options={[
        { label: t('rankings.sectionMine'), title: 'mine', options: groupOptions.filter((o) => o.section === 'mine') },
        ...(groupOptions.some((o) => o.section === 'category')
          ? [{ label: t('rankings.sectionCategories'), title: 'category', options: groupOptions.filter((o) => o.section === 'category') }]
          : []),
        ...(groupOptions.some((o) => o.section === 'unit') ? [{ label: t('rankings.sectionUnits'), title: 'unit', options: groupOptions.filter((o) => o.section === 'unit') }] : []),
      ]}
      popupMatchSelectWidth={false}
      style={{ width: isMobile ? '100%' : 240 }}
      data-testid="group-select"
    />
  );

  return (
    <>
      <PageHeader
        title={t('nav.rankings')}
        subtitle={data ? `${data.period.name} · ${data.group.name} · ${t('rankings.count', { count: data.count })}` : t('rankings.subtitle')}
        extra={<LiveIndicator state={stream.state} lastEventAt={stream.lastEventAt} />}
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <Flex gap={8} wrap align="center">
            <PeriodSelect value={period} onChange={onPeriod} style={{ width: isMobile ? '100%' : 260 }} />
            {groupSelect}
            {data ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {data.period.startsOn} – {data.period.endsOn}
              </Typography.Text>
            ) : null}
          </Flex>
        </Card>
        {ranking.isError ? <Alert type="error" showIcon title={errorText(t, ranking.error)} /> : null}
        {myRow ? (
          <Card size="small" className="my-rank-card" data-testid="my-rank">
            <Flex gap={isMobile ? 12 : 32} wrap align="center">
              <Flex gap={10} align="center">
                <RankBadge rank={myRow.rank} />
                <div>
                  <Typography.Text strong>{t('rankings.myRank')}</Typography.Text>
                  <div className="entry-sub">{t('rankings.rankOf', { rank: myRow.rank, count: data?.count ?? 0 })}</div>
                </div>
              </Flex>
              <Statistic title={t('rankings.points')} value={formatPoints(myRow.points)} styles={{ content: { color: myRow.points < 0 ? '#c8372d' : myRow.points > 0 ? '#2f7d4f' : undefined, fontSize: 20 } }} />
              <Statistic title={t('rankings.total')} value={formatScore(myRow.total)} styles={{ content: { fontSize: 20 } }} />
              {myRow.grade ? <Statistic title={t('rankings.grade')} value={myRow.grade} styles={{ content: { fontSize: 20 } }} /> : null}
              <Typography.Link onClick={() => navigate(`/points/me?period=${period ?? ''}`)} style={{ marginInlineStart: 'auto' }}>
                {t('rankings.why')}
              </Typography.Link>
            </Flex>
          </Card>
        ) : null}
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={15}>
            <Card size="small" title={t('rankings.tableTitle')} styles={{ body: isMobile ? { padding: 8 } : undefined }}>
              {ranking.isLoading ? <Skeleton active /> : null}
              {data && isMobile ? (
                <div className="ranking-list" data-testid="ranking-list">
                  {data.items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rankings.empty')} /> : null}
                  {data.items.map((row) => (
                    <div
                      key={`${row.subject.kind}-${row.subject.id}`}
                      className={`ranking-item${isMine(row) ? ' row-me' : ''}${clickable(row) ? ' clickable-row' : ''}`}
                      onClick={() => clickable(row) && openSubject(row)}
                      data-testid="ranking-row"
                    >
                      <RankBadge rank={row.rank} />
                      <div style={{ minWidth: 0, flex: 1 }}>
                        <Typography.Text strong ellipsis>
                          {row.subject.name}
                        </Typography.Text>
                        <div className="entry-sub">{row.subject.unitName ?? '—'}</div>
                      </div>
                      <div style={{ textAlign: 'end' }}>
                        <div className="ranking-total">{formatScore(row.total)}</div>
                        <div style={{ fontSize: 12 }}>
                          <PointsValue value={row.points} /> {row.grade ? <Tag style={{ marginInlineEnd: 0 }}>{row.grade}</Tag> : null}
                        </div>
                      </div>
                    </div>
                  ))}
                </div>
              ) : null}
              {data && !isMobile ? (
                <Table<RankingRow>
                  size="small"
                  rowKey={(r) => `${r.subject.kind}-${r.subject.id}`}
                  dataSource={data.items}
                  pagination={false}
                  loading={ranking.isFetching && !ranking.isLoading}
                  data-testid="ranking-table"
                  rowClassName={(r) => [isMine(r) ? 'row-me' : '', clickable(r) ? 'clickable-row' : ''].join(' ')}
                  onRow={(r) => ({ onClick: () => clickable(r) && openSubject(r), 'data-testid': 'ranking-row' }) as React.HTMLAttributes<HTMLElement>}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rankings.empty')} /> }}
                  columns={[
                    { key: 'rank', title: t('rankings.rank'), width: 60, render: (_: unknown, r) => <RankBadge rank={r.rank} /> },
                    {
                      key: 'name',
                      title: t('rankings.name'),
                      width: 140,
                      render: (_: unknown, r) => (
                        <span>
                          <Typography.Text strong>{r.subject.name}</Typography.Text>
                          {isMine(r) ? <Tag color="gold" style={{ marginInlineStart: 6 }}>{t('rankings.me')}</Tag> : null}
                          {r.subject.employeeNo ? <div className="entry-sub mono">{r.subject.employeeNo}</div> : null}
                        </span>
                      ),
                    },
                    { key: 'unit', title: t('rankings.unit'), ellipsis: true, render: (_: unknown, r) => r.subject.unitName ?? '—' },
                    { key: 'points', title: t('rankings.points'), width: 72, align: 'right', render: (_: unknown, r) => <PointsValue value={r.points} /> },
                    { key: 'total', title: t('rankings.total'), width: 72, align: 'right', render: (_: unknown, r) => <Typography.Text strong>{formatScore(r.total)}</Typography.Text> },
                    { key: 'grade', title: t('rankings.grade'), width: 64, render: (_: unknown, r) => (r.grade ? <Tag>{r.grade}</Tag> : '—') },
                  ]}
                />
              ) : null}
              <CursorPager
                pageNumber={pager.pageNumber}
                hasPrevious={pager.hasPrevious}
                nextCursor={data?.nextCursor}
                busy={ranking.isFetching}
                onPrevious={pager.previous}
                onNext={pager.next}
                summary={data ? t('rankings.count', { count: data.count }) : undefined}
              />
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Card
              size="small"
              title={t('rankings.distribution')}
              extra={
                all.data && all.data.rows.length < all.data.count ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('rankings.distributionTop', { count: all.data.rows.length })}
                  </Typography.Text>
                ) : null
              }
            >
              {all.isError ? <Alert type="error" showIcon title={errorText(t, all.error)} /> : null}
              {histogram.bins.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rankings.empty')} />
              ) : (
                <Chart option={histogram.option} height={isMobile ? 240 : 300} testId="chart-distribution" />
              )}
              {myRow && histogram.bins.length > 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <span className="legend-dot" style={{ background: '#e8b84a' }} />
                  {t('rankings.myBin')}
                </Typography.Text>
              ) : null}
            </Card>
          </Col>
        </Row>
      </Flex>
    </>
  );
}
