import { JobParams, JobSchema } from '@baton/contract/jobs';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { getJob } from './jobs.usecases.js';

export async function registerJobRoutes(app: App, deps: AppDeps) {
  app.get('/api/jobs/:id', { schema: { tags: ['jobs'], params: JobParams, response: { 200: JobSchema } } }, async (req) =>
    getJob(deps, requireActor(req), req.params.id));
}
