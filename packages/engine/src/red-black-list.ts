import { RATIONAL_ZERO, type ExactRational } from './exact-rational.js';
import { addToScaledSum, createScaledSums, readExactScaledSum } from './scaled-sums.js';
import type { Scenario } from './scenario.types.js';

/** One approved point event (动态积分) of a period. */
export interface PointEvent {
  id: string;
  subject: string;
  points: number;
}

export interface RedBlackEntry {
  subject: string;
  /** Net dynamic points of the period. */
  points: number;
  /** Competition rank within the list: 1 is the highest net points (red) or the lowest (black). */
  rank: number;
  /** Ids of the subject's events behind the net points, in the order given. */
  events: string[];
}

export interface RedBlackList {
  red: RedBlackEntry[];
  black: RedBlackEntry[];
}

export const DEFAULT_RED_BLACK_LIST_SIZE = 3;

/**
 * The red/black list (红黑榜) of a period and a group (docs/product.md §4): the red list is the top
 * `size` subjects by net dynamic points among those with points > 0; the black list is
 * the bottom `size` among those with points < 0. Ties at the last place are not broken:
 * everyone whose competition rank is within `size` is listed.
 * Pass the events of one period and one group, already approved.
 */
export function buildRedBlackList(events: readonly PointEvent[], options: { size?: number } = {}): RedBlackList {
  const size = options.size ?? DEFAULT_RED_BLACK_LIST_SIZE;
  const subjectIndex = new Map<string, number>();
  const subjectIds: string[] = [];
  const eventIds: string[][] = [];
  for (const event of events) {
    if (!subjectIndex.has(event.subject)) {
      subjectIndex.set(event.subject, subjectIds.length);
      subjectIds.push(event.subject);
      eventIds.push([]);
    }
  }
  const sums = createScaledSums(subjectIds.length);
  for (const event of events) {
    const subject = subjectIndex.get(event.subject) as number;
    addToScaledSum(sums, subject, event.points);
    (eventIds[subject] as string[]).push(event.id);
  }
  const netPoints: ExactRational[] = subjectIds.map((_, subject) => readExactScaledSum(sums, subject));

  function listBy(include: (points: ExactRational) => boolean, better: (a: ExactRational, b: ExactRational) => number): RedBlackEntry[] {
    const ordered = subjectIds
      .map((id, subject) => ({ id, subject, points: netPoints[subject] as ExactRational }))
      .filter(({ points }) => include(points))
      .sort((a, b) => better(a.points, b.points) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const entries: RedBlackEntry[] = [];
    // The rank of every candidate, listed or not: a tie with someone below the list must not look him up among the entries.
    let previousRank = 0;
    ordered.forEach((candidate, position) => {
      const previous = ordered[position - 1];
      const rank = previous !== undefined && previous.points.equals(candidate.points) ? previousRank : position + 1;
      previousRank = rank;
      if (rank > size) return;
      entries.push({
        subject: candidate.id,
        points: candidate.points.roundToUnits(6) / 1e6,
        rank,
        events: eventIds[candidate.subject] as string[],
      });
    });
    return entries;
  }

  return {
    red: listBy((points) => points.greaterThan(RATIONAL_ZERO), (a, b) => b.comparedTo(a)),
    black: listBy((points) => points.lessThan(RATIONAL_ZERO), (a, b) => a.comparedTo(b)),
  };
}

/**
 * The dynamic point events of a scenario: the deltas of its ledger indicators of kind
 * `dynamic`; an event's id is its fact's `id`, else `facts[i]`.
 */
export function listDynamicPointEvents(scenario: Scenario): PointEvent[] {
  const dynamicLedgers = new Set(
    scenario.scheme.indicators
      .filter((indicator) => indicator.method === 'ledger' && indicator.kind === 'dynamic')
      .map((indicator) => indicator.id),
  );
  const events: PointEvent[] = [];
  (scenario.facts ?? []).forEach((fact, index) => {
    if (!dynamicLedgers.has(fact.indicator) || fact.delta === undefined) return;
    events.push({ id: fact.id ?? `facts[${index}]`, subject: fact.subject, points: fact.delta });
  });
  return events;
}
