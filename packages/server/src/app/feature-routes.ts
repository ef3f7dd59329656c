import type { AppDeps } from './deps.js';
import type { App } from './http.js';
import { registerAppealRoutes } from '../modules/appeals/appeals.routes.js';
import { registerTieDecisionRoutes } from '../modules/committee/tie-decisions.routes.js';
import { registerEngineRoutes } from '../modules/engine/engine.routes.js';
import { registerImportRoutes } from '../modules/imports/imports.routes.js';
import { registerNotificationRoutes } from '../modules/notifications/index.js';
import { registerWorkCalendarRoutes } from '../modules/work-calendar/index.js';
import { registerPeriodRoutes } from '../modules/periods/periods.routes.js';
import { registerPointRoutes } from '../modules/points/points.routes.js';
import { registerRankingRoutes } from '../modules/rankings/rankings.routes.js';
import { registerReportCardRoutes } from '../modules/report-cards/report-cards.routes.js';
import { registerResultRoutes } from '../modules/results/results.routes.js';
import { registerReviewRoutes } from '../modules/reviews/reviews.routes.js';
import { registerWorkLogRoutes } from '../modules/worklogs/worklogs.routes.js';

/** Route registrars of the feature modules beyond the foundation's core. */
export const featureRoutes: ((app: App, deps: AppDeps) => Promise<void>)[] = [
  registerEngineRoutes,
  registerImportRoutes,
  registerWorkLogRoutes,
  registerNotificationRoutes,
  registerWorkCalendarRoutes,
  registerPeriodRoutes,
  registerPointRoutes,
  registerRankingRoutes,
  registerReviewRoutes,
  registerResultRoutes,
  registerReportCardRoutes,
  registerTieDecisionRoutes,
  registerAppealRoutes,
];
