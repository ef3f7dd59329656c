export { registerJobRoutes } from './jobs.routes.js';
export { type JobProgress, startJob, waitForJob } from './jobs.usecases.js';
export { claimScheduledRun, finishScheduledRun } from './scheduled-runs.repository.js';
