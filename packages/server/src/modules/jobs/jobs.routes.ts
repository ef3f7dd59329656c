import { Type } from 'typebox';
import type { AppDeps } from '../../app/deps.js';
import { StrictObject, type App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { getJob } from './jobs.usecases.js';

export async function registerJobRoutes(app: App, deps: AppDeps) {
  app.get('/api/jobs/:id', { schema: { tags: ['jobs'], params: StrictObject({ id: Type.String({ maxLength: 64 }) }) } }, async (req) =>
    getJob(deps, requireActor(req), req.params.id));
}
