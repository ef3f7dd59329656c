import { useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Typography, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PointEvent, PointSource } from '@baton/contract/points';
import type { Scheme } from '@baton/contract/schemes';
import { POINT_SOURCES } from '@baton/contract/vocabulary';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../../api/client';
import { errorText, fieldErrorsOf } from '../../../shared/errors';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { formatPoints } from '../../../shared/scores';
import { shanghaiToday } from '../../../shared/dates';
import { PointsValue } from '../../../shared/components/PointsValue';
import { AttachmentPicker } from '../../../shared/components/AttachmentPicker';
import { UnitTreeSelect } from '../../org/components/UnitTreeSelect';
import { PersonPicker, type PickedPerson } from '../../people/components/PersonPicker';
import { SchemeSelect } from '../../schemes/components/SchemeSelect';
import { uploadPointAttachment, useCreatePointEvent, usePointRules } from '../points.api';
import { EVIDENCE_MAX, deltaWithinBounds, eventDelta, hasAtMostTwoDecimals } from '../points.model';

interface FormValues {
  ruleId?: number;
  unitId?: number | null;
  occurredOn: Dayjs;
  occurrences: number;
  delta: number | null;
  source?: PointSource;
  evidenceText: string;
  evidenceLink?: string;
}

/** Field paths of a 400 that the form shows under its fields (`personId` is the person picker). */
const FORM_FIELDS = new Set(['ruleId', 'unitId', 'occurredOn', 'occurrences', 'delta', 'source', 'evidenceText', 'evidenceLink']);

/**
 * 提出积分事件 (leader, admin): a person found by name or pinyin, a rule of the scheme, the date, the
 * delta within the rule's bounds (shown), the source and the evidence; attachments are uploaded right
 * after the event was created. The event waits for someone else's approval.
 */
export function ProposeEventDrawer({
  open,
  onClose,
  onCreated,
  initialPerson,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (event: PointEvent) => void;
  initialPerson?: PickedPerson | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<FormValues>();
  const [scheme, setScheme] = useState<Scheme | null>(null);
  const [person, setPerson] = useState<PickedPerson | null>(initialPerson ?? null);
  const [personError, setPersonError] = useState<string | null>(null);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [failed, setFailed] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const rules = usePointRules(scheme?.id ?? null, 'active');
  const create = useCreatePointEvent();
  const ruleId = Form.useWatch('ruleId', form);
  const delta = Form.useWatch('delta', form);
  const occurrences = Form.useWatch('occurrences', form);
  const rule = useMemo(() => (rules.data ?? []).find((r) => r.id === ruleId) ?? null, [rules.data, ruleId]);
  const today = shanghaiToday();
  const forUnits = scheme?.subjectKind === 'unit';

  const reset = () => {
    form.resetFields();
    setPerson(initialPerson ?? null);
    setFiles([]);
    setFailed([]);
    setPersonError(null);
  };

  const submit = async (values: FormValues) => {
    if (!rule) return;
    if (!forUnits && !person) {
      setPersonError(t('points.personRequired'));
      return;
    }
    setBusy(true);
    setFailed([]);
    try {
      const event = await create.mutateAsync({
        ruleId: rule.id,
        ...(forUnits ? { unitId: values.unitId ?? undefined } : { personId: Number(person!.id) }),
        occurredOn: values.occurredOn.format('YYYY-MM-DD'),
        ...(rule.perOccurrence ? { occurrences: values.occurrences } : {}),
        ...(values.delta !== null && values.delta !== undefined ? { delta: values.delta } : {}),
        ...(values.source ? { source: values.source } : {}),
        evidenceText: values.evidenceText.trim(),
        ...(values.evidenceLink?.trim() ? { evidenceLink: values.evidenceLink.trim() } : {}),
      });
      const refused: string[] = [];
      for (const file of files) {
        if (!file.originFileObj) continue;
        try {
          await uploadPointAttachment(event.id, file.originFileObj);
        } catch (error) {
          refused.push(`${file.name}：${errorText(t, error)}`);
        }
      }
      void message.success(t('points.proposed'));
      if (refused.length > 0) {
        setFailed(refused);
        void message.warning(t('points.attachmentsFailed'));
      }
      reset();
      onCreated(event);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      const personField = fields.find((f) => f.name === 'personId');
      if (personField) setPersonError(personField.errors[0] ?? null);
      form.setFields(fields.filter((f) => FORM_FIELDS.has(f.name)).map((f) => ({ name: f.name as keyof FormValues, errors: f.errors })));
      if (!(error instanceof ApiError && error.status === 400 && fields.length > 0)) void message.error(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  const total = rule && typeof delta === 'number' ? eventDelta(rule, delta, occurrences ?? 1) : null;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('points.proposeTitle')}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
      data-testid="propose-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} disabled={!rule} data-testid="propose-submit">
            {t('points.submitProposal')}
          </Button>
        </Flex>
      }
    >
      <Alert type="info" showIcon title={t('points.proposeHint')} style={{ marginBottom: 16 }} />
      {failed.length > 0 ? (
        <Alert type="warning" showIcon title={t('points.attachmentsFailed')} description={failed.join('\n')} style={{ marginBottom: 16, whiteSpace: 'pre-wrap' }} />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        initialValues={{ occurredOn: dayjs(today), occurrences: 1, delta: null }}
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Partial<FormValues>) => {
          if ('ruleId' in changed) {
            const next = (rules.data ?? []).find((r) => r.id === changed.ruleId);
            if (next) form.setFieldsValue({ delta: next.defaultDelta, source: next.defaultSource ?? undefined, occurrences: 1 });
          }
        }}
      >
        <Form.Item label={t('points.scheme')} required>
          <SchemeSelect
            value={scheme?.id ?? null}
            onChange={(s) => {
              setScheme(s);
              form.setFieldsValue({ ruleId: undefined, delta: null });
            }}
            style={{ width: '100%' }}
          />
        </Form.Item>
        {forUnits ? (
          <Form.Item name="unitId" label={t('points.subjectUnit')} rules={[{ required: true, message: t('points.unitRequired') }]}>
            <UnitTreeSelect style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item label={t('points.subjectPerson')} required validateStatus={personError ? 'error' : undefined} help={personError ?? t('points.personHint')}>
            <PersonPicker
              value={person}
              onChange={(p) => {
                setPerson(p);
                setPersonError(null);
              }}
              placeholder={t('points.pickPerson')}
              style={{ width: '100%' }}
            />
          </Form.Item>
        )}
        <Form.Item name="ruleId" label={t('points.rule')} rules={[{ required: true, message: t('points.ruleRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            loading={rules.isLoading}
            placeholder={t('points.pickRule')}
            notFoundContent={scheme ? t('points.noActiveRules') : t('schemes.select.placeholder')}
            options={(rules.data ?? []).map((r) => ({
              value: r.id,
              search: `${r.name} ${r.code}`,
              label: (
                <Flex justify="space-between" gap={12}>
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {r.name} <Typography.Text type="secondary">{r.code}</Typography.Text>
                  </span>
                  <PointsValue value={r.defaultDelta} />
                </Flex>
              ),
            }))}
            data-testid="rule-select"
          />
        </Form.Item>
        {rule?.description ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: -12, whiteSpace: 'pre-wrap' }}>
            {rule.description}
          </Typography.Paragraph>
        ) : null}
        <Flex gap={12} wrap>
          <Form.Item
            name="occurredOn"
            label={t('points.occurredOn')}
            rules={[{ required: true, message: t('points.dateRequired') }]}
            style={{ flex: '1 1 150px' }}
          >
            <DatePicker allowClear={false} inputReadOnly disabledDate={(d) => d.isAfter(dayjs(today), 'day')} style={{ width: '100%' }} />
          </Form.Item>
          {rule?.perOccurrence ? (
            <Form.Item name="occurrences" label={t('points.occurrences')} rules={[{ required: true }]} style={{ flex: '1 1 100px' }}>
              <InputNumber min={1} max={1000} precision={0} style={{ width: '100%' }} data-testid="occurrences-input" />
            </Form.Item>
          ) : null}
        </Flex>
        <Form.Item
          name="delta"
          label={rule?.perOccurrence ? t('points.deltaPerOccurrence') : t('points.delta')}
          extra={
            rule ? (
              <span data-testid="delta-bounds">
                {t('points.bounds', { min: formatPoints(rule.minDelta), max: formatPoints(rule.maxDelta), def: formatPoints(rule.defaultDelta) })}
                {rule.perOccurrence && total !== null ? ` · ${t('points.eventTotal', { total: formatPoints(total) })}` : null}
              </span>
            ) : undefined
          }
          rules={[
            { required: true, message: t('points.deltaRequired') },
            {
              validator: async (_, value: number | null) => {
                if (value === null || value === undefined || !rule) return;
                if (!hasAtMostTwoDecimals(value)) throw new Error(t('points.twoDecimals'));
                if (!deltaWithinBounds(rule, value)) throw new Error(t('points.outOfBounds', { min: formatPoints(rule.minDelta), max: formatPoints(rule.maxDelta) }));
              },
            },
          ]}
        >
          <InputNumber step={0.5} precision={2} disabled={!rule} style={{ width: '100%' }} inputMode="decimal" data-testid="delta-input" />
        </Form.Item>
        <Form.Item name="source" label={t('points.source')}>
          <Select allowClear options={POINT_SOURCES.map((s) => ({ value: s, label: t(`points.sources.${s}`) }))} placeholder={t('points.pickSource')} />
        </Form.Item>
        <Form.Item
          name="evidenceText"
          label={t('points.evidenceText')}
          rules={[
            { required: true, whitespace: true, message: t('points.evidenceRequired') },
            { max: EVIDENCE_MAX, message: t('points.evidenceTooLong', { max: EVIDENCE_MAX }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} showCount maxLength={EVIDENCE_MAX} placeholder={t('points.evidencePlaceholder')} data-testid="evidence-input" />
        </Form.Item>
        <Form.Item name="evidenceLink" label={t('points.evidenceLink')} rules={[{ type: 'url', message: t('points.linkInvalid') }]}>
          <Input placeholder="https://" inputMode="url" />
        </Form.Item>
        <Form.Item label={t('points.attachments')} extra={t('points.attachmentsHint')}>
          <AttachmentPicker files={files} onChange={setFiles} max={9} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
