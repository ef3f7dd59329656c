import { IdParams } from '@baton/contract/common';
import { ResultsQuery, ResultsResponse, ResultVersionsResponse, ScenarioQuery, ScenarioResponse } from '@baton/contract/results';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { exportPeriodScenario, listPeriodResultVersions, readPeriodResults } from './results.usecases.js';

/** Results, their published versions and the exact scenarios behind them (issue 6, docs/api-cycles.md "Results"). */
export async function registerResultRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['results'];

  app.get('/api/periods/:id/results', { schema: { tags, params: IdParams, querystring: ResultsQuery, response: { 200: ResultsResponse } } }, async (req) =>
    readPeriodResults(deps, requireActor(req), req.params.id, req.query));

  app.get('/api/periods/:id/results/versions', { schema: { tags, params: IdParams, response: { 200: ResultVersionsResponse } } }, async (req) =>
    listPeriodResultVersions(deps, requireActor(req), req.params.id));

  app.get('/api/periods/:id/scenario', { schema: { tags, params: IdParams, querystring: ScenarioQuery, response: { 200: ScenarioResponse } } }, async (req, reply) => {
    const exported = await exportPeriodScenario(deps, requireActor(req), req.params.id, req.query);
    // The stored text itself, not a re-serialisation: byte for byte what the engine evaluated (its SHA-256 is the version's).
    // Fastify sends a string of a JSON content type as it is (already serialised).
    return reply.type('application/json; charset=utf-8').send(exported.json as never);
  });
}
