/** Assessment periods (考核周期): records, who takes part, and the guards of their states. */
export { listActiveUnitSubjects, listPeopleAssignedDuring, listSubjectsOfPeriod, type SubjectRow } from './period-participants.repository.js';
export { assertPeriodAllows } from './period-state.js';
export { findPeriodParticipant, listPeriodParticipants, type PeriodParticipant } from './period-participants.js';
export {
  createPeriodClosedError, createPeriodScenarioInvalidError, createPeriodStateInvalidError, createPeriodTransitionInvalidError, createPublicityRunningError,
} from './periods.errors.js';
export {
  findPeriod, listCurrentPersonPeriods, listPeriods, lockPeriodInState, setPeriodResultVersion, updatePeriodState,
  type PeriodRow, type PeriodStateEffects,
} from './periods.repository.js';
export { registerPeriodRoutes } from './periods.routes.js';
export { createAssessmentPeriod, presentPeriod, presentPeriodView } from './periods.usecases.js';
