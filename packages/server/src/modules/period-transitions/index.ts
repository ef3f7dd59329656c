/** The period state flow with its effects (reminders, publication, the close after publicity and appeals). */
export { registerPeriodTransitionRoutes } from './period-transitions.routes.js';
export { transitionAssessmentPeriod } from './period-transitions.usecases.js';
