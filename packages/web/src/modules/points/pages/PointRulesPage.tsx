import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Empty, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PointRule, PointSource } from '@baton/contract/points';
import type { Scheme } from '@baton/contract/schemes';
import { POINT_SOURCES } from '@baton/contract/vocabulary';
import { ApiError } from '../../../api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { errorText, fieldErrorsOf } from '../../../shared/errors';
import { formatDate } from '../../../shared/format';
import { useIsMobile } from '../../../shared/hooks/useIsMobile';
import { idOf } from '../../../shared/params';
import { formatPoints, toHundredths } from '../../../shared/scores';
import { PointsValue } from '../../../shared/components/PointsValue';
import { can, useMe } from '../../auth/auth.api';
import { useSchemes } from '../../schemes/schemes.api';
import { SchemeSelect } from '../../schemes/components/SchemeSelect';
import { SourceTag } from '../components/PointTags';
import { useCreatePointRule, useDisablePointRule, usePointRules, useReplacePointRule } from '../points.api';
import { REASON_MAX, hasAtMostTwoDecimals, indicatorName, ledgerIndicators } from '../points.model';

interface RuleFormValues {
  code: string;
  name: string;
  indicator: string;
  defaultDelta: number;
  minDelta: number;
  maxDelta: number;
  perOccurrence: boolean;
  defaultSource?: PointSource;
  description?: string;
  reason?: string;
}

const RULE_FIELDS = new Set(['code', 'name', 'indicator', 'defaultDelta', 'minDelta', 'maxDelta', 'perOccurrence', 'defaultSource', 'description', 'reason']);

/** The bounds of a rule: "−5 ≤ −3 ≤ −1". */
function Bounds({ rule }: { rule: PointRule }) {
  return (
    <span className="nowrap">
      <Typography.Text type="secondary">{formatPoints(rule.minDelta)}</Typography.Text>
      <Typography.Text type="secondary"> ≤ </Typography.Text>
      <PointsValue value={rule.defaultDelta} strong />
      <Typography.Text type="secondary"> ≤ </Typography.Text>
      <Typography.Text type="secondary">{formatPoints(rule.maxDelta)}</Typography.Text>
    </span>
  );
}

/** The create form and the replace form (a new version: code and indicator stay, a reason is asked). */
function RuleModal({ scheme, replacing, open, onClose }: { scheme: Scheme; replacing: PointRule | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleFormValues>();
  const create = useCreatePointRule();
  const replace = useReplacePointRule();
  const indicators = ledgerIndicators(scheme);
  const busy = create.isPending || replace.isPending;

  const decimals = {
    validator: async (_: unknown, value: number | null) => {
      if (value !== null && value !== undefined && !hasAtMostTwoDecimals(value)) throw new Error(t('points.twoDecimals'));
    },
  };

  const submit = async (v: RuleFormValues) => {
    if (!(toHundredths(v.minDelta) <= toHundredths(v.defaultDelta) && toHundredths(v.defaultDelta) <= toHundredths(v.maxDelta))) {
      form.setFields([{ name: 'defaultDelta', errors: [t('points.boundsOrder')] }]);
      return;
    }
    try {
      if (replacing) {
        await replace.mutateAsync({
          id: replacing.id,
          input: {
            name: v.name.trim(),
            defaultDelta: v.defaultDelta,
            minDelta: v.minDelta,
            maxDelta: v.maxDelta,
            perOccurrence: v.perOccurrence,
            ...(v.defaultSource ? { defaultSource: v.defaultSource } : {}),
            ...(v.description?.trim() ? { description: v.description.trim() } : {}),
            reason: (v.reason ?? '').trim(),
          },
        });
        void message.success(t('points.ruleReplaced', { code: replacing.code, version: replacing.version + 1 }));
      } else {
        await create.mutateAsync({
          schemeId: scheme.id,
          code: v.code.trim(),
          name: v.name.trim(),
          indicator: v.indicator,
          defaultDelta: v.defaultDelta,
          minDelta: v.minDelta,
          maxDelta: v.maxDelta,
          perOccurrence: v.perOccurrence,
          ...(v.defaultSource ? { defaultSource: v.defaultSource } : {}),
          ...(v.description?.trim() ? { description: v.description.trim() } : {}),
        });
        void message.success(t('points.ruleCreated'));
      }
      onClose();
    } catch (error) {
      const fields = fieldErrorsOf(error).filter((f) => RULE_FIELDS.has(f.name));
      form.setFields(fields.map((f) => ({ name: f.name as keyof RuleFormValues, errors: f.errors })));
      if (!(error instanceof ApiError && error.status === 400 && fields.length > 0)) void message.error(errorText(t, error));
    }
  };

  return (
    <Modal
      open={open}
      title={replacing ? t('points.replaceRuleTitle', { code: replacing.code, version: replacing.version }) : t('points.createRuleTitle', { scheme: scheme.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={replacing ? t('points.replaceRule') : t('common.create')}
      confirmLoading={busy}
      destroyOnHidden
      width={560}
    >
      {replacing ? <Alert type="warning" showIcon title={t('points.replaceRuleHint')} style={{ marginBottom: 16 }} /> : null}
      <Form<RuleFormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        preserve={false}
        initialValues={
          replacing
            ? {
                code: replacing.code,
                name: replacing.name,
                indicator: replacing.indicator,
                defaultDelta: replacing.defaultDelta,
                minDelta: replacing.minDelta,
                maxDelta: replacing.maxDelta,
                perOccurrence: replacing.perOccurrence,
                defaultSource: replacing.defaultSource ?? undefined,
                description: replacing.description ?? undefined,
              }
            : { perOccurrence: false, indicator: indicators[0]?.id }
        }
        onFinish={(v) => void submit(v)}
      >
        <Flex gap={12} wrap>
          <Form.Item name="code" label={t('points.ruleCode')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]} style={{ flex: '1 1 140px' }}>
            <Input disabled={replacing !== null} placeholder="TB-PP" className="mono" data-testid="rule-code" />
          </Form.Item>
          <Form.Item name="name" label={t('points.ruleName')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 100 }]} style={{ flex: '2 1 200px' }}>
            <Input placeholder={t('points.ruleNamePlaceholder')} data-testid="rule-name" />
          </Form.Item>
        </Flex>
        <Form.Item name="indicator" label={t('points.indicator')} rules={[{ required: true, message: t('common.required') }]} extra={indicators.length === 0 ? t('points.noLedgerIndicators') : t('points.indicatorHint')}>
          <Select
            disabled={replacing !== null}
            options={indicators.map((i) => ({ value: i.id, label: i.name ? `${i.name}（${i.id}）` : i.id }))}
            data-testid="rule-indicator"
          />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="minDelta" label={t('points.minDelta')} rules={[{ required: true, message: t('common.required') }, decimals]} style={{ flex: '1 1 100px' }}>
            <InputNumber step={0.5} style={{ width: '100%' }} data-testid="rule-min" />
          </Form.Item>
          <Form.Item name="defaultDelta" label={t('points.defaultDelta')} rules={[{ required: true, message: t('common.required') }, decimals]} style={{ flex: '1 1 100px' }}>
            <InputNumber step={0.5} style={{ width: '100%' }} data-testid="rule-default" />
          </Form.Item>
          <Form.Item name="maxDelta" label={t('points.maxDelta')} rules={[{ required: true, message: t('common.required') }, decimals]} style={{ flex: '1 1 100px' }}>
            <InputNumber step={0.5} style={{ width: '100%' }} data-testid="rule-max" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap align="flex-start">
          <Form.Item name="perOccurrence" label={t('points.perOccurrence')} valuePropName="checked" extra={t('points.perOccurrenceHint')} style={{ flex: '1 1 200px' }}>
            <Switch />
          </Form.Item>
          <Form.Item name="defaultSource" label={t('points.defaultSource')} style={{ flex: '1 1 160px' }}>
            <Select allowClear options={POINT_SOURCES.map((s) => ({ value: s, label: t(`points.sources.${s}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('points.ruleDescription')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
        {replacing ? (
          <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true, whitespace: true, message: t('points.reasonRequired') }]} extra={t('common.reasonHint')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={REASON_MAX} data-testid="rule-reason" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** 积分规则: everyone with points.read reads them; points.rules.manage creates, replaces, disables. Per scheme; rules are never edited in place, only replaced by a new version or disabled. */
export default function PointRulesPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const schemes = useSchemes();
  const schemeId = idOf(params.get('scheme'));
  const scheme = (schemes.data ?? []).find((s) => s.id === schemeId) ?? null;
  const [showDisabled, setShowDisabled] = useState(false);
  const rules = usePointRules(schemeId, showDisabled ? null : 'active');
  const disable = useDisablePointRule();
  // Everyone reads the rules he is scored by; only the organization department changes them.
  const manages = can(useMe().data, 'points.rules.manage');
  const [modal2, setModal2] = useState<{ open: boolean; replacing: PointRule | null }>({ open: false, replacing: null });

  const setScheme = (s: Scheme | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (s) next.set('scheme', String(s.id));
        else next.delete('scheme');
        return next;
      },
      { replace: true },
    );

  const askDisable = (rule: PointRule) => {
    let reason = '';
    modal.confirm({
      title: t('points.disableRuleTitle', { name: rule.name }),
      content: (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('points.disableRuleHint')}</Typography.Text>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={REASON_MAX} placeholder={t('points.reasonPlaceholder')} onChange={(e) => (reason = e.target.value)} data-testid="disable-reason" />
        </Flex>
      ),
      okText: t('points.disableRule'),
      okButtonProps: { danger: true },
      onOk: async () => {
        if (!reason.trim()) {
          void message.warning(t('points.reasonRequired'));
          throw new Error('reason required');
        }
        try {
          await disable.mutateAsync({ id: rule.id, reason: reason.trim() });
          void message.success(t('points.ruleDisabled'));
        } catch (error) {
          void message.error(errorText(t, error));
          throw error;
        }
      },
    });
  };

  const actions = (rule: PointRule) =>
    manages && rule.status === 'active' ? (
      <Flex gap={4} wrap={isMobile} onClick={(e) => e.stopPropagation()}>
        <Button size="small" icon={<SwapOutlined />} onClick={() => setModal2({ open: true, replacing: rule })} data-testid="replace-rule">
          {t('points.replaceRule')}
        </Button>
        <Button size="small" danger icon={<StopOutlined />} onClick={() => askDisable(rule)} data-testid="disable-rule">
          {t('points.disableRule')}
        </Button>
      </Flex>
    ) : null;

  const statusTag = (rule: PointRule) =>
    rule.status === 'active' ? <Tag color="green">{t('points.ruleActive')}</Tag> : <Tag>{t('points.ruleDisabledTag', { date: formatDate(rule.disabledAt) })}</Tag>;

  const list = rules.data ?? [];
  return (
    <>
      <PageHeader
        title={t('nav.pointRules')}
        subtitle={t('points.rulesSubtitle')}
        extra={
          manages && <Button type="primary" icon={<PlusOutlined />} disabled={!scheme} onClick={() => setModal2({ open: true, replacing: null })} data-testid="create-rule">
            {t('points.createRule')}
          </Button>
        }
      />
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title={t('points.rulesNeverEdited')} description={t('points.rulesNeverEditedText')} />
        <Card size="small">
          <Flex gap={12} wrap align="center">
            <SchemeSelect value={schemeId} onChange={setScheme} style={{ width: isMobile ? '100%' : 300 }} />
            <Checkbox checked={showDisabled} onChange={(e) => setShowDisabled(e.target.checked)}>
              {t('points.showDisabled')}
            </Checkbox>
          </Flex>
        </Card>
        {rules.isError ? <Alert type="error" showIcon title={errorText(t, rules.error)} /> : null}
        {isMobile ? (
          <div className="mobile-card-list" data-testid="rule-list">
            {!rules.isLoading && list.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.noRules')} /> : null}
            {list.map((rule) => (
              <Card key={rule.id} size="small" className="mobile-card">
                <Flex justify="space-between" gap={8} align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>{rule.name}</Typography.Text>
                    <div className="entry-sub">
                      <span className="mono">{rule.code}</span> · v{rule.version} · {indicatorName(scheme, rule.indicator)}
                    </div>
                  </div>
                  {statusTag(rule)}
                </Flex>
                <Flex justify="space-between" align="center" style={{ margin: '6px 0' }} gap={8} wrap>
                  <Bounds rule={rule} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {rule.perOccurrence ? t('points.perOccurrenceYes') : t('points.perEvent')} · {t('points.inUse', { count: rule.eventCount })}
                  </Typography.Text>
                </Flex>
                {actions(rule)}
              </Card>
            ))}
          </div>
        ) : (
          <Card size="small">
            <Table<PointRule>
              size="small"
              rowKey="id"
              loading={rules.isLoading}
              dataSource={list}
              pagination={false}
              scroll={{ x: 976 }}
              data-testid="rule-list"
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={scheme ? t('points.noRules') : t('schemes.select.placeholder')} /> }}
              rowClassName={(r) => (r.status === 'disabled' ? 'row-disabled' : '')}
              columns={[
                {
                  key: 'code',
                  title: t('points.ruleCode'),
                  width: 100,
                  render: (_: unknown, r) => (
                    <div>
                      <span className="mono">{r.code}</span>
                      <div className="entry-sub">v{r.version}</div>
                    </div>
                  ),
                },
                {
                  key: 'name',
                  title: t('points.ruleName'),
                  render: (_: unknown, r) => (
                    <div style={{ minWidth: 0 }}>
                      <div>{r.name}</div>
                      {r.description ? (
                        <Typography.Text type="secondary" ellipsis={{ tooltip: r.description }} style={{ fontSize: 12, maxWidth: '100%' }}>
                          {r.description}
                        </Typography.Text>
                      ) : null}
                    </div>
                  ),
                },
                {
                  key: 'indicator',
                  title: t('points.indicator'),
                  width: 120,
                  render: (_: unknown, r) => (
                    <div>
                      <div>{indicatorName(scheme, r.indicator)}</div>
                      <div className="entry-sub mono">{r.indicator}</div>
                    </div>
                  ),
                },
                {
                  key: 'bounds',
                  title: t('points.boundsColumn'),
                  width: 150,
                  render: (_: unknown, r) => (
                    <div>
                      <Bounds rule={r} />
                      <div className="entry-sub">{r.perOccurrence ? t('points.perOccurrenceYes') : t('points.perEvent')}</div>
                    </div>
                  ),
                },
                { key: 'source', title: t('points.defaultSource'), width: 110, render: (_: unknown, r) => <SourceTag source={r.defaultSource} /> },
                {
                  key: 'status',
                  title: t('points.status'),
                  width: 130,
                  render: (_: unknown, r) => (
                    <div>
                      {statusTag(r)}
                      <div className="entry-sub">{t('points.inUse', { count: r.eventCount })}</div>
                    </div>
                  ),
                },
                { key: 'actions', title: t('common.actions'), width: 216, fixed: 'right', render: (_: unknown, r) => actions(r) },
              ]}
            />
          </Card>
        )}
      </Flex>
      {scheme ? <RuleModal scheme={scheme} replacing={modal2.replacing} open={modal2.open} onClose={() => setModal2({ open: false, replacing: null })} /> : null}
    </>
  );
}
