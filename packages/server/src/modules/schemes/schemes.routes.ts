import { IdParams } from '@baton/contract/common';
import { CreateSchemeBody, SchemeListQuery, SchemeListResponse, SchemeSchema } from '@baton/contract/schemes';
import type { AppDeps } from '../../app/deps.js';
import { requireActor } from '../../app/auth.plugin.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';
import type { App } from '../../app/http.js';
import { createAssessmentScheme, getAssessmentScheme, listAssessmentSchemes } from './schemes.usecases.js';

/** Assessment schemes (考核方案): the engine's scheme object, versioned by code, never edited. */
export async function registerSchemeRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['schemes'];

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
}
