import type { Period } from '@baton/contract/periods';
import type { QuotaGroup, ResultPreview } from '@baton/contract/reviews';
import { tiedGradesOf } from '../../shared/flags';

/** The pure side of the results: the quota bar's cells, the tied grades of each group, when results are published, the engine's explain lines read into numbers. */

export interface QuotaCell {
  name: string;
  used: number;
  capacity: number | null;
  /** No seat left: no one else can get this grade. */
  full: boolean;
  /** A tied block was kept out of this grade. */
  tie: boolean;
  /** 0–100 for the bar; 0 for a grade without quota. */
  percent: number;
}

/** The cells of a group's quota bar; `tiedGrades` are the grades with a quota-tie flag among the group's people. */
export function quotaCells(group: Pick<QuotaGroup, 'grades'>, tiedGrades: ReadonlySet<string>): QuotaCell[] {
  return group.grades.map((g) => {
    const capacity = g.capacity ?? null;
    const full = capacity !== null && g.used >= capacity;
    return {
      name: g.name,
      used: g.used,
      capacity,
      full,
      tie: tiedGrades.has(g.name),
      percent: capacity === null ? 0 : capacity === 0 ? 100 : Math.min(100, Math.round((g.used / capacity) * 100)),
    };
  });
}

/** The quota-tie grades of each group, from the flags of the people we can see. */
export function tiesByGroup(previews: Iterable<(Pick<ResultPreview, 'group' | 'flags'> & Partial<ResultPreview>) | null>): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const p of previews) {
    if (!p) continue;
    for (const grade of tiedGradesOf(p.flags)) {
      const set = map.get(p.group.key) ?? new Set<string>();
      set.add(grade);
      map.set(p.group.key, set);
    }
  }
  return map;
}

/** Results are published from publicity on; before, only admin and auditor see the live preview. */
export function resultsPublished(state: Period['state']): boolean {
  return state === 'publicity' || state === 'closed';
}

/** An explain line "review: leader 92 (1 ballot…) → …" split into its indicator id and the rest. */
export function splitExplain(line: string): { indicator: string | null; text: string } {
  const m = /^([A-Za-z0-9_.-]+):\s(.*)$/s.exec(line);
  return m ? { indicator: m[1] as string, text: m[2] as string } : { indicator: null, text: line };
}

export interface RatingExplain {
  /** Per rater group: its mean and ballot count; `null` mean when the group had no ballots. */
  groups: { group: string; mean: string | null; ballots: number; weight: string }[];
  mean: string;
  weight: string;
  score: string;
}

const RATING_GROUP = /^(\S+) (?:(-?[\d.]+) \((\d+) ballots?, weight ([\d.]+)\)|no ballots \(weight ([\d.]+) dropped\))$/;
const RATING_EXPLAIN = /^\S+: (.+) → weighted mean over [\d.]+ = ([\d.]+) → ([\d.]+) × [\d.]+\/100 = (.+)$/;

/**
 * "review: leader 92 (1 ballot, weight 0.5); peer no ballots (weight 0.3 dropped) → weighted mean
 * over 0.5 = 92 → 50 × 92/100 = 46" (the engine's rating.method) read into its numbers, so the page
 * can say it in the reader's language; null for any other text. "no ratings" → `{ groups: [] … }`.
 */
export function parseRatingExplain(text: string): RatingExplain | 'none' | null {
  const line = text.trim();
  if (/^\S+: no ratings → 0 \(no-rating\)$/.test(line)) return 'none';
  const m = RATING_EXPLAIN.exec(line);
  if (!m) return null;
  const groups: RatingExplain['groups'] = [];
  for (const part of (m[1] as string).split('; ')) {
    const g = RATING_GROUP.exec(part);
    if (!g) return null;
    groups.push(
      g[2] !== undefined
        ? { group: g[1] as string, mean: g[2], ballots: Number(g[3]), weight: g[4] as string }
        : { group: g[1] as string, mean: null, ballots: 0, weight: g[5] as string },
    );
  }
  return { groups, mean: m[2] as string, weight: m[3] as string, score: m[4] as string };
}
