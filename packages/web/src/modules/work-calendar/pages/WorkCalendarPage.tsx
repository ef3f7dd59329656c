import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Form, Input, Modal, Popconfirm, Radio, Result, Table, Tag, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, EditOutlined, InboxOutlined, LeftOutlined, PlusOutlined, RightOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CalendarEntry, CalendarKind, DayInfo } from '@baton/contract/work-calendar';
import dayjs, { type Dayjs } from 'dayjs';
import { isApiError, downloadFile } from '../../../api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText } from '../../../shared/errors';
import { formatDateTime, saveBlob } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { ImportErrorTable } from '../../imports/components/ImportErrorTable';
import { formatDay } from '../../worklogs/worklogs.model';
import { useImportCalendar, useRemoveCalendarDay, useSetCalendarDay, useWorkCalendarYear } from '../work-calendar.api';

type Dialog = { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; entry: CalendarEntry };

interface DayValues {
  date: Dayjs;
  kind: CalendarKind;
  name?: string;
}

function KindTag({ kind }: { kind: CalendarKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'workday' ? 'blue' : 'red'}>{t(`workCalendar.kinds.${kind}`)}</Tag>;
}

function DayModal({ dialog, days, onClose }: { dialog: Dialog; days: Map<string, DayInfo>; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const [form] = Form.useForm<DayValues>();
  const save = useSetCalendarDay();
  const date = Form.useWatch('date', form);
  const editing = dialog.mode === 'edit' ? dialog.entry : null;
  const before = date ? days.get(date.format('YYYY-MM-DD')) : undefined;

  return (
    <Modal
      open={dialog.mode !== 'closed'}
      title={editing ? t('workCalendar.editTitle', { date: editing.date }) : t('workCalendar.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      okText={t('common.save')}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) return;
        save.reset();
        form.setFieldsValue(
          editing ? { date: dayjs(editing.date), kind: editing.kind, name: editing.name ?? '' } : { date: undefined, kind: 'holiday', name: '' },
        );
      }}
    >
      {save.isError ? <Alert type="error" showIcon title={errorText(t, save.error)} style={{ marginBottom: 12 }} /> : null}
      <Form<DayValues>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          save.mutate(
            { date: values.date.format('YYYY-MM-DD'), kind: values.kind, name: values.name?.trim() || null },
            {
              onSuccess: () => {
                void message.success(t('common.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="date"
          label={t('workCalendar.date')}
          rules={[{ required: true, message: t('workCalendar.dateRequired') }]}
          extra={
            before
              ? t('workCalendar.currently', {
                  status: before.working ? t('workCalendar.kinds.workday') : t('workCalendar.kinds.holiday'),
                  source: t(`workCalendar.sources.${before.source}`),
                  name: before.name ? `（${before.name}）` : '',
                })
              : undefined
          }
        >
          <DatePicker disabled={editing !== null} style={{ width: '100%' }} inputReadOnly={isMobile} />
        </Form.Item>
        <Form.Item name="kind" label={t('workCalendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'workday', label: t('workCalendar.kinds.workday') },
              { value: 'holiday', label: t('workCalendar.kinds.holiday') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('workCalendar.name')} extra={t('workCalendar.nameHint')}>
          <Input maxLength={50} placeholder={t('workCalendar.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const importer = useImportCalendar();
  const [fileName, setFileName] = useState('');
  const error = importer.error;
  const invalid = isApiError(error, 'calendar.import_invalid');

  return (
    <Modal
      open={open}
      title={t('workCalendar.importTitle')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('workCalendar.close')}</Button>}
      afterOpenChange={(visible) => {
        if (visible) importer.reset();
      }}
      width={640}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('workCalendar.importHint')}
        </Typography.Paragraph>
        <Button
          icon={<DownloadOutlined />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() =>
            downloadFile('/api/work-calendar/template', 'work-calendar-template.csv')
              .then(({ blob, fileName: name }) => saveBlob(blob, name))
              .catch((e: unknown) => void message.error(errorText(t, e)))
          }
        >
          {t('workCalendar.template')}
        </Button>
        {importer.isSuccess ? (
          <Result
            status="success"
            title={t('workCalendar.imported', { count: importer.data.imported })}
            subTitle={t('workCalendar.importedDetail', { created: importer.data.created, updated: importer.data.updated })}
            extra={<Button onClick={() => importer.reset()}>{t('imports.again')}</Button>}
            data-testid="calendar-import-done"
          />
        ) : (
          <Upload.Dragger
            accept=".xlsx,.csv"
            showUploadList={false}
            disabled={importer.isPending}
            beforeUpload={(file) => {
              setFileName(file.name);
              importer.mutate(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{importer.isPending ? t('imports.uploading', { file: fileName }) : t('workCalendar.dropText')}</p>
            <p className="ant-upload-hint">{t('workCalendar.dropHint')}</p>
          </Upload.Dragger>
        )}
        {invalid ? (
          <>
            <Alert type="error" showIcon title={t('workCalendar.importInvalid', { file: fileName })} />
            <ImportErrorTable details={error.details} />
          </>
        ) : importer.isError ? (
          <Alert type="error" showIcon title={errorText(t, error)} />
        ) : null}
      </Flex>
    </Modal>
  );
}

/**
 * 工作日历 (calendar.manage): the organization's own working days and rest days over the statutory
 * calendar (public holidays and 调休 from `chinese-days`), which decide missed days and reminders.
 */
export default function WorkCalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const thisYear = dayjs().year();
  const year = /^\d{4}$/.test(params.get('year') ?? '') ? Number(params.get('year')) : thisYear;
  const calendar = useWorkCalendarYear(year);
  const remove = useRemoveCalendarDay();
  const [dialog, setDialog] = useState<Dialog>({ mode: 'closed' });
  const [importOpen, setImportOpen] = useState(false);
  const days = useMemo(() => new Map((calendar.data?.days ?? []).map((d) => [d.date, d])), [calendar.data]);
  const entries = calendar.data?.entries ?? [];

  /** 春节 → 休 2/15–2/23, 班 2/14 2/28: the statutory days of the year, grouped by their name. */
  const statutory = useMemo(() => {
    const groups = new Map<string, { rest: string[]; work: string[] }>();
    for (const d of calendar.data?.days ?? []) {
      if (d.source !== 'statutory' || !d.name) continue;
      const name = d.name.replace(/调休$/, '');
      const group = groups.get(name) ?? { rest: [], work: [] };
      (d.working ? group.work : group.rest).push(d.date);
      groups.set(name, group);
    }
    // in calendar order: 中秋 (September) before 国庆节 (October)
    const first = (g: { rest: string[]; work: string[] }) => [...g.rest, ...g.work].sort()[0] ?? '';
    return [...groups.entries()].sort((a, b) => first(a[1]).localeCompare(first(b[1])));
  }, [calendar.data]);

  const setYear = (value: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === thisYear) next.delete('year');
        else next.set('year', String(value));
        return next;
      },
      { replace: true },
    );

  const removeEntry = (entry: CalendarEntry) =>
    remove.mutate(entry.date, {
      onSuccess: () => void message.success(t('workCalendar.removed', { date: entry.date })),
      onError: (error) => void message.error(errorText(t, error)),
    });

  const actions = (entry: CalendarEntry) => (
    <Flex gap={4}>
      <Button size="small" type="text" icon={<EditOutlined />} onClick={() => setDialog({ mode: 'edit', entry })} aria-label={t('common.edit')} />
      <Popconfirm title={t('workCalendar.removeConfirm', { date: entry.date })} onConfirm={() => removeEntry(entry)} okButtonProps={{ danger: true }}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} />
      </Popconfirm>
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={t('nav.workCalendar')}
        subtitle={t('workCalendar.subtitle')}
        extra={
          <>
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)} data-testid="calendar-import">
              {t('workCalendar.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })} data-testid="calendar-add">
              {t('workCalendar.add')}
            </Button>
          </>
        }
      />
      <Flex vertical gap={12}>
        <Card size="small">
          <Flex justify="space-between" align="center">
            <Button icon={<LeftOutlined />} onClick={() => setYear(year - 1)} aria-label={t('workCalendar.previousYear')} />
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('workCalendar.year', { year })}
            </Typography.Title>
            <Button icon={<RightOutlined />} onClick={() => setYear(year + 1)} aria-label={t('workCalendar.nextYear')} />
          </Flex>
        </Card>
        {calendar.isError ? <Alert type="error" showIcon title={errorText(t, calendar.error)} /> : null}
        <Card size="small" title={t('workCalendar.overrides', { count: entries.length })}>
          {isMobile ? (
            <Flex vertical gap={8} data-testid="calendar-entries">
              {entries.length === 0 && !calendar.isLoading ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workCalendar.none')} /> : null}
              {entries.map((entry) => (
                <Card key={entry.date} size="small" className="mobile-card">
                  <Flex justify="space-between" align="center">
                    <Flex vertical>
                      <Typography.Text strong>{formatDay(t, entry.date)}</Typography.Text>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {entry.date} · {entry.name ?? '—'}
                      </Typography.Text>
                    </Flex>
                    <Flex align="center" gap={4}>
                      <KindTag kind={entry.kind} />
                      {actions(entry)}
                    </Flex>
                  </Flex>
                </Card>
              ))}
            </Flex>
          ) : (
            <Table<CalendarEntry>
              size="small"
              rowKey="date"
              loading={calendar.isFetching}
              dataSource={entries}
              pagination={entries.length > 20 ? { pageSize: 20, size: 'small' } : false}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workCalendar.none')} /> }}
              data-testid="calendar-entries"
              columns={[
                { key: 'date', title: t('workCalendar.date'), dataIndex: 'date', width: 200, render: (v: string) => `${v}（${dayjs(v).format('dd')}）` },
                { key: 'kind', title: t('workCalendar.kind'), dataIndex: 'kind', width: 110, render: (v: CalendarKind) => <KindTag kind={v} /> },
                { key: 'name', title: t('workCalendar.name'), dataIndex: 'name', render: (v: string | null) => v ?? '—' },
                { key: 'updatedAt', title: t('workCalendar.updatedAt'), dataIndex: 'updatedAt', width: 180, render: (v: string) => formatDateTime(v) },
                { key: 'actions', title: t('common.actions'), width: 100, render: (_: unknown, entry) => actions(entry) },
              ]}
            />
          )}
        </Card>
        <Card size="small" title={t('workCalendar.statutory')}>
          {statutory.length === 0 ? (
            <Typography.Text type="secondary">{t('workCalendar.noStatutory', { year })}</Typography.Text>
          ) : (
            <Flex vertical gap={8}>
              {statutory.map(([name, group]) => (
                <Flex key={name} gap={6} wrap align="center">
                  <Typography.Text strong style={{ minWidth: 64 }}>
                    {name}
                  </Typography.Text>
                  {group.rest.length > 0 ? (
                    <Tag color="red">
                      {t('worklogs.markRest')} {rangeText(group.rest)}
                    </Tag>
                  ) : null}
                  {group.work.map((d) => (
                    <Tag key={d} color="blue">
                      {t('worklogs.markWork')} {dayjs(d).format('M/D')}
                    </Tag>
                  ))}
                </Flex>
              ))}
            </Flex>
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
            {t('workCalendar.statutoryHint')}
          </Typography.Paragraph>
        </Card>
      </Flex>
      <DayModal dialog={dialog} days={days} onClose={() => setDialog({ mode: 'closed' })} />
      <ImportModal open={importOpen} onClose={() => setImportOpen(false)} />
    </>
  );
}

/** Consecutive dates as "10/1–10/8", the others on their own. */
function rangeText(dates: string[]): string {
  const sorted = [...dates].sort();
  const parts: string[] = [];
  let start = sorted[0];
  let prev = sorted[0];
  for (const d of [...sorted.slice(1), null]) {
    if (d !== null && prev !== undefined && dayjs(prev).add(1, 'day').format('YYYY-MM-DD') === d) {
      prev = d;
      continue;
    }
    if (start !== undefined && prev !== undefined) parts.push(start === prev ? dayjs(start).format('M/D') : `${dayjs(start).format('M/D')}–${dayjs(prev).format('M/D')}`);
    start = d ?? undefined;
    prev = d ?? undefined;
  }
  return parts.join(', ');
}
