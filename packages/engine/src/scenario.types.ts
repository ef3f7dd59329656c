/** The scenario and result shapes of docs/product.md §3.1 and §3.3. */

export type SchemeKind = 'routine' | 'annual' | 'unit';
export type MethodName = 'target' | 'rank' | 'rating' | 'ledger' | 'periods' | 'veto';
export type Direction = 'higher' | 'lower';
export type Grouping = 'all' | 'category' | 'unit';
export type QuotaRounding = 'floor' | 'round' | 'ceil';
export type VetoEffect = 'noTop' | 'lowest';
export type IndicatorKind = 'key' | 'regular' | 'dynamic';

export interface Section {
  id: string;
  weight: number;
}

export interface Indicator {
  id: string;
  /** A label for people; the engine does not read it. */
  name?: string;
  section?: string;
  kind?: IndicatorKind;
  method: MethodName;
  weight?: number;
  weightsByCategory?: Record<string, number>;
  direction?: Direction;
  cap?: number;
  floor?: number;
  minRatio?: number;
  step?: number;
  raterGroups?: Record<string, number>;
  base?: number;
  min?: number;
  max?: number;
  extra?: boolean;
  effect?: VetoEffect;
}

export interface GradeRequirement {
  grade?: string;
  shareAbove?: number;
  noneOf?: string[];
}

export interface Grade {
  name: string;
  quota?: number;
  minScore?: number;
  requires?: GradeRequirement;
}

/**
 * 考用结合 (docs/product.md §4 "Quota coupling"): with `grouping: 'unit'`, the quota of `grade` (the first
 * grade when left out) in each unit's group is `byTier[tier]` of the unit's tier (scenario
 * `unitTiers`), else `otherwise` — e.g. first tier 25 %, others 20 %, last tier 15 %. It replaces
 * that grade's own `quota`.
 */
export interface SchemeQuotaCoupling {
  grade?: string;
  byTier: Record<string, number>;
  otherwise: number;
}

export interface Scheme {
  name?: string;
  kind?: SchemeKind;
  sections?: Section[];
  indicators: Indicator[];
  grouping?: Grouping;
  grades: Grade[];
  quotaRounding?: QuotaRounding;
  quotaCoupling?: SchemeQuotaCoupling;
}

export interface Subject {
  id: string;
  name?: string;
  category?: string;
  unit?: string;
}

export interface Fact {
  subject: string;
  indicator: string;
  /** Optional id of the evidence (e.g. the point event) behind the fact. */
  id?: string;
  note?: string;
  actual?: number;
  target?: number;
  group?: string;
  rating?: number;
  delta?: number;
  triggered?: boolean;
}

export interface HistoryEntry {
  subject: string;
  period: string;
  score: number;
  grade?: string;
}

/**
 * A committee's decision on a tie at a quota line (issue 6; docs/product.md §2.4 "ties at a quota boundary
 * are flagged for the committee"): of a tied block that does not fit in the seats left of `grade`,
 * the eligible members named in `subjects` take it — as long as they fit; the others stay out.
 */
export interface TieDecision {
  grade: string;
  subjects: string[];
  /** Why (recorded for the audit; the engine does not read it). */
  note?: string;
}

export interface Scenario {
  scheme: Scheme;
  subjects: Subject[];
  facts?: Fact[];
  history?: HistoryEntry[];
  decisions?: TieDecision[];
  /** The tier of each unit (a subject's `unit`) for the scheme's `quotaCoupling`; a unit not named has none. */
  unitTiers?: Record<string, string>;
}

export interface IndicatorResult {
  /** w for the subject's category; null for a veto and for an extra ledger without a weight. */
  weight: number | null;
  score: number;
  /** The method's raw value (ratio, rank, mean rating, ledger balance, mean history score, 1/0 for a veto); null when there is no fact. */
  raw: number | null;
}

export interface Result {
  subject: string;
  group: string;
  total: number;
  rank: number;
  groupRank: number;
  grade: string;
  flags: string[];
  sections: Record<string, number>;
  indicators: Record<string, IndicatorResult>;
  explain?: string[];
}

export interface EvaluationOutput {
  results: Result[];
}

export interface EvaluateOptions {
  explain?: boolean;
}

export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationOutcome =
  | { ok: true; scenario: Scenario }
  | { ok: false; errors: ValidationIssue[] };
