import { IdParams } from '@baton/contract/common';
import { CreatePeriodBody, PeriodListQuery, PeriodListResponse, PeriodViewSchema, UpdatePeriodBody } from '@baton/contract/periods';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { createAssessmentPeriod, getAssessmentPeriod, listAssessmentPeriods, updateAssessmentPeriod } from './periods.usecases.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';

/** Assessment periods (考核周期): a date range running one scheme version, optionally scoped to a unit's subtree. */
export async function registerPeriodRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['periods'];

  app.get('/api/periods', { schema: { tags, querystring: PeriodListQuery, response: { 200: PeriodListResponse } } }, async (req) => {
    const limit = req.query.limit ?? 50;
    const items = await listAssessmentPeriods(deps, requireActor(req), {
      state: req.query.state, schemeId: req.query.scheme, beforeId: idCursor.decode(req.query.cursor), limit,
    });
    return { items, nextCursor: nextCursorOf(items, limit) };
  });

  app.get('/api/periods/:id', { schema: { tags, params: IdParams, response: { 200: PeriodViewSchema } } }, async (req) =>
    getAssessmentPeriod(deps, requireActor(req), req.params.id));

  app.post('/api/periods', { schema: { tags, body: CreatePeriodBody, response: { 201: PeriodViewSchema } } }, async (req, reply) => {
    const period = await createAssessmentPeriod(deps, requireActor(req), req.body);
    reply.status(201);
    return period;
  });

  app.patch('/api/periods/:id', { schema: { tags, params: IdParams, body: UpdatePeriodBody, response: { 200: PeriodViewSchema } } }, async (req) =>
    updateAssessmentPeriod(deps, requireActor(req), req.params.id, req.body));
}
