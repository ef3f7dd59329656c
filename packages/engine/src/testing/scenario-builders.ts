import type { Fact, Grade, HistoryEntry, Indicator, Result, Scenario, Scheme, Subject } from '../scenario.types.js';

/** Four routine grades with 好 capped at 40 %, as in most units. */
export const ROUTINE_GRADES: Grade[] = [
  { name: '好', quota: 0.4, minScore: 90 },
  { name: '较好', minScore: 80 },
  { name: '一般', minScore: 60 },
  { name: '较差' },
];

export function buildScenario(parts: {
  indicators: Indicator[];
  subjects?: Subject[] | string[];
  facts?: Fact[];
  history?: HistoryEntry[];
  scheme?: Partial<Scheme>;
}): Scenario {
  const subjects = (parts.subjects ?? ['p1']).map((subject) => (typeof subject === 'string' ? { id: subject } : subject));
  return {
    scheme: { grades: ROUTINE_GRADES, ...parts.scheme, indicators: parts.indicators },
    subjects,
    facts: parts.facts ?? [],
    ...(parts.history === undefined ? {} : { history: parts.history }),
  };
}

/** A one-indicator ledger whose base is 100 and whose deltas set each subject's total exactly. */
export function buildScenarioWithTotals(totals: Record<string, number>, scheme: Partial<Scheme> = {}, extraFacts: Fact[] = []): Scenario {
  const indicators: Indicator[] = [{ id: 'score', method: 'ledger', weight: 100 }, ...(scheme.indicators ?? [])];
  return buildScenario({
    indicators,
    subjects: Object.keys(totals),
    facts: [
      ...Object.entries(totals)
        .filter(([, total]) => total !== 100)
        .map(([subject, total]) => ({ subject, indicator: 'score', delta: total - 100 })),
      ...extraFacts,
    ],
    scheme,
  });
}

export function resultOf(results: readonly Result[], subject: string): Result {
  const result = results.find((candidate) => candidate.subject === subject);
  if (result === undefined) throw new Error(`no result for ${subject}`);
  return result;
}

export function gradesOf(results: readonly Result[]): Record<string, string> {
  return Object.fromEntries(results.map((result) => [result.subject, result.grade]));
}

/** The facts a full evaluation sees after a stream of updates: every delta and ballot, and the last target, rank or veto fact of each subject. */
export function effectiveFacts(scenario: Scenario, facts: readonly Fact[]): Fact[] {
  const singleValued = new Set(
    scenario.scheme.indicators.filter((indicator) => ['target', 'rank', 'veto'].includes(indicator.method)).map((indicator) => indicator.id),
  );
  const lastAt = new Map<string, number>();
  facts.forEach((fact, index) => {
    if (singleValued.has(fact.indicator)) lastAt.set(`${fact.subject}\u0000${fact.indicator}`, index);
  });
  return facts.filter((fact, index) => !singleValued.has(fact.indicator) || lastAt.get(`${fact.subject}\u0000${fact.indicator}`) === index);
}
