import { PromotionListQuery, PromotionListResponse, WarningListQuery, WarningListResponse } from '@baton/contract/result-lists';
import type { AppDeps } from '../../app/deps.js';
import { requireActor } from '../../app/auth.plugin.js';
import type { App } from '../../app/http.js';
import { listPromotionCandidates, listWarningTalks } from './result-lists.usecases.js';

/** The lists that use results (考用结合): warning talks for the consecutively last, promotion candidates. */
export async function registerResultListRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['result-lists'];

  app.get('/api/result-lists/warning', { schema: { tags, querystring: WarningListQuery, response: { 200: WarningListResponse } } }, async (req) =>
    listWarningTalks(deps, requireActor(req), req.query));

  app.get('/api/result-lists/promotion', { schema: { tags, querystring: PromotionListQuery, response: { 200: PromotionListResponse } } }, async (req) =>
    listPromotionCandidates(deps, requireActor(req), req.query));
}
