import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Flex, Row, Segmented, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WorkLogSummary } from '@baton/contract/worklogs';
import { WORK_LOG_KINDS } from '@baton/contract/vocabulary';
import dayjs from 'dayjs';
import { Chart } from '../../../shared/components/Chart';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useSearchParamsUpdate } from '../../../shared/hooks/useSearchParamsUpdate';
import { idOf } from '../../../shared/params';
import { can, useCurrentMe } from '../../auth/auth.api';
import { PersonPicker } from '../../people/components/PersonPicker';
import { EntryContent } from '../components/EntryContent';
import { WorkLogTabs } from '../components/WorkLogTabs';
import { useEntryParam } from '../useEntryParam';
import { KIND_CHART_COLORS, formatDay, formatMinutes } from '../worklogs.model';
import { useServerToday, useSummary } from '../worklog-reports.api';

type Period = 'week' | 'month';

/**
 * 我的汇总: the weekly or monthly digest of a person's work log — counts by kind, linked indicators,
 * time spent, leaders' comments, missed days and late entries. Leaders open anyone of their subtree.
 */
export default function SummaryPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const oversees = can(me, 'log.oversee');
  const today = useServerToday(can(me, 'log.write'));
  const [params] = useSearchParams();
  const { openEntry } = useEntryParam();
  const period: Period = params.get('period') === 'month' ? 'month' : 'week';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? (params.get('date') as string) : today;
  const personParam = params.get('person');
  const personId = idOf(personParam);
  const personName = params.get('personName') ?? '';
  const needsPerson = personId === null && !me.person;
  const summary = useSummary({ person: personId, period, date }, !needsPerson);
  const data = needsPerson ? undefined : summary.data;

  const update = useSearchParamsUpdate();
  const shift = (delta: number) => update({ date: dayjs(date).add(delta, period === 'week' ? 'week' : 'month').format('YYYY-MM-DD') });
  const isCurrent = data ? data.from <= today && today <= data.to : true;

  const pie = useMemo(
    () => ({
      color: WORK_LOG_KINDS.map((k) => KIND_CHART_COLORS[k]),
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: {
        bottom: 0,
        formatter: (name: string) => {
          const kind = WORK_LOG_KINDS.find((k) => t(`worklogs.kinds.${k}`) === name);
          return kind ? `${name} ${data?.byKind[kind] ?? 0}` : name;
        },
      },
      series: [
        {
          type: 'pie',
          radius: ['42%', '66%'],
          center: ['50%', '44%'],
          label: { show: !isMobile, formatter: '{b}\n{c}' },
          data: WORK_LOG_KINDS.map((k) => ({ name: t(`worklogs.kinds.${k}`), value: data?.byKind[k] ?? 0 })),
        },
      ],
    }),
    [data, isMobile, t],
  );

  const rangeLabel = data ? `${formatDay(t, data.from)} – ${formatDay(t, data.to)}` : '';
  return (
    <>
      {can(me, 'log.write') ? <WorkLogTabs /> : null}
      <PageHeader
        title={me.person && (personId === null || String(personId) === String(me.person.id)) ? t('nav.summary') : t('nav.summaryAll')}
        subtitle={data ? `${data.person.name} · ${data.person.unitName}` : undefined}
        extra={
          oversees ? (
            <PersonPicker
              value={personId !== null ? { id: personId, name: personName || String(personId) } : null}
              placeholder={me.person ? t('worklogs.viewColleague') : t('people.pickPerson')}
              onChange={(p) => update({ person: p ? String(p.id) : null, personName: p ? p.name : null })}
              style={{ width: 220 }}
            />
          ) : null
        }
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Segmented<Period>
              value={period}
              onChange={(value) => update({ period: value === 'week' ? null : value })}
              options={[
                { value: 'week', label: t('worklogs.weekly') },
                { value: 'month', label: t('worklogs.monthly') },
              ]}
              data-testid="summary-period"
            />
            <Flex align="center" gap={4}>
              <Button icon={<LeftOutlined />} onClick={() => shift(-1)} aria-label={t('worklogs.previousPeriod')} />
              <Typography.Text strong className="nowrap" style={{ fontSize: isMobile ? 13 : 14 }} data-testid="summary-range">
                {rangeLabel}
              </Typography.Text>
              <Button icon={<RightOutlined />} onClick={() => shift(1)} aria-label={t('worklogs.nextPeriod')} disabled={isCurrent} />
            </Flex>
          </Flex>
        </Card>
        {needsPerson ? <Alert type="info" showIcon title={t('worklogs.summaryPickPerson')} /> : null}
        {summary.isError && !needsPerson ? <Alert type="error" showIcon title={errorText(t, summary.error)} /> : null}
        {summary.isLoading && !needsPerson ? <Skeleton active /> : null}
        {data ? (
          <>
            <Row gutter={[8, 8]} data-testid="summary-stats">
              <Col xs={8} md={4}>
                <Card size="small" className="mini-stat">
                  <Statistic title={t('worklogs.entriesTotal')} value={data.entries} />
                </Card>
              </Col>
              <Col xs={8} md={5}>
                <Card size="small" className="mini-stat">
                  {/* workingDays counts up to yesterday; on a Monday it is 0 while today may be logged already */}
                  <Statistic title={t('worklogs.daysLogged')} value={data.daysLogged} suffix={data.workingDays >= data.daysLogged ? `/ ${data.workingDays}` : undefined} />
                </Card>
              </Col>
              <Col xs={8} md={5}>
                <Card size="small" className="mini-stat">
                  <Statistic title={t('worklogs.timeSpent')} value={data.minutes ? (data.minutes / 60).toFixed(1) : 0} suffix={t('worklogs.hoursUnit')} />
                </Card>
              </Col>
              <Col xs={12} md={5}>
                <Card size="small" className="mini-stat">
                  <Statistic title={t('worklogs.missedDays')} value={data.missedDays.length} styles={{ content: data.missedDays.length > 0 ? { color: '#c8372d' } : undefined }} />
                </Card>
              </Col>
              <Col xs={12} md={5}>
                <Card size="small" className="mini-stat">
                  <Statistic title={t('worklogs.lateEntries')} value={data.lateEntries} />
                </Card>
              </Col>
            </Row>
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={10}>
                <Card size="small" title={t('worklogs.byKind')}>
                  {data.entries === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('worklogs.noEntriesPeriod')} /> : <Chart option={pie} height={240} testId="summary-kinds" />}
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Flex vertical gap={12}>
                  <Card size="small" title={t('worklogs.linkedIndicators')}>
                    <Table
                      size="small"
                      rowKey="indicator"
                      pagination={false}
                      dataSource={data.indicators}
                      locale={{ emptyText: t('worklogs.noIndicators') }}
                      columns={[
                        {
                          key: 'indicator',
                          title: t('worklogs.indicator'),
                          dataIndex: 'indicator',
                          render: (v: string, row: WorkLogSummary['indicators'][number]) => row.name ?? <span className="mono">{v}</span>,
                        },
                        { key: 'entries', title: t('worklogs.entriesTotal'), dataIndex: 'entries', width: 70, align: 'right' },
                        { key: 'minutes', title: t('worklogs.minutes'), dataIndex: 'minutes', width: 110, align: 'right', render: (m: number) => formatMinutes(t, m) },
                      ]}
                    />
                  </Card>
                  <Card size="small" title={t('worklogs.missedDaysList', { count: data.missedDays.length })}>
                    {data.missedDays.length === 0 ? (
                      <Typography.Text type="secondary">{t('worklogs.noMissedDays')}</Typography.Text>
                    ) : (
                      <Flex gap={6} wrap>
                        {data.missedDays.map((d) => (
                          <Tag key={d} color="red">
                            {formatDay(t, d)}
                          </Tag>
                        ))}
                      </Flex>
                    )}
                  </Card>
                </Flex>
              </Col>
            </Row>
            <Row gutter={[12, 12]}>
              <Col xs={24} lg={14}>
                <Card size="small" title={t('worklogs.leaderComments', { count: data.comments.length })}>
                  {data.comments.length === 0 ? (
                    <Typography.Text type="secondary">{t('worklogs.noLeaderComments')}</Typography.Text>
                  ) : (
                    <Flex vertical gap={10} data-testid="summary-comments">
                      {data.comments.map((c) => (
                        <div key={c.id} className="comment comment-leader clickable-row" onClick={() => openEntry(c.logId)}>
                          <Flex justify="space-between" gap={8}>
                            <Typography.Text strong>{c.author.name}</Typography.Text>
                            <Typography.Link className="nowrap" style={{ fontSize: 12 }}>
                              {t('worklogs.onEntryOf', { date: formatDay(t, c.logDate) })}
                            </Typography.Link>
                          </Flex>
                          <EntryContent text={c.content} testId="summary-comment" />
                        </div>
                      ))}
                    </Flex>
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card size="small" title={t('worklogs.openFlags', { count: data.openFlags.length })}>
                  {data.openFlags.length === 0 ? (
                    <Typography.Text type="secondary">{t('worklogs.noOpenFlags')}</Typography.Text>
                  ) : (
                    <Flex vertical gap={10}>
                      {data.openFlags.map((f) => (
                        <div key={f.id} className="flag-item flag-open clickable-row" onClick={() => openEntry(f.logId)}>
                          <Typography.Text strong>{t('worklogs.flagOpenBy', { name: f.flaggedBy })}</Typography.Text>
                          <EntryContent text={f.note} testId="summary-flag" />
                          <div className="entry-sub">{t('worklogs.onEntryOf', { date: formatDay(t, f.logDate) })}</div>
                        </div>
                      ))}
                    </Flex>
                  )}
                </Card>
              </Col>
            </Row>
            {data.entries > 0 ? (
              <Flex justify="center">
                <Button
                  icon={<UnorderedListOutlined />}
                  onClick={() =>
                    navigate(
                      `/worklog/feed?${new URLSearchParams({ person: String(data.person.id), personName: data.person.name, from: data.from, to: data.to }).toString()}`,
                    )
                  }
                >
                  {t('worklogs.viewEntries', { count: data.entries })}
                </Button>
              </Flex>
            ) : null}
          </>
        ) : null}
      </Flex>
    </>
  );
}
