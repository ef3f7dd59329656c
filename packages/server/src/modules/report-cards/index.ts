export { registerReportCardRoutes } from './report-cards.routes.js';
