import { IdParams } from '@baton/contract/common';
import {
  MySummaryResponse, PeriodPersonParams, PreviewBody, PreviewResponse, RateBody, ReviewRowSchema, ReviewSheetQuery, ReviewSheetSchema, SummaryContentBody,
  SummaryListQuery, SummaryListResponse, SummarySchema, SummarySubmitBody,
} from '@baton/contract/reviews';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { getReviewSheet, previewReviewSheet, ratePerson } from './reviews.usecases.js';
import { getMySummary, listPeriodSummaries, saveMySummaryDraft, submitMySummary } from './summaries.usecases.js';
import { idCursor } from '../../app/cursors.js';

/** Personal summaries (个人小结) and the leaders' review (审核评鉴) of a period: docs/api-cycles.md. */
export async function registerReviewRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['assessment cycles'];

  app.get('/api/periods/:id/summaries/mine', { schema: { tags, params: IdParams, response: { 200: MySummaryResponse } } }, async (req) =>
    getMySummary(deps, requireActor(req), req.params.id));

  app.put('/api/periods/:id/summaries/mine', { schema: { tags, params: IdParams, body: SummaryContentBody, response: { 200: SummarySchema } } }, async (req) =>
    saveMySummaryDraft(deps, requireActor(req), req.params.id, req.body));

  app.post('/api/periods/:id/summaries/mine/submit', { schema: { tags, params: IdParams, body: SummarySubmitBody, response: { 200: SummarySchema } } }, async (req) =>
    submitMySummary(deps, requireActor(req), req.params.id, req.body ?? {}));

  app.get('/api/periods/:id/summaries', { schema: { tags, params: IdParams, querystring: SummaryListQuery, response: { 200: SummaryListResponse } } }, async (req) => {
    const limit = req.query.limit ?? 50;
    const { items, hasMore } = await listPeriodSummaries(deps, requireActor(req), req.params.id, {
      unit: req.query.unit, status: req.query.status, afterPersonId: idCursor.decode(req.query.cursor), limit,
    });
    return { items, nextCursor: hasMore ? idCursor.encode(items[items.length - 1]!.person.id) : null };
  });

  app.get('/api/periods/:id/reviews', { schema: { tags, params: IdParams, querystring: ReviewSheetQuery, response: { 200: ReviewSheetSchema } } }, async (req) =>
    getReviewSheet(deps, requireActor(req), req.params.id, req.query));

  app.put('/api/periods/:id/reviews/:personId', { schema: { tags, params: PeriodPersonParams, body: RateBody, response: { 200: ReviewRowSchema } } }, async (req) =>
    ratePerson(deps, requireActor(req), req.params.id, req.params.personId, req.body));

  app.post('/api/periods/:id/reviews/preview', { schema: { tags, params: IdParams, body: PreviewBody, response: { 200: PreviewResponse } } }, async (req) =>
    previewReviewSheet(deps, requireActor(req), req.params.id, req.body));
}
