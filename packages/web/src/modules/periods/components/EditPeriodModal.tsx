import { useEffect, useMemo, useRef } from 'react';
import { Alert, App, DatePicker, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { TFunction } from 'i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Period } from '@baton/contract/periods';
import { ApiError } from '../../../api/client';
import { formatDate } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { useSchemes } from '../../schemes/schemes.api';
import { couplingBriefOf } from '../../schemes/schemes.model';
import { useUpdatePeriod } from '../periods.api';
import {
  editablePeriodFields,
  isDeadlineBeforeStart,
  knownPeriodDetail,
  PERIOD_EDIT_FIELDS,
  periodEditValuesOf,
  periodPatchOf,
  type PeriodEditField,
} from '../periods.model';
import { PeriodStateTag } from './PeriodStateTag';
import { TierPeriodSelect } from './TierPeriodSelect';
import { transitionErrorText } from './TransitionModal';

interface Values {
  name: string;
  summaryDueOn: Dayjs | null;
  reviewDueOn: Dayjs | null;
  publicityDays: number | null;
  tierPeriodId: number | null;
}

const FIELDS = new Set<string>(PERIOD_EDIT_FIELDS);
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const fieldOf = (path: string | undefined) => (path ?? '').replace(/^\//, '').split('/')[0] ?? '';

function formValuesOf(period: Period): Values {
  const v = periodEditValuesOf(period);
  return {
    name: v.name,
    summaryDueOn: v.summaryDueOn ? dayjs(v.summaryDueOn) : null,
    reviewDueOn: v.reviewDueOn ? dayjs(v.reviewDueOn) : null,
    publicityDays: v.publicityDays,
    tierPeriodId: v.tierPeriodId,
  };
}

/** The server's field message of a period in the reader's language, when it is one the page knows. */
export function periodDetailText(t: TFunction, text: string): string {
  const known = knownPeriodDetail(text);
  if (!known) return text;
  switch (known.key) {
    case 'beforeStart':
      return t('periods.page.edit.beforeStart', { date: known.date });
    case 'notDate':
      return t('periods.page.edit.notDate');
    case 'publicityFixed':
      return t('periods.page.edit.publicityFixedNoWindow');
    case 'tierFixed':
      return t('periods.page.edit.tierFixed');
    case 'tierUnknown':
      return t('periods.page.edit.tierUnknown');
    case 'tierNotUnit':
      return t('periods.page.edit.tierNotUnit');
  }
}

/**
 * "编辑周期" (PATCH /api/periods/:id): the name, the summary and review deadlines and — before
 * publicity — the publicity days and the tier period (考用结合, for a scheme that couples its
 * quotas to the unit tiers) of a period that has not closed. Only the changed fields are sent;
 * the server's field errors show on their fields.
 */
export function EditPeriodModal({ period: asked, onClose }: { period: Period | null; onClose: () => void }) {
  const { t } = useTranslation();
  // the period stays on screen while the modal fades out
  const last = useRef<Period | null>(asked);
  if (asked) last.current = asked;
  const period = asked ?? last.current;
  const open = asked !== null;
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const update = useUpdatePeriod();
  const [form] = Form.useForm<Values>();
  const watched = Form.useWatch([], { form, preserve: true }) as Partial<Values> | undefined;
  const editable = useMemo(() => new Set<PeriodEditField>(period ? editablePeriodFields(period.state) : []), [period]);
  const schemes = useSchemes(open);
  const coupling = couplingBriefOf(schemes.data?.find((s) => s.id === period?.schemeId));
  // the tier period matters to a coupled scheme only; one set anyway (through the API) stays visible to be cleared
  const showsTierPeriod = coupling !== null || !!period?.tierPeriod;

  useEffect(() => {
    if (asked) {
      form.resetFields();
      form.setFieldsValue(formValuesOf(asked));
    }
  }, [asked, form]);

  const patch = useMemo(() => {
    if (!period || !watched) return {};
    return periodPatchOf(period, {
      name: watched.name ?? period.name,
      summaryDueOn: day(watched.summaryDueOn),
      reviewDueOn: day(watched.reviewDueOn),
      publicityDays: watched.publicityDays ?? null,
      tierPeriodId: watched.tierPeriodId === undefined ? (period.tierPeriod?.id ?? null) : watched.tierPeriodId,
    });
  }, [period, watched]);
  const changed = Object.keys(patch).length > 0;

  const close = () => {
    update.reset();
    onClose();
  };

  const submit = () => {
    if (!period || !changed) return;
    update.mutate(
      { id: period.id, changes: patch },
      {
        onSuccess: (saved) => {
          void message.success(t('periods.page.edit.saved', { name: saved.name }));
          close();
        },
        onError: (error) => {
          if (error instanceof ApiError) {
            const fields = error.details.map((d) => ({ name: fieldOf(d.path), errors: [periodDetailText(t, d.message)] })).filter((f) => FIELDS.has(f.name));
            if (fields.length > 0) form.setFields(fields as never);
          }
        },
      },
    );
  };

  const startsOn = period?.startsOn ?? '';
  // the server refuses a deadline before the period starts: grey those days out and say why
  const deadlineRule = {
    validator: (_: unknown, value: Dayjs | null) =>
      isDeadlineBeforeStart(day(value), startsOn) ? Promise.reject(new Error(t('periods.page.edit.beforeStart', { date: formatDate(startsOn) }))) : Promise.resolve(),
  };
  const disabledDate = (d: Dayjs) => d.format('YYYY-MM-DD') < startsOn;
  // an empty picker opens on the period's last month, where deadlines usually fall
  const pickerMonth = period ? dayjs(period.endsOn) : undefined;
  const errorOnFields = update.error instanceof ApiError && update.error.details.some((d) => FIELDS.has(fieldOf(d.path)));
  const failure = update.isError && !errorOnFields ? stateErrorText(t, update.error) : null;

  return (
    <Modal
      open={open}
      title={t('periods.page.edit.title')}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: update.isPending, disabled: !changed, 'data-testid': 'edit-period-save' } as never}
      cancelText={t('common.cancel')}
      forceRender
      width={isMobile ? undefined : 560}
      data-testid="edit-period-modal"
    >
      {period ? (
        <Flex vertical gap={4} style={{ marginBottom: 12 }}>
          <Flex gap={8} align="center" wrap>
            <PeriodStateTag state={period.state} />
            <Typography.Text type="secondary" className="nowrap">
              {formatDate(period.startsOn)} ~ {formatDate(period.endsOn)}
            </Typography.Text>
            <Typography.Text type="secondary">{period.schemeName}</Typography.Text>
          </Flex>
        </Flex>
      ) : null}
      <Form<Values> form={form} layout="vertical" requiredMark="optional" onFinish={submit} disabled={update.isPending}>
        <Form.Item name="name" label={t('periods.page.form.name')} rules={[{ required: true, whitespace: true, message: t('periods.page.form.required') }, { max: 200 }]}>
          <Input maxLength={200} data-testid="edit-period-name" />
        </Form.Item>
        <Flex gap={isMobile ? 0 : 12} vertical={isMobile}>
          {(['summaryDueOn', 'reviewDueOn'] as const).map((field) => (
            <Form.Item
              key={field}
              name={field}
              label={t(`periods.page.form.${field}`)}
              extra={t(field === 'summaryDueOn' ? 'periods.page.edit.summaryHelp' : 'periods.page.edit.reviewHelp')}
              rules={[deadlineRule]}
              style={{ flex: 1, minWidth: 0 }}
            >
              <DatePicker
                style={{ width: '100%' }}
                inputReadOnly={isMobile}
                disabledDate={disabledDate}
                defaultPickerValue={pickerMonth}
                placeholder={t('periods.page.edit.noDeadline')}
                data-testid={field === 'summaryDueOn' ? 'edit-period-summary-due' : 'edit-period-review-due'}
              />
            </Form.Item>
          ))}
        </Flex>
        <Form.Item
          name="publicityDays"
          label={t('periods.page.form.publicityDays')}
          required
          rules={editable.has('publicityDays') ? [{ required: true, message: t('periods.page.form.required') }] : []}
          extra={
            editable.has('publicityDays')
              ? t('periods.page.edit.publicityHelp')
              : period?.publicityStartsOn && period.publicityEndsOn
                ? t('periods.page.edit.publicityFixed', { from: formatDate(period.publicityStartsOn), to: formatDate(period.publicityEndsOn) })
                : t('periods.page.edit.publicityFixedNoWindow')
          }
        >
          <InputNumber min={0} max={60} precision={0} style={{ width: 120 }} disabled={!editable.has('publicityDays')} data-testid="edit-period-publicity-days" />
        </Form.Item>
        {showsTierPeriod ? (
          <Form.Item
            name="tierPeriodId"
            label={t('periods.page.form.tierPeriod')}
            extra={
              !editable.has('tierPeriodId')
                ? t('periods.page.edit.tierFixed')
                : coupling
                  ? t('periods.page.form.tierPeriodHelp', { grade: coupling.grade, otherwise: coupling.otherwisePercent ?? '—' })
                  : t('periods.page.form.tierPeriodHelpPlain')
            }
          >
            <TierPeriodSelect selfId={period?.id ?? null} current={period?.tierPeriod ?? null} disabled={!editable.has('tierPeriodId')} data-testid="edit-period-tier-period" />
          </Form.Item>
        ) : null}
        {failure ? <Alert type="error" showIcon title={failure.text} description={failure.detail ?? undefined} data-testid="edit-period-error" /> : null}
      </Form>
    </Modal>
  );
}

/** A refusal not tied to a field: the period closed or moved on meanwhile, or anything else. */
function stateErrorText(t: Parameters<typeof transitionErrorText>[0], error: unknown) {
  if (error instanceof ApiError && error.code === 'period.state_invalid') return { text: t('periods.errors.stateInvalid'), detail: error.message };
  return transitionErrorText(t, error);
}
