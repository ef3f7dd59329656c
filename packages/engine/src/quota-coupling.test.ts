import { describe, expect, it } from 'vitest';
import { createEvaluationState } from './evaluation-state.js';
import { evaluate, evaluateInput } from './evaluate.js';
import { applyQuotaCoupling, gradeQuotaInGroup, selectQuotaForUnitTier } from './quota-coupling.js';
import type { Scenario } from './scenario.types.js';
import { ROUTINE_GRADES } from './testing/scenario-builders.js';

describe('quota coupling (考用结合)', () => {
  const coupling = { byTier: { 第一等次: 0.25, 第三等次: 0.15 }, otherwise: 0.2 };

  it("gives a unit's people the excellence quota of the unit's own tier", () => {
    expect(selectQuotaForUnitTier('第一等次', coupling)).toBe(0.25);
    expect(selectQuotaForUnitTier('第二等次', coupling)).toBe(0.2);
    expect(selectQuotaForUnitTier('第三等次', coupling)).toBe(0.15);
    expect(selectQuotaForUnitTier(undefined, coupling)).toBe(0.2);
  });

  it('sets the first grade of a copy of the scheme', () => {
    const scheme = { indicators: [], grades: ROUTINE_GRADES };
    const coupled = applyQuotaCoupling(scheme, '第三等次', coupling);
    expect(coupled.grades[0]).toEqual({ name: '好', quota: 0.15, minScore: 90 });
    expect(scheme.grades[0]?.quota).toBe(0.4);
  });

  /** Two units of ten people each, totals 100, 99, …, 91; 好 would have 4 seats in each at 40 %. */
  function coupledScenario(unitTiers?: Record<string, string>): Scenario {
    const subjects = ['u1', 'u2', 'u3'].flatMap((unit) => Array.from({ length: 10 }, (_, i) => ({ id: `${unit}-p${i}`, unit })));
    return {
      scheme: {
        indicators: [{ id: 'score', method: 'ledger', weight: 100, base: 0 }],
        grouping: 'unit',
        grades: [{ name: '好', quota: 0.4 }, { name: '较好', quota: 0.5 }, { name: '一般' }],
        quotaCoupling: { byTier: { 第一等次: 0.3, 第三等次: 0.1 }, otherwise: 0.2 },
      },
      subjects,
      facts: subjects.map((s, i) => ({ subject: s.id, indicator: 'score', delta: 100 - (i % 10) })),
      ...(unitTiers ? { unitTiers } : {}),
    };
  }
  const seatsTaken = (scenario: Scenario) => {
    const outcome = evaluateInput(scenario);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const count: Record<string, number> = {};
    for (const r of outcome.results) if (r.grade === '好') count[r.subject.split('-')[0]!] = (count[r.subject.split('-')[0]!] ?? 0) + 1;
    return count;
  };

  it("grades each unit's group under the quota of the unit's tier, in place of the grade's own", () => {
    expect(seatsTaken(coupledScenario({ u1: '第一等次', u2: '第二等次', u3: '第三等次' }))).toEqual({ u1: 3, u2: 2, u3: 1 });
    // A unit without a tier, and a scenario without tiers, take `otherwise`.
    expect(seatsTaken(coupledScenario({ u1: '第一等次' }))).toEqual({ u1: 3, u2: 2, u3: 2 });
    expect(seatsTaken(coupledScenario())).toEqual({ u1: 2, u2: 2, u3: 2 });
    // Without the coupling, 40 % each.
    const plain = coupledScenario({ u1: '第一等次' });
    delete plain.scheme.quotaCoupling;
    expect(seatsTaken(plain)).toEqual({ u1: 4, u2: 4, u3: 4 });
  });

  it("tells the quota a group's seats follow, as the engine grades them", () => {
    const scenario = coupledScenario({ u1: '第一等次', u3: '第三等次' });
    expect([gradeQuotaInGroup(scenario, 0, 'u1'), gradeQuotaInGroup(scenario, 0, 'u2'), gradeQuotaInGroup(scenario, 0, 'u3')]).toEqual([0.3, 0.2, 0.1]);
    expect(gradeQuotaInGroup(scenario, 1, 'u1')).toBe(0.5);
    expect(gradeQuotaInGroup(scenario, 2, 'u1')).toBeUndefined();
    delete scenario.scheme.quotaCoupling;
    expect(gradeQuotaInGroup(scenario, 0, 'u1')).toBe(0.4);
  });

  it('couples the named grade, leaving the others as the scheme says', () => {
    const scenario = coupledScenario({ u1: '第三等次' });
    scenario.scheme.quotaCoupling = { grade: '较好', byTier: { 第三等次: 0.1 }, otherwise: 0.5 };
    const outcome = evaluateInput(scenario);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const inU1 = outcome.results.filter((r) => r.subject.startsWith('u1-')).map((r) => r.grade);
    expect(inU1.filter((g) => g === '好')).toHaveLength(4);
    expect(inU1.filter((g) => g === '较好')).toHaveLength(1);
  });

  it('is kept by the incremental state as by a whole evaluation', () => {
    const scenario = coupledScenario({ u1: '第一等次', u3: '第三等次' });
    const state = createEvaluationState({ ...scenario, facts: [] });
    state.applyFacts(scenario.facts!);
    const whole = evaluate(scenario).results;
    expect(state.results().map((r) => [r.subject, r.grade, r.flags])).toEqual(whole.map((r) => [r.subject, r.grade, r.flags]));
  });

  it('names what is wrong in a coupling', () => {
    const errorsOf = (mutate: (s: Scenario) => void) => {
      const scenario = coupledScenario({ u1: '第一等次' });
      mutate(scenario);
      const outcome = evaluateInput(JSON.parse(JSON.stringify(scenario)));
      return outcome.ok ? [] : outcome.errors.map((e) => `${e.path}: ${e.message}`);
    };
    expect(errorsOf(() => undefined)).toEqual([]);
    expect(errorsOf((s) => (s.scheme.grouping = 'all'))).toEqual([expect.stringMatching(/^scheme\.quotaCoupling: .*grouping "unit"/)]);
    expect(errorsOf((s) => (s.scheme.quotaCoupling!.grade = '优秀'))).toEqual(['scheme.quotaCoupling.grade: unknown grade "优秀"']);
    expect(errorsOf((s) => (s.scheme.quotaCoupling!.grade = '一般'))).toEqual([expect.stringMatching(/^scheme\.quotaCoupling\.grade: .*last grade/)]);
    expect(errorsOf((s) => (s.scheme.quotaCoupling!.otherwise = 1.5))).toEqual([expect.stringMatching(/^scheme\.quotaCoupling\.otherwise: /)]);
    expect(errorsOf((s) => (s.scheme.quotaCoupling!.byTier = { 第一等次: 0 }))).toEqual([expect.stringMatching(/^scheme\.quotaCoupling\.byTier\.第一等次: /)]);
    expect(errorsOf((s) => ((s.scheme.quotaCoupling as unknown as Record<string, unknown>).tiers = {}))).toEqual([expect.stringMatching(/^scheme\.quotaCoupling\.tiers: /)]);
    expect(errorsOf((s) => (s.unitTiers = { u1: '' }))).toEqual([expect.stringMatching(/^unitTiers\.u1: /)]);
  });
});
