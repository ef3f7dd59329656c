/** Live rankings (实时排名): each period's ranking kept in memory per app server, fed by the point ledger. */
export { rankingHubOf, closeRankingHub } from './ranking-hub.js';
export { loadPeriodRanking, RankingHub } from './ranking-hub.js';
export { registerRankingRoutes } from './rankings.routes.js';
export { canReadPointsOfPerson, monthsBetween } from './rankings.usecases.js';
