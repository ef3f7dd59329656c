import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Flex, Form, Input, InputNumber, Segmented, Select, Spin, Tag, Typography } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { MonthDay, WorkLogKind } from '@baton/contract/worklogs';
import { WORK_LOG_KINDS } from '@baton/contract/vocabulary';
import { errorText, fieldErrorsOf } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { IndicatorKindTag } from '../../schemes/components/IndicatorKindTag';
import { useLinkableIndicators } from '../worklogs.api';
import {
  CONTENT_MAX,
  MINUTES_MAX,
  TASK_PATTERN,
  formatDay,
  indicatorChoices,
  writableDates,
  type IndicatorChoice,
  type IndicatorChoiceGroup,
} from '../worklogs.model';
import { useMonthView } from '../worklog-reports.api';

export interface EntryValues {
  kind: WorkLogKind;
  date: string;
  content: string;
  indicator?: string | null;
  task?: string | null;
  minutes?: number | null;
}

const QUICK_MINUTES = [30, 60, 120, 240, 480];

/** On a phone, the indicator list gets a search box only when it is longer than this. */
const SEARCH_INDICATORS_ABOVE = 8;

interface IndicatorOption {
  value: string;
  /** What the search matches: the indicator's name (or an old entry's code). */
  search: string;
  label: ReactNode;
}

type IndicatorOptions = (IndicatorOption | { label: string; title: string; options: IndicatorOption[] })[];

/** "履职尽责 [重点]": the indicator's name and its kind as the results show it; an old reference without a name in monospace. */
function indicatorOption(choice: IndicatorChoice): IndicatorOption {
  return {
    value: choice.ref,
    search: choice.name ?? choice.ref,
    label: (
      <Flex justify="space-between" align="center" gap={8}>
        <span className={choice.name === null ? 'mono' : undefined} style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 }}>
          {choice.name ?? choice.ref}
        </span>
        <IndicatorKindTag kind={choice.kind} />
      </Flex>
    ),
  };
}

/** The Select's options: the groups of indicatorChoices, under a heading only when they have one. */
function indicatorOptions(groups: IndicatorChoiceGroup[]): IndicatorOptions {
  return groups.flatMap<IndicatorOptions[number]>((g) =>
    g.scheme === null ? g.choices.map(indicatorOption) : [{ label: g.scheme, title: g.scheme, options: g.choices.map(indicatorOption) }],
  );
}

/** The days of the months the backfill window touches (one or two months), to annotate the date choices. */
function useWindowDays(today: string): Map<string, MonthDay> {
  const first = writableDates(today).at(-1) ?? today;
  const thisMonth = today.slice(0, 7);
  const firstMonth = first.slice(0, 7);
  const current = useMonthView(thisMonth, null);
  const previous = useMonthView(firstMonth, null);
  return useMemo(() => {
    const days = new Map<string, MonthDay>();
    for (const view of [previous.data, current.data]) for (const day of view?.days ?? []) days.set(day.date, day);
    return days;
  }, [current.data, previous.data]);
}

interface EntryFormProps {
  today: string;
  initialValues: EntryValues;
  /** The display name of `initialValues.indicator` (an edited entry's `indicatorName`). */
  initialIndicatorName?: string | null;
  /** Editing an entry: its date may lie outside the window, then it stays as it is. */
  mode: 'create' | 'edit';
  submitLabel: string;
  onSubmit: (values: EntryValues) => Promise<void>;
  onCancel?: () => void;
  /** The attachment picker (create) or list (edit). */
  attachments?: ReactNode;
  /** Changing this resets the form (a new entry after a successful one). */
  resetKey?: string | number;
  /** Told when the chosen date changes (the page lists that day's entries). */
  onDateChange?: (date: string) => void;
}

/** Write or edit one entry: kind, date (today or up to 7 days back), text, and optional links and time spent. */
export function EntryForm({ today, initialValues, initialIndicatorName, mode, submitLabel, onSubmit, onCancel, attachments, resetKey, onDateChange }: EntryFormProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<EntryValues>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const hasExtras = Boolean(initialValues.indicator || initialValues.task || initialValues.minutes);
  const [showExtras, setShowExtras] = useState(hasExtras || !isMobile);
  const windowDays = useWindowDays(today);
  const date = Form.useWatch('date', form) ?? initialValues.date;
  const minutes = Form.useWatch('minutes', form);
  const indicators = useLinkableIndicators();
  const indicatorSelectOptions = useMemo(
    () => indicatorOptions(indicatorChoices(indicators.data ?? [], initialValues.indicator, initialIndicatorName)),
    [indicators.data, initialValues.indicator, initialIndicatorName],
  );
  const noIndicators = indicators.isSuccess && indicators.data.length === 0;

  // a date picked outside the form (a reminder, the calendar) moves the form there, keeping the text
  useEffect(() => {
    form.setFieldValue('date', initialValues.date);
  }, [form, initialValues.date]);

  useEffect(() => {
    if (date) onDateChange?.(date);
  }, [date, onDateChange]);

  useEffect(() => {
    form.resetFields();
    setFailure(null);
    // only a new entry (resetKey) resets the form
  }, [resetKey]);

  const dates = writableDates(today);
  const dateOptions = [...(dates.includes(initialValues.date) ? [] : [initialValues.date]), ...dates].map((d) => {
    const info = windowDays.get(d);
    const relative = d === today ? t('worklogs.today') : d === dayjs(today).subtract(1, 'day').format('YYYY-MM-DD') ? t('worklogs.yesterday') : null;
    return {
      value: d,
      disabled: !dates.includes(d) && d !== initialValues.date,
      label: (
        <Flex justify="space-between" align="center" gap={8}>
          <span>
            {relative ? `${relative} · ` : ''}
            {formatDay(t, d)}
          </span>
          <span>
            {info && !info.working ? <Tag style={{ marginInlineEnd: 4 }}>{t('worklogs.restDay')}</Tag> : null}
            {info && info.entries > 0 ? (
              <Tag color="green" style={{ marginInlineEnd: 0 }}>
                {t('worklogs.entriesN', { count: info.entries })}
              </Tag>
            ) : info?.missed ? (
              <Tag color="red" style={{ marginInlineEnd: 0 }}>
                {t('worklogs.missed')}
              </Tag>
            ) : null}
          </span>
        </Flex>
      ),
    };
  });

  const submit = async (values: EntryValues) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await onSubmit({
        ...values,
        content: values.content,
        indicator: values.indicator?.trim() || null,
        task: values.task?.trim() || null,
        minutes: values.minutes ?? null,
      });
    } catch (error) {
      const fields = fieldErrorsOf(error).filter((f) => ['content', 'date', 'indicator', 'task', 'minutes', 'kind'].includes(f.name));
      if (fields.length > 0) {
        form.setFields(fields.map((f) => ({ name: f.name as keyof EntryValues, errors: [errorText(t, error)] })));
        if (fields.some((f) => f.name !== 'content' && f.name !== 'date' && f.name !== 'kind')) setShowExtras(true);
      }
      setFailure(error);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form<EntryValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={initialValues}
      onFinish={(values) => void submit(values)}
      className="entry-form"
      data-testid={mode === 'create' ? 'entry-form' : 'entry-edit-form'}
    >
      {failure ? <Alert type="error" showIcon title={errorText(t, failure)} style={{ marginBottom: 12 }} data-testid="entry-form-error" /> : null}
      <Form.Item name="kind" label={t('worklogs.kind')} style={{ marginBottom: 12 }}>
        <Segmented<WorkLogKind>
          block
          options={WORK_LOG_KINDS.map((k) => ({ value: k, label: t(`worklogs.kinds.${k}`) }))}
          data-testid="kind-select"
        />
      </Form.Item>
      <Form.Item
        name="date"
        label={
          <Flex gap={8} align="center">
            {t('worklogs.date')}
            {date && date < today ? (
              <Tag color="orange" style={{ marginInlineEnd: 0 }}>
                {t('worklogs.late')}
              </Tag>
            ) : null}
          </Flex>
        }
        extra={date && date < today ? t('worklogs.lateExplain', { days: 7 }) : undefined}
        style={{ marginBottom: 12 }}
      >
        <Select options={dateOptions} labelRender={({ value }) => formatDayLabel(t, String(value), today)} data-testid="date-select" />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('worklogs.content')}
        rules={[
          { required: true, whitespace: true, message: t('worklogs.contentRequired') },
          { max: CONTENT_MAX, message: t('worklogs.contentTooLong', { max: CONTENT_MAX }) },
        ]}
        style={{ marginBottom: 12 }}
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 14 }}
          showCount
          maxLength={CONTENT_MAX}
          placeholder={t('worklogs.contentPlaceholder')}
          data-testid="entry-content-input"
        />
      </Form.Item>

      <Button
        type="link"
        size="small"
        onClick={() => setShowExtras(!showExtras)}
        style={{ paddingInline: 0, marginBottom: 8 }}
        icon={showExtras ? <UpOutlined /> : <DownOutlined />}
        iconPlacement="end"
        data-testid="toggle-extras"
      >
        {t('worklogs.extras')}
      </Button>
      <div style={{ display: showExtras ? 'block' : 'none' }}>
        <Flex gap={isMobile ? 0 : 12} vertical={isMobile}>
          <Form.Item
            name="indicator"
            label={t('worklogs.indicator')}
            style={{ flex: 1, minWidth: 0, marginBottom: 12 }}
            tooltip={t('worklogs.indicatorHint')}
            extra={noIndicators && indicatorSelectOptions.length > 0 ? t('worklogs.noLinkableIndicators') : undefined}
          >
            <Select
              allowClear
              // On a phone a search box would open the keyboard over the list: search only long lists.
              showSearch={!isMobile || indicatorSelectOptions.length > SEARCH_INDICATORS_ABOVE ? { optionFilterProp: 'search' } : false}
              options={indicatorSelectOptions}
              loading={indicators.isLoading}
              disabled={noIndicators && indicatorSelectOptions.length === 0}
              placeholder={
                noIndicators
                  ? t('worklogs.noLinkableIndicators')
                  : indicators.isError
                    ? t('worklogs.indicatorsLoadFailed')
                    : t('worklogs.indicatorPlaceholder')
              }
              notFoundContent={indicators.isLoading ? <Spin size="small" /> : indicators.isError ? errorText(t, indicators.error) : t('worklogs.noMatchingIndicator')}
              style={{ width: '100%' }}
              data-testid="indicator-input"
            />
          </Form.Item>
          <Form.Item
            name="task"
            label={t('worklogs.task')}
            rules={[{ pattern: TASK_PATTERN, message: t('worklogs.refInvalid') }]}
            style={{ flex: 1, minWidth: 0, marginBottom: 12 }}
          >
            <Input allowClear placeholder={t('worklogs.taskPlaceholder')} maxLength={64} />
          </Form.Item>
        </Flex>
        <Form.Item label={t('worklogs.minutes')} style={{ marginBottom: 12 }}>
          <Flex gap={6} wrap align="center">
            <Form.Item name="minutes" noStyle>
              <InputNumber<number>
                min={1}
                max={MINUTES_MAX}
                precision={0}
                suffix={t('worklogs.minutesUnit')}
                style={{ width: 130 }}
                inputMode="numeric"
                data-testid="minutes-input"
              />
            </Form.Item>
            {QUICK_MINUTES.map((m) => (
              <Tag.CheckableTag key={m} checked={minutes === m} onChange={(on) => form.setFieldValue('minutes', on ? m : null)} className="quick-chip">
                {m < 60 ? t('worklogs.minutesOnly', { m }) : t('worklogs.hoursOnly', { h: m / 60 })}
              </Tag.CheckableTag>
            ))}
          </Flex>
        </Form.Item>
      </div>

      {attachments ? (
        <Form.Item label={t('worklogs.attachments')} extra={mode === 'create' ? t('worklogs.attachmentsHint') : t('worklogs.attachmentsHintEdit')} style={{ marginBottom: 12 }}>
          {attachments}
        </Form.Item>
      ) : null}

      <Flex gap={8} justify="flex-end" vertical={isMobile && mode === 'create'}>
        {onCancel ? <Button onClick={onCancel}>{t('common.cancel')}</Button> : null}
        <Button type="primary" htmlType="submit" loading={submitting} size={isMobile ? 'large' : 'middle'} block={isMobile && mode === 'create'} data-testid="entry-submit">
          {submitLabel}
        </Button>
      </Flex>
      {mode === 'create' ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {t('worklogs.editWindowHint', { days: 7 })}
        </Typography.Paragraph>
      ) : null}
    </Form>
  );
}

function formatDayLabel(t: TFunction, date: string, today: string): string {
  if (date === today) return `${t('worklogs.today')} · ${formatDay(t, date)}`;
  if (date === dayjs(today).subtract(1, 'day').format('YYYY-MM-DD')) return `${t('worklogs.yesterday')} · ${formatDay(t, date)}`;
  return formatDay(t, date);
}
