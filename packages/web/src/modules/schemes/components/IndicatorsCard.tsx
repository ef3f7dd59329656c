import { Button, Flex, Input, InputNumber, Select, Switch, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { issuesAt, sectionWeightSums } from '../scheme-checks.model';
import { INDICATOR_KINDS, METHODS, emptyIndicator, nextRowKey, type IndicatorForm } from '../scheme-form.model';
import { BuilderCard, RowTools, move, num, withIndicator, type BuilderCardProps } from './BuilderParts';
import { Field, IssueList } from './Field';
import { indicatorParamFields } from './IndicatorParams';

/** The indicators of a scheme, each with its method's fields, and each section's weight sum beside them. */
export function IndicatorsCard({ form, patch, issues, readOnly }: BuilderCardProps) {
  const { t } = useTranslation();
  const at = (path: string) => issuesAt(issues, path);
  const setIndicator = (index: number, p: Partial<IndicatorForm>) => patch(withIndicator(form, index, p));
  const sectionOptions = form.sections.filter((s) => s.id.trim()).map((s) => ({ value: s.id, label: s.id }));
  // the default column of each section's weights, next to the indicators (the grid below has every category)
  const defaultSums = sectionWeightSums(form, []).map((s) => ({ section: s.section, sum: s.sums[0]?.sum ?? 0, ok: (s.sums[0]?.ok ?? false) || s.indicatorCount === 0 }));
  return (
    <BuilderCard
      id="scheme-indicators"
      title={t('schemes.editor.indicators')}
      help={readOnly ? undefined : t('schemes.editor.indicatorsHelp')}
      issues={at('indicators')}
      extra={
        <Flex gap={4} wrap justify="flex-end">
          {defaultSums.map((sum) => (
            <Tag key={sum.section} color={sum.ok ? 'green' : 'red'} style={{ marginInlineEnd: 0 }} data-testid={`indicator-sum-${sum.section}`}>
              {form.sections.length > 1 ? `${sum.section} ` : ''}
              {t('schemes.field.weightSum', { sum: sum.sum })}
            </Tag>
          ))}
        </Flex>
      }
    >
      {form.indicators.map((indicator, i) => {
        const p = `indicators[${i}]`;
        const params = indicatorParamFields({ t, indicator, i, at, readOnly, setIndicator });
        const hasIssues = issues.some((issue) => issue.path.startsWith(`${p}.`) || issue.path === p);
        return (
          <div
            key={indicator.key}
            style={{ border: `1px solid ${hasIssues ? '#ffccc7' : '#e6e9ef'}`, borderRadius: 8, padding: '10px 12px', background: hasIssues ? '#fffafa' : '#fff' }}
            data-testid={`indicator-${i}`}
          >
            <Flex vertical gap={10}>
              <Flex justify="space-between" align="center" gap={8}>
                <Flex gap={6} align="center" wrap>
                  <Typography.Text type="secondary">#{i + 1}</Typography.Text>
                  {indicator.kind ? <Tag color={indicator.kind === 'key' ? 'red' : indicator.kind === 'dynamic' ? 'orange' : 'blue'}>{t(`schemes.indicatorKind.${indicator.kind}`)}</Tag> : null}
                  <Tag>{t(`schemes.method.${indicator.method}`)}</Tag>
                  {indicator.extra ? <Tag color="gold">{t('schemes.field.extraShort')}</Tag> : null}
                </Flex>
                <RowTools
                  index={i}
                  count={form.indicators.length}
                  readOnly={readOnly}
                  onMove={(to) => patch({ indicators: move(form.indicators, i, to) })}
                  onRemove={() => patch({ indicators: form.indicators.filter((_, k) => k !== i) })}
                />
              </Flex>
              <IssueList issues={at(p)} />
              <Flex gap={12} wrap>
                <Field label={t('schemes.field.indicatorId')} issues={at(`${p}.id`)} readOnly={readOnly} display={<span className="mono">{indicator.id}</span>} width={150}>
                  <Input value={indicator.id} onChange={(e) => setIndicator(i, { id: e.target.value })} className="mono" status={at(`${p}.id`).length ? 'error' : undefined} data-testid={`indicator-id-${i}`} />
                </Field>
                <Field label={t('schemes.field.indicatorName')} issues={at(`${p}.name`)} readOnly={readOnly} display={indicator.name || '—'} grow>
                  <Input value={indicator.name} onChange={(e) => setIndicator(i, { name: e.target.value })} placeholder={t('schemes.editor.optional')} data-testid={`indicator-name-${i}`} />
                </Field>
                <Field label={t('schemes.field.indicatorKind')} issues={at(`${p}.kind`)} readOnly={readOnly} display={indicator.kind ? t(`schemes.indicatorKind.${indicator.kind}`) : '—'} width={110}>
                  <Select
                    value={indicator.kind}
                    allowClear
                    placeholder={t('schemes.editor.optional')}
                    onChange={(kind) => setIndicator(i, { kind: kind ?? null })}
                    options={INDICATOR_KINDS.map((k) => ({ value: k, label: t(`schemes.indicatorKind.${k}`) }))}
                  />
                </Field>
                <Field label={t('schemes.field.method')} issues={at(`${p}.method`)} readOnly={readOnly} display={t(`schemes.method.${indicator.method}`)} width={130}>
                  <Select
                    value={indicator.method}
                    onChange={(method) =>
                      setIndicator(i, {
                        method,
                        effect: method === 'veto' ? (indicator.effect ?? 'noTop') : indicator.effect,
                        raterGroups: method === 'rating' && indicator.raterGroups.length === 0 ? [{ key: nextRowKey('rg'), group: 'leader', weight: 1 }] : indicator.raterGroups,
                      })
                    }
                    options={METHODS.map((m) => ({ value: m, label: t(`schemes.method.${m}`) }))}
                    popupMatchSelectWidth={false}
                    data-testid={`indicator-method-${i}`}
                  />
                </Field>
                {indicator.method !== 'veto' && !indicator.extra && form.sections.length > 1 ? (
                  <Field label={t('schemes.field.section')} issues={at(`${p}.section`)} readOnly={readOnly} display={<span className="mono">{indicator.section}</span>} width={130}>
                    <Select value={indicator.section || undefined} onChange={(section) => setIndicator(i, { section })} options={sectionOptions} status={at(`${p}.section`).length ? 'error' : undefined} />
                  </Field>
                ) : null}
                {indicator.method !== 'veto' ? (
                  <Field label={t('schemes.field.weight')} issues={at(`${p}.weight`)} readOnly={readOnly} display={indicator.weight ?? '—'} width={96}>
                    <InputNumber
                      value={indicator.weight}
                      min={0}
                      onChange={(v) => setIndicator(i, { weight: num(v) })}
                      placeholder={indicator.extra ? t('schemes.editor.optional') : undefined}
                      style={{ width: '100%' }}
                      status={at(`${p}.weight`).length ? 'error' : undefined}
                      data-testid={`indicator-weight-${i}`}
                    />
                  </Field>
                ) : null}
              </Flex>
              {indicator.method !== 'veto' ? (
                readOnly ? null : (
                  <Flex gap={8} align="center">
                    <Switch
                      size="small"
                      checked={indicator.extra}
                      onChange={(extra) => setIndicator(i, { extra, section: extra ? '' : (form.sections[0]?.id ?? '') })}
                    />
                    <Typography.Text style={{ fontSize: 13 }}>{t('schemes.field.extra')}</Typography.Text>
                  </Flex>
                )
              ) : null}
              {params ? (
                <Flex gap={12} wrap>
                  {params}
                </Flex>
              ) : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`schemes.methodHelp.${indicator.method}`)}
              </Typography.Text>
            </Flex>
          </div>
        );
      })}
      {!readOnly ? (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => patch({ indicators: [...form.indicators, emptyIndicator(form.sections[0]?.id ?? 'main')] })} data-testid="indicator-add">
            {t('schemes.field.addIndicator')}
          </Button>
        </div>
      ) : null}
    </BuilderCard>
  );
}
