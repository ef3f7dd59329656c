import { describe, expect, it } from 'vitest';
import type { Scenario } from './scenario.types.js';
import { collectFactIssues, validateScenario } from './scenario.validation.js';
import { buildScenario } from './testing/scenario-builders.js';

function unitScenario(): Scenario {
  return buildScenario({
    scheme: { sections: [{ id: 'process', weight: 0.5 }, { id: 'result', weight: 0.5 }], grouping: 'category' },
    indicators: [
      { id: 'log', section: 'process', method: 'ledger', weight: 100 },
      { id: 'gdp', section: 'result', method: 'target', weight: 60, weightsByCategory: { A: 70, B: 50 } },
      { id: 'invest', section: 'result', method: 'rank', weight: 40, weightsByCategory: { A: 30, B: 45 } },
      { id: 'review', method: 'rating', extra: true, weight: 5, raterGroups: { leader: 0.6, peer: 0.4 } },
      { id: 'veto', method: 'veto', effect: 'noTop' },
    ],
    subjects: [
      { id: 'a', category: 'A' },
      { id: 'b', category: 'B' },
    ],
    facts: [
      { subject: 'a', indicator: 'gdp', actual: 1, target: 1 },
      { subject: 'a', indicator: 'review', group: 'leader', rating: 90 },
      { subject: 'b', indicator: 'veto', triggered: true },
    ],
  });
}

function errorsOf(input: unknown): string[] {
  const outcome = validateScenario(input);
  return outcome.ok ? [] : outcome.errors.map((issue) => `${issue.path}: ${issue.message}`);
}

function withChange(change: (scenario: Scenario) => void): Scenario {
  const scenario = JSON.parse(JSON.stringify(unitScenario())) as Scenario;
  change(scenario);
  return scenario;
}

describe('validateScenario', () => {
  it('accepts a sound scenario and hands it back typed', () => {
    const scenario = withChange((s) => {
      const invest = s.scheme.indicators[2];
      if (invest) invest.weightsByCategory = { A: 30, B: 50 };
    });
    expect(validateScenario(scenario)).toEqual({ ok: true, scenario });
  });

  it('names the section and the category whose weights do not sum to 100', () => {
    expect(errorsOf(unitScenario())).toEqual([
      'scheme.indicators[2].weightsByCategory.B: section result sums to 95 for category B, not 100',
    ]);
  });

  it('names the path of a target that is not positive', () => {
    const scenario = withChange((s) => {
      const invest = s.scheme.indicators[2];
      if (invest) invest.weightsByCategory = { A: 30, B: 50 };
      s.facts?.push({ subject: 'b', indicator: 'gdp', actual: 3, target: 0 });
    });
    expect(errorsOf(scenario)).toEqual(['facts[3].target: must be > 0']);
  });

  it('rejects unknown fields at every level', () => {
    const scenario = withChange((s) => {
      Object.assign(s, { extraRoot: 1 });
      Object.assign(s.scheme, { colour: 'red' });
      Object.assign(s.scheme.indicators[0] as object, { cap: 1.2 });
      Object.assign(s.subjects[0] as object, { age: 40 });
      Object.assign(s.facts?.[0] as object, { rating: 3 });
    });
    expect(errorsOf(scenario)).toEqual([
      'extraRoot: unknown field',
      'scheme.colour: unknown field',
      'scheme.indicators[0].cap: not a field of a ledger indicator',
      'subjects[0].age: unknown field',
    ]);
    // Facts are read once the scheme is sound.
    const factOnly = withChange((s) => {
      const invest = s.scheme.indicators[2];
      if (invest) invest.weightsByCategory = { A: 30, B: 50 };
      Object.assign(s.facts?.[0] as object, { rating: 3 });
    });
    expect(errorsOf(factOnly)).toEqual(['facts[0].rating: unknown field for a target indicator']);
  });

  it('rejects a rater group that the indicator does not weigh', () => {
    const scenario = withChange((s) => {
      const invest = s.scheme.indicators[2];
      if (invest) invest.weightsByCategory = { A: 30, B: 50 };
      s.facts?.push({ subject: 'a', indicator: 'review', group: 'self', rating: 100 });
    });
    expect(errorsOf(scenario)).toEqual(['facts[3].group: rater group "self" is not in raterGroups of review']);
  });

  it('rejects section weights that do not sum to 1', () => {
    const scenario = withChange((s) => {
      s.scheme.sections = [
        { id: 'process', weight: 0.4 },
        { id: 'result', weight: 0.5 },
      ];
    });
    expect(errorsOf(scenario)).toContain('scheme.sections: section weights sum to 0.9, not 1');
  });

  it('rejects a second target fact of the same subject, but not a second ledger delta', () => {
    const scenario = withChange((s) => {
      const invest = s.scheme.indicators[2];
      if (invest) invest.weightsByCategory = { A: 30, B: 50 };
      s.facts?.push({ subject: 'a', indicator: 'log', delta: -1 }, { subject: 'a', indicator: 'log', delta: -1 });
      s.facts?.push({ subject: 'a', indicator: 'gdp', actual: 2, target: 1 });
    });
    expect(errorsOf(scenario)).toEqual([
      'facts[5]: a second target fact of subject "a" for gdp (the first is facts[0]); give one fact',
    ]);
  });

  it('names unknown subjects and indicators of facts and history', () => {
    const scenario = withChange((s) => {
      const invest = s.scheme.indicators[2];
      if (invest) invest.weightsByCategory = { A: 30, B: 50 };
      s.facts?.push({ subject: 'zz', indicator: 'log', delta: 1 }, { subject: 'a', indicator: 'nope', delta: 1 });
      s.history = [{ subject: 'ghost', period: 'Q1', score: 1 }];
    });
    expect(errorsOf(scenario)).toEqual([
      'facts[3].subject: unknown subject "zz"',
      'facts[4].indicator: unknown indicator "nope"',
      'history[0].subject: unknown subject "ghost"',
    ]);
  });

  it("names what is wrong in the committee's tie decisions", () => {
    const sound = withChange((s) => {
      const invest = s.scheme.indicators[2];
      if (invest) invest.weightsByCategory = { A: 30, B: 50 };
    });
    const scenario = { ...sound, decisions: [
      { grade: '好', subjects: ['a', 'ghost', 7, 'a'], note: '评审会议决定' },
      { grade: '较差', subjects: ['b'] },
      { grade: '优秀', subjects: [] },
      { grade: '较好', subjects: ['b'], reason: 'x' },
    ] };
    expect(errorsOf(scenario)).toEqual([
      'decisions[0].subjects[1]: unknown subject "ghost"',
      'decisions[0].subjects[2]: must be a string, got 7',
      'decisions[0].subjects[3]: subject "a" is already named for "好" (decisions[0].subjects[0])',
      'decisions[1].grade: "较差" is the last grade: it has no quota line to decide',
      'decisions[2].grade: unknown grade "优秀"',
      'decisions[2].subjects: must name at least one subject',
      'decisions[3].reason: unknown field',
    ]);
    expect(errorsOf({ ...sound, decisions: [{ grade: '好', subjects: ['a'] }] })).toEqual([]);
  });

  it('checks the values of each method', () => {
    const scenario = buildScenario({
      indicators: [
        { id: 'cost', method: 'target', weight: 50, direction: 'lower' },
        { id: 'review', method: 'rating', weight: 50, raterGroups: { leader: 1 } },
        { id: 'v', method: 'veto', effect: 'lowest' },
      ],
      facts: [
        { subject: 'p1', indicator: 'cost', actual: -1, target: 5 },
        { subject: 'p1', indicator: 'review', group: 'leader', rating: 101 },
        { subject: 'p1', indicator: 'v', triggered: 'yes' as unknown as boolean },
        { subject: 'p1', indicator: 'cost' },
      ],
    });
    expect(errorsOf(scenario)).toEqual([
      'facts[0].actual: must be ≥ 0',
      'facts[1].rating: must be ≤ 100',
      'facts[2].triggered: must be true or false',
      'facts[3].actual: is required',
      'facts[3].target: is required',
    ]);
  });

  it('requires a weight for every category among the subjects', () => {
    const scenario = buildScenario({
      indicators: [{ id: 'gdp', method: 'target', weightsByCategory: { A: 100 } }],
      subjects: [{ id: 'a', category: 'A' }, { id: 'c', category: 'C' }],
    });
    expect(errorsOf(scenario)).toEqual(['scheme.indicators[0].weight: is required: no weight for category C']);
  });

  it('rejects bad grades: a quota above 1, a duplicate name, a quota on the last grade', () => {
    const scenario = buildScenario({
      indicators: [{ id: 'x', method: 'ledger', weight: 100 }],
      scheme: { grades: [{ name: '好', quota: 1.5 }, { name: '好' }, { name: '较差', quota: 0.1 }] },
    });
    expect(errorsOf(scenario)).toEqual([
      'scheme.grades[0].quota: must be ≤ 1',
      'scheme.grades[1].name: duplicate grade "好" (also scheme.grades[0])',
      'scheme.grades[2].quota: not allowed on the last grade, which takes everyone left',
    ]);
  });

  it('rejects an indicator in an unknown section, and a missing section when there are several', () => {
    const scenario = buildScenario({
      scheme: { sections: [{ id: 'a', weight: 0.5 }, { id: 'b', weight: 0.5 }] },
      indicators: [
        { id: 'x', section: 'c', method: 'ledger', weight: 100 },
        { id: 'y', method: 'ledger', weight: 100 },
      ],
    });
    expect(errorsOf(scenario)).toEqual([
      'scheme.indicators[0].section: unknown section "c"',
      'scheme.indicators[1].section: is required: the scheme has 2 sections',
    ]);
  });

  it('rejects input that is not an object', () => {
    expect(errorsOf(42)).toEqual(['scenario: must be an object']);
    expect(errorsOf({})).toEqual(['scheme: is required', 'subjects: is required']);
  });

  it('requires a category or a unit when the scheme groups by it', () => {
    const scenario = buildScenario({ indicators: [{ id: 'x', method: 'ledger', weight: 100 }], scheme: { grouping: 'unit' } });
    expect(errorsOf(scenario)).toEqual(['subjects[0].unit: is required']);
  });

  it('lets an incremental update repeat a single-valued fact, which then replaces the earlier one', () => {
    const scenario = withChange(() => undefined);
    const context = {
      subjectIndex: new Map([['a', 0]]),
      indicatorById: new Map(scenario.scheme.indicators.map((definition, index) => [definition.id, { definition, index }])),
    };
    const facts = [
      { subject: 'a', indicator: 'gdp', actual: 1, target: 1 },
      { subject: 'a', indicator: 'gdp', actual: 2, target: 1 },
    ];
    expect(collectFactIssues(facts, context, { allowRepeatedSingleFacts: true })).toEqual([]);
    expect(collectFactIssues(facts, context)).toHaveLength(1);
  });
});
