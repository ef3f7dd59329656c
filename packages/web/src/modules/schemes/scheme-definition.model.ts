import type { Grade, Indicator, Scheme as EngineScheme, SchemeQuotaCoupling } from '@baton/engine';
import type { Scheme, SubjectKind } from '@baton/contract/schemes';
import { isObject, num, numberMap, oneOf, str, type Json } from './definition-json';
import {
  DEFAULT_SECTION_ID,
  DIRECTIONS,
  GROUPINGS,
  INDICATOR_KINDS,
  METHODS,
  QUOTA_ROUNDINGS,
  SCHEME_KINDS,
  VETO_EFFECTS,
  emptyQuotaCoupling,
  emptyTierQuota,
  fromPercent,
  nextRowKey,
  toPercent,
  type GradeForm,
  type IndicatorForm,
  type QuotaCouplingForm,
  type SchemeForm,
  type SectionForm,
} from './scheme-form.model';

/**
 * The builder's form to and from the engine's scheme definition (DESIGN §3.1): fractions become
 * percents and back exactly, indicators and grades keep their order (so the engine's error indexes
 * map back to the rows), and the advanced editor's JSON text is read here.
 */

// ——— definition → form ———

function indicatorFromDefinition(value: unknown, firstSection: string): IndicatorForm {
  const v = isObject(value) ? value : {};
  const method = oneOf(v.method, METHODS) ?? 'ledger';
  const extra = v.extra === true;
  return {
    key: nextRowKey('ind'),
    id: str(v.id),
    name: str(v.name),
    section: extra ? '' : str(v.section) || (method === 'veto' ? '' : firstSection),
    kind: oneOf(v.kind, INDICATOR_KINDS),
    method,
    weight: num(v.weight),
    weightsByCategory: numberMap(v.weightsByCategory),
    extra,
    direction: oneOf(v.direction, DIRECTIONS),
    cap: num(v.cap),
    floor: num(v.floor),
    minRatio: num(v.minRatio),
    step: num(v.step),
    raterGroups: Object.entries(numberMap(v.raterGroups)).map(([group, weight]) => ({ key: nextRowKey('rg'), group, weight })),
    base: num(v.base),
    min: num(v.min),
    max: num(v.max),
    effect: oneOf(v.effect, VETO_EFFECTS),
  };
}

function gradeFromDefinition(value: unknown): GradeForm {
  const v = isObject(value) ? value : {};
  const requires = isObject(v.requires) ? v.requires : {};
  const quota = num(v.quota);
  const share = num(requires.shareAbove);
  return {
    key: nextRowKey('grade'),
    name: str(v.name),
    quotaPercent: quota === null ? null : toPercent(quota),
    minScore: num(v.minScore),
    requiresGrade: str(requires.grade) || null,
    shareAbovePercent: share === null ? null : toPercent(share),
    noneOf: Array.isArray(requires.noneOf) ? requires.noneOf.filter((g): g is string => typeof g === 'string') : [],
  };
}

/** The coupling of a definition's `quotaCoupling` (fractions → percents); switched off when there is none. */
export function quotaCouplingFormOf(value: unknown): QuotaCouplingForm {
  if (!isObject(value)) return emptyQuotaCoupling();
  const otherwise = num(value.otherwise);
  const byTier = isObject(value.byTier) ? value.byTier : {};
  return {
    enabled: true,
    grade: str(value.grade) || null,
    tiers: Object.entries(byTier).map(([tier, quota]) => emptyTierQuota(tier, typeof quota === 'number' && Number.isFinite(quota) ? toPercent(quota) : null)),
    otherwisePercent: otherwise === null ? null : toPercent(otherwise),
  };
}

/**
 * The engine's `quotaCoupling` of the form (percents → fractions, e.g. 25 → 0.25), or undefined when
 * switched off. Blank tier rows are left out; a blank quota is sent as 0 so the engine names it.
 */
export function quotaCouplingOf(coupling: QuotaCouplingForm): SchemeQuotaCoupling | undefined {
  if (!coupling.enabled) return undefined;
  const out: SchemeQuotaCoupling = { byTier: {}, otherwise: coupling.otherwisePercent === null ? 0 : fromPercent(coupling.otherwisePercent) };
  if (coupling.grade) out.grade = coupling.grade;
  for (const row of coupling.tiers) {
    const tier = row.tier.trim();
    if (tier) out.byTier[tier] = row.percent === null ? 0 : fromPercent(row.percent);
  }
  return out;
}

/**
 * The form of an engine scheme definition (any JSON: fields of the wrong type are left blank for
 * the admin to fill, unknown fields are dropped — checkSchemeJson names them first).
 */
export function schemeFormFromDefinition(definition: unknown, meta: { code?: string; name?: string; subjectKind?: SubjectKind } = {}): SchemeForm {
  const d = isObject(definition) ? definition : {};
  const sections: SectionForm[] = Array.isArray(d.sections)
    ? d.sections.map((s) => {
        const section = isObject(s) ? s : {};
        const weight = num(section.weight);
        return { key: nextRowKey('sec'), id: str(section.id), percent: weight === null ? null : toPercent(weight) };
      })
    : [{ key: nextRowKey('sec'), id: DEFAULT_SECTION_ID, percent: 100 }];
  const firstSection = sections[0]?.id ?? DEFAULT_SECTION_ID;
  return {
    code: meta.code ?? '',
    name: meta.name ?? str(d.name),
    kind: oneOf(d.kind, SCHEME_KINDS) ?? 'routine',
    subjectKind: meta.subjectKind ?? 'person',
    sections,
    indicators: Array.isArray(d.indicators) ? d.indicators.map((i) => indicatorFromDefinition(i, firstSection)) : [],
    grouping: oneOf(d.grouping, GROUPINGS) ?? 'all',
    grades: Array.isArray(d.grades) ? d.grades.map(gradeFromDefinition) : [],
    quotaRounding: oneOf(d.quotaRounding, QUOTA_ROUNDINGS) ?? 'floor',
    quotaCoupling: quotaCouplingFormOf(d.quotaCoupling),
  };
}

/** The form to start a new version from: the same code and content, for the admin to change. */
export function schemeFormFromScheme(scheme: Pick<Scheme, 'code' | 'name' | 'subjectKind' | 'definition'>): SchemeForm {
  return schemeFormFromDefinition(scheme.definition, { code: scheme.code, name: scheme.name, subjectKind: scheme.subjectKind });
}

// ——— form → definition ———

/** Leaves out the one implicit section: a scheme without `sections` has the section "main", weight 1. */
function usesImplicitSection(form: SchemeForm): boolean {
  return form.sections.length === 1 && form.sections[0]?.id === DEFAULT_SECTION_ID && form.sections[0]?.percent === 100;
}

const set = <K extends string, V>(target: Partial<Record<K, V>>, key: K, value: V | null | undefined) => {
  if (value !== null && value !== undefined) target[key] = value;
};

function indicatorDefinition(indicator: IndicatorForm, implicitSection: boolean): Indicator {
  const out: Indicator = { id: indicator.id.trim(), method: indicator.method };
  if (indicator.name.trim()) out.name = indicator.name.trim();
  if (indicator.method !== 'veto' && indicator.extra) out.extra = true;
  else if (!implicitSection && indicator.section) out.section = indicator.section;
  if (indicator.kind) out.kind = indicator.kind;
  if (indicator.method !== 'veto') {
    set(out, 'weight', indicator.weight);
    const byCategory = Object.entries(indicator.weightsByCategory).filter(([code]) => code.trim() !== '');
    if (byCategory.length > 0) out.weightsByCategory = Object.fromEntries(byCategory);
  }
  switch (indicator.method) {
    case 'target':
      set(out, 'direction', indicator.direction);
      set(out, 'cap', indicator.cap);
      set(out, 'floor', indicator.floor);
      break;
    case 'rank':
      set(out, 'direction', indicator.direction);
      set(out, 'minRatio', indicator.minRatio);
      set(out, 'step', indicator.step);
      break;
    case 'rating':
      out.raterGroups = Object.fromEntries(indicator.raterGroups.filter((g) => g.group.trim() !== '').map((g) => [g.group.trim(), g.weight ?? 0]));
      break;
    case 'ledger':
      set(out, 'base', indicator.base);
      set(out, 'min', indicator.min);
      set(out, 'max', indicator.max);
      break;
    case 'veto':
      set(out, 'effect', indicator.effect);
      break;
    case 'periods':
      break;
  }
  return out;
}

function gradeDefinition(grade: GradeForm, last: boolean): Grade {
  const out: Grade = { name: grade.name.trim() };
  // The last grade takes everyone left: no quota, floor or requirement (DESIGN §3.2).
  if (last) return out;
  if (grade.quotaPercent !== null) out.quota = fromPercent(grade.quotaPercent);
  set(out, 'minScore', grade.minScore);
  const requires: NonNullable<Grade['requires']> = {};
  if (grade.requiresGrade) requires.grade = grade.requiresGrade;
  if (grade.shareAbovePercent !== null) requires.shareAbove = fromPercent(grade.shareAbovePercent);
  if (grade.noneOf.length > 0) requires.noneOf = [...grade.noneOf];
  if (Object.keys(requires).length > 0) out.requires = requires;
  return out;
}

/** The engine's scheme object (DESIGN §3.1) of the form; indicators and grades keep the form's order, so error indexes map back. */
export function definitionFromForm(form: SchemeForm): EngineScheme {
  const implicitSection = usesImplicitSection(form);
  const out: EngineScheme = { name: form.name.trim(), kind: form.kind, indicators: [], grades: [] };
  if (!implicitSection) out.sections = form.sections.map((s) => ({ id: s.id.trim(), weight: s.percent === null ? 0 : fromPercent(s.percent) }));
  out.indicators = form.indicators.map((indicator) => indicatorDefinition(indicator, implicitSection));
  out.grouping = form.grouping;
  out.grades = form.grades.map((grade, i) => gradeDefinition(grade, i === form.grades.length - 1 && form.grades.length > 1));
  out.quotaRounding = form.quotaRounding;
  const coupling = quotaCouplingOf(form.quotaCoupling);
  if (coupling) out.quotaCoupling = coupling;
  return out;
}

/** The body of POST /api/schemes. */
export function schemeInputFromForm(form: SchemeForm): { code: string; name: string; subjectKind: SubjectKind; definition: EngineScheme } {
  return { code: form.code.trim(), name: form.name.trim(), subjectKind: form.subjectKind, definition: definitionFromForm(form) };
}

// ——— JSON ———

/** Parses the advanced JSON editor's text: the definition, or why it is not one. */
export function parseDefinitionJson(text: string): { ok: true; definition: Json } | { ok: false; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (!isObject(value)) return { ok: false, message: 'not an object' };
  return { ok: true, definition: value };
}
