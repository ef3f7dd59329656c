import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Skeleton, Typography, type UploadFile } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WorkLogKind } from '@baton/contract/worklogs';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { shanghaiToday } from '../../../shared/dates';
import { AttachmentPicker } from '../../../shared/components/AttachmentPicker';
import { useCurrentMe } from '../../auth/auth.api';
import { EditEntryModal } from '../components/EditEntryModal';
import { EntryCard } from '../components/EntryCard';
import { EntryForm, type EntryValues } from '../components/EntryForm';
import { ReminderBanner } from '../components/ReminderBanner';
import { WorkLogTabs } from '../components/WorkLogTabs';
import { useEntryParam } from '../useEntryParam';
import { uploadAttachment, useCreateLog, useLogsOfDay } from '../worklogs.api';
import { ATTACHMENTS_PER_ENTRY, formatDay, isWritableDate } from '../worklogs.model';
import { useReminders } from '../worklog-reports.api';

/**
 * 工作纪实 — the member's home for logging: today's entry in a few taps (kind, text, optional links,
 * time and photos), backfill of the last 7 days (补报), and the entries of the chosen day below.
 */
export default function MyWorkLogPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useCurrentMe();
  const reminders = useReminders(true);
  const today = reminders.data?.today ?? shanghaiToday();
  const [params, setParams] = useSearchParams();
  const requested = params.get('date');
  const requestedDate = requested && isWritableDate(requested, today) ? requested : today;
  const [lastKind, setLastKind] = useState<WorkLogKind>('routine');
  const [shownDate, setShownDate] = useState<string>(requestedDate);
  // the form's date: from the URL (a reminder, the calendar), then the date of the last entry written
  const [formDate, setFormDate] = useState<string>(requestedDate);
  useEffect(() => setFormDate(requestedDate), [requestedDate]);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [resetKey, setResetKey] = useState(0);
  const [editing, setEditing] = useState<number | null>(null);
  const { openEntry } = useEntryParam();
  const create = useCreateLog();
  const personId = me.person?.id ?? null;
  const entries = useLogsOfDay(personId, shownDate);
  const onDateChange = useCallback((date: string) => setShownDate(date), []);

  const pickDate = (date: string) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('date', date);
        return next;
      },
      { replace: true },
    );
    window.scrollTo({ top: 0, behavior: 'smooth' });
  };

  const submit = async (values: EntryValues) => {
    const entry = await create.mutateAsync({
      kind: values.kind,
      content: values.content,
      date: values.date,
      indicator: values.indicator ?? undefined,
      task: values.task ?? undefined,
      minutes: values.minutes ?? undefined,
    });
    // the entry exists: its photos follow one by one; a refused file does not undo the entry
    const failures: string[] = [];
    for (const file of files) {
      if (!file.originFileObj) continue;
      try {
        await uploadAttachment(entry.id, file.originFileObj);
      } catch (error) {
        failures.push(`${file.name}：${errorText(t, error)}`);
      }
    }
    setFiles([]);
    setLastKind(values.kind);
    setFormDate(values.date);
    setResetKey((k) => k + 1);
    await entries.refetch();
    if (failures.length > 0) {
      modal.warning({
        title: t('worklogs.attachmentsFailed'),
        content: (
          <Flex vertical gap={4}>
            {failures.map((f) => (
              <span key={f}>{f}</span>
            ))}
            <Typography.Text type="secondary">{t('worklogs.attachmentsRetry')}</Typography.Text>
          </Flex>
        ),
      });
    } else {
      void message.success(entry.late ? t('worklogs.savedLate') : t('worklogs.saved'));
    }
  };

  if (!me.person) {
    return <Alert type="info" showIcon title={t('worklogs.noPerson')} />;
  }

  const list = entries.data ?? [];
  return (
    <>
      <WorkLogTabs />
      <PageHeader title={t('nav.worklog')} subtitle={`${me.person.name} · ${me.person.unitName} · ${formatDay(t, today)}`} />
      <Flex vertical gap={12}>
        <ReminderBanner reminders={reminders.data} onPick={pickDate} />
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={13}>
            <Card size="small" title={t('worklogs.writeTitle')} className="write-card">
              <EntryForm
                mode="create"
                today={today}
                resetKey={resetKey}
                initialValues={{ kind: lastKind, date: formDate, content: '', indicator: null, task: null, minutes: null }}
                submitLabel={t('worklogs.submit')}
                onSubmit={submit}
                onDateChange={onDateChange}
                attachments={<AttachmentPicker files={files} onChange={setFiles} max={ATTACHMENTS_PER_ENTRY} />}
              />
            </Card>
          </Col>
          <Col xs={24} lg={11}>
            <Flex vertical gap={10}>
              <Flex justify="space-between" align="baseline">
                <Typography.Title level={5} style={{ margin: 0 }} data-testid="day-entries-title">
                  {shownDate === today ? t('worklogs.todayEntries', { count: list.length }) : t('worklogs.dayEntries', { date: formatDay(t, shownDate), count: list.length })}
                </Typography.Title>
              </Flex>
              {entries.isError ? <Alert type="error" showIcon title={errorText(t, entries.error)} /> : null}
              {entries.isLoading ? <Skeleton active /> : null}
              {!entries.isLoading && list.length === 0 ? (
                <Card size="small">
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={shownDate === today ? t('worklogs.noEntriesToday') : t('worklogs.noEntriesDay')} />
                </Card>
              ) : null}
              <div className="entry-list" data-testid="day-entries">
                {list.map((entry) => (
                  <EntryCard
                    key={entry.id}
                    entry={entry}
                    showAuthor={false}
                    showDate={false}
                    showEditable
                    onOpen={(e) => openEntry(e.id)}
                    actions={
                      entry.can.edit ? (
                        <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setEditing(entry.id)} data-testid="edit-entry">
                          {t('common.edit')}
                        </Button>
                      ) : null
                    }
                  />
                ))}
              </div>
            </Flex>
          </Col>
        </Row>
      </Flex>
      <EditEntryModal entryId={editing} today={today} onClose={() => setEditing(null)} />
    </>
  );
}
