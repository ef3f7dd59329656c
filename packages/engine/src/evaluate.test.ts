import { describe, expect, it } from 'vitest';
import { evaluate, evaluateInput } from './evaluate.js';
import type { Grade, Indicator, Result, Scenario } from './scenario.types.js';
import { ROUTINE_GRADES, buildScenario, buildScenarioWithTotals, gradesOf, resultOf } from './testing/scenario-builders.js';

interface Expectation {
  subject: string;
  total?: number;
  grade?: string;
  flags?: string[];
  rank?: number;
  groupRank?: number;
  indicator?: { id: string; score: number; raw: number | null };
  sections?: Record<string, number>;
}

interface Case {
  rule: string;
  scenario: Scenario;
  expect: Expectation[];
}

const target = (extra: Partial<Indicator> = {}): Indicator => ({ id: 'gdp', method: 'target', weight: 100, ...extra });
const rank = (extra: Partial<Indicator> = {}): Indicator => ({ id: 'invest', method: 'rank', weight: 100, ...extra });
const fourGrades = (quota: number): Grade[] => [{ name: '好', quota, minScore: 90 }, ...ROUTINE_GRADES.slice(1)];

const cases: Case[] = [
  {
    rule: 'scores a target as w × actual/target',
    scenario: buildScenario({ indicators: [target({ cap: 1.2 })], facts: [{ subject: 'p1', indicator: 'gdp', actual: 105, target: 100 }] }),
    expect: [{ subject: 'p1', total: 105, indicator: { id: 'gdp', score: 105, raw: 1.05 } }],
  },
  {
    rule: 'caps a target ratio at cap and keeps the raw ratio',
    scenario: buildScenario({ indicators: [target({ cap: 1.2 })], facts: [{ subject: 'p1', indicator: 'gdp', actual: 130, target: 100 }] }),
    expect: [{ subject: 'p1', total: 120, indicator: { id: 'gdp', score: 120, raw: 1.3 } }],
  },
  {
    rule: 'caps a target ratio at 1 when no cap is given',
    scenario: buildScenario({ indicators: [target()], facts: [{ subject: 'p1', indicator: 'gdp', actual: 120, target: 100 }] }),
    expect: [{ subject: 'p1', total: 100 }],
  },
  {
    rule: 'raises a target ratio to its floor',
    scenario: buildScenario({ indicators: [target({ floor: 0.5 })], facts: [{ subject: 'p1', indicator: 'gdp', actual: 20, target: 100 }] }),
    expect: [{ subject: 'p1', total: 50, indicator: { id: 'gdp', score: 50, raw: 0.2 } }],
  },
  {
    rule: 'divides target by actual when lower is better',
    scenario: buildScenario({
      indicators: [target({ direction: 'lower', cap: 1.5 })],
      facts: [{ subject: 'p1', indicator: 'gdp', actual: 80, target: 100 }],
    }),
    expect: [{ subject: 'p1', total: 125, indicator: { id: 'gdp', score: 125, raw: 1.25 } }],
  },
  {
    rule: 'gives the cap to an actual of 0 when lower is better',
    scenario: buildScenario({
      indicators: [target({ direction: 'lower', cap: 1.2 })],
      facts: [{ subject: 'p1', indicator: 'gdp', actual: 0, target: 3 }],
    }),
    expect: [{ subject: 'p1', total: 120, indicator: { id: 'gdp', score: 120, raw: 1.2 } }],
  },
  {
    rule: 'scores a missing target fact 0 and flags it',
    scenario: buildScenario({ indicators: [target()], subjects: ['p1', 'p2'], facts: [{ subject: 'p1', indicator: 'gdp', actual: 90, target: 100 }] }),
    expect: [
      { subject: 'p2', total: 0, flags: ['missing:gdp'], indicator: { id: 'gdp', score: 0, raw: null } },
      { subject: 'p1', total: 90, flags: [] },
    ],
  },
  {
    rule: 'ranks with competition ranking (1, 2, 2, 4) on a linear scale down to minRatio',
    scenario: buildScenario({
      indicators: [rank({ minRatio: 0.6 })],
      subjects: ['a', 'b', 'c', 'd', 'e'],
      facts: [
        { subject: 'a', indicator: 'invest', actual: 10 },
        { subject: 'b', indicator: 'invest', actual: 8 },
        { subject: 'c', indicator: 'invest', actual: 8 },
        { subject: 'd', indicator: 'invest', actual: 5 },
      ],
    }),
    expect: [
      { subject: 'a', total: 100, indicator: { id: 'invest', score: 100, raw: 1 } },
      // 100 × (1 − 0.4 × 1/3) = 86.666…
      { subject: 'b', total: 86.67, rank: 2, indicator: { id: 'invest', score: 86.67, raw: 2 } },
      { subject: 'c', total: 86.67, rank: 2 },
      { subject: 'd', total: 60, rank: 4, indicator: { id: 'invest', score: 60, raw: 4 } },
      { subject: 'e', total: 0, rank: 5, flags: ['missing:invest'] },
    ],
  },
  {
    rule: 'ranks with a step down to the minRatio floor',
    scenario: buildScenario({
      indicators: [rank({ step: 5, minRatio: 0.88 })],
      subjects: ['a', 'b', 'c', 'd'],
      facts: [
        { subject: 'a', indicator: 'invest', actual: 4 },
        { subject: 'b', indicator: 'invest', actual: 3 },
        { subject: 'c', indicator: 'invest', actual: 2 },
        { subject: 'd', indicator: 'invest', actual: 1 },
      ],
    }),
    expect: [
      { subject: 'a', total: 100 },
      { subject: 'b', total: 95 },
      { subject: 'c', total: 90 },
      { subject: 'd', total: 88 },
    ],
  },
  {
    rule: 'gives the full weight when only one subject of the group is ranked (n = 1)',
    scenario: buildScenario({
      indicators: [rank({ minRatio: 0.5 })],
      subjects: ['a', 'b'],
      facts: [{ subject: 'b', indicator: 'invest', actual: 3 }],
    }),
    expect: [{ subject: 'b', total: 100, indicator: { id: 'invest', score: 100, raw: 1 } }, { subject: 'a', total: 0, flags: ['missing:invest'] }],
  },
  {
    rule: 'ranks the smallest actual first when lower is better, within each group',
    scenario: buildScenario({
      indicators: [rank({ direction: 'lower' })],
      subjects: [
        { id: 'a', unit: 'u1' },
        { id: 'b', unit: 'u1' },
        { id: 'c', unit: 'u2' },
      ],
      facts: [
        { subject: 'a', indicator: 'invest', actual: 3 },
        { subject: 'b', indicator: 'invest', actual: 1 },
        { subject: 'c', indicator: 'invest', actual: 9 },
      ],
      scheme: { grouping: 'unit' },
    }),
    expect: [
      { subject: 'b', total: 100, groupRank: 1 },
      { subject: 'c', total: 100, groupRank: 1, rank: 1 },
      { subject: 'a', total: 0, groupRank: 2, rank: 3 },
    ],
  },
  {
    rule: 'renormalises rater-group weights over the groups that have ballots',
    scenario: buildScenario({
      indicators: [{ id: 'review', method: 'rating', weight: 100, raterGroups: { leader: 0.5, peer: 0.3, self: 0.2 } }],
      facts: [
        { subject: 'p1', indicator: 'review', group: 'leader', rating: 90 },
        { subject: 'p1', indicator: 'review', group: 'leader', rating: 80 },
        { subject: 'p1', indicator: 'review', group: 'peer', rating: 70 },
      ],
    }),
    // (0.5 × 85 + 0.3 × 70) / 0.8 = 79.375 → 79.38
    expect: [{ subject: 'p1', total: 79.38, indicator: { id: 'review', score: 79.38, raw: 79.38 } }],
  },
  {
    rule: 'scores a rating with no ballots 0 and flags no-rating',
    scenario: buildScenario({ indicators: [{ id: 'review', method: 'rating', weight: 100, raterGroups: { leader: 1 } }] }),
    expect: [{ subject: 'p1', total: 0, flags: ['no-rating:review'], indicator: { id: 'review', score: 0, raw: null } }],
  },
  {
    rule: 'deducts ledger points from the base and stops at 0',
    scenario: buildScenario({
      indicators: [target({ weight: 80 }), { id: 'safety', method: 'ledger', weight: 20 }],
      facts: [
        { subject: 'p1', indicator: 'gdp', actual: 1, target: 1 },
        { subject: 'p1', indicator: 'safety', delta: -5 },
        { subject: 'p1', indicator: 'safety', delta: -30 },
      ],
    }),
    expect: [{ subject: 'p1', total: 80, indicator: { id: 'safety', score: 0, raw: -15 } }],
  },
  {
    rule: 'keeps a deduction ledger at its weight when points are added',
    scenario: buildScenario({
      indicators: [target({ weight: 80 }), { id: 'safety', method: 'ledger', weight: 20 }],
      facts: [{ subject: 'p1', indicator: 'safety', delta: 3 }],
    }),
    expect: [{ subject: 'p1', total: 20, flags: ['missing:gdp'], indicator: { id: 'safety', score: 20, raw: 23 } }],
  },
  {
    rule: 'adds an extra ledger straight to the total, within its own min and max',
    scenario: buildScenario({
      indicators: [target(), { id: 'bonus', method: 'ledger', extra: true, base: 0, min: 0, max: 5 }],
      subjects: ['p1', 'p2'],
      facts: [
        { subject: 'p1', indicator: 'gdp', actual: 90, target: 100 },
        { subject: 'p1', indicator: 'bonus', delta: 7 },
        { subject: 'p2', indicator: 'gdp', actual: 90, target: 100 },
        { subject: 'p2', indicator: 'bonus', delta: 1.5 },
      ],
    }),
    expect: [
      { subject: 'p1', total: 95, sections: { main: 90 }, indicator: { id: 'bonus', score: 5, raw: 7 } },
      { subject: 'p2', total: 91.5 },
    ],
  },
  {
    rule: 'scores periods as w × mean history score / 100, and flags a subject without history',
    scenario: buildScenario({
      indicators: [{ id: 'routine', method: 'periods', weight: 100 }],
      subjects: ['p1', 'p2'],
      history: [
        { subject: 'p1', period: '2026Q1', score: 90 },
        { subject: 'p1', period: '2026Q2', score: 85 },
      ],
    }),
    expect: [
      { subject: 'p1', total: 87.5, indicator: { id: 'routine', score: 87.5, raw: 87.5 } },
      { subject: 'p2', total: 0, flags: ['missing:routine'] },
    ],
  },
  {
    rule: 'weights a section and the category of the subject',
    scenario: buildScenario({
      scheme: { sections: [{ id: 'process', weight: 0.4 }, { id: 'result', weight: 0.6 }], grouping: 'category' },
      indicators: [
        { id: 'log', section: 'process', method: 'ledger', weight: 100 },
        { id: 'gdp', section: 'result', method: 'target', weight: 50, weightsByCategory: { A: 70, B: 30 } },
        { id: 'tax', section: 'result', method: 'target', weight: 50, weightsByCategory: { A: 30, B: 70 } },
      ],
      subjects: [
        { id: 'a', category: 'A' },
        { id: 'b', category: 'B' },
      ],
      facts: ['a', 'b'].flatMap((subject) => [
        { subject, indicator: 'gdp', actual: 1, target: 1 },
        { subject, indicator: 'tax', actual: 1, target: 2 },
      ]),
    }),
    // a: 0.4 × 100 + 0.6 × (70 + 15) = 91; b: 0.4 × 100 + 0.6 × (30 + 35) = 79.
    // Each category is a group of one, and 40 % of 1 rounds down to no seat of 好.
    expect: [
      { subject: 'a', total: 91, sections: { process: 100, result: 85 }, grade: '较好' },
      { subject: 'b', total: 79, sections: { process: 100, result: 65 }, grade: '一般', groupRank: 1, rank: 2 },
    ],
  },
  {
    rule: 'rounds a total of x.xx5 half away from zero, only at the end',
    scenario: buildScenario({
      scheme: { sections: [{ id: 'a', weight: 0.5 }, { id: 'b', weight: 0.5 }] },
      indicators: [
        { id: 'x', section: 'a', method: 'ledger', weight: 100 },
        { id: 'y', section: 'b', method: 'ledger', weight: 100 },
      ],
      facts: [{ subject: 'p1', indicator: 'x', delta: -12.75 }],
    }),
    // 0.5 × 87.25 + 0.5 × 100 = 93.625 → 93.63
    expect: [{ subject: 'p1', total: 93.63, sections: { a: 87.25, b: 100 } }],
  },
  {
    rule: 'computes 100 − 19.885 as 80.12, not 80.11',
    scenario: buildScenario({ indicators: [{ id: 'x', method: 'ledger', weight: 100 }], facts: [{ subject: 'p1', indicator: 'x', delta: -19.885 }] }),
    expect: [{ subject: 'p1', total: 80.12, indicator: { id: 'x', score: 80.12, raw: 80.12 } }],
  },
  {
    rule: 'rounds a negative x.xx5 away from zero',
    scenario: buildScenario({
      indicators: [target(), { id: 'penalty', method: 'ledger', extra: true, base: 0, min: -10, max: 0 }],
      facts: [{ subject: 'p1', indicator: 'penalty', delta: -0.125 }],
    }),
    expect: [{ subject: 'p1', total: -0.13, indicator: { id: 'penalty', score: -0.13, raw: -0.13 } }],
  },
  {
    rule: 'drops a tied block at the quota line, flags it and closes the grade',
    scenario: buildScenarioWithTotals({ a: 95, b: 92, c: 92, d: 91, e: 70 }),
    // 40 % of 5 = 2 seats: a takes one; b and c tie for the last seat, so neither gets it; d may not jump the tie.
    expect: [
      { subject: 'a', grade: '好', flags: [] },
      { subject: 'b', grade: '较好', flags: ['quota-tie:好'] },
      { subject: 'c', grade: '较好', flags: ['quota-tie:好'] },
      { subject: 'd', grade: '较好', flags: [] },
      { subject: 'e', grade: '一般' },
    ],
  },
  {
    rule: "lets a committee decision give a tied block's named members the seats left, and still closes the grade",
    // 40 % of 5 = 2 seats: a takes one; b and c tie for the last; the committee names c.
    scenario: { ...buildScenarioWithTotals({ a: 95, b: 92, c: 92, d: 91, e: 70 }), decisions: [{ grade: '好', subjects: ['c'], note: '年度重点任务牵头' }] },
    expect: [
      { subject: 'a', grade: '好', flags: [] },
      { subject: 'b', grade: '较好', flags: ['quota-tie:好'] },
      { subject: 'c', grade: '好', flags: ['quota-tie:好', 'tie-decision:好'] },
      { subject: 'd', grade: '较好', flags: [] },
      { subject: 'e', grade: '一般' },
    ],
  },
  {
    rule: 'ignores a decision that names more members of the tied block than there are seats left',
    scenario: { ...buildScenarioWithTotals({ a: 95, b: 92, c: 92, d: 91, e: 70 }), decisions: [{ grade: '好', subjects: ['b', 'c'] }] },
    expect: [
      { subject: 'b', grade: '较好', flags: ['quota-tie:好'] },
      { subject: 'c', grade: '较好', flags: ['quota-tie:好'] },
      { subject: 'd', grade: '较好', flags: [] },
    ],
  },
  {
    rule: 'ignores a decision about members who are not in a tie at the quota line',
    scenario: { ...buildScenarioWithTotals({ a: 95, b: 92, c: 92, d: 91, e: 70 }), decisions: [{ grade: '好', subjects: ['d'] }, { grade: '较好', subjects: ['e'] }] },
    expect: [
      { subject: 'a', grade: '好', flags: [] },
      { subject: 'b', grade: '较好', flags: ['quota-tie:好'] },
      { subject: 'd', grade: '较好', flags: [] },
      { subject: 'e', grade: '一般', flags: [] },
    ],
  },
  {
    rule: 'does not flag a tie that meets a full quota',
    scenario: buildScenarioWithTotals({ a: 96, b: 95, c: 93, d: 93, e: 20 }),
    expect: [
      { subject: 'a', grade: '好' },
      { subject: 'b', grade: '好' },
      { subject: 'c', grade: '较好', flags: [] },
      { subject: 'd', grade: '较好', flags: [] },
      { subject: 'e', grade: '较差' },
    ],
  },
  {
    rule: 'gives the whole tied block the grade when it fits',
    scenario: buildScenarioWithTotals({ a: 92, b: 92, c: 80, d: 70, e: 60 }),
    expect: [
      { subject: 'a', grade: '好', rank: 1 },
      { subject: 'b', grade: '好', rank: 1 },
      { subject: 'c', grade: '较好', rank: 3 },
      { subject: 'd', grade: '一般' },
      { subject: 'e', grade: '一般' },
    ],
  },
  {
    rule: 'keeps a grade from a total below its minScore even with seats left',
    scenario: buildScenarioWithTotals({ a: 89.99, b: 85, c: 59.99, d: 10, e: 5 }),
    expect: [
      { subject: 'a', grade: '较好' },
      { subject: 'b', grade: '较好' },
      { subject: 'c', grade: '较差' },
    ],
  },
  {
    rule: 'holds back from the first grade a subject whose veto is noTop, and lets the next one in',
    scenario: buildScenarioWithTotals(
      { a: 95, b: 92, c: 91, d: 70, e: 60 },
      { indicators: [{ id: 'veto_safety', method: 'veto', effect: 'noTop' }] },
      [{ subject: 'a', indicator: 'veto_safety', triggered: true }],
    ),
    expect: [
      { subject: 'a', grade: '较好', flags: ['veto:veto_safety'], rank: 1 },
      { subject: 'b', grade: '好' },
      { subject: 'c', grade: '好' },
    ],
  },
  {
    rule: 'does not let a vetoed member of a tied block keep the others out',
    scenario: buildScenarioWithTotals(
      { a: 95, b: 92, c: 92, d: 70, e: 60 },
      { indicators: [{ id: 'veto_safety', method: 'veto', effect: 'noTop' }] },
      [{ subject: 'b', indicator: 'veto_safety', triggered: true }],
    ),
    expect: [
      { subject: 'a', grade: '好' },
      { subject: 'b', grade: '较好', flags: ['veto:veto_safety'] },
      { subject: 'c', grade: '好', flags: [] },
    ],
  },
  {
    rule: 'sends a subject whose veto is lowest straight to the last grade',
    scenario: buildScenarioWithTotals(
      { a: 99, b: 92, c: 91, d: 70, e: 60 },
      { indicators: [{ id: 'veto_integrity', method: 'veto', effect: 'lowest' }] },
      [
        { subject: 'a', indicator: 'veto_integrity', triggered: true },
        { subject: 'b', indicator: 'veto_integrity', triggered: false },
      ],
    ),
    expect: [
      { subject: 'a', grade: '较差', rank: 1, flags: ['veto:veto_integrity'] },
      { subject: 'b', grade: '好', flags: [] },
      { subject: 'c', grade: '好' },
    ],
  },
  {
    rule: 'gives 优秀 only to those who meet requires (more than half 好, none of 一般/较差)',
    scenario: buildScenario({
      indicators: [{ id: 'routine', method: 'periods', weight: 100 }],
      subjects: ['met', 'half', 'poor', 'new'],
      scheme: {
        kind: 'annual',
        grades: [
          { name: '优秀', quota: 1, minScore: 90, requires: { grade: '好', shareAbove: 0.5, noneOf: ['一般', '较差'] } },
          { name: '称职', minScore: 60 },
          { name: '基本称职', minScore: 50 },
          { name: '不称职' },
        ],
      },
      history: [
        { subject: 'met', period: 'Q1', score: 95, grade: '好' },
        { subject: 'met', period: 'Q2', score: 95, grade: '好' },
        { subject: 'met', period: 'Q3', score: 95, grade: '较好' },
        { subject: 'half', period: 'Q1', score: 95, grade: '好' },
        { subject: 'half', period: 'Q2', score: 95, grade: '较好' },
        { subject: 'poor', period: 'Q1', score: 95, grade: '好' },
        { subject: 'poor', period: 'Q2', score: 95, grade: '好' },
        { subject: 'poor', period: 'Q3', score: 95, grade: '一般' },
      ],
    }),
    expect: [
      { subject: 'met', grade: '优秀' },
      { subject: 'half', grade: '称职' },
      { subject: 'poor', grade: '称职' },
      { subject: 'new', grade: '不称职', flags: ['missing:routine'] },
    ],
  },
  {
    rule: 'counts quotas per group and ranks within the group',
    scenario: buildScenario({
      indicators: [{ id: 'score', method: 'ledger', weight: 100 }],
      subjects: [
        { id: 'a1', unit: 'A' },
        { id: 'a2', unit: 'A' },
        { id: 'b1', unit: 'B' },
        { id: 'b2', unit: 'B' },
        { id: 'b3', unit: 'B' },
      ],
      facts: [
        { subject: 'a2', indicator: 'score', delta: -2 },
        { subject: 'b1', indicator: 'score', delta: -1 },
        { subject: 'b2', indicator: 'score', delta: -3 },
        { subject: 'b3', indicator: 'score', delta: -4 },
      ],
      scheme: { grouping: 'unit', grades: fourGrades(0.5) },
    }),
    expect: [
      { subject: 'a1', grade: '好', rank: 1, groupRank: 1 },
      { subject: 'a2', grade: '较好', rank: 3, groupRank: 2 },
      { subject: 'b1', grade: '好', rank: 2, groupRank: 1 },
      { subject: 'b2', grade: '较好', rank: 4, groupRank: 2 },
      { subject: 'b3', grade: '较好', rank: 5, groupRank: 3 },
    ],
  },
];

function checkExpectation(results: readonly Result[], expectation: Expectation): void {
  const result = resultOf(results, expectation.subject);
  const { subject, indicator, ...fields } = expectation;
  expect({ subject, ...pick(result, Object.keys(fields) as (keyof Result)[]) }).toEqual({ subject, ...fields });
  if (indicator !== undefined) {
    expect(result.indicators[indicator.id]).toMatchObject({ score: indicator.score, raw: indicator.raw });
  }
}

function pick(result: Result, keys: readonly (keyof Result)[]): Partial<Result> {
  return Object.fromEntries(keys.map((key) => [key, result[key]]));
}

describe('evaluate: the rules of docs/product.md §3.2, case by case', () => {
  it.each(cases.map((entry) => [entry.rule, entry] as const))('%s', (_rule, entry) => {
    const validation = evaluateInput(entry.scenario);
    if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
    for (const expectation of entry.expect) checkExpectation(validation.results, expectation);
  });
});

describe('evaluate: quota seats', () => {
  const totals = (count: number): Record<string, number> =>
    Object.fromEntries(Array.from({ length: count }, (_, i) => [`s${String(i).padStart(2, '0')}`, 100 - i * 0.25]));
  const countFirstGrade = (scenario: Scenario): number => evaluate(scenario).results.filter((result) => result.grade === '好').length;

  it.each([
    ['floor', 0.3, 5, 1],
    ['round', 0.3, 5, 2],
    ['ceil', 0.3, 5, 2],
    ['floor', 0.5, 5, 2],
    ['round', 0.5, 5, 3],
    ['ceil', 0.5, 5, 3],
    ['round', 0.28, 25, 7],
    ['ceil', 0.28, 25, 7],
    ['floor', 0.28, 25, 7],
  ] as const)('with %s rounding, quota %s of %i subjects gives %i seats', (quotaRounding, quota, count, seats) => {
    const scenario = buildScenarioWithTotals(totals(count), { quotaRounding, grades: fourGrades(quota) });
    expect(countFirstGrade(scenario)).toBe(seats);
  });

  it('rounds the quota down when no rounding is given', () => {
    expect(countFirstGrade(buildScenarioWithTotals(totals(5), { grades: fourGrades(0.3) }))).toBe(1);
  });
});

describe('evaluate: output', () => {
  it('sorts results by rank, then subject id, and sorts flags', () => {
    const scenario = buildScenario({
      indicators: [target({ weight: 50 }), rank({ weight: 50 })],
      subjects: ['zeta', 'alpha', 'mid'],
      facts: [{ subject: 'mid', indicator: 'gdp', actual: 1, target: 1 }],
    });
    const results = evaluate(scenario).results;
    expect(results.map((result) => [result.subject, result.rank])).toEqual([
      ['mid', 1],
      ['alpha', 2],
      ['zeta', 2],
    ]);
    expect(resultOf(results, 'alpha').flags).toEqual(['missing:gdp', 'missing:invest']);
  });

  it('explains every indicator in one line when asked', () => {
    const scenario = buildScenario({
      indicators: [target({ weight: 70, cap: 1.2 }), { id: 'safety', method: 'ledger', weight: 30 }],
      facts: [
        { subject: 'p1', indicator: 'gdp', actual: 105, target: 100 },
        { subject: 'p1', indicator: 'safety', delta: -2 },
      ],
    });
    const [result] = evaluate(scenario, { explain: true }).results;
    expect(result?.explain).toEqual([
      'gdp: 105/100 = 1.05, within [0, 1.2] → 70 × 1.05 = 73.5',
      'safety: base 30 + Σ delta -2 (1 event) = 28, within [0, 30] → 28',
      'total: 1 × main 101.5 = 101.5 (rounded once, from unrounded scores)',
    ]);
    expect(evaluate(scenario).results[0]).not.toHaveProperty('explain');
  });

  it('gives everyone left the last grade and a grade to every subject', () => {
    expect(gradesOf(evaluate(buildScenarioWithTotals({ a: 10, b: 0 })).results)).toEqual({ a: '较差', b: '较差' });
  });
});
