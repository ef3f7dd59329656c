import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEvaluationState } from './evaluation-state.js';
import { evaluate } from './evaluate.js';
import { computeQuotaCapacity, runWithExactArithmeticOnly } from './rounding.js';
import type { Fact, Result, Scenario } from './scenario.types.js';
import { validateScenario } from './scenario.validation.js';
import { scenarioArbitrary, withTieDecisions } from './testing/scenario-arbitraries.js';
import { buildScenarioWithTotals, effectiveFacts } from './testing/scenario-builders.js';

const RUNS = { numRuns: 150 };

function evaluateValid(scenario: Scenario, options: { explain?: boolean } = {}): Result[] {
  const validation = validateScenario(scenario);
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return evaluate(scenario, options).results;
}

function gradeIndex(scenario: Scenario, result: Result): number {
  return scenario.scheme.grades.findIndex((grade) => grade.name === result.grade);
}

function permutationArbitrary(length: number): fc.Arbitrary<number[]> {
  const indexes = Array.from({ length }, (_, i) => i);
  return fc.shuffledSubarray(indexes, { minLength: length, maxLength: length });
}

describe('evaluate: properties over random schemes and facts', () => {
  it('never gives a grade to more subjects of a group than its quota allows', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const results = evaluateValid(scenario);
        const groups = new Map<string, Result[]>();
        for (const result of results) groups.set(result.group, [...(groups.get(result.group) ?? []), result]);
        for (const members of groups.values()) {
          scenario.scheme.grades.forEach((grade) => {
            if (grade.quota === undefined) return;
            const seats = computeQuotaCapacity(grade.quota, members.length, scenario.scheme.quotaRounding ?? 'floor');
            expect(members.filter((result) => result.grade === grade.name).length).toBeLessThanOrEqual(seats);
          });
        }
      }),
      RUNS,
    );
  });

  it('rounds every number as exact arithmetic would (the float fast path never decides a boundary)', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        const fast = evaluateValid(scenario, { explain: true });
        expect(runWithExactArithmeticOnly(() => evaluateValid(scenario, { explain: true }))).toEqual(fast);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of subjects or facts', () => {
    const arbitrary = scenarioArbitrary().chain((scenario) =>
      fc.tuple(fc.constant(scenario), permutationArbitrary(scenario.subjects.length), permutationArbitrary(scenario.facts?.length ?? 0)),
    );
    fc.assert(
      fc.property(arbitrary, ([scenario, subjectOrder, factOrder]) => {
        const facts = scenario.facts ?? [];
        const permuted: Scenario = {
          ...scenario,
          subjects: subjectOrder.map((i) => scenario.subjects[i]!),
          facts: factOrder.map((i) => facts[i]!),
        };
        expect(evaluateValid(permuted)).toEqual(evaluateValid(scenario));
      }),
      RUNS,
    );
  });

  it('never lowers a total for a larger positive ledger delta or a larger actual (higher is better)', () => {
    const arbitrary = scenarioArbitrary().chain((scenario) =>
      fc.tuple(
        fc.constant(scenario),
        fc.integer({ min: 0, max: scenario.subjects.length - 1 }),
        fc.integer({ min: 0, max: 2000 }).map((value) => value / 100),
        fc.integer({ min: 1, max: 2000 }).map((value) => value / 100),
      ),
    );
    fc.assert(
      fc.property(arbitrary, ([scenario, subjectIndex, amount, more]) => {
        const subject = scenario.subjects[subjectIndex]!.id;
        const totalOf = (facts: Fact[]): number =>
          evaluateValid({ ...scenario, facts }).find((result) => result.subject === subject)!.total;
        const facts = scenario.facts ?? [];
        for (const indicator of scenario.scheme.indicators) {
          if (indicator.method === 'ledger') {
            const withDelta = (delta: number): Fact[] => [...facts, { subject, indicator: indicator.id, delta }];
            expect(totalOf(withDelta(amount + more))).toBeGreaterThanOrEqual(totalOf(withDelta(amount)));
          }
          if ((indicator.method === 'target' || indicator.method === 'rank') && indicator.direction !== 'lower') {
            const others = facts.filter((fact) => !(fact.subject === subject && fact.indicator === indicator.id));
            const withActual = (actual: number): Fact[] => [
              ...others,
              indicator.method === 'target' ? { subject, indicator: indicator.id, actual, target: 50 } : { subject, indicator: indicator.id, actual },
            ];
            expect(totalOf(withActual(amount + more))).toBeGreaterThanOrEqual(totalOf(withActual(amount)));
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('never grades a higher total of a group worse than a lower one, absent vetoes and requires', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ withVetoes: false }), (scenario) => {
        const results = evaluateValid(scenario);
        for (const better of results) {
          for (const worse of results) {
            if (better.group !== worse.group || better.total <= worse.total) continue;
            expect(gradeIndex(scenario, better)).toBeLessThanOrEqual(gradeIndex(scenario, worse));
          }
        }
      }),
      RUNS,
    );
  });
});


describe('createEvaluationState: incremental updates', () => {
  it('equals a full evaluation of the same facts (explain lines included) after every update, and returns exactly the results that changed', () => {
    const arbitrary = scenarioArbitrary().chain((scenario) =>
      fc.tuple(
        fc.constant(scenario),
        fc.integer({ min: 0, max: scenario.facts?.length ?? 0 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
      ),
    );
    fc.assert(
      fc.property(arbitrary, ([scenario, split, chunkSizes]) => {
        const facts = scenario.facts ?? [];
        // Later updates also replace target and rank facts: the stream repeats some of them with new values.
        const replacements = facts
          .filter((fact) => fact.actual !== undefined)
          .map((fact) => ({ ...fact, actual: (fact.actual as number) + 1 }));
        const stream = [...facts.slice(split), ...replacements];
        const state = createEvaluationState({ ...scenario, facts: facts.slice(0, split) }, { explain: true });
        let applied = facts.slice(0, split);
        let previous = state.results();
        expect(previous).toEqual(evaluateValid({ ...scenario, facts: applied }, { explain: true }));
        let offset = 0;
        for (const size of chunkSizes) {
          if (offset >= stream.length) break;
          const chunk = stream.slice(offset, offset + size);
          offset += size;
          const changed = state.applyFacts(chunk);
          applied = [...applied, ...chunk];
          const current = state.results();
          expect(current).toEqual(evaluateValid({ ...scenario, facts: effectiveFacts(scenario, applied) }, { explain: true }));
          const before = new Map(previous.map((result) => [result.subject, result]));
          const expectedChanged = current.filter((result) => JSON.stringify(result) !== JSON.stringify(before.get(result.subject)));
          expect(changed).toEqual(expectedChanged);
          previous = current;
        }
      }),
      RUNS,
    );
  });
});

describe("committee decisions on ties at a quota line (issue 6)", () => {
  // Totals from a handful of values, so that blocks tied at the 好 line are common.
  const tiedArbitrary = fc
    .array(fc.constantFrom(80, 85, 90, 92, 95), { minLength: 3, maxLength: 12 })
    .map((totals) => buildScenarioWithTotals(Object.fromEntries(totals.map((total, i) => [`s${String(i).padStart(2, '0')}`, total]))));

  it('give the named members of a tied block the seats left, keep quotas, change no one above the block, and update incrementally alike', () => {
    let decided = 0;
    fc.assert(
      fc.property(tiedArbitrary, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5 }), (plain, perBlock, chunk) => {
        const scenario = withTieDecisions(plain, perBlock);
        const before = new Map(evaluateValid(plain).map((r) => [r.subject, r]));
        const after = evaluateValid(scenario);
        const seats = computeQuotaCapacity(0.4, after.length, 'floor');
        expect(after.filter((r) => r.grade === '好').length).toBeLessThanOrEqual(seats);
        for (const decision of scenario.decisions ?? []) {
          const named = decision.subjects.map((subject) => after.find((r) => r.subject === subject)!);
          // All of a block's named members take the grade, or (more of them than seats) none does.
          const taken = named.filter((result) => result.flags.includes(`tie-decision:${decision.grade}`));
          if (perBlock === 1) expect(taken).toEqual(named);
          for (const result of taken) {
            decided += 1;
            expect(result.grade).toBe(decision.grade);
            expect(result.flags).toContain(`quota-tie:${decision.grade}`);
            for (const other of after) if (other.total > result.total) expect(other.grade).toBe(before.get(other.subject)!.grade);
          }
          for (const result of named) if (!taken.includes(result)) expect(result.grade).not.toBe(decision.grade);
        }
        const state = createEvaluationState({ ...scenario, facts: [] });
        const facts = scenario.facts ?? [];
        for (let at = 0; at < facts.length; at += chunk) state.applyFacts(facts.slice(at, at + chunk));
        expect(state.results()).toEqual(after);
      }),
      RUNS,
    );
    expect(decided).toBeGreaterThan(10);
  });
});
