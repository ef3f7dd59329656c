export { registerReportCardRoutes } from './report-cards.routes.js';
export { GroupSchema, PersonSchema, UnitSchema } from './report-cards.schemas.js';
export { assertOverseesResults, centiToScore } from './report-cards.usecases.js';
