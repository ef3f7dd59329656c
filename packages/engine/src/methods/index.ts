import type { MethodName } from '../scenario.types.js';
import type { CreateIndicatorScorer } from './indicator-scorer.js';
import { createLedgerScorer } from './ledger.method.js';
import { createPeriodsScorer } from './periods.method.js';
import { createRankScorer } from './rank.method.js';
import { createRatingScorer } from './rating.method.js';
import { createTargetScorer } from './target.method.js';
import { createVetoScorer } from './veto.method.js';

/** One small scorer factory per method of docs/product.md §3.2. */
export const indicatorScorerFactories: Readonly<Record<MethodName, CreateIndicatorScorer>> = {
  target: createTargetScorer,
  rank: createRankScorer,
  rating: createRatingScorer,
  ledger: createLedgerScorer,
  periods: createPeriodsScorer,
  veto: createVetoScorer,
};

export type { CreateIndicatorScorer, ExactScore, FloatScore, IndicatorScorer, ScorerContext } from './indicator-scorer.js';
