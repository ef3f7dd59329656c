import { describe, expect, it } from 'vitest';
import { createEvaluationState } from './evaluation-state.js';
import { evaluate } from './evaluate.js';
import { ScenarioValidationError } from './scenario.validation.js';
import { buildScenarioWithTotals, resultOf } from './testing/scenario-builders.js';

describe('createEvaluationState', () => {
  it('returns only the results that a ledger delta changed, ranks included', () => {
    const state = createEvaluationState(buildScenarioWithTotals({ a: 95, b: 90, c: 85, d: 80, e: 75 }));
    const changed = state.applyFacts([{ subject: 'd', indicator: 'score', delta: 8 }]);
    // d (88) passes c (85): both change rank; a, b and e do not change at all.
    expect(changed.map((result) => [result.subject, result.total, result.rank])).toEqual([
      ['d', 88, 3],
      ['c', 85, 4],
    ]);
    expect(state.applyFacts([{ subject: 'e', indicator: 'score', delta: 0 }])).toEqual([]);
  });

  it('re-grades the group when a delta moves a subject across the quota line', () => {
    const state = createEvaluationState(buildScenarioWithTotals({ a: 95, b: 92, c: 91, d: 70, e: 60 }));
    const changed = state.applyFacts([{ subject: 'b', indicator: 'score', delta: -1 }]);
    expect(changed.map((result) => [result.subject, result.grade, result.flags])).toEqual([
      ['b', '较好', ['quota-tie:好']],
      ['c', '较好', ['quota-tie:好']],
    ]);
  });

  it('lifts a veto when a later fact says it is not triggered, as after an accepted appeal', () => {
    const scenario = buildScenarioWithTotals(
      { a: 95, b: 80, c: 70, d: 60, e: 50 },
      { indicators: [{ id: 'veto', method: 'veto', effect: 'lowest' }] },
      [{ subject: 'a', indicator: 'veto', triggered: true }],
    );
    const state = createEvaluationState(scenario);
    expect(resultOf(state.results(), 'a').grade).toBe('较差');
    const [changed] = state.applyFacts([{ subject: 'a', indicator: 'veto', triggered: false }]);
    expect(changed).toMatchObject({ subject: 'a', grade: '好', flags: [] });
  });

  it('rejects an invalid fact with its path and applies none of the batch', () => {
    const scenario = buildScenarioWithTotals({ a: 95, b: 80 });
    const state = createEvaluationState(scenario);
    const apply = (): unknown =>
      state.applyFacts([
        { subject: 'a', indicator: 'score', delta: -50 },
        { subject: 'zz', indicator: 'score', delta: 1 },
      ]);
    expect(apply).toThrow(ScenarioValidationError);
    expect(apply).toThrow('facts[1].subject: unknown subject "zz"');
    expect(state.results()).toEqual(evaluate(scenario).results);
  });
});
