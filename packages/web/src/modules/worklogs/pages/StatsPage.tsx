import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SpotCheck, StatsPerson } from '@baton/contract/worklogs';
import { WORK_LOG_KINDS } from '@baton/contract/vocabulary';
import dayjs, { type Dayjs } from 'dayjs';
import type { Id } from '../../../shared/params';
import { Chart } from '../../../shared/components/Chart';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { formatDateTime, saveBlob } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useSearchParamsUpdate } from '../../../shared/hooks/useSearchParamsUpdate';
import { idOf } from '../../../shared/params';
import { can, useCurrentMe } from '../../auth/auth.api';
import { UnitTreeSelect } from '../../org/components/UnitTreeSelect';
import { useUnits } from '../../org/org.api';
import { buildUnitForest } from '../../org/unit-tree';
import { SpotCheckDrawer } from '../components/SpotCheckDrawer';
import { WorkLogTabs } from '../components/WorkLogTabs';
import { KIND_CHART_COLORS } from '../worklogs.model';
import { exportWorkLogs, useDrawSpotCheck, useServerToday, useSpotChecks, useStats } from '../worklog-reports.api';

const IDLE_CHOICES = [1, 2, 3, 5, 10, 20, 30, 60];
const numberOrNull = (raw: string | null) => (raw && /^\d+$/.test(raw) ? Number(raw) : null);
const isDate = (raw: string | null): raw is string => raw !== null && /^\d{4}-\d{2}-\d{2}$/.test(raw);

function SpotCheckPanel({ unit, from, to, onOpen }: { unit: Id | null; from: string; to: string; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const isMobile = useIsMobile();
  const draw = useDrawSpotCheck();
  const past = useSpotChecks(unit);
  const [form] = Form.useForm<{ count: number; seed?: string }>();
  const reviews = can(me, 'log.review');

  return (
    <Card size="small" title={t('worklogs.spotChecks')} data-testid="spot-check-panel">
      {reviews ? (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('worklogs.spotCheckIntro', { from, to })}
          </Typography.Paragraph>
          {draw.isError ? <Alert type="error" showIcon title={errorText(t, draw.error)} style={{ marginBottom: 12 }} /> : null}
          <Form
            form={form}
            layout={isMobile ? 'vertical' : 'inline'}
            initialValues={{ count: 5 }}
            onFinish={(values) => {
              if (unit === null) return;
              draw.mutate(
                { unit: Number(unit), count: values.count, from, to, seed: values.seed?.trim() || undefined },
                {
                  onSuccess: (result) => {
                    void message.success(t('worklogs.spotCheckDrawn', { count: result.drawnIds.length }));
                    onOpen(result.id);
                  },
                },
              );
            }}
            style={{ rowGap: 8 }}
          >
            <Form.Item name="count" label={t('worklogs.spotCount')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100} precision={0} style={{ width: 100 }} data-testid="spot-count" />
            </Form.Item>
            <Form.Item
              name="seed"
              label={t('worklogs.seedOptional')}
              tooltip={t('worklogs.seedHint')}
              rules={[{ pattern: /^[A-Za-z0-9_.:-]{1,128}$/, message: t('worklogs.seedInvalid') }]}
            >
              <Input allowClear placeholder={t('worklogs.seedPlaceholder')} style={{ width: isMobile ? '100%' : 200 }} maxLength={128} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<ExperimentOutlined />} loading={draw.isPending} disabled={unit === null} data-testid="spot-draw">
                {t('worklogs.drawSpotCheck')}
              </Button>
            </Form.Item>
          </Form>
        </>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: reviews ? 16 : 0 }}>
        {t('worklogs.pastSpotChecks')}
      </Typography.Title>
      {past.isError ? <Alert type="error" showIcon title={errorText(t, past.error)} /> : null}
      <Table<SpotCheck>
        size="small"
        rowKey="id"
        loading={past.isLoading}
        dataSource={past.data?.items ?? []}
        pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
        scroll={{ x: 640 }}
        rowClassName={() => 'clickable-row'}
        onRow={(s) => ({ onClick: () => onOpen(s.id) })}
        locale={{ emptyText: t('worklogs.noSpotChecks') }}
        columns={[
          { key: 'createdAt', title: t('worklogs.drawnAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v).slice(0, 16) },
          { key: 'unit', title: t('worklogs.unit'), render: (_: unknown, s) => s.unit.name, ellipsis: true },
          { key: 'range', title: t('worklogs.range'), width: 190, render: (_: unknown, s) => `${s.from} – ${s.to}` },
          { key: 'count', title: t('worklogs.drawn'), width: 90, render: (_: unknown, s) => `${s.drawnIds.length} / ${s.candidateCount}` },
          { key: 'seed', title: t('worklogs.seed'), dataIndex: 'seed', width: 120, ellipsis: true, render: (v: string) => <span className="mono">{v}</span> },
          { key: 'by', title: t('worklogs.drawnBy'), dataIndex: 'createdBy', width: 90 },
        ]}
      />
    </Card>
  );
}

/**
 * 工作纪实统计 (log.oversee): who has not logged for N working days, entries per person and per
 * week, the unit digest as .xlsx, and spot checks (抽查) with their recorded seeds.
 */
export default function StatsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const today = useServerToday(can(me, 'log.write'));
  const units = useUnits();
  const [params] = useSearchParams();
  const [exporting, setExporting] = useState(false);

  // a leader starts on the unit he leads; admin and auditor on the top of the tree
  const defaultUnit = useMemo<Id | null>(() => {
    const led = me.roles.find((r) => r.role === 'leader' && r.unitId !== null)?.unitId;
    if (led !== undefined && led !== null) return led;
    return buildUnitForest(units.data ?? [])[0]?.unit.id ?? null;
  }, [me.roles, units.data]);
  const unit = idOf(params.get('unit')) ?? defaultUnit;
  const to = isDate(params.get('to')) ? (params.get('to') as string) : today;
  const from = isDate(params.get('from')) ? (params.get('from') as string) : dayjs(to).subtract(27, 'day').format('YYYY-MM-DD');
  const idleDays = numberOrNull(params.get('idle')) ?? 3;
  const spotParam = idOf(params.get('spot'));
  const stats = useStats({ unit, from, to, idleDays }, unit !== null);
  const data = stats.data;

  const update = useSearchParamsUpdate();

  const download = async () => {
    setExporting(true);
    try {
      const { blob, fileName } = await exportWorkLogs({ unit, from, to });
      saveBlob(blob, fileName);
    } catch (error) {
      void message.error(errorText(t, error));
    } finally {
      setExporting(false);
    }
  };

  const weekly = useMemo(
    () => ({
      color: WORK_LOG_KINDS.map((k) => KIND_CHART_COLORS[k]).concat('#15325f'),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
      xAxis: { type: 'category', data: (data?.weeks ?? []).map((w) => dayjs(w.weekStart).format('M/D')) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...WORK_LOG_KINDS.map((k) => ({
          type: 'bar',
          stack: 'kinds',
          name: t(`worklogs.kinds.${k}`),
          barMaxWidth: 36,
          data: (data?.weeks ?? []).map((w) => w.byKind[k]),
        })),
        { type: 'line', name: t('worklogs.entriesTotal'), data: (data?.weeks ?? []).map((w) => w.entries), symbolSize: 6 },
      ],
    }),
    [data, t],
  );

  const topPeople = useMemo(() => [...(data?.people ?? [])].sort((a, b) => b.entries - a.entries).slice(0, 30), [data]);
  const perPerson = useMemo(
    () => ({
      color: WORK_LOG_KINDS.map((k) => KIND_CHART_COLORS[k]),
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: topPeople.map((p) => p.name), axisLabel: { width: isMobile ? 56 : 90, overflow: 'truncate' } },
      series: WORK_LOG_KINDS.map((k) => ({ type: 'bar', stack: 'kinds', name: t(`worklogs.kinds.${k}`), barMaxWidth: 16, data: topPeople.map((p) => p.byKind[k]) })),
    }),
    [topPeople, isMobile, t],
  );

  const openPerson = (personId: number, name: string) =>
    navigate(`/worklog/summary?${new URLSearchParams({ person: String(personId), personName: name, period: 'month', date: to }).toString()}`);
  const range: [Dayjs, Dayjs] = [dayjs(from), dayjs(to)];

  return (
    <>
      {can(me, 'log.write') ? <WorkLogTabs /> : null}
      <PageHeader
        title={t('nav.worklogStats')}
        subtitle={data ? `${data.unit.name} · ${data.from} – ${data.to}` : undefined}
        extra={
          <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={exporting} disabled={unit === null} data-testid="export-logs">
            {t('worklogs.exportDigest')}
          </Button>
        }
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <Flex gap={8} wrap align="center">
            <UnitTreeSelect
              value={unit}
              allowClear={false}
              onChange={(value) => update({ unit: value === null ? null : String(value) })}
              style={{ width: isMobile ? '100%' : 260 }}
            />
            {isMobile ? (
              <Flex gap={8} align="center" style={{ width: '100%' }}>
                <DatePicker value={range[0]} allowClear={false} inputReadOnly onChange={(d) => d && update({ from: d.format('YYYY-MM-DD') })} style={{ flex: 1 }} />
                <span>–</span>
                <DatePicker value={range[1]} allowClear={false} inputReadOnly onChange={(d) => d && update({ to: d.format('YYYY-MM-DD') })} style={{ flex: 1 }} />
              </Flex>
            ) : (
              <DatePicker.RangePicker
                value={range}
                allowClear={false}
                onChange={(values) => {
                  if (values?.[0] && values[1]) update({ from: values[0].format('YYYY-MM-DD'), to: values[1].format('YYYY-MM-DD') });
                }}
                presets={[
                  { label: t('worklogs.last4Weeks'), value: [dayjs(today).subtract(27, 'day'), dayjs(today)] },
                  { label: t('worklogs.thisMonth'), value: [dayjs(today).startOf('month'), dayjs(today)] },
                  { label: t('worklogs.lastMonth'), value: [dayjs(today).subtract(1, 'month').startOf('month'), dayjs(today).subtract(1, 'month').endOf('month')] },
                ]}
              />
            )}
          </Flex>
        </Card>
        {unit === null && !units.isLoading ? <Alert type="info" showIcon title={t('worklogs.pickUnit')} /> : null}
        {stats.isError ? <Alert type="error" showIcon title={errorText(t, stats.error)} /> : null}
        {stats.isLoading ? <Skeleton active /> : null}
        {data ? (
          <>
            <Row gutter={[8, 8]}>
              <Col xs={12} md={6}>
                <Card size="small" className="mini-stat">
                  <Statistic title={t('worklogs.people')} value={data.totals.people} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small" className="mini-stat">
                  <Statistic title={t('worklogs.entriesTotal')} value={data.totals.entries} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small" className="mini-stat">
                  <Statistic title={t('worklogs.lateEntries')} value={data.totals.lateEntries} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small" className="mini-stat">
                  <Statistic
                    title={t('worklogs.peopleWithoutEntries')}
                    value={data.totals.peopleWithoutEntries}
                    styles={{ content: data.totals.peopleWithoutEntries > 0 ? { color: '#c8372d' } : undefined }}
                  />
                </Card>
              </Col>
            </Row>

            <Card
              size="small"
              data-testid="idle-card"
              title={
                <Flex gap={6} align="center" wrap>
                  <span>{t('worklogs.idleBefore')}</span>
                  <Select
                    size="small"
                    value={idleDays}
                    onChange={(value) => update({ idle: String(value) })}
                    options={IDLE_CHOICES.map((n) => ({ value: n, label: n }))}
                    style={{ width: 64 }}
                    data-testid="idle-days"
                  />
                  <span>{t('worklogs.idleAfter', { count: data.idle.length })}</span>
                </Flex>
              }
            >
              <Table
                size="small"
                rowKey="personId"
                dataSource={data.idle}
                pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
                scroll={{ x: 480 }}
                rowClassName={() => 'clickable-row'}
                onRow={(p) => ({ onClick: () => openPerson(p.personId, p.name) })}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('worklogs.noIdle', { count: idleDays })} /> }}
                columns={[
                  { key: 'name', title: t('worklogs.person'), dataIndex: 'name', width: 90, fixed: 'left', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
                  { key: 'unit', title: t('worklogs.unit'), dataIndex: 'unitName', ellipsis: true },
                  { key: 'last', title: t('worklogs.lastLogDate'), dataIndex: 'lastLogDate', width: 110, render: (v: string | null) => v ?? t('worklogs.never') },
                  {
                    key: 'idle',
                    title: t('worklogs.idleWorkingDays'),
                    dataIndex: 'idleWorkingDays',
                    width: 110,
                    align: 'right',
                    render: (v: number) => <Tag color={v >= 10 ? 'red' : 'orange'}>{v}</Tag>,
                  },
                ]}
              />
            </Card>

            <Row gutter={[12, 12]}>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('worklogs.perWeek')}>
                  {data.totals.entries === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : <Chart option={weekly} height={280} testId="chart-weeks" />}
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={topPeople.length < data.people.length ? t('worklogs.perPersonTop', { count: topPeople.length }) : t('worklogs.perPerson')}>
                  {data.totals.entries === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                  ) : (
                    <Chart option={perPerson} height={Math.max(220, topPeople.length * 24 + 60)} testId="chart-people" />
                  )}
                </Card>
              </Col>
            </Row>

            <Card size="small" title={t('worklogs.peopleTable', { count: data.people.length })} data-testid="people-table">
              <Table<StatsPerson>
                size="small"
                rowKey="personId"
                dataSource={data.people}
                pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true, showSizeChanger: false }}
                scroll={{ x: 940 }}
                rowClassName={() => 'clickable-row'}
                onRow={(p) => ({ onClick: () => openPerson(p.personId, p.name) })}
                columns={[
                  { key: 'name', title: t('worklogs.person'), dataIndex: 'name', width: 90, fixed: 'left', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
                  { key: 'unit', title: t('worklogs.unit'), dataIndex: 'unitName', ellipsis: true, width: 160 },
                  { key: 'entries', title: t('worklogs.entriesTotal'), dataIndex: 'entries', width: 70, align: 'right', sorter: (a, b) => a.entries - b.entries, defaultSortOrder: 'descend' },
                  ...WORK_LOG_KINDS.map((k) => ({
                    key: k,
                    title: t(`worklogs.kinds.${k}`),
                    width: 80,
                    align: 'right' as const,
                    render: (_: unknown, p: StatsPerson) => p.byKind[k],
                  })),
                  { key: 'days', title: t('worklogs.daysLogged'), dataIndex: 'daysLogged', width: 100, align: 'right', sorter: (a, b) => a.daysLogged - b.daysLogged },
                  {
                    key: 'missed',
                    title: t('worklogs.missedDays'),
                    dataIndex: 'missedWorkingDays',
                    width: 80,
                    align: 'right',
                    sorter: (a, b) => a.missedWorkingDays - b.missedWorkingDays,
                    render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
                  },
                  { key: 'late', title: t('worklogs.lateEntries'), dataIndex: 'lateEntries', width: 80, align: 'right' },
                  { key: 'comments', title: t('worklogs.commentsShort'), dataIndex: 'comments', width: 80, align: 'right' },
                  { key: 'last', title: t('worklogs.lastLogDate'), dataIndex: 'lastLogDate', width: 110, render: (v: string | null) => v ?? '—' },
                ]}
              />
            </Card>
          </>
        ) : null}

        <SpotCheckPanel unit={unit} from={from} to={to} onOpen={(id) => update({ spot: String(id) }, false)} />
      </Flex>
      <SpotCheckDrawer id={spotParam} onClose={() => update({ spot: null })} />
    </>
  );
}
