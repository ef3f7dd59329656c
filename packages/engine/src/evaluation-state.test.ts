import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluationState } from './evaluation-state.js';
import { evaluate } from './evaluate.js';
import type { Result, Scenario } from './scenario.types.js';
import { ScenarioValidationError, validateScenario } from './scenario.validation.js';
import { scenarioArbitrary } from './testing/scenario-arbitraries.js';
import { buildScenarioWithTotals, effectiveFacts, resultOf } from './testing/scenario-builders.js';

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

  it("with report: 'scores', leaves out a subject whose rank alone moved, and still ranks it right", () => {
    const state = createEvaluationState(buildScenarioWithTotals({ a: 95, b: 90, c: 85, d: 80, e: 75 }));
    const changed = state.applyFacts([{ subject: 'd', indicator: 'score', delta: 8 }], { report: 'scores' });
    // c drops to 4th, its scores unchanged: not returned, but resultOf and results() show its new rank.
    expect(changed.map((result) => [result.subject, result.total, result.rank, result.groupRank])).toEqual([['d', 88, 3, 3]]);
    expect(state.resultOf('c')).toMatchObject({ subject: 'c', total: 85, rank: 4, groupRank: 4 });
    expect(resultOf(state.results(), 'c').rank).toBe(4);
  });

  it("with report: 'scores', still returns a subject whose grade or flags changed with no score of its own changing", () => {
    // Two seats of 好 (40 % of 5): c passing b takes b's.
    const state = createEvaluationState(buildScenarioWithTotals({ a: 95, b: 92, c: 91, d: 70, e: 60 }));
    const passed = state.applyFacts([{ subject: 'c', indicator: 'score', delta: 2 }], { report: 'scores' });
    expect(passed.map((result) => [result.subject, result.total, result.rank, result.grade, result.flags])).toEqual([
      ['c', 93, 2, '好', []],
      ['b', 92, 3, '较好', []],
    ]);
    // c back to a tie with b: neither fits the last seat, both get the quota-tie flag.
    const tied = state.applyFacts([{ subject: 'c', indicator: 'score', delta: -1 }], { report: 'scores' });
    expect(tied.map((result) => [result.subject, result.total, result.rank, result.grade, result.flags])).toEqual([
      ['b', 92, 2, '较好', ['quota-tie:好']],
      ['c', 92, 2, '较好', ['quota-tie:好']],
    ]);
  });

  it('resultOf gives one subject its entry of results(), and undefined for an unknown subject', () => {
    const scenario = buildScenarioWithTotals({ a: 95, b: 90, c: 90, d: 80 });
    const state = createEvaluationState(scenario, { explain: true });
    state.applyFacts([{ subject: 'd', indicator: 'score', delta: 15 }], { report: 'scores' });
    for (const result of state.results()) expect(state.resultOf(result.subject)).toEqual(result);
    expect(state.resultOf('d')).toMatchObject({ total: 95, rank: 1 });
    expect(state.resultOf('zz')).toBeUndefined();
    expect(state.resultOf('')).toBeUndefined();
  });
});

function evaluateValid(scenario: Scenario, options: { explain?: boolean } = {}): Result[] {
  const validation = validateScenario(scenario);
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return evaluate(scenario, options).results;
}


/** A result without its rank and group rank: what report: 'scores' compares. */
function shownBesidesRanks(result: Result | undefined): string {
  if (result === undefined) return 'none';
  const { rank: _rank, groupRank: _groupRank, ...rest } = result;
  return JSON.stringify(rest);
}

describe("createEvaluationState: report: 'scores'", () => {
  it("returns what 'all' returns less the rank-only changes, keeps results() equal to a full evaluation, and resultOf equal to results()", () => {
    const arbitrary = scenarioArbitrary().chain((scenario) =>
      fc.tuple(
        fc.constant(scenario),
        fc.integer({ min: 0, max: scenario.facts?.length ?? 0 }),
        // Each update's size and mode: the state under test mixes 'scores' with an occasional 'all'.
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom<'all' | 'scores'>('scores', 'scores', 'all')), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
      ),
    );
    let rankOnlyLeftOut = 0;
    fc.assert(
      fc.property(arbitrary, ([scenario, split, updates, explain]) => {
        const facts = scenario.facts ?? [];
        const replacements = facts
          .filter((fact) => fact.actual !== undefined)
          .map((fact) => ({ ...fact, actual: (fact.actual as number) + 1 }));
        const stream = [...facts.slice(split), ...replacements];
        const initial = { ...scenario, facts: facts.slice(0, split) };
        // Side by side: `reference` always reports everything; `state` is the one under test.
        const reference = createEvaluationState(initial, { explain });
        const state = createEvaluationState(initial, { explain });
        let applied = facts.slice(0, split);
        let offset = 0;
        for (const [size, report] of updates) {
          if (offset >= stream.length) break;
          const chunk = stream.slice(offset, offset + size);
          offset += size;
          const before = new Map(reference.results().map((result) => [result.subject, result]));
          const changedAll = reference.applyFacts(chunk);
          const changed = state.applyFacts(chunk, { report });
          applied = [...applied, ...chunk];
          const current = state.results();
          expect(current).toEqual(evaluateValid({ ...scenario, facts: effectiveFacts(scenario, applied) }, { explain }));
          const expected =
            report === 'all' ? changedAll : changedAll.filter((result) => shownBesidesRanks(result) !== shownBesidesRanks(before.get(result.subject)));
          rankOnlyLeftOut += changedAll.length - expected.length;
          expect(changed).toEqual(expected);
          for (const result of current) expect(state.resultOf(result.subject)).toEqual(result);
        }
      }),
      { numRuns: 150 },
    );
    // The property is not vacuous: some updates did move ranks alone.
    expect(rankOnlyLeftOut).toBeGreaterThan(0);
    // 150 runs of several full evaluations each: ~2 s alone, more on a busy CI machine.
  }, 30_000);
});
