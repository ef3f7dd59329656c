import type { ReactNode } from 'react';
import { Alert, AutoComplete, Button, Card, Flex, Input, InputNumber, Select, Switch, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../api/types';
import {
  DIRECTIONS,
  GROUPINGS,
  INDICATOR_KINDS,
  METHODS,
  QUOTA_ROUNDINGS,
  SCHEME_KINDS,
  SUBJECT_KINDS,
  VETO_EFFECTS,
  couplableGrades,
  coupledGradeOf,
  defaultGrades,
  emptyGrade,
  emptyIndicator,
  emptyTierQuota,
  issuesAt,
  nextRowKey,
  sectionPercentSum,
  sectionWeightSums,
  type FormIssue,
  type GradeForm,
  type IndicatorForm,
  type QuotaCouplingForm,
  type SchemeForm,
  type SectionForm,
} from '../schemes.model';
import { Field, IssueList } from './Field';
import { WeightGrid } from './WeightGrid';

interface BuilderProps {
  form: SchemeForm;
  onChange: (form: SchemeForm) => void;
  issues: readonly FormIssue[];
  categories: readonly string[];
  knownCategories: readonly Category[];
  readOnly?: boolean;
  /** The code is fixed when building a new version of an existing scheme. */
  codeLocked?: boolean;
  /** Names to offer as unit tiers (the grades of the unit schemes). */
  tierSuggestions?: readonly string[];
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

function RowTools({ index, count, onMove, onRemove, readOnly }: { index: number; count: number; onMove: (to: number) => void; onRemove: () => void; readOnly?: boolean }) {
  const { t } = useTranslation();
  if (readOnly) return null;
  return (
    <Flex gap={2}>
      <Tooltip title={t('schemes.editor.moveUp')}>
        <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('schemes.editor.moveUp')} />
      </Tooltip>
      <Tooltip title={t('schemes.editor.moveDown')}>
        <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('schemes.editor.moveDown')} />
      </Tooltip>
      <Tooltip title={t('schemes.editor.remove')}>
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('schemes.editor.remove')} />
      </Tooltip>
    </Flex>
  );
}

export function BuilderCard({ id, title, help, extra, children, issues = [] }: { id: string; title: ReactNode; help?: ReactNode; extra?: ReactNode; children: ReactNode; issues?: readonly FormIssue[] }) {
  return (
    <Card
      id={id}
      size="small"
      title={
        <Flex vertical style={{ padding: '6px 0', whiteSpace: 'normal' }}>
          <span>{title}</span>
          {help ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {help}
            </Typography.Text>
          ) : null}
        </Flex>
      }
      extra={extra}
    >
      <Flex vertical gap={10}>
        {issues.length > 0 ? (
          <Flex vertical>
            <IssueList issues={issues} />
          </Flex>
        ) : null}
        {children}
      </Flex>
    </Card>
  );
}

/** The form of a scheme (DESIGN §3.1): basics, sections, indicators, weights by category, grades. Read-only renders the same layout as text. */
export function SchemeBuilder({ form, onChange, issues, categories, knownCategories, readOnly, codeLocked, tierSuggestions = [] }: BuilderProps) {
  const { t } = useTranslation();
  const patch = (p: Partial<SchemeForm>) => onChange({ ...form, ...p });
  const at = (path: string) => issuesAt(issues, path);
  const setIndicator = (index: number, p: Partial<IndicatorForm>) => patch({ indicators: form.indicators.map((ind, i) => (i === index ? { ...ind, ...p } : ind)) });
  const setSection = (index: number, p: Partial<SectionForm>) => {
    const old = form.sections[index];
    const sections = form.sections.map((s, i) => (i === index ? { ...s, ...p } : s));
    // renaming a section moves its indicators with it
    const indicators = old && p.id !== undefined && p.id !== old.id ? form.indicators.map((ind) => (ind.section === old.id ? { ...ind, section: p.id ?? '' } : ind)) : form.indicators;
    patch({ sections, indicators });
  };
  const setGrade = (index: number, p: Partial<GradeForm>) => {
    const old = form.grades[index];
    const grades = form.grades.map((g, i) => (i === index ? { ...g, ...p } : g));
    // renaming the coupled grade keeps the coupling on it
    const coupling = form.quotaCoupling;
    const renamed = old && p.name !== undefined && coupling.grade !== null && coupling.grade === old.name.trim();
    patch({ grades, quotaCoupling: renamed ? { ...coupling, grade: p.name?.trim() || null } : coupling });
  };
  const setCoupling = (p: Partial<QuotaCouplingForm>) => patch({ quotaCoupling: { ...form.quotaCoupling, ...p } });
  const sectionOptions = form.sections.filter((s) => s.id.trim()).map((s) => ({ value: s.id, label: s.id }));
  const gradeNames = form.grades.map((g) => g.name.trim()).filter(Boolean);
  const percentSum = sectionPercentSum(form);
  // the default column of each section's weights, next to the indicators (the grid below has every category)
  const defaultSums = sectionWeightSums(form, []).map((s) => ({ section: s.section, sum: s.sums[0]?.sum ?? 0, ok: (s.sums[0]?.ok ?? false) || s.indicatorCount === 0 }));

  const basics = (
    <BuilderCard id="scheme-basics" title={t('schemes.editor.basics')}>
      <Flex gap={12} wrap>
        <Field label={t('schemes.field.name')} issues={at('name')} readOnly={readOnly} display={form.name} grow>
          <Input value={form.name} onChange={(e) => patch({ name: e.target.value })} maxLength={200} status={at('name').length ? 'error' : undefined} data-testid="scheme-name" />
        </Field>
        <Field label={t('schemes.field.code')} issues={at('code')} readOnly={readOnly || codeLocked} display={<span className="mono">{form.code}</span>} width={240} help={t('schemes.field.codeHelp')}>
          <Input value={form.code} onChange={(e) => patch({ code: e.target.value })} maxLength={64} className="mono" placeholder="routine-2026" status={at('code').length ? 'error' : undefined} data-testid="scheme-code" />
        </Field>
      </Flex>
      <Flex gap={12} wrap>
        <Field label={t('schemes.field.kind')} issues={at('kind')} readOnly={readOnly} display={t(`schemes.kind.${form.kind}`)} width={170}>
          <Select value={form.kind} onChange={(kind) => patch({ kind })} options={SCHEME_KINDS.map((k) => ({ value: k, label: t(`schemes.kind.${k}`) }))} data-testid="scheme-kind" />
        </Field>
        <Field label={t('schemes.field.subjectKind')} issues={at('subjectKind')} readOnly={readOnly} display={t(`schemes.subjectKind.${form.subjectKind}`)} width={130}>
          <Select value={form.subjectKind} onChange={(subjectKind) => patch({ subjectKind })} options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`schemes.subjectKind.${k}`) }))} />
        </Field>
        <Field label={t('schemes.field.grouping')} issues={at('grouping')} readOnly={readOnly} display={t(`schemes.grouping.${form.grouping}`)} width={170}>
          <Select value={form.grouping} onChange={(grouping) => patch({ grouping })} options={GROUPINGS.map((g) => ({ value: g, label: t(`schemes.grouping.${g}`) }))} />
        </Field>
        <Field label={t('schemes.field.quotaRounding')} issues={at('quotaRounding')} readOnly={readOnly} display={t(`schemes.rounding.${form.quotaRounding}`)} width={140}>
          <Select value={form.quotaRounding} onChange={(quotaRounding) => patch({ quotaRounding })} options={QUOTA_ROUNDINGS.map((r) => ({ value: r, label: t(`schemes.rounding.${r}`) }))} />
        </Field>
      </Flex>
    </BuilderCard>
  );

  const sections = (
    <BuilderCard
      id="scheme-sections"
      title={t('schemes.editor.sections')}
      help={readOnly ? undefined : t('schemes.editor.sectionsHelp')}
      issues={at('sections')}
      extra={
        <Tag color={percentSum === 100 ? 'green' : 'red'} style={{ marginInlineEnd: 0 }} data-testid="section-sum">
          {t('schemes.field.sectionSum', { sum: percentSum })}
        </Tag>
      }
    >
      {form.sections.map((section, i) => (
        <Flex key={section.key} gap={12} align="flex-end" wrap>
          <Field label={t('schemes.field.sectionId')} issues={at(`sections[${i}].id`)} readOnly={readOnly} display={<span className="mono">{section.id}</span>} width={180}>
            <Input value={section.id} onChange={(e) => setSection(i, { id: e.target.value })} className="mono" status={at(`sections[${i}].id`).length ? 'error' : undefined} data-testid={`section-id-${i}`} />
          </Field>
          <Field label={t('schemes.field.sectionWeight')} issues={at(`sections[${i}].weight`)} readOnly={readOnly} display={`${section.percent ?? '—'}%`} width={120}>
            <InputNumber value={section.percent} min={0} max={100} onChange={(v) => setSection(i, { percent: num(v) })} suffix="%" style={{ width: '100%' }} status={at(`sections[${i}].weight`).length ? 'error' : undefined} data-testid={`section-weight-${i}`} />
          </Field>
          <RowTools
            index={i}
            count={form.sections.length}
            readOnly={readOnly}
            onMove={(to) => patch({ sections: move(form.sections, i, to) })}
            onRemove={() => patch({ sections: form.sections.filter((_, k) => k !== i) })}
          />
        </Flex>
      ))}
      {!readOnly ? (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => patch({ sections: [...form.sections, { key: nextRowKey('sec'), id: '', percent: null }] })} data-testid="section-add">
            {t('schemes.field.addSection')}
          </Button>
        </div>
      ) : null}
    </BuilderCard>
  );

  const indicatorParams = (indicator: IndicatorForm, i: number): ReactNode => {
    const p = `indicators[${i}]`;
    const numberField = (key: 'cap' | 'floor' | 'minRatio' | 'step' | 'base' | 'min' | 'max', extra?: { min?: number; max?: number; step?: number; placeholder?: string }) => (
      <Field key={key} label={t(`schemes.field.${key}`)} issues={at(`${p}.${key}`)} readOnly={readOnly} display={indicator[key] ?? <Typography.Text type="secondary">{extra?.placeholder ?? '—'}</Typography.Text>} width={112}>
        <InputNumber
          value={indicator[key]}
          onChange={(v) => setIndicator(i, { [key]: num(v) })}
          min={extra?.min}
          max={extra?.max}
          step={extra?.step}
          placeholder={extra?.placeholder}
          style={{ width: '100%' }}
          status={at(`${p}.${key}`).length ? 'error' : undefined}
        />
      </Field>
    );
    const direction = (
      <Field key="direction" label={t('schemes.field.direction')} issues={at(`${p}.direction`)} readOnly={readOnly} display={t(`schemes.direction.${indicator.direction ?? 'higher'}`)} width={130}>
        <Select value={indicator.direction ?? 'higher'} onChange={(direction) => setIndicator(i, { direction })} options={DIRECTIONS.map((d) => ({ value: d, label: t(`schemes.direction.${d}`) }))} />
      </Field>
    );
    switch (indicator.method) {
      case 'target':
        return [direction, numberField('floor', { min: 0, placeholder: '0' }), numberField('cap', { min: 0, placeholder: '1' })];
      case 'rank':
        return [direction, numberField('minRatio', { min: 0, max: 1, placeholder: '0' }), numberField('step', { min: 0, placeholder: t('schemes.editor.optional') })];
      case 'ledger':
        return [
          numberField('base', { placeholder: indicator.extra ? '—' : String(indicator.weight ?? '') }),
          numberField('min', { placeholder: '0' }),
          numberField('max', { placeholder: indicator.extra ? '—' : String(indicator.weight ?? '') }),
        ];
      case 'veto':
        return (
          <Field label={t('schemes.field.effect')} issues={at(`${p}.effect`)} readOnly={readOnly} display={indicator.effect ? t(`schemes.effect.${indicator.effect}`) : '—'} width={200}>
            <Select value={indicator.effect} onChange={(effect) => setIndicator(i, { effect })} options={VETO_EFFECTS.map((e) => ({ value: e, label: t(`schemes.effect.${e}`) }))} status={at(`${p}.effect`).length ? 'error' : undefined} />
          </Field>
        );
      case 'rating':
        return (
          <Field
            label={t('schemes.field.raterGroups')}
            issues={at(`${p}.raterGroups`)}
            readOnly={readOnly}
            display={indicator.raterGroups.map((g) => `${g.group} × ${g.weight ?? '—'}`).join(' · ')}
            grow
          >
            <Flex vertical gap={6}>
              {indicator.raterGroups.map((group, g) => (
                <Flex key={group.key} gap={6} align="center">
                  <Input
                    value={group.group}
                    placeholder={t('schemes.field.raterGroup')}
                    onChange={(e) => setIndicator(i, { raterGroups: indicator.raterGroups.map((x, k) => (k === g ? { ...x, group: e.target.value } : x)) })}
                    style={{ width: 130 }}
                    className="mono"
                  />
                  <InputNumber
                    value={group.weight}
                    min={0}
                    step={0.1}
                    placeholder={t('schemes.field.raterWeight')}
                    onChange={(v) => setIndicator(i, { raterGroups: indicator.raterGroups.map((x, k) => (k === g ? { ...x, weight: num(v) } : x)) })}
                    style={{ width: 96 }}
                  />
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => setIndicator(i, { raterGroups: indicator.raterGroups.filter((_, k) => k !== g) })} aria-label={t('schemes.editor.remove')} />
                </Flex>
              ))}
              <div>
                <Button size="small" icon={<PlusOutlined />} onClick={() => setIndicator(i, { raterGroups: [...indicator.raterGroups, { key: nextRowKey('rg'), group: '', weight: null }] })}>
                  {t('schemes.field.addRaterGroup')}
                </Button>
              </div>
            </Flex>
          </Field>
        );
      case 'periods':
        return null;
    }
  };

  const indicators = (
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
        const params = indicatorParams(indicator, i);
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

  const weights = (
    <BuilderCard id="scheme-weights" title={t('schemes.editor.weights')} help={t('schemes.editor.weightsHelp')}>
      <WeightGrid form={form} categories={categories} known={knownCategories} issues={issues} readOnly={readOnly} onIndicatorChange={setIndicator} />
    </BuilderCard>
  );

  const grades = (
    <BuilderCard
      id="scheme-grades"
      title={t('schemes.editor.grades')}
      help={readOnly ? undefined : t('schemes.editor.gradesHelp')}
      issues={at('grades')}
      extra={
        readOnly ? null : (
          <Select
            size="small"
            value={null}
            placeholder={t('schemes.editor.presetGrades', { kind: '' })}
            onChange={(kind) => kind && patch({ grades: defaultGrades(kind) })}
            options={(['routine', 'annual'] as const).map((k) => ({ value: k, label: t('schemes.editor.presetGrades', { kind: t(`schemes.kind.${k}`) }) }))}
            popupMatchSelectWidth={false}
            style={{ width: 150 }}
          />
        )
      }
    >
      {form.grades.map((grade, i) => {
        const p = `grades[${i}]`;
        const last = i === form.grades.length - 1 && form.grades.length > 1;
        const otherNames = gradeNames.map((name) => ({ value: name, label: name }));
        return (
          <div key={grade.key} style={{ border: '1px solid #e6e9ef', borderRadius: 8, padding: '8px 12px' }} data-testid={`grade-${i}`}>
            <Flex vertical gap={8}>
              <Flex gap={12} wrap align="flex-end">
                <Field label={t('schemes.field.gradeName')} issues={at(`${p}.name`)} readOnly={readOnly} display={<Typography.Text strong>{grade.name}</Typography.Text>} width={120}>
                  <Input value={grade.name} onChange={(e) => setGrade(i, { name: e.target.value })} status={at(`${p}.name`).length ? 'error' : undefined} data-testid={`grade-name-${i}`} />
                </Field>
                {last ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, flex: '1 1 200px', paddingBottom: 4 }}>
                    {t('schemes.field.lastGrade')}
                  </Typography.Text>
                ) : (
                  <>
                    <Field label={t('schemes.field.quota')} issues={at(`${p}.quota`)} readOnly={readOnly} display={grade.quotaPercent === null ? t('schemes.field.noQuota') : `${grade.quotaPercent}%`} width={110}>
                      <InputNumber value={grade.quotaPercent} min={0} max={100} suffix="%" placeholder={t('schemes.field.noQuota')} onChange={(v) => setGrade(i, { quotaPercent: num(v) })} style={{ width: '100%' }} status={at(`${p}.quota`).length ? 'error' : undefined} />
                    </Field>
                    <Field label={t('schemes.field.minScore')} issues={at(`${p}.minScore`)} readOnly={readOnly} display={grade.minScore ?? '—'} width={96}>
                      <InputNumber value={grade.minScore} onChange={(v) => setGrade(i, { minScore: num(v) })} style={{ width: '100%' }} status={at(`${p}.minScore`).length ? 'error' : undefined} />
                    </Field>
                  </>
                )}
                <div style={{ marginLeft: 'auto' }}>
                  <RowTools index={i} count={form.grades.length} readOnly={readOnly} onMove={(to) => patch({ grades: move(form.grades, i, to) })} onRemove={() => patch({ grades: form.grades.filter((_, k) => k !== i) })} />
                </div>
              </Flex>
              {!last && ((!readOnly && form.kind === 'annual') || grade.requiresGrade || grade.noneOf.length > 0) ? (
                <Flex gap={12} wrap align="flex-end">
                  <Field
                    label={t('schemes.field.requiresGrade')}
                    issues={at(`${p}.requires`)}
                    readOnly={readOnly}
                    display={grade.requiresGrade ? `${grade.requiresGrade} > ${grade.shareAbovePercent ?? '—'}%` : '—'}
                    width={130}
                  >
                    <Select value={grade.requiresGrade} allowClear placeholder={t('schemes.editor.none')} onChange={(v) => setGrade(i, { requiresGrade: v ?? null })} options={otherNames} />
                  </Field>
                  {!readOnly ? (
                    <Field label={t('schemes.field.shareAbove')} issues={at(`${p}.requires.shareAbove`)} width={110}>
                      <InputNumber value={grade.shareAbovePercent} min={0} max={99.99} suffix="%" onChange={(v) => setGrade(i, { shareAbovePercent: num(v) })} style={{ width: '100%' }} />
                    </Field>
                  ) : null}
                  <Field label={t('schemes.field.noneOf')} issues={[...at(`${p}.requires.noneOf`), ...at(`${p}.requires.grade`)]} readOnly={readOnly} display={grade.noneOf.join('、') || '—'} grow>
                    <Select mode="multiple" value={grade.noneOf} onChange={(noneOf: string[]) => setGrade(i, { noneOf })} options={otherNames} placeholder={t('schemes.editor.none')} />
                  </Field>
                </Flex>
              ) : null}
            </Flex>
          </div>
        );
      })}
      {!readOnly ? (
        <div>
          <Button icon={<PlusOutlined />} onClick={() => patch({ grades: [...form.grades, emptyGrade()] })} data-testid="grade-add">
            {t('schemes.field.addGrade')}
          </Button>
        </div>
      ) : null}
    </BuilderCard>
  );


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

  const couplingCard =
    readOnly && !coupling.enabled ? null : (
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

  return (
    <Flex vertical gap={12}>
      {basics}
      {sections}
      {indicators}
      {weights}
      {grades}
      {couplingCard}
    </Flex>
  );
}
