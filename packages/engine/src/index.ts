// Public API of the engine: docs/product.md §3 (scoring, ranking, grading) and §4 (red/black
// list, consecutive-lagging alert, quota coupling), and the product rules the server and the
// web share (group keys, flags, ledger facts, period states, group standings; docs/engine.md).
// Pure: no I/O, no clock, no randomness.
export type {
  Direction,
  EvaluateOptions,
  EvaluationOutput,
  Fact,
  Grade,
  GradeRequirement,
  Grouping,
  HistoryEntry,
  Indicator,
  IndicatorKind,
  IndicatorResult,
  MethodName,
  QuotaRounding,
  Result,
  Scenario,
  Scheme,
  SchemeKind,
  SchemeQuotaCoupling,
  Section,
  Subject,
  TieDecision,
  ValidationIssue,
  ValidationOutcome,
  VetoEffect,
} from './scenario.types.js';
export { validateScenario, collectFactIssues, ScenarioValidationError, type FactCheckContext } from './scenario.validation.js';
export { evaluate, evaluateInput, type EvaluateInputOutcome } from './evaluate.js';
export { createEvaluationState, type ApplyFactsOptions, type EvaluationState } from './evaluation-state.js';
export { roundScore, computeQuotaCapacity } from './rounding.js';
export { formatResultsTable } from './results-table.js';
export {
  buildRedBlackList,
  listDynamicPointEvents,
  DEFAULT_RED_BLACK_LIST_SIZE,
  type PointEvent,
  type RedBlackEntry,
  type RedBlackList,
} from './red-black-list.js';
export {
  findConsecutiveLaggards,
  DEFAULT_LAGGING_PERIODS,
  type LaggardAlert,
  type PeriodStanding,
} from './consecutive-laggards.js';
export { applyQuotaCoupling, gradeQuotaInGroup, selectQuotaForUnitTier, type QuotaCoupling } from './quota-coupling.js';
export * from './working-days.js';
export {
  ALL_GROUP_NAME,
  GROUP_KEY_PATTERN,
  NO_CATEGORY_GROUP_KEY,
  RANKING_GROUP_KEY_PATTERN,
  UNCATEGORISED,
  engineCategoryOf,
  formatGroupKey,
  groupKeyOf,
  groupNameOf,
  parseGroupKey,
  rankingGroupKeysOf,
  type GroupKey,
  type GroupMember,
  type GroupNames,
} from './group-keys.js';
export {
  FLAG_KINDS,
  flagArgument,
  flagPrefix,
  formatFlag,
  hasQuotaTie,
  hasTieDecision,
  isFlagOfKind,
  parseFlag,
  quotaTieGrades,
  type Flag,
  type FlagKind,
  type KnownFlagKind,
} from './flags.js';
export {
  ledgerFactsOfEvents,
  ledgerFactsOfMovements,
  ledgerFactsOfSums,
  ledgerIndicatorIds,
  pointsOfCenti,
  type LedgerAmount,
  type LedgerEvent,
  type LedgerIndicators,
  type LedgerScheme,
} from './ledger-facts.js';
export {
  PERIOD_ACTIONS,
  PERIOD_STATES,
  canTransition,
  isPeriodState,
  nextPeriodState,
  periodAllows,
  periodStatesRefusing,
  type PeriodAction,
  type PeriodState,
} from './period-states.js';
export { GroupStanding } from './group-standing.js';
export { histogramOfCenti, type HistogramBin } from './histogram.js';
