import type { AppDeps } from '../../app/deps.js';
import { IdParams, type App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import {
  CreatePeriodBody, CreateSchemeBody, PeriodListQuery, PeriodListResponse, PeriodSchema, SchemeListQuery, SchemeListResponse, SchemeSchema,
  TransitionBody, UpdatePeriodBody,
} from './periods.schemas.js';
import {
  createAssessmentPeriod, createAssessmentScheme, getAssessmentPeriod, getAssessmentScheme, listAssessmentPeriods, listAssessmentSchemes,
  transitionAssessmentPeriod, updateAssessmentPeriod,
} from './periods.usecases.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';

/** Schemes and periods (issue 5's part; issue 6 builds the rest of the cycle). */
export async function registerPeriodRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['schemes and periods'];

  app.get('/api/schemes', { schema: { tags, querystring: SchemeListQuery, response: { 200: SchemeListResponse } } }, async (req) => {
    const limit = req.query.limit ?? 50;
    const items = await listAssessmentSchemes(deps, requireActor(req), { code: req.query.code, beforeId: idCursor.decode(req.query.cursor), limit });
    return { items, nextCursor: nextCursorOf(items, limit) };
  });

  app.get('/api/schemes/:id', { schema: { tags, params: IdParams, response: { 200: SchemeSchema } } }, async (req) =>
    getAssessmentScheme(deps, requireActor(req), req.params.id));

  app.post('/api/schemes', { schema: { tags, body: CreateSchemeBody, response: { 201: SchemeSchema } } }, async (req, reply) => {
    const scheme = await createAssessmentScheme(deps, requireActor(req), req.body);
    reply.status(201);
    return scheme;
  });

  app.get('/api/periods', { schema: { tags, querystring: PeriodListQuery, response: { 200: PeriodListResponse } } }, async (req) => {
    const limit = req.query.limit ?? 50;
    const items = await listAssessmentPeriods(deps, requireActor(req), {
      state: req.query.state, schemeId: req.query.scheme, beforeId: idCursor.decode(req.query.cursor), limit,
    });
    return { items, nextCursor: nextCursorOf(items, limit) };
  });

  app.get('/api/periods/:id', { schema: { tags, params: IdParams, response: { 200: PeriodSchema } } }, async (req) =>
    getAssessmentPeriod(deps, requireActor(req), req.params.id));

  app.post('/api/periods', { schema: { tags, body: CreatePeriodBody, response: { 201: PeriodSchema } } }, async (req, reply) => {
    const period = await createAssessmentPeriod(deps, requireActor(req), req.body);
    reply.status(201);
    return period;
  });

  app.patch('/api/periods/:id', { schema: { tags, params: IdParams, body: UpdatePeriodBody, response: { 200: PeriodSchema } } }, async (req) =>
    updateAssessmentPeriod(deps, requireActor(req), req.params.id, req.body));

  app.post('/api/periods/:id/transition', { schema: { tags, params: IdParams, body: TransitionBody, response: { 200: PeriodSchema } } }, async (req) =>
    transitionAssessmentPeriod(deps, requireActor(req), req.params.id, req.body));
}
