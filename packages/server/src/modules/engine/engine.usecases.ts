import { evaluateInput, type Result } from '@baton/engine';
import { AppError } from '../../app/errors.js';
import { authorize, type Actor } from '../../policies/index.js';

export const createInvalidScenarioError = (issues: { path: string; message: string }[]) =>
  new AppError(400, 'scenario.invalid', issues.map((i) => `${i.path}: ${i.message}`).slice(0, 5).join('; '), issues);

/** POST /api/evaluate: the engine as the CLI runs it (docs/product.md §3), on a scenario sent by the caller. */
export function evaluateScenario(actor: Actor, scenario: unknown, options: { explain: boolean }): { results: Result[] } {
  authorize(actor, 'engine.evaluate');
  const outcome = evaluateInput(scenario, options);
  if (!outcome.ok) throw createInvalidScenarioError(outcome.errors);
  return { results: outcome.results };
}
