import { EvaluateBody, EvaluateQuery, EvaluationResponse } from '@baton/contract/engine';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { evaluateScenario } from './engine.usecases.js';

export async function registerEngineRoutes(app: App, deps: AppDeps) {
  app.post('/api/evaluate', {
    // Scenarios of a whole city are large; the engine validates them itself, naming the path of a bad field.
    bodyLimit: deps.config.uploadLimitBytes,
    schema: {
      tags: ['engine'],
      description: 'Evaluates a scenario exactly as `baton evaluate` does (docs/product.md §3). Invalid scenarios answer 400 `scenario.invalid` with one detail per bad field.',
      querystring: EvaluateQuery,
      body: EvaluateBody,
      response: { 200: EvaluationResponse },
    },
  }, async (req) => evaluateScenario(requireActor(req), req.body, { explain: req.query.explain ?? false }));
}
