export { buildPeriodScenario, type Participant, personSubjectKey, type RatingOverride } from './period-scenario.js';
export { gradeSeatsInGroup, type GroupNamer, nameGroups } from './result-groups.js';
export { evaluatePeriod, participantOf, type PeriodEvaluation, publishResultVersion } from './result-publication.js';
export { findResultVersion } from './results.repository.js';
export { registerResultRoutes } from './results.routes.js';
export { exportPeriodScenario, resultVisibilityOf } from './results.usecases.js';
export { decisionsInForce, listTieDecisionsOfPeriod, type TieDecisionRow } from './tie-decisions.repository.js';
