import { useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, Flex, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { EditOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { useSearchParamsUpdate } from '../../../shared/hooks/useSearchParamsUpdate';
import { idOf } from '../../../shared/params';
import { shanghaiToday } from '../../../shared/dates';
import { can, useCurrentMe } from '../../auth/auth.api';
import { PersonPicker, type PickedPerson } from '../../people/components/PersonPicker';
import { EntryCard } from '../components/EntryCard';
import { MonthGrid, dayMark } from '../components/MonthGrid';
import { ReminderBanner } from '../components/ReminderBanner';
import { WorkLogTabs } from '../components/WorkLogTabs';
import { useEntryParam } from '../useEntryParam';
import { useLogsOfDay } from '../worklogs.api';
import { formatDay } from '../worklogs.model';
import { useMonthView, useReminders } from '../worklog-reports.api';

/** 月历: a month of one's work log — days logged, days missed, holidays — and a day's entries or its backfill. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const oversees = can(me, 'log.oversee');
  const writes = can(me, 'log.write');
  const reminders = useReminders(writes);
  const today = reminders.data?.today ?? shanghaiToday();
  const [params] = useSearchParams();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '') ? (params.get('month') as string) : today.slice(0, 7);
  const personParam = params.get('person');
  const [personName, setPersonName] = useState<string | null>(null);
  const pickedId = idOf(personParam);
  const person: PickedPerson | null = pickedId !== null ? { id: pickedId, name: personName ?? String(pickedId) } : null;
  const own = person === null || (me.person !== null && String(me.person.id) === String(person.id));
  // an auditor or administrator without a person of his own looks at someone else's month only
  const needsPerson = own && !me.person;
  const view = useMonthView(month, own ? null : (person?.id ?? null), !needsPerson);
  const selected = params.get('day') ?? (month === today.slice(0, 7) ? today : null);
  const personId = own ? (me.person?.id ?? null) : (person?.id ?? null);
  const dayEntries = useLogsOfDay(personId, selected);
  const { openEntry } = useEntryParam();
  const selectedDay = useMemo(() => view.data?.days.find((d) => d.date === selected) ?? null, [view.data, selected]);

  const update = useSearchParamsUpdate();
  const shiftMonth = (delta: number) => update({ month: dayjs(`${month}-01`).add(delta, 'month').format('YYYY-MM'), day: null });
  const totals = view.data?.totals;
  const name = view.data?.person.name ?? me.person?.name ?? '';

  if (!me.person && !oversees) return <Alert type="info" showIcon title={t('worklogs.noPerson')} />;

  return (
    <>
      {writes ? <WorkLogTabs /> : null}
      <PageHeader
        title={t('nav.worklogCalendar')}
        subtitle={view.data ? `${name} · ${view.data.person.unitName}` : undefined}
        extra={
          oversees ? (
            <PersonPicker
              value={own ? null : person}
              placeholder={t('worklogs.viewColleague')}
              onChange={(p) => {
                setPersonName(p?.name ?? null);
                update({ person: p ? String(p.id) : null, day: null });
              }}
              style={{ width: 220 }}
            />
          ) : null
        }
      />
      <Flex vertical gap={12}>
        {own ? <ReminderBanner reminders={reminders.data} onPick={(date) => navigate(`/worklog?date=${date}`)} /> : null}
        {needsPerson ? <Alert type="info" showIcon title={t('worklogs.summaryPickPerson')} /> : null}
        {view.isError ? <Alert type="error" showIcon title={errorText(t, view.error)} /> : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card size="small" className="calendar-card">
              <Flex justify="space-between" align="center" style={{ marginBottom: 10 }}>
                <Button icon={<LeftOutlined />} onClick={() => shiftMonth(-1)} aria-label={t('worklogs.previousMonth')} />
                <Flex gap={8} align="center">
                  <Typography.Title level={5} style={{ margin: 0 }} data-testid="calendar-month">
                    {dayjs(`${month}-01`).format(t('worklogs.monthFormat'))}
                  </Typography.Title>
                  {month !== today.slice(0, 7) ? (
                    <Button size="small" onClick={() => update({ month: null, day: null })}>
                      {t('worklogs.thisMonth')}
                    </Button>
                  ) : null}
                </Flex>
                <Button icon={<RightOutlined />} onClick={() => shiftMonth(1)} aria-label={t('worklogs.nextMonth')} disabled={month >= today.slice(0, 7)} />
              </Flex>
              {view.isLoading ? <Skeleton active /> : null}
              {view.data ? <MonthGrid days={view.data.days} selected={selected} onSelect={(d) => update({ day: d.date })} /> : null}
              <Flex gap={12} wrap className="calendar-legend">
                <span>
                  <i className="legend-dot legend-logged" />
                  {t('worklogs.legendLogged')}
                </span>
                <span>
                  <i className="legend-dot legend-missed" />
                  {t('worklogs.legendMissed')}
                </span>
                <span>
                  <span className="month-mark month-mark-rest">{t('worklogs.markRest')}</span> {t('worklogs.legendRest')}
                </span>
                <span>
                  <span className="month-mark month-mark-work">{t('worklogs.markWork')}</span> {t('worklogs.legendWork')}
                </span>
              </Flex>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Flex vertical gap={12}>
              {totals ? (
                <Row gutter={[8, 8]}>
                  <Col span={6}>
                    <Card size="small" className="mini-stat">
                      <Statistic title={t('worklogs.workingDays')} value={totals.workingDays} />
                    </Card>
                  </Col>
                  <Col span={6}>
                    <Card size="small" className="mini-stat">
                      <Statistic title={t('worklogs.daysLogged')} value={totals.daysLogged} />
                    </Card>
                  </Col>
                  <Col span={6}>
                    <Card size="small" className="mini-stat">
                      <Statistic title={t('worklogs.entriesTotal')} value={totals.entries} />
                    </Card>
                  </Col>
                  <Col span={6}>
                    <Card size="small" className="mini-stat">
                      <Statistic title={t('worklogs.missedDays')} value={totals.missedDays} styles={{ content: totals.missedDays > 0 ? { color: '#c8372d' } : undefined }} />
                    </Card>
                  </Col>
                </Row>
              ) : null}
              {selected ? (
                <Card
                  size="small"
                  data-testid="calendar-day"
                  title={
                    <Flex gap={6} align="center" wrap>
                      <span>{formatDay(t, selected)}</span>
                      {selectedDay?.name ? <Tag>{selectedDay.name}</Tag> : null}
                      {selectedDay && dayMark(selectedDay) === 'rest' ? <Tag>{t('worklogs.restDay')}</Tag> : null}
                      {selectedDay && dayMark(selectedDay) === 'work' ? <Tag color="blue">{t('worklogs.adjustedWorkday')}</Tag> : null}
                      {selectedDay?.missed ? <Tag color="red">{t('worklogs.missed')}</Tag> : null}
                    </Flex>
                  }
                  extra={
                    selectedDay?.canWrite ? (
                      <Button
                        type="primary"
                        size="small"
                        icon={<EditOutlined />}
                        onClick={() => navigate(selected === today ? '/worklog' : `/worklog?date=${selected}`)}
                        data-testid="calendar-write"
                      >
                        {selected === today ? t('worklogs.write') : t('worklogs.backfill')}
                      </Button>
                    ) : null
                  }
                >
                  {dayEntries.isLoading ? <Skeleton active /> : null}
                  {dayEntries.isError ? <Alert type="error" showIcon title={errorText(t, dayEntries.error)} /> : null}
                  {dayEntries.data && dayEntries.data.length === 0 ? (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={
                        selectedDay && selected > today
                          ? t('worklogs.futureDay')
                          : selectedDay?.canWrite
                            ? t('worklogs.noEntriesCanBackfill')
                            : t('worklogs.noEntriesDay')
                      }
                    />
                  ) : null}
                  <div className="entry-list">
                    {(dayEntries.data ?? []).map((entry) => (
                      <EntryCard key={entry.id} entry={entry} showAuthor={false} showDate={false} showEditable={own} onOpen={(e) => openEntry(e.id)} />
                    ))}
                  </div>
                </Card>
              ) : (
                <Typography.Text type="secondary">{t('worklogs.pickDay')}</Typography.Text>
              )}
            </Flex>
          </Col>
        </Row>
      </Flex>
    </>
  );
}
