export { computeWorkLogSummary, type WorkLogSummary } from './worklog-reports.usecases.js';
export { feedKeyOf, ftsDocumentOf } from './worklogs.repository.js';
export { listLeaderRoles, listPeopleForSeeding } from './worklog-seed.repository.js';
export { registerWorkLogRoutes } from './worklogs.routes.js';
export { extractSearchTerms } from './worklogs.search.js';
export { composeDemoEntry, createDemoRandom, seedDemoWorkLogs } from './worklogs.seed.js';
export { commentOnWorkLog, WORK_LOG_KIND_LABELS, WORK_LOG_KINDS, writeWorkLog } from './worklogs.usecases.js';
