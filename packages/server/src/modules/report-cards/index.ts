export { registerReportCardRoutes } from './report-cards.routes.js';
export { assertOverseesResults, centiToScore } from './report-cards.usecases.js';
