import { Alert, AutoComplete, Button, Flex, InputNumber, Select, Switch, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { issuesAt } from '../scheme-checks.model';
import { couplableGrades, coupledGradeOf, emptyTierQuota, type QuotaCouplingForm } from '../scheme-form.model';
import { BuilderCard, num, type BuilderCardProps } from './BuilderParts';
import { Field, IssueList } from './Field';

/** 考用结合 (DESIGN §4 "Quota coupling"): the quota of one grade follows the tier of the person's unit. */
export function CouplingCard({ form, patch, issues, readOnly, tierSuggestions }: BuilderCardProps & { tierSuggestions: readonly string[] }) {
  const { t } = useTranslation();
  const at = (path: string) => issuesAt(issues, path);
  const setCoupling = (p: Partial<QuotaCouplingForm>) => patch({ quotaCoupling: { ...form.quotaCoupling, ...p } });
  const coupling = form.quotaCoupling;
  const coupledGrade = coupledGradeOf(form);
  const coupledGradeForm = form.grades.find((g) => g.name.trim() === coupledGrade);
  const couplingBlocked = form.grouping !== 'unit' ? 'couplingNeedsUnit' : form.subjectKind !== 'person' ? 'couplingPersonsOnly' : null;
  const usedTiers = new Set(coupling.tiers.map((row) => row.tier.trim()).filter(Boolean));
  const unusedSuggestions = tierSuggestions.filter((name) => !usedTiers.has(name));
  const percentText = (percent: number | null) => (percent === null ? '—' : `${percent}%`);
  const enableCoupling = (enabled: boolean) =>
    setCoupling(
      enabled && coupling.tiers.length === 0
        ? // start from the unit schemes' tiers and the grade's own quota for everyone else
          {
            enabled,
            tiers: tierSuggestions.length > 0 && tierSuggestions.length <= 6 ? tierSuggestions.map((name) => emptyTierQuota(name)) : [emptyTierQuota()],
            otherwisePercent: coupling.otherwisePercent ?? coupledGradeForm?.quotaPercent ?? null,
          }
        : { enabled },
    );

  if (readOnly && !coupling.enabled) return null;
  return (
    <BuilderCard
      id="scheme-coupling"
      title={t('schemes.editor.coupling')}
      help={readOnly ? undefined : t('schemes.editor.couplingHelp')}
      issues={at('quotaCoupling')}
      extra={
        readOnly ? null : (
          <Flex gap={6} align="center">
            <Switch
              checked={coupling.enabled}
              // never locks a coupling in: one that no longer fits can always be switched off
              disabled={!coupling.enabled && couplingBlocked !== null}
              onChange={enableCoupling}
              aria-label={t('schemes.field.couplingEnabled')}
              data-testid="coupling-switch"
            />
          </Flex>
        )
      }
    >
      {!readOnly && couplingBlocked ? (
        <Alert
          type={coupling.enabled ? 'warning' : 'info'}
          showIcon
          title={t(`schemes.editor.${couplingBlocked}`)}
          action={
            couplingBlocked === 'couplingNeedsUnit' ? (
              <Button size="small" onClick={() => patch({ grouping: 'unit' })} data-testid="coupling-group-by-unit">
                {t('schemes.grouping.unit')}
              </Button>
            ) : undefined
          }
          data-testid="coupling-blocked"
        />
      ) : null}
      {coupling.enabled ? (
        <>
          <Flex gap={12} wrap align="flex-end">
            <Field label={t('schemes.field.couplingGrade')} issues={at('quotaCoupling.grade')} readOnly={readOnly} display={<Typography.Text strong>{coupledGrade ?? '—'}</Typography.Text>} width={200}>
              <Select
                value={coupling.grade ?? (coupledGrade || undefined)}
                onChange={(grade: string) => setCoupling({ grade })}
                options={couplableGrades(form).map((name, i) => ({ value: name, label: i === 0 ? t('schemes.field.couplingGradeDefault', { name }) : name }))}
                status={at('quotaCoupling.grade').length ? 'error' : undefined}
                data-testid="coupling-grade"
              />
            </Field>
            {!readOnly && coupledGradeForm?.quotaPercent != null ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, paddingBottom: 6 }}>
                {t('schemes.field.couplingReplaces', { grade: coupledGrade, quota: coupledGradeForm.quotaPercent })}
              </Typography.Text>
            ) : null}
          </Flex>
          {readOnly ? (
            <Flex gap={12} wrap>
              <Field
                label={t('schemes.field.couplingQuota', { grade: coupledGrade ?? '' })}
                readOnly
                display={coupling.tiers.map((row) => t('schemes.field.couplingRule', { tier: row.tier, percent: row.percent ?? '—' })).join(' · ') || '—'}
                grow
              >
                {null}
              </Field>
              <Field label={t('schemes.field.couplingOtherwise')} readOnly display={percentText(coupling.otherwisePercent)} width={140}>
                {null}
              </Field>
            </Flex>
          ) : (
            <>
              <IssueList issues={at('quotaCoupling.byTier')} />
              <Flex vertical gap={8} data-testid="coupling-tiers">
                {coupling.tiers.map((row, i) => {
                  const tierIssues = at(`quotaCoupling.tiers[${i}].tier`);
                  const quotaIssues = at(`quotaCoupling.tiers[${i}].quota`);
                  const setRow = (p: Partial<typeof row>) => setCoupling({ tiers: coupling.tiers.map((r, k) => (k === i ? { ...r, ...p } : r)) });
                  return (
                    <Flex key={row.key} gap={8} align="flex-start" data-testid={`coupling-tier-${i}`}>
                      <Field label={i === 0 ? t('schemes.field.couplingTier') : undefined} issues={tierIssues} width={170}>
                        <AutoComplete
                          value={row.tier}
                          onChange={(tier: string) => setRow({ tier })}
                          options={unusedSuggestions.length > 0 ? [{ label: t('schemes.field.couplingTierSuggestions'), options: unusedSuggestions.map((name) => ({ value: name, label: name })) }] : []}
                          placeholder={t('schemes.field.couplingTierPlaceholder')}
                          status={tierIssues.length ? 'error' : undefined}
                          data-testid={`coupling-tier-name-${i}`}
                        />
                      </Field>
                      <Field label={i === 0 ? t('schemes.field.couplingQuota', { grade: coupledGrade ?? '' }) : undefined} issues={quotaIssues} width={130}>
                        <InputNumber
                          value={row.percent}
                          min={0}
                          max={100}
                          suffix="%"
                          onChange={(v) => setRow({ percent: num(v) })}
                          style={{ width: '100%' }}
                          status={quotaIssues.length ? 'error' : undefined}
                          data-testid={`coupling-tier-quota-${i}`}
                        />
                      </Field>
                      <Tooltip title={t('schemes.editor.remove')}>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => setCoupling({ tiers: coupling.tiers.filter((_, k) => k !== i) })}
                          aria-label={t('schemes.editor.remove')}
                          style={{ marginTop: i === 0 ? 20 : 0 }}
                        />
                      </Tooltip>
                    </Flex>
                  );
                })}
                <Flex gap={8} wrap>
                  <Button icon={<PlusOutlined />} onClick={() => setCoupling({ tiers: [...coupling.tiers, emptyTierQuota()] })} data-testid="coupling-tier-add">
                    {t('schemes.field.couplingAddTier')}
                  </Button>
                </Flex>
              </Flex>
              <Field label={t('schemes.field.couplingOtherwise')} issues={at('quotaCoupling.otherwise')} help={t('schemes.field.couplingOtherwiseHelp')} width={300}>
                <InputNumber
                  value={coupling.otherwisePercent}
                  min={0}
                  max={100}
                  suffix="%"
                  onChange={(v) => setCoupling({ otherwisePercent: num(v) })}
                  style={{ width: 130 }}
                  status={at('quotaCoupling.otherwise').length ? 'error' : undefined}
                  data-testid="coupling-otherwise"
                />
              </Field>
            </>
          )}
        </>
      ) : null}
    </BuilderCard>
  );
}
