import fc from 'fast-check';
import type { Fact, Grade, Indicator, Scenario, Section, Subject } from '../scenario.types.js';

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
        factsArbitrary(indicators, parts.subjects).map(
          (facts): Scenario => ({
            scheme: {
              sections: parts.sections,
              indicators,
              grouping: parts.grouping,
              grades: parts.grades,
              quotaRounding: parts.quotaRounding,
            },
            subjects: parts.subjects,
            facts,
          }),
        ),
      ),
    );
}
