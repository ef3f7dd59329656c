import { createEvaluationState } from './evaluation-state.js';
import type { EvaluateOptions, EvaluationOutput, Scenario, ValidationIssue, Result } from './scenario.types.js';
import { validateScenario } from './scenario.validation.js';

/** Scores, ranks and grades a validated scenario (docs/product.md §3). Throws on facts naming unknown subjects or indicators. */
export function evaluate(scenario: Scenario, options: EvaluateOptions = {}): EvaluationOutput {
  return { results: createEvaluationState(scenario, options).results() };
}

export type EvaluateInputOutcome = { ok: true; results: Result[] } | { ok: false; errors: ValidationIssue[] };

/** Validates untrusted input (a parsed JSON scenario) and evaluates it; what the CLI and POST /api/evaluate call. */
export function evaluateInput(input: unknown, options: EvaluateOptions = {}): EvaluateInputOutcome {
  const validation = validateScenario(input);
  if (!validation.ok) return validation;
  return { ok: true, results: evaluate(validation.scenario, options).results };
}
