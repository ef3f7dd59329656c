import { HealthResponse } from '@baton/contract/health';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { pingDatabase } from '../../db/kysely.js';
import { BATON_VERSION } from '../../version.js';

export async function registerHealthRoutes(app: App, deps: AppDeps) {
  app.get('/api/health', {
    schema: { tags: ['health'], response: { 200: HealthResponse } },
    config: { public: true },
  }, async () => {
    await pingDatabase(deps.db);
    return { status: 'ok' as const, db: deps.dialect, version: BATON_VERSION };
  });
}
