import fc from 'fast-check';
import { evaluate } from '../evaluate.js';
import type { Fact, Grade, Indicator, Scenario, Section, Subject, TieDecision } from '../scenario.types.js';

/** Two-decimal numbers, the precision of real scores and points. */
const cents = (min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((value) => value / 100);

/** Integer weights summing to 100. */
const weightsSummingTo100 = (count: number): fc.Arbitrary<number[]> =>
  fc.array(fc.integer({ min: 1, max: 20 }), { minLength: count, maxLength: count }).map((parts) => {
    const total = parts.reduce((sum, part) => sum + part, 0);
    const weights = parts.map((part) => Math.floor((part * 100) / total));
    weights[0] = (weights[0] as number) + 100 - weights.reduce((sum, weight) => sum + weight, 0);
    return weights;
  });

const scoredIndicator = (id: string, section: string, weight: number): fc.Arbitrary<Indicator> =>
  fc.oneof(
    fc.record({ direction: fc.constantFrom('higher', 'lower') as fc.Arbitrary<'higher' | 'lower'>, cap: fc.constantFrom(1, 1.2, 1.5) }).map(
      ({ direction, cap }): Indicator => ({ id, section, method: 'target', weight, direction, cap }),
    ),
    fc.record({ minRatio: fc.constantFrom(0, 0.5, 0.6), step: fc.option(fc.constantFrom(1, 2.5), { nil: undefined }) }).map(
      ({ minRatio, step }): Indicator => ({ id, section, method: 'rank', weight, minRatio, ...(step === undefined ? {} : { step }) }),
    ),
    fc.constant<Indicator>({ id, section, method: 'rating', weight, raterGroups: { leader: 0.5, peer: 0.3, self: 0.2 } }),
    fc.constant<Indicator>({ id, section, method: 'ledger', weight }),
  );

export interface SchemeOptions {
  withVetoes?: boolean;
  /** Committee decisions on ties (default: sometimes). */
  withDecisions?: boolean;
}

const sectionsArbitrary = fc.constantFrom<Section[]>(
  [{ id: 'main', weight: 1 }],
  [
    { id: 'process', weight: 0.5 },
    { id: 'result', weight: 0.5 },
  ],
  [
    { id: 'process', weight: 0.3 },
    { id: 'result', weight: 0.7 },
  ],
);

const indicatorsArbitrary = (sections: Section[], withVetoes: boolean): fc.Arbitrary<Indicator[]> =>
  fc
    .tuple(
      ...sections.map((section) =>
        fc.integer({ min: 1, max: 3 }).chain((count) =>
          weightsSummingTo100(count).chain((weights) =>
            fc.tuple(...weights.map((weight, i) => scoredIndicator(`${section.id}_${i}`, section.id, weight))),
          ),
        ),
      ),
      fc.boolean(),
      withVetoes ? fc.constantFrom('none', 'noTop', 'lowest') : fc.constant('none'),
    )
    .map((parts) => {
      const vetoKind = parts[parts.length - 1] as string;
      const withExtra = parts[parts.length - 2] as boolean;
      const indicators = (parts.slice(0, -2) as Indicator[][]).flat();
      if (withExtra) indicators.push({ id: 'bonus', method: 'ledger', extra: true, base: 0, min: -3, max: 5 });
      if (vetoKind !== 'none') indicators.push({ id: 'veto', method: 'veto', effect: vetoKind as 'noTop' | 'lowest' });
      return indicators;
    });

const gradesArbitrary: fc.Arbitrary<Grade[]> = fc
  .record({
    topQuota: fc.constantFrom(0.1, 0.2, 0.28, 0.3, 0.4, 0.5, 1),
    secondQuota: fc.option(fc.constantFrom(0.3, 0.5), { nil: undefined }),
    topMin: fc.constantFrom(0, 60, 80),
  })
  .map(({ topQuota, secondQuota, topMin }) => [
    { name: '好', quota: topQuota, minScore: topMin },
    { name: '较好', minScore: 40, ...(secondQuota === undefined ? {} : { quota: secondQuota }) },
    { name: '一般', minScore: 20 },
    { name: '较差' },
  ]);

const subjectsArbitrary: fc.Arbitrary<Subject[]> = fc
  .array(fc.record({ category: fc.constantFrom('A', 'B'), unit: fc.constantFrom('u1', 'u2', 'u3') }), { minLength: 1, maxLength: 12 })
  .map((subjects) => subjects.map((subject, i) => ({ id: `s${i}`, ...subject })));

/** Facts for every indicator and subject, at random: a missing one, one value, or several deltas and ballots. */
function factsArbitrary(indicators: Indicator[], subjects: Subject[]): fc.Arbitrary<Fact[]> {
  const perCell = indicators.flatMap((indicator) =>
    subjects.map((subject): fc.Arbitrary<Fact[]> => {
      const base = { subject: subject.id, indicator: indicator.id };
      switch (indicator.method) {
        case 'target':
          return fc.option(fc.record({ actual: cents(0, 150), target: cents(1, 120) }), { nil: undefined, freq: 4 }).map((value) =>
            value === undefined ? [] : [{ ...base, ...value }],
          );
        case 'rank':
          return fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined, freq: 4 }).map((actual) => (actual === undefined ? [] : [{ ...base, actual }]));
        case 'rating':
          return fc.array(fc.record({ group: fc.constantFrom('leader', 'peer', 'self'), rating: cents(40, 100) }), { maxLength: 4 }).map((ballots) =>
            ballots.map((ballot) => ({ ...base, ...ballot })),
          );
        case 'ledger':
          return fc.array(cents(-12, 6), { maxLength: 3 }).map((deltas) => deltas.map((delta) => ({ ...base, delta })));
        case 'veto':
          return fc.constantFrom<Fact[]>([], [], [], [{ ...base, triggered: true }], [{ ...base, triggered: false }]);
        default:
          return fc.constant([]);
      }
    }),
  );
  return fc.tuple(...perCell).map((cells) => cells.flat());
}

/**
 * Committee decisions on ties (issue 6): up to two, each naming a few subjects for a grade with a
 * quota line (not the last), no subject twice for the same grade. Whether one applies depends on
 * the totals: the properties hold either way.
 */
function decisionsArbitrary(grades: readonly Grade[], subjects: readonly Subject[], enabled: boolean): fc.Arbitrary<TieDecision[]> {
  if (!enabled || grades.length < 2 || subjects.length === 0) return fc.constant([]);
  const decision = fc.record({
    grade: fc.constantFrom(...grades.slice(0, -1).map((g) => g.name)),
    subjects: fc.shuffledSubarray(subjects.map((s) => s.id), { minLength: 1, maxLength: Math.min(3, subjects.length) }),
  });
  return fc.array(decision, { maxLength: 2 }).map((decisions) => {
    const named = new Set<string>();
    const firstNaming = (grade: string, id: string) => {
      const key = `${grade} ${id}`;
      if (named.has(key)) return false;
      named.add(key);
      return true;
    };
    return decisions
      .map((d) => ({ grade: d.grade, subjects: d.subjects.filter((id) => firstNaming(d.grade, id)) }))
      .filter((d) => d.subjects.length > 0);
  });
}

export function scenarioArbitrary(options: SchemeOptions = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({
      sections: sectionsArbitrary,
      grades: gradesArbitrary,
      grouping: fc.constantFrom('all', 'category', 'unit') as fc.Arbitrary<'all' | 'category' | 'unit'>,
      quotaRounding: fc.constantFrom('floor', 'round', 'ceil') as fc.Arbitrary<'floor' | 'round' | 'ceil'>,
      subjects: subjectsArbitrary,
    })
    .chain((parts) =>
      indicatorsArbitrary(parts.sections, options.withVetoes ?? true).chain((indicators) =>
        fc.tuple(factsArbitrary(indicators, parts.subjects), decisionsArbitrary(parts.grades, parts.subjects, options.withDecisions ?? true)).map(
          ([facts, decisions]): Scenario => ({
            scheme: {
              sections: parts.sections,
              indicators,
              grouping: parts.grouping,
              grades: parts.grades,
              quotaRounding: parts.quotaRounding,
            },
            subjects: parts.subjects,
            facts,
            ...(decisions.length > 0 ? { decisions } : {}),
          }),
        ),
      ),
    );
}

/**
 * The scenario with a committee decision for each tied block it has (a `quota-tie:<grade>` flag):
 * the block's first `perBlock` members by id are named. Seats were left when a tie was flagged, so
 * with one named member a decision applies — unlike the random ones of scenarioArbitrary, which
 * rarely meet a tie; with more it may name more members than there are seats.
 */
export function withTieDecisions(scenario: Scenario, perBlock = 1): Scenario {
  const named = new Map<string, TieDecision>();
  const results = [...evaluate({ ...scenario, decisions: [] }).results].sort((a, b) => (a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  for (const result of results) {
    for (const flag of result.flags) {
      if (!flag.startsWith('quota-tie:')) continue;
      const grade = flag.slice('quota-tie:'.length);
      const key = `${result.group}\u0000${grade}`;
      const decision = named.get(key);
      if (decision === undefined) named.set(key, { grade, subjects: [result.subject] });
      else if (decision.subjects.length < perBlock) decision.subjects.push(result.subject);
    }
  }
  const byGrade = new Map<string, TieDecision>();
  for (const decision of named.values()) {
    const existing = byGrade.get(decision.grade);
    if (existing) existing.subjects.push(...decision.subjects);
    else byGrade.set(decision.grade, { grade: decision.grade, subjects: [...decision.subjects] });
  }
  return byGrade.size === 0 ? scenario : { ...scenario, decisions: [...byGrade.values()] };
}
