import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Period } from '@baton/contract/periods';
import { ApiError } from '../../../api/client';
import type { Id } from '../../../shared/params';
import { currentLanguage } from '../../../shared/language';
import { errorText } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { UnitTreeSelect } from '../../org/components/UnitTreeSelect';
import { useSchemes } from '../../schemes/schemes.api';
import { couplingBriefOf, groupSchemesByCode } from '../../schemes/schemes.model';
import { useCreatePeriod } from '../periods.api';
import { periodInputOf, periodRange, periodRangeLabel, type QuickRange } from '../periods.model';
import { periodDetailText } from './EditPeriodModal';
import { TierPeriodSelect } from './TierPeriodSelect';

type PeriodKind = Period['kind'];
const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half_year', 'year', 'custom'];

interface Values {
  name: string;
  kind: PeriodKind;
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
  schemeId: number | null;
  scopeUnitId: Id | null;
  publicityDays: number | null;
  summaryDueOn: Dayjs | null;
  reviewDueOn: Dayjs | null;
  tierPeriodId: number | null;
}

const FIELDS = new Set(['name', 'kind', 'startsOn', 'endsOn', 'schemeId', 'scopeUnitId', 'publicityDays', 'summaryDueOn', 'reviewDueOn', 'tierPeriodId']);
const day = (d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

/** Where a period of this kind usually falls today: the current month, quarter, half or year. */
function currentIndex(kind: PeriodKind, today: Dayjs): number {
  const month = today.month() + 1;
  return kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : kind === 'half_year' ? (month <= 6 ? 1 : 2) : 1;
}

/** "新建周期" (POST /api/periods): a draft period on a scheme version, with quick picks for the usual calendar ranges. */
export function CreatePeriodDrawer({ open, onClose, defaultSchemeId }: { open: boolean; onClose: () => void; defaultSchemeId?: number | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const schemes = useSchemes(open);
  const create = useCreatePeriod();
  const [form] = Form.useForm<Values>();
  const [nameTouched, setNameTouched] = useState(false);
  const today = dayjs();
  const [year, setYear] = useState(today.year());
  const [index, setIndex] = useState(currentIndex('quarter', today));
  const kind = Form.useWatch('kind', form) ?? 'quarter';
  const schemeId = Form.useWatch('schemeId', form);
  // 考用结合: only a scheme that couples its quotas to the unit tiers asks where the tiers come from
  const coupling = couplingBriefOf((schemes.data ?? []).find((s) => s.id === schemeId));

  const families = useMemo(() => groupSchemesByCode(schemes.data ?? []), [schemes.data]);
  const schemeOptions = families.map((family) => ({
    label: t('schemes.list.nameWithCode', { name: family.latest.name, code: family.code }),
    title: family.code,
    options: family.versions.map((v) => ({ value: v.id, label: `${t('schemes.list.version', { version: v.version })} · ${v.name}` })),
  }));
  const initialScheme = defaultSchemeId ?? families[0]?.latest.id ?? null;

  const suggestName = (range: QuickRange, forScheme: number | null | undefined) => {
    const scheme = (schemes.data ?? []).find((s) => s.id === forScheme);
    const label = periodRangeLabel(range, currentLanguage());
    return scheme ? `${label}${currentLanguage() === 'en-US' ? ' ' : ''}${t(`schemes.kind.${scheme.kind as 'routine'}`, { defaultValue: scheme.kind })}` : label;
  };

  const applyQuick = (nextKind: PeriodKind, nextYear: number, nextIndex: number, forScheme = schemeId) => {
    if (nextKind === 'custom') return;
    const range = periodRange(nextKind, nextYear, nextIndex);
    form.setFieldsValue({ startsOn: dayjs(range.startsOn), endsOn: dayjs(range.endsOn) });
    if (!nameTouched) form.setFieldsValue({ name: suggestName(range, forScheme) });
  };

  const indexOptions =
    kind === 'month'
      ? Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: t('periods.quick.month', { n: i + 1 }) }))
      : kind === 'quarter'
        ? [1, 2, 3, 4].map((n) => ({ value: n, label: t('periods.quick.quarter', { n }) }))
        : kind === 'half_year'
          ? [
              { value: 1, label: t('periods.quick.half1') },
              { value: 2, label: t('periods.quick.half2') },
            ]
          : [];

  const initialRange = periodRange('quarter', today.year(), currentIndex('quarter', today));
  // the schemes may arrive after the drawer opened: pick the newest then
  useEffect(() => {
    if (!open || form.getFieldValue('schemeId') || initialScheme === null) return;
    form.setFieldsValue({ schemeId: initialScheme });
    if (!nameTouched) form.setFieldsValue({ name: suggestName(periodRange('quarter', year, index), initialScheme) });
  }, [open, initialScheme]);

  const close = () => {
    form.resetFields();
    setNameTouched(false);
    create.reset();
    onClose();
  };

  const submit = (values: Values) => {
    const body = periodInputOf({
      name: values.name,
      kind: values.kind,
      startsOn: day(values.startsOn) ?? '',
      endsOn: day(values.endsOn) ?? '',
      schemeId: values.schemeId ?? 0,
      scopeUnitId: values.scopeUnitId,
      publicityDays: values.publicityDays,
      summaryDueOn: day(values.summaryDueOn),
      reviewDueOn: day(values.reviewDueOn),
      tierPeriodId: coupling ? values.tierPeriodId : null,
    });
    create.mutate(body, {
      onSuccess: (period) => {
        void message.success(t('periods.page.created', { name: period.name }));
        close();
      },
      onError: (error) => {
        if (error instanceof ApiError) {
          const fields = error.details
            .map((d) => ({ name: (d.path ?? '').replace(/^\//, '').split('/')[0] ?? '', errors: [periodDetailText(t, d.message)] }))
            .filter((f) => FIELDS.has(f.name));
          if (fields.length > 0) form.setFields(fields as never);
        }
      },
    });
  };

  const required = [{ required: true, message: t('periods.page.form.required') }];
  return (
    <Drawer
      open={open}
      onClose={close}
      title={t('periods.page.form.title')}
      size={isMobile ? '100%' : 520}
      destroyOnHidden
      data-testid="create-period-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()} data-testid="create-period-submit">
            {t('periods.page.form.submit')}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        initialValues={{
          kind: 'quarter',
          publicityDays: 5,
          schemeId: initialScheme,
          scopeUnitId: null,
          tierPeriodId: null,
          startsOn: dayjs(initialRange.startsOn),
          endsOn: dayjs(initialRange.endsOn),
          name: suggestName(initialRange, initialScheme),
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('name' in changed) setNameTouched(true);
          if (changed.kind && changed.kind !== 'custom') {
            const nextIndex = currentIndex(changed.kind, today);
            setIndex(nextIndex);
            applyQuick(changed.kind, year, nextIndex);
          }
          if ('schemeId' in changed && kind !== 'custom') applyQuick(kind, year, index, changed.schemeId);
        }}
      >
        <Form.Item name="schemeId" label={t('periods.page.form.scheme')} rules={required}>
          <Select options={schemeOptions} loading={schemes.isLoading} showSearch={{ optionFilterProp: 'label' }} data-testid="period-scheme" />
        </Form.Item>
        {coupling ? (
          <Form.Item
            name="tierPeriodId"
            label={t('periods.page.form.tierPeriod')}
            extra={t('periods.page.form.tierPeriodHelp', { grade: coupling.grade, otherwise: coupling.otherwisePercent ?? '—' })}
          >
            <TierPeriodSelect data-testid="period-tier-period" />
          </Form.Item>
        ) : null}
        <Form.Item name="kind" label={t('periods.page.form.kind')} rules={required}>
          <Select options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`periods.kind.${k}`) }))} data-testid="period-kind" />
        </Form.Item>
        {kind !== 'custom' ? (
          <Form.Item label={t('periods.page.form.quickPick')}>
            <Flex gap={8} wrap>
              <InputNumber
                value={year}
                min={2000}
                max={2100}
                onChange={(v) => {
                  if (typeof v !== 'number') return;
                  setYear(v);
                  applyQuick(kind, v, index);
                }}
                suffix={currentLanguage() === 'zh-CN' ? '年' : undefined}
                style={{ width: 120 }}
                aria-label={t('periods.page.form.year')}
              />
              {indexOptions.length > 0 ? (
                <Select
                  value={index}
                  options={indexOptions}
                  onChange={(v: number) => {
                    setIndex(v);
                    applyQuick(kind, year, v);
                  }}
                  style={{ width: 140 }}
                  data-testid="period-quick-index"
                />
              ) : null}
            </Flex>
          </Form.Item>
        ) : null}
        <Flex gap={12}>
          <Form.Item name="startsOn" label={t('periods.page.form.range')} rules={required} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} inputReadOnly={isMobile} />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label=" "
            rules={required}
            style={{ flex: 1 }}
          >
            <DatePicker style={{ width: '100%' }} inputReadOnly={isMobile} />
          </Form.Item>
        </Flex>
        <Form.Item name="name" label={t('periods.page.form.name')} rules={[...required, { max: 200 }]}>
          <Input maxLength={200} data-testid="period-name" />
        </Form.Item>
        <Form.Item name="scopeUnitId" label={t('periods.page.form.scope')} extra={t('periods.page.form.scopeHelp')}>
          <UnitTreeSelect placeholder={t('periods.page.wholeOrg')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="publicityDays" label={t('periods.page.form.publicityDays')}>
          <InputNumber min={0} max={60} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Flex gap={isMobile ? 0 : 12} vertical={isMobile}>
          <Form.Item name="summaryDueOn" label={t('periods.page.form.summaryDueOn')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} inputReadOnly={isMobile} placeholder={t('schemes.editor.optional')} />
          </Form.Item>
          <Form.Item name="reviewDueOn" label={t('periods.page.form.reviewDueOn')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} inputReadOnly={isMobile} placeholder={t('schemes.editor.optional')} />
          </Form.Item>
        </Flex>
        {create.isError && !(create.error instanceof ApiError && create.error.details.some((d) => FIELDS.has((d.path ?? '').replace(/^\//, '').split('/')[0] ?? ''))) ? (
          <Alert type="error" showIcon title={errorText(t, create.error)} data-testid="create-period-error" />
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('periods.page.subtitle')}
        </Typography.Text>
      </Form>
    </Drawer>
  );
}
