import {
  validateScenario,
  type Direction,
  type Grade,
  type Grouping,
  type Indicator,
  type IndicatorKind,
  type MethodName,
  type QuotaRounding,
  type Scheme as EngineScheme,
  type SchemeKind,
  type SchemeQuotaCoupling,
  type Subject,
  type VetoEffect,
} from '@baton/engine';
import type { ErrorDetail } from '../../api/types';
import type { Scheme, SubjectKind } from './schemes.api';

/**
 * The pure side of the schemes and periods pages: the builder's form state and its conversion
 * to and from the engine's scheme definition (DESIGN §3.1), the cheap checks the form runs as the
 * admin types (section and category weight sums), the mapping of validation paths
 * (`definition.indicators[2].weight`) to form fields.
 */

export const SCHEME_KINDS: readonly SchemeKind[] = ['routine', 'annual', 'unit'];
export const SUBJECT_KINDS: readonly SubjectKind[] = ['person', 'unit'];
export const METHODS: readonly MethodName[] = ['target', 'rank', 'rating', 'ledger', 'periods', 'veto'];
export const INDICATOR_KINDS: readonly IndicatorKind[] = ['key', 'regular', 'dynamic'];
export const GROUPINGS: readonly Grouping[] = ['all', 'category', 'unit'];
export const QUOTA_ROUNDINGS: readonly QuotaRounding[] = ['floor', 'round', 'ceil'];
export const DIRECTIONS: readonly Direction[] = ['higher', 'lower'];
export const VETO_EFFECTS: readonly VetoEffect[] = ['noTop', 'lowest'];
/** The server's pattern for a scheme code (CreateSchemeBody). */
export const SCHEME_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
/** The section the engine assumes when a scheme names none (DESIGN §3.1). */
export const DEFAULT_SECTION_ID = 'main';

export interface SectionForm {
  key: string;
  id: string;
  /** Percent of the total (the engine's weight × 100): people think of 过程 50 %, not 0.5. */
  percent: number | null;
}

export interface RaterGroupForm {
  key: string;
  group: string;
  weight: number | null;
}

export interface IndicatorForm {
  key: string;
  id: string;
  name: string;
  section: string;
  kind: IndicatorKind | null;
  method: MethodName;
  weight: number | null;
  /** Only the categories that override `weight`; a missing category takes `weight`. */
  weightsByCategory: Record<string, number>;
  extra: boolean;
  direction: Direction | null;
  cap: number | null;
  floor: number | null;
  minRatio: number | null;
  step: number | null;
  raterGroups: RaterGroupForm[];
  base: number | null;
  min: number | null;
  max: number | null;
  effect: VetoEffect | null;
}

export interface GradeForm {
  key: string;
  name: string;
  /** Percent of the group (the engine's quota × 100). */
  quotaPercent: number | null;
  minScore: number | null;
  requiresGrade: string | null;
  /** Percent of the history entries (the engine's shareAbove × 100). */
  shareAbovePercent: number | null;
  noneOf: string[];
}

/** A row of the coupling's tier table: a unit tier (a grade of the unit assessment) and its quota. */
export interface TierQuotaForm {
  key: string;
  tier: string;
  /** Percent of the unit's group (the engine's `byTier[tier]` × 100). */
  percent: number | null;
}

/**
 * 考用结合 (DESIGN §4 "Quota coupling"): the quota of one grade follows the tier of the person's unit.
 * Kept in the form while switched off, so turning it back on restores what the admin typed.
 */
export interface QuotaCouplingForm {
  enabled: boolean;
  /** The coupled grade; null = the engine's default, the first grade. */
  grade: string | null;
  tiers: TierQuotaForm[];
  /** Percent for a unit without a tier or with a tier not listed (`otherwise` × 100). */
  otherwisePercent: number | null;
}

export interface SchemeForm {
  code: string;
  name: string;
  kind: SchemeKind;
  subjectKind: SubjectKind;
  sections: SectionForm[];
  indicators: IndicatorForm[];
  grouping: Grouping;
  grades: GradeForm[];
  quotaRounding: QuotaRounding;
  quotaCoupling: QuotaCouplingForm;
}

/** A problem found by the form, the engine or the server, attached to a form path such as `indicators[2].weight`. */
export interface FormIssue {
  path: string;
  message: string;
}

let keySeq = 0;
/** React keys for rows the admin adds, moves and removes. */
export function nextRowKey(prefix = 'row'): string {
  keySeq += 1;
  return `${prefix}-${keySeq}`;
}

/** Float noise out of a converted number (0.07 × 100 = 7.000000000000001 → 7). */
export function tidyNumber(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

export const toPercent = (fraction: number): number => tidyNumber(fraction * 100);
export const fromPercent = (percent: number): number => tidyNumber(percent / 100);

/** Sums as micro-units, so 33.3 + 33.3 + 33.4 is exactly 100 (the engine sums exactly too). */
function sumExactly(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + Math.round(value * 1_000_000), 0) / 1_000_000;
}

export function emptyIndicator(section: string, method: MethodName = 'ledger'): IndicatorForm {
  return {
    key: nextRowKey('ind'),
    id: '',
    name: '',
    section,
    kind: null,
    method,
    weight: null,
    weightsByCategory: {},
    extra: false,
    direction: null,
    cap: null,
    floor: null,
    minRatio: null,
    step: null,
    raterGroups: method === 'rating' ? [{ key: nextRowKey('rg'), group: 'leader', weight: 1 }] : [],
    base: null,
    min: null,
    max: null,
    effect: method === 'veto' ? 'noTop' : null,
  };
}

export function emptyGrade(name = ''): GradeForm {
  return { key: nextRowKey('grade'), name, quotaPercent: null, minScore: null, requiresGrade: null, shareAbovePercent: null, noneOf: [] };
}

/** The grades of DESIGN §1: routine 好/较好/一般/较差 (好 ≤ 40 %), annual 优秀/称职/基本称职/不称职 (优秀 ≤ 20 %). */
export function defaultGrades(kind: SchemeKind): GradeForm[] {
  if (kind === 'annual') {
    return [
      { ...emptyGrade('优秀'), quotaPercent: 20, minScore: 90, requiresGrade: '好', shareAbovePercent: 50, noneOf: ['一般', '较差'] },
      { ...emptyGrade('称职'), minScore: 70 },
      { ...emptyGrade('基本称职'), minScore: 60 },
      emptyGrade('不称职'),
    ];
  }
  return [
    { ...emptyGrade('好'), quotaPercent: 40, minScore: 90 },
    { ...emptyGrade('较好'), minScore: 80 },
    { ...emptyGrade('一般'), minScore: 60 },
    emptyGrade('较差'),
  ];
}

export function emptyTierQuota(tier = '', percent: number | null = null): TierQuotaForm {
  return { key: nextRowKey('tier'), tier, percent };
}

export function emptyQuotaCoupling(): QuotaCouplingForm {
  return { enabled: false, grade: null, tiers: [], otherwisePercent: null };
}

export function emptySchemeForm(): SchemeForm {
  return {
    code: '',
    name: '',
    kind: 'routine',
    subjectKind: 'person',
    sections: [{ key: nextRowKey('sec'), id: DEFAULT_SECTION_ID, percent: 100 }],
    indicators: [],
    grouping: 'all',
    grades: defaultGrades('routine'),
    quotaRounding: 'floor',
    quotaCoupling: emptyQuotaCoupling(),
  };
}

// ——— definition → form ———

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
function oneOf<T extends string>(value: unknown, values: readonly T[]): T | null {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : null;
}
function numberMap(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (isObject(value)) for (const [key, v] of Object.entries(value)) if (typeof v === 'number') out[key] = v;
  return out;
}

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

/** The grades a coupling may name: every grade but the last, which has no quota (engine `checkQuotaCoupling`). */
export function couplableGrades(form: Pick<SchemeForm, 'grades'>): string[] {
  return form.grades
    .slice(0, Math.max(0, form.grades.length - 1))
    .map((g) => g.name.trim())
    .filter(Boolean);
}

/** The grade the coupling sets the quota of: its own, else the first grade. */
export function coupledGradeOf(form: Pick<SchemeForm, 'grades' | 'quotaCoupling'>): string | null {
  return form.quotaCoupling.grade ?? (form.grades[0]?.name.trim() || null);
}

/**
 * The tier names to suggest: the grades of the unit schemes (a tier period's grades are the tiers,
 * docs/api-cycles.md), newest scheme first, each name once.
 */
export function tierSuggestionsOf(schemes: readonly Pick<Scheme, 'id' | 'subjectKind' | 'definition'>[]): string[] {
  const names: string[] = [];
  for (const scheme of [...schemes].filter((s) => s.subjectKind === 'unit').sort((a, b) => b.id - a.id)) {
    const grades = Array.isArray(scheme.definition.grades) ? scheme.definition.grades : [];
    for (const grade of grades) {
      const name = isObject(grade) ? str(grade.name).trim() : '';
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/**
 * A scheme's coupling in brief, for the period forms: the coupled grade (its own or the first) and the
 * quota of units without a tier (percent); null when the scheme couples nothing, so its periods need no tier period.
 */
export function couplingBriefOf(scheme: Pick<Scheme, 'definition'> | null | undefined): { grade: string; otherwisePercent: number | null } | null {
  const coupling = scheme?.definition.quotaCoupling;
  if (!scheme || !isObject(coupling)) return null;
  const grades = Array.isArray(scheme.definition.grades) ? scheme.definition.grades : [];
  const first = isObject(grades[0]) ? str(grades[0].name) : '';
  const otherwise = num(coupling.otherwise);
  return { grade: str(coupling.grade) || first, otherwisePercent: otherwise === null ? null : toPercent(otherwise) };
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

// ——— weights ———

/** Whether an indicator's weight counts toward its section's 100 (DESIGN §3.2: non-extra, non-veto). */
export function countsInSection(indicator: Pick<IndicatorForm, 'method' | 'extra'>): boolean {
  return indicator.method !== 'veto' && !indicator.extra;
}

/** The weight an indicator has for a category (`null` = the default column): `weightsByCategory[cat]`, else `weight`. */
export function weightFor(indicator: Pick<IndicatorForm, 'weight' | 'weightsByCategory'>, category: string | null): number | null {
  if (category !== null && indicator.weightsByCategory[category] !== undefined) return indicator.weightsByCategory[category] ?? null;
  return indicator.weight;
}

export interface WeightSum {
  /** `null` = the default weights (subjects of a category without its own weights). */
  category: string | null;
  sum: number;
  /** Some counted indicator has no weight for this category. */
  incomplete: boolean;
  ok: boolean;
}

export interface SectionWeights {
  section: string;
  indicatorCount: number;
  sums: WeightSum[];
}

/** The categories of the grid: the organization's, then any other code the scheme names. */
export function weightCategories(form: Pick<SchemeForm, 'indicators'>, known: readonly string[]): string[] {
  const codes = [...known];
  for (const indicator of form.indicators) for (const code of Object.keys(indicator.weightsByCategory)) if (!codes.includes(code)) codes.push(code);
  return codes;
}

/**
 * Per section and per category (and the default column), the sum of the counted indicators'
 * weights: it must be exactly 100 (DESIGN §3.2).
 */
export function sectionWeightSums(form: Pick<SchemeForm, 'sections' | 'indicators'>, categories: readonly string[]): SectionWeights[] {
  const first = form.sections[0]?.id ?? DEFAULT_SECTION_ID;
  return form.sections.map((section) => {
    const members = form.indicators.filter((i) => countsInSection(i) && (i.section || first) === section.id);
    const sums = [null, ...categories].map((category): WeightSum => {
      const weights = members.map((i) => weightFor(i, category));
      const incomplete = weights.some((w) => w === null);
      const sum = sumExactly(weights.filter((w): w is number => w !== null));
      return { category, sum, incomplete, ok: !incomplete && sum === 100 };
    });
    return { section: section.id, indicatorCount: members.length, sums };
  });
}

/** Section weights (percent) sum to 100 — the engine's "section weights sum to 1". */
export function sectionPercentSum(form: Pick<SchemeForm, 'sections'>): number {
  return sumExactly(form.sections.map((s) => s.percent ?? 0));
}

// ——— checks ———

/**
 * What the form checks itself as the admin types: required fields, the code's pattern, unique ids,
 * and every weight sum — the same rules the server applies, named on the form's fields.
 */
export function checkSchemeForm(form: SchemeForm, categories: readonly string[] = []): FormIssue[] {
  const issues: FormIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!form.code.trim()) add('code', 'required');
  else if (!SCHEME_CODE_PATTERN.test(form.code.trim())) add('code', 'codePattern');
  if (!form.name.trim()) add('name', 'required');

  if (form.sections.length === 0) add('sections', 'noSections');
  const sectionIds = new Set<string>();
  form.sections.forEach((section, i) => {
    const id = section.id.trim();
    if (!id) add(`sections[${i}].id`, 'required');
    else if (sectionIds.has(id)) add(`sections[${i}].id`, 'duplicate');
    sectionIds.add(id);
    if (section.percent === null) add(`sections[${i}].weight`, 'required');
  });
  if (form.sections.length > 0 && form.sections.every((s) => s.percent !== null) && sectionPercentSum(form) !== 100) add('sections', 'sectionSum');

  if (form.indicators.length === 0) add('indicators', 'noIndicators');
  const indicatorIds = new Set<string>();
  form.indicators.forEach((indicator, i) => {
    const at = `indicators[${i}]`;
    const id = indicator.id.trim();
    if (!id) add(`${at}.id`, 'required');
    else if (indicatorIds.has(id)) add(`${at}.id`, 'duplicate');
    indicatorIds.add(id);
    if (countsInSection(indicator) && form.sections.length > 1 && !sectionIds.has(indicator.section)) add(`${at}.section`, 'required');
    if (indicator.method !== 'veto' && !(indicator.extra && indicator.method === 'ledger') && indicator.weight === null) add(`${at}.weight`, 'required');
    if (indicator.method === 'rating') {
      if (indicator.raterGroups.filter((g) => g.group.trim()).length === 0) add(`${at}.raterGroups`, 'required');
      else if (indicator.raterGroups.some((g) => !g.group.trim() || g.weight === null || g.weight <= 0)) add(`${at}.raterGroups`, 'raterGroupWeight');
    }
    if (indicator.method === 'veto' && !indicator.effect) add(`${at}.effect`, 'required');
  });
  const first = form.sections[0]?.id ?? DEFAULT_SECTION_ID;
  for (const section of sectionWeightSums(form, categories)) {
    const index = form.sections.findIndex((s) => s.id === section.section);
    const members = form.indicators.filter((i) => countsInSection(i) && (i.section || first) === section.section);
    for (const sum of section.sums) {
      // a category none of the section's indicators overrides repeats the default column: one issue is enough
      const overridden = sum.category === null || members.some((i) => sum.category !== null && i.weightsByCategory[sum.category] !== undefined);
      if (!sum.ok && !sum.incomplete && section.indicatorCount > 0 && overridden) add(weightCellPath(index, sum.category), 'weightSum');
    }
  }

  if (form.grades.length === 0) add('grades', 'noGrades');
  const gradeNames = new Set<string>();
  form.grades.forEach((grade, i) => {
    const name = grade.name.trim();
    if (!name) add(`grades[${i}].name`, 'required');
    else if (gradeNames.has(name)) add(`grades[${i}].name`, 'duplicate');
    gradeNames.add(name);
    if (grade.quotaPercent !== null && (grade.quotaPercent <= 0 || grade.quotaPercent > 100)) add(`grades[${i}].quota`, 'quotaRange');
    if ((grade.requiresGrade === null) !== (grade.shareAbovePercent === null)) add(`grades[${i}].requires`, 'requiresPair');
  });
  checkQuotaCouplingForm(form, add);
  return issues;
}

const inQuotaRange = (percent: number) => percent > 0 && percent <= 100;

/** The coupling's rules (engine `checkQuotaCoupling`), named on the coupling's own fields. */
function checkQuotaCouplingForm(form: SchemeForm, add: (path: string, message: string) => void) {
  const coupling = form.quotaCoupling;
  if (!coupling.enabled) return;
  if (form.grouping !== 'unit') add('quotaCoupling', 'couplingNeedsUnit');
  const grades = couplableGrades(form);
  if (coupling.grade !== null && !grades.includes(coupling.grade)) add('quotaCoupling.grade', 'couplingGradeUnknown');
  else if (coupling.grade === null && form.grades.length === 1) add('quotaCoupling.grade', 'couplingGradeUnknown');
  if (coupling.otherwisePercent === null) add('quotaCoupling.otherwise', 'required');
  else if (!inQuotaRange(coupling.otherwisePercent)) add('quotaCoupling.otherwise', 'couplingQuotaRange');
  if (!coupling.tiers.some((row) => row.tier.trim())) add('quotaCoupling.byTier', 'couplingNoTiers');
  const tiers = new Set<string>();
  coupling.tiers.forEach((row, i) => {
    const tier = row.tier.trim();
    if (!tier) add(`quotaCoupling.tiers[${i}].tier`, 'required');
    else if (tiers.has(tier)) add(`quotaCoupling.tiers[${i}].tier`, 'duplicate');
    tiers.add(tier);
    if (row.percent === null) add(`quotaCoupling.tiers[${i}].quota`, 'required');
    else if (!inQuotaRange(row.percent)) add(`quotaCoupling.tiers[${i}].quota`, 'couplingQuotaRange');
  });
}

/**
 * The engine's and the server's coupling issues name a tier's quota by the tier
 * (`quotaCoupling.byTier.第一等次`: a name may look like a number, so key order tells nothing):
 * moved onto the form's row of that tier (`quotaCoupling.tiers[1].quota`), where the form's own
 * issue of the same field takes precedence.
 */
export function onCouplingRows(issues: readonly FormIssue[], form: Pick<SchemeForm, 'quotaCoupling'>): FormIssue[] {
  return issues.map((issue) => {
    if (!issue.path.startsWith('quotaCoupling.byTier.')) return issue;
    const tier = issue.path.slice('quotaCoupling.byTier.'.length);
    const index = form.quotaCoupling.tiers.findIndex((row) => row.tier.trim() === tier);
    return index === -1 ? issue : { ...issue, path: `quotaCoupling.tiers[${index}].quota` };
  });
}

/** The path of a cell of the weight grid's sum row: the section and the category (`null` = default). */
export function weightCellPath(sectionIndex: number, category: string | null): string {
  return `weights[${sectionIndex}].${category ?? '*'}`;
}

/** A subject per category key plus one for everybody else: the engine checks weight sums only for the categories among the subjects. */
function standInSubjects(scheme: EngineScheme): Subject[] {
  const categories = new Set<string>();
  for (const indicator of scheme.indicators) for (const key of Object.keys(indicator.weightsByCategory ?? {})) categories.add(key);
  const grouped = (subject: Subject): Subject => (scheme.grouping === 'unit' ? { ...subject, unit: 'u' } : subject);
  return [
    grouped(scheme.grouping === 'category' ? { id: 'other', category: '(其他分类)' } : { id: 'other' }),
    ...[...categories].map((category, i) => grouped({ id: `c${i}`, category })),
  ];
}

/**
 * The engine's own verdict on a definition, as the server gives it (server
 * `checkSchemeDefinition`: stand-in subjects for every category), with the paths mapped to the form.
 */
export function checkDefinitionWithEngine(definition: unknown): FormIssue[] {
  const shape = validateScenario({ scheme: definition, subjects: [] });
  const outcome = shape.ok ? validateScenario({ scheme: definition, subjects: standInSubjects(shape.scenario.scheme) }) : shape;
  if (outcome.ok) return [];
  return outcome.errors.map((e) => ({ path: formPathOf(e.path.replace(/^scheme/, 'definition'), definition), message: e.message }));
}

/**
 * Where a validation path (the server's `definition.indicators[2].weight`, a request error's
 * `/code`) shows on the form. Section-sum errors (`definition.sections[1]`, or `definition.indicators`
 * without sections) land on the weight grid's sum cell; keys inside
 * raterGroups and entries of noneOf collapse onto their field.
 */
export function formPathOf(path: string, definition?: unknown): string {
  if (path.startsWith('/')) {
    const field = path.slice(1).split('/')[0] ?? '';
    return field === 'definition' ? 'definition' : field;
  }
  if (path === 'definition' || !path.startsWith('definition')) return 'definition';
  const rest = path.slice('definition'.length).replace(/^\./, '');
  if (rest === 'indicators' && !(isObject(definition) && Array.isArray(definition.sections))) return weightCellPath(0, null);
  const byCategory = /^indicators\[(\d+)\]\.weightsByCategory\.(.+)$/.exec(rest);
  if (byCategory) return `indicators[${byCategory[1]}].weightsByCategory.${byCategory[2]}`;
  // the engine names a section itself when its indicators' default weights do not sum to 100
  const section = /^sections\[(\d+)\]$/.exec(rest);
  if (section) return weightCellPath(Number(section[1]), null);
  const rater = /^(indicators\[\d+\]\.raterGroups)\..+$/.exec(rest);
  if (rater) return rater[1] ?? rest;
  const requires = /^(grades\[\d+\]\.requires)\.(noneOf)\[\d+\]$/.exec(rest);
  if (requires) return `${requires[1]}.${requires[2]}`;
  // the coupling's tier quotas keep the tier's name (it may look like a number; the form rows do not);
  // an unknown field of it, only possible through the JSON, lands on the coupling as a whole
  const coupling = /^quotaCoupling\.([^.]+)/.exec(rest);
  if (coupling && !['grade', 'otherwise', 'byTier'].includes(coupling[1] ?? '')) return 'quotaCoupling';
  return rest;
}

/** The server's 400 details, on the form. */
export function formIssuesOfDetails(details: readonly ErrorDetail[], definition?: unknown): FormIssue[] {
  return details.filter((d) => typeof d.path === 'string').map((d) => ({ path: formPathOf(d.path as string, definition), message: d.message }));
}

export function issuesAt(issues: readonly FormIssue[], path: string): FormIssue[] {
  return issues.filter((issue) => issue.path === path);
}

/** Issues on a row and its fields (`indicators[2]` covers `indicators[2].weight`). */
export function issuesUnder(issues: readonly FormIssue[], prefix: string): FormIssue[] {
  return issues.filter((issue) => issue.path === prefix || issue.path.startsWith(`${prefix}.`) || issue.path.startsWith(`${prefix}[`));
}

/** The parts of a form path: `indicators[2].weightsByCategory.A` → area indicators, index 2, field `weightsByCategory.A`. */
export function splitFormPath(path: string): { area: string; index: number | null; field: string } {
  const match = /^(\w+)(?:\[(\d+)\])?(?:\.(.+))?$/.exec(path);
  if (!match) return { area: path, index: null, field: '' };
  return { area: match[1] ?? path, index: match[2] === undefined ? null : Number(match[2]), field: match[3] ?? '' };
}

/** The section of the builder a path belongs to (for the summary's jump links). */
export function formAreaOf(path: string): 'basics' | 'sections' | 'indicators' | 'weights' | 'grades' | 'coupling' | 'definition' {
  if (path.startsWith('sections')) return 'sections';
  if (path.startsWith('weights') || /^indicators\[\d+\]\.weightsByCategory/.test(path)) return 'weights';
  if (path.startsWith('indicators')) return 'indicators';
  if (path.startsWith('grades')) return 'grades';
  if (path.startsWith('quotaCoupling')) return 'coupling';
  if (path === 'definition') return 'definition';
  return 'basics';
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

// ——— scheme list ———

export interface SchemeFamily {
  code: string;
  latest: Scheme;
  /** Newest first. */
  versions: Scheme[];
}

/** Schemes grouped by code, newest version first; families ordered by their latest version, newest first. */
export function groupSchemesByCode(schemes: readonly Scheme[]): SchemeFamily[] {
  const byCode = new Map<string, Scheme[]>();
  for (const scheme of schemes) byCode.set(scheme.code, [...(byCode.get(scheme.code) ?? []), scheme]);
  return [...byCode.entries()]
    .map(([code, versions]) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      return { code, latest: sorted[0] as Scheme, versions: sorted };
    })
    .sort((a, b) => (a.latest.createdAt < b.latest.createdAt ? 1 : a.latest.createdAt > b.latest.createdAt ? -1 : b.latest.id - a.latest.id));
}

/** The grade names of a scheme definition, best first (the engine's `grades`). */
export function gradeNamesOf(definition: Record<string, unknown> | null | undefined): string[] {
  const grades = definition?.grades;
  if (!Array.isArray(grades)) return [];
  return grades.map((g) => (g && typeof g === 'object' && typeof (g as { name?: unknown }).name === 'string' ? (g as { name: string }).name : '')).filter(Boolean);
}
