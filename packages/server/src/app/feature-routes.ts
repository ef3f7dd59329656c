import type { AppDeps } from './deps.js';
import type { App } from './http.js';
import { registerAppealRoutes } from '../modules/appeals/index.js';
import { registerCommitteeRoutes } from '../modules/committee/index.js';
import { registerEngineRoutes } from '../modules/engine/index.js';
import { registerImportRoutes } from '../modules/imports/index.js';
import { registerNotificationRoutes } from '../modules/notifications/index.js';
import { registerWorkCalendarRoutes } from '../modules/work-calendar/index.js';
import { registerPeriodTransitionRoutes } from '../modules/period-transitions/index.js';
import { registerPeriodRoutes } from '../modules/periods/index.js';
import { registerPointRoutes } from '../modules/points/index.js';
import { registerRankingRoutes } from '../modules/rankings/index.js';
import { registerRedBlackRoutes } from '../modules/red-black/index.js';
import { registerReportCardRoutes } from '../modules/report-cards/index.js';
import { registerResultListRoutes } from '../modules/result-lists/index.js';
import { registerResultRoutes } from '../modules/results/index.js';
import { registerReviewRoutes } from '../modules/reviews/index.js';
import { registerSchemeRoutes } from '../modules/schemes/index.js';
import { registerWorkLogRoutes } from '../modules/worklogs/index.js';

/** Route registrars of the feature modules beyond the foundation's core. */
export const featureRoutes: ((app: App, deps: AppDeps) => Promise<void>)[] = [
  registerEngineRoutes,
  registerImportRoutes,
  registerWorkLogRoutes,
  registerNotificationRoutes,
  registerWorkCalendarRoutes,
  registerSchemeRoutes,
  registerPeriodRoutes,
  registerPeriodTransitionRoutes,
  registerPointRoutes,
  registerRankingRoutes,
  registerRedBlackRoutes,
  registerReviewRoutes,
  registerResultRoutes,
  registerReportCardRoutes,
  registerResultListRoutes,
  registerCommitteeRoutes,
  registerAppealRoutes,
];
