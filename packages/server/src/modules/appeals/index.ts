export { createAppealsPendingError } from './appeals.errors.js';
export { listPendingAppealIds, listPeopleWithPendingAppeal } from './appeals.repository.js';
export { registerAppealRoutes } from './appeals.routes.js';
export { decideAppeal, submitAppeal } from './appeals.usecases.js';
