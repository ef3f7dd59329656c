import { useCallback, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Card, Col, Empty, Flex, Result, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Period } from '@baton/contract/periods';
import { Chart } from '../../../shared/components/Chart';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { idOf } from '../../../shared/params';
import { formatPoints, formatScore } from '../../../shared/scores';
import { isMemberOnly, useCurrentMe } from '../../auth/auth.api';
import { PersonPicker } from '../../people/components/PersonPicker';
import { EventDrawer } from '../../points/components/EventDrawer';
import { EventList } from '../../points/components/EventList';
import { PeriodSelect } from '../../periods/components/PeriodSelect';
import { ledgerExplainText } from '../../points/ledger-explain';
import { usePointEventParam } from '../../points/usePointEventParam';
import { useSchemes } from '../../schemes/schemes.api';
import { usePeriods } from '../../periods/periods.api';
import { useRedBlackHistory } from '../../red-black/red-black.api';
import { usePersonPoints } from '../rankings.api';

/** The engine's explanation of an indicator's score in the reader's language (other methods: as the engine wrote it). */
function explainText(t: TFunction, text: string): string {
  return ledgerExplainText(t, text) ?? text;
}

/**
 * 我的积分 — and, for a leader, one of his people's: rank in each group, net points, total, the
 * cumulative trend by month, and "why": every event of the period with its evidence.
 */
export default function MyPointsPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { personId: personParam } = useParams();
  const [params, setParams] = useSearchParams();
  const { openEvent } = usePointEventParam();
  const personId = personParam !== undefined ? idOf(personParam) : (me.person?.id ?? null);
  const isSelf = me.person !== null && String(me.person.id) === String(personId);
  const period = idOf(params.get('period'));
  const onPeriod = useCallback(
    (p: Period | null) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (p) next.set('period', String(p.id));
          else next.delete('period');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const data = usePersonPoints(personId, period);
  const history = useRedBlackHistory(personId);
  const d = data.data;
  // indicator names come from the period's scheme ("style" → 执法作风)
  const periods = usePeriods();
  const schemes = useSchemes();
  const indicatorNames = useMemo(() => {
    const schemeId = (periods.data ?? []).find((p) => d && p.id === d.period.id)?.schemeId;
    const scheme = (schemes.data ?? []).find((s) => s.id === schemeId);
    return new Map((scheme?.definition.indicators ?? []).map((i) => [i.id, i.name ?? i.id]));
  }, [periods.data, schemes.data, d]);

  const trend = useMemo(() => {
    const rows = d?.trend ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.month) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'bar',
          name: t('rankings.person.monthPoints'),
          itemStyle: { color: '#8fa3bf' },
          barMaxWidth: 28,
          data: rows.map((r) => ({ value: r.points, itemStyle: { color: r.points < 0 ? '#d9534f' : '#3a8a5c' } })),
        },
        { type: 'line', name: t('rankings.person.cumulative'), data: rows.map((r) => r.cumulative), symbolSize: 7, lineStyle: { width: 3, color: '#1f4e8c' }, itemStyle: { color: '#1f4e8c' } },
      ],
    };
  }, [d, t]);

  if (personId === null) {
    return <Result status="info" title={t('rankings.person.noPersonTitle')} subTitle={t('rankings.person.noPersonText')} />;
  }

  const title = isSelf ? t('nav.myPoints') : d ? t('rankings.person.personPoints', { name: d.person.name }) : t('rankings.person.personPointsLoading');
  const indicatorRows = Object.entries(d?.indicators ?? {});

  return (
    <>
      <PageHeader
        title={title}
        subtitle={d ? [d.person.unitName, d.person.employeeNo].filter(Boolean).join(' · ') : undefined}
        extra={
          !isMemberOnly(me) ? (
            <PersonPicker
              value={null}
              onChange={(p) => p && navigate(`/points/people/${p.id}${period ? `?period=${period}` : ''}`)}
              placeholder={t('rankings.person.viewSomeone')}
              style={{ width: isMobile ? '100%' : 220 }}
            />
          ) : null
        }
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <PeriodSelect value={period} onChange={onPeriod} style={{ width: isMobile ? '100%' : 280 }} />
        </Card>
        {data.isError ? <Alert type="error" showIcon title={errorText(t, data.error)} /> : null}
        {data.isLoading ? <Skeleton active /> : null}
        {d ? (
          <>
            <Row gutter={[8, 8]} data-testid="points-summary">
              <Col xs={12} md={6}>
                <Card size="small" className="mini-stat">
                  <Statistic
                    title={t('rankings.person.netPoints')}
                    value={formatPoints(d.points)}
                    styles={{ content: { color: d.points < 0 ? '#c8372d' : d.points > 0 ? '#2f7d4f' : undefined } }}
                  />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small" className="mini-stat">
                  <Statistic title={t('rankings.person.total')} value={formatScore(d.total)} />
                </Card>
              </Col>
              {d.ranks.map((r) => (
                <Col xs={12} md={6} key={r.group.key}>
                  <Card
                    size="small"
                    className="mini-stat clickable-row"
                    onClick={() => navigate(`/rankings?period=${d.period.id}&group=${encodeURIComponent(r.group.key)}`)}
                    data-testid="rank-card"
                  >
                    <Statistic title={r.group.key === 'all' ? t('rankings.groupAll') : r.group.name} value={r.rank ?? '—'} prefix={t('rankings.person.rankPrefix')} suffix={`/ ${r.count}`} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={14}>
                <Card size="small" title={t('rankings.person.trend')}>
                  {d.trend.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : <Chart option={trend} height={isMobile ? 240 : 280} testId="chart-trend" />}
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card size="small" title={t('rankings.person.indicatorScores')} style={{ height: '100%' }}>
                  {indicatorRows.length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                  ) : (
                    <Flex vertical gap={8}>
                      {indicatorRows.map(([id, s]) => (
                        <div key={id}>
                          <Flex justify="space-between">
                            <span>{indicatorNames.get(id) ?? id}</span>
                            <Typography.Text strong>{formatScore(s.score)}</Typography.Text>
                          </Flex>
                          {s.explain ? (
                            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }} data-testid="indicator-explain">
                              {explainText(t, s.explain)}
                            </Typography.Text>
                          ) : null}
                        </div>
                      ))}
                    </Flex>
                  )}
                  {(history.data ?? []).length > 0 ? (
                    <div style={{ marginTop: 12 }} data-testid="red-black-appearances">
                      <Typography.Text type="secondary">{t('rankings.person.redBlackAppearances')}</Typography.Text>
                      <Flex gap={4} wrap style={{ marginTop: 4 }}>
                        {(history.data ?? []).map((h, i) => (
                          <Tag key={i} color={h.list === 'red' ? 'red' : 'default'} className={h.list === 'black' ? 'tag-black' : undefined}>
                            {h.month} {t(`redBlack.${h.list}Short`)} #{h.rank}
                          </Tag>
                        ))}
                      </Flex>
                    </div>
                  ) : null}
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t('rankings.person.whyTitle', { count: d.events.length })} styles={{ body: isMobile ? { padding: 8 } : undefined }}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                {t('rankings.person.whyText')}
              </Typography.Paragraph>
              <EventList events={d.events} onOpen={openEvent} hideSubject showEvidence empty={t('rankings.person.noEventsPeriod')} testId="why-events" />
            </Card>
          </>
        ) : null}
      </Flex>
      <EventDrawer />
    </>
  );
}
