import type { Direction, Grouping, IndicatorKind, MethodName, QuotaRounding, SchemeKind, VetoEffect } from '@baton/engine';
import type { SubjectKind } from '@baton/contract/schemes';

/**
 * The scheme builder's form (DESIGN §3.1 as the admin edits it): its rows, their defaults, the
 * percents people type for the engine's fractions, and which grades a quota coupling may name.
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
