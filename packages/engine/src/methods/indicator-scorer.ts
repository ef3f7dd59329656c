import type { ExactRational } from '../exact-rational.js';
import { roundScore } from '../rounding.js';
import type { Fact, HistoryEntry, Indicator } from '../scenario.types.js';

/** The float outcome of scoring one subject on one indicator; written into a reused object so the hot path allocates nothing. */
export interface FloatScore {
  score: number;
  /** NaN when the subject has no fact. */
  raw: number;
  /** A bound on the absolute values that went into `score`, for the rounding guard. */
  magnitude: number;
}

export interface ExactScore {
  score: ExactRational;
  raw: ExactRational | null;
}

/**
 * One indicator's facts for every subject, and the rule of its method. `weight` is the
 * indicator's weight for the subject's category (NaN when the indicator has none).
 */
export interface IndicatorScorer {
  /** Decimals shown for `raw` (4 for a ratio, 2 otherwise). */
  readonly rawPlaces: number;
  /** Records a fact: adds a delta or a ballot, or replaces a single-valued fact (target, rank, veto). */
  recordFact(subject: number, fact: Fact): void;
  /** Only for methods whose score depends on the other subjects of the group (rank). */
  rankGroup?(members: ArrayLike<number>): void;
  scoreFloat(subject: number, weight: number, out: FloatScore): void;
  scoreExact(subject: number, weight: number): ExactScore;
  /** The flag this indicator puts on the subject (`missing:<id>`, `no-rating:<id>`, `veto:<id>`), or null. */
  flagOf(subject: number): string | null;
  /** One line saying how the score came about; `shownScore` is the rounded score of the result. */
  explain(subject: number, weight: number, shownScore: number): string;
}

export interface ScorerContext {
  subjectCount: number;
  subjectIndex: ReadonlyMap<string, number>;
  history: readonly HistoryEntry[];
}

export type CreateIndicatorScorer = (indicator: Indicator, context: ScorerContext) => IndicatorScorer;

/** A number as shown in an explain line: rounded half away from zero as a decimal. */
export function formatNumber(value: number, places = 2): string {
  return String(roundScore(value, places));
}
