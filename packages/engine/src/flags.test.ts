import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import annual from '../../../docs/examples/annual.json';
import routineQuarter from '../../../docs/examples/routine-quarter.json';
import unitClassified from '../../../docs/examples/unit-classified.json';
import { evaluate, evaluateInput } from './evaluate.js';
import {
  FLAG_KINDS, flagArgument, flagPrefix, formatFlag, hasQuotaTie, hasTieDecision, isFlagOfKind, parseFlag, quotaTieGrades, type Flag,
} from './flags.js';
import { scenarioArbitrary, withTieDecisions } from './testing/scenario-arbitraries.js';
import { buildScenario, buildScenarioWithTotals } from './testing/scenario-builders.js';

const argument = fc.string({ minLength: 1, maxLength: 12 });
const knownFlags: fc.Arbitrary<Flag> = fc.oneof(
  fc.record({ kind: fc.constantFrom('veto' as const, 'missing' as const, 'no-rating' as const), indicator: argument }),
  fc.record({ kind: fc.constant('unrated' as const), item: argument }),
  fc.record({ kind: fc.constant('few-ballots' as const), group: argument }),
  fc.record({ kind: fc.constantFrom('quota-tie' as const, 'tie-decision' as const), grade: argument }),
);

describe('parseFlag', () => {
  it.each([
    ['veto:veto_safety', { kind: 'veto', indicator: 'veto_safety' }],
    ['missing:gdp', { kind: 'missing', indicator: 'gdp' }],
    ['no-rating:review', { kind: 'no-rating', indicator: 'review' }],
    ['unrated:task_3', { kind: 'unrated', item: 'task_3' }],
    ['few-ballots:peer', { kind: 'few-ballots', group: 'peer' }],
    ['quota-tie:好', { kind: 'quota-tie', grade: '好' }],
    ['tie-decision:优秀', { kind: 'tie-decision', grade: '优秀' }],
    ['missing:2026:key_investment', { kind: 'missing', indicator: '2026:key_investment' }],
  ])('reads %s', (text, flag) => {
    expect(parseFlag(text)).toEqual(flag);
  });

  it.each([
    ['lagging', 'no colon'],
    ['veto:', 'no argument'],
    ['Veto:x', 'another case'],
    ['warning:x', 'an unknown kind'],
    ['', 'empty'],
  ])('keeps %j as an other flag (%s)', (text) => {
    expect(parseFlag(text)).toEqual({ kind: 'other', text });
  });

  it('round-trips: format ∘ parse is the identity on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), knownFlags.map(formatFlag)), (text) => {
        expect(formatFlag(parseFlag(text))).toBe(text);
      }),
    );
  });

  it('round-trips: parse ∘ format is the identity on known flags', () => {
    fc.assert(
      fc.property(knownFlags, (flag) => {
        expect(parseFlag(formatFlag(flag))).toEqual(flag);
      }),
    );
  });
});

describe('flag helpers', () => {
  const flags = ['missing:gdp', 'quota-tie:好', 'quota-tie:较好', 'tie-decision:好', 'veto:v'];

  it('lists the grades a tied block was kept out of, in order', () => {
    expect(quotaTieGrades(flags)).toEqual(['好', '较好']);
    expect(quotaTieGrades(['missing:quota-tie:好'])).toEqual([]);
  });

  it('tells a quota tie at a grade, or at any grade', () => {
    expect(hasQuotaTie(flags, '好')).toBe(true);
    expect(hasQuotaTie(flags, '一般')).toBe(false);
    expect(hasQuotaTie(flags)).toBe(true);
    expect(hasQuotaTie(['tie-decision:好'])).toBe(false);
  });

  it('tells a committee decision at a grade', () => {
    expect(hasTieDecision(flags, '好')).toBe(true);
    expect(hasTieDecision(flags, '较好')).toBe(false);
  });

  it('names what a flag is about', () => {
    expect(['veto:v', 'unrated:i', 'few-ballots:peer', 'quota-tie:好', 'odd'].map((text) => flagArgument(parseFlag(text)))).toEqual(['v', 'i', 'peer', '好', 'odd']);
  });

  it('tells the kind of a flag text, and gives the prefix of a kind', () => {
    expect(isFlagOfKind('no-rating:review', 'no-rating')).toBe(true);
    expect(isFlagOfKind('no-rating:review', 'missing')).toBe(false);
    expect(isFlagOfKind('lagging', 'other')).toBe(true);
    expect(FLAG_KINDS.map(flagPrefix)).toEqual(['veto:', 'missing:', 'no-rating:', 'unrated:', 'few-ballots:', 'quota-tie:', 'tie-decision:']);
  });
});

/** Every flag of a set of results: each must be of a known kind, and read back to its own text. */
function expectKnownFlags(flags: readonly string[]): void {
  for (const text of flags) {
    expect(parseFlag(text).kind, text).not.toBe('other');
    expect(formatFlag(parseFlag(text))).toBe(text);
  }
}

describe('the flags the engine writes', () => {
  it('are of known kinds: veto, missing, no-rating', () => {
    const scenario = buildScenario({
      subjects: ['p1', 'p2'],
      indicators: [
        { id: 'gdp', method: 'target', weight: 30 },
        { id: 'invest', method: 'rank', weight: 30 },
        { id: 'review', method: 'rating', weight: 20, raterGroups: { leader: 1 } },
        { id: 'routine', method: 'periods', weight: 20 },
        { id: 'veto_safety', method: 'veto', effect: 'noTop' },
      ],
      facts: [{ subject: 'p2', indicator: 'veto_safety', triggered: true }],
    });
    const flags = evaluate(scenario).results.flatMap((result) => result.flags);
    expect(new Set(flags.map((text) => parseFlag(text).kind))).toEqual(new Set(['missing', 'no-rating', 'veto']));
    expectKnownFlags(flags);
  });

  it('are of known kinds: quota-tie, tie-decision', () => {
    const scenario = { ...buildScenarioWithTotals({ a: 95, b: 92, c: 92, d: 80 }, { grades: [{ name: '好', quota: 0.5 }, { name: '较好' }] }), decisions: [{ grade: '好', subjects: ['b'] }] };
    const flagsOf = Object.fromEntries(evaluate(scenario).results.map((result) => [result.subject, result.flags]));
    expect(flagsOf).toEqual({ a: [], b: ['quota-tie:好', 'tie-decision:好'], c: ['quota-tie:好'], d: [] });
    expectKnownFlags(Object.values(flagsOf).flat());
  });

  it('are of known kinds in the worked examples', () => {
    for (const input of [routineQuarter, annual, unitClassified]) {
      const outcome = evaluateInput(input);
      if (!outcome.ok) throw new Error('a worked example is invalid');
      expectKnownFlags(outcome.results.flatMap((result) => result.flags));
    }
  });

  it('are of known kinds for any scenario', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), (scenario) => {
        expectKnownFlags(evaluate(withTieDecisions(scenario)).results.flatMap((result) => result.flags));
      }),
      { numRuns: 50 },
    );
  });
});
