import { ExactRational, RATIONAL_ONE, RATIONAL_ZERO, maxRational } from '../exact-rational.js';
import type { Indicator } from '../scenario.types.js';
import { formatNumber, type CreateIndicatorScorer, type ExactScore, type FloatScore } from './indicator-scorer.js';

const toExact = ExactRational.fromNumber;

/**
 * rank: the subjects of the group that have a fact are ranked by `actual` with
 * competition ranking (1, 2, 2, 4); k = the subject's rank, n = how many were ranked.
 * With `step`: max(w·minRatio, w − step·(k−1)); without: w·(1 − (1−minRatio)·(k−1)/(n−1)),
 * and w when n = 1.
 */
export const createRankScorer: CreateIndicatorScorer = (indicator: Indicator, { subjectCount }) => {
  const lowerIsBetter = indicator.direction === 'lower';
  const minRatio = indicator.minRatio ?? 0;
  const step = indicator.step;
  const actuals = new Float64Array(subjectCount).fill(Number.NaN);
  const ranks = new Int32Array(subjectCount);
  const rankedCounts = new Int32Array(subjectCount);

  function hasFact(subject: number): boolean {
    return !Number.isNaN(actuals[subject]);
  }

  function scoreOf(weight: number, k: number, n: number): number {
    if (step !== undefined) return Math.max(weight * minRatio, weight - step * (k - 1));
    if (n === 1) return weight;
    return weight * (1 - ((1 - minRatio) * (k - 1)) / (n - 1));
  }

  return {
    rawPlaces: 0,
    recordFact(subject, fact) {
      actuals[subject] = fact.actual as number;
    },
    rankGroup(members) {
      const ranked: number[] = [];
      for (let i = 0; i < members.length; i += 1) {
        const subject = members[i] as number;
        if (hasFact(subject)) ranked.push(subject);
        else {
          ranks[subject] = 0;
          rankedCounts[subject] = 0;
        }
      }
      ranked.sort((a, b) => {
        const difference = (actuals[b] as number) - (actuals[a] as number);
        return lowerIsBetter ? -difference : difference;
      });
      for (let i = 0; i < ranked.length; i += 1) {
        const subject = ranked[i] as number;
        const previous = ranked[i - 1];
        ranks[subject] =
          previous !== undefined && actuals[previous] === actuals[subject] ? (ranks[previous] as number) : i + 1;
        rankedCounts[subject] = ranked.length;
      }
    },
    scoreFloat(subject, weight, out: FloatScore) {
      if (!hasFact(subject)) {
        out.score = 0;
        out.raw = Number.NaN;
        out.magnitude = 0;
        return;
      }
      const k = ranks[subject] as number;
      out.raw = k;
      out.score = scoreOf(weight, k, rankedCounts[subject] as number);
      out.magnitude = Math.abs(weight) + (step === undefined ? 0 : Math.abs(step) * k);
    },
    scoreExact(subject, weight): ExactScore {
      if (!hasFact(subject)) return { score: RATIONAL_ZERO, raw: null };
      const k = ranks[subject] as number;
      const n = rankedCounts[subject] as number;
      const w = toExact(weight);
      const exactMinRatio = toExact(minRatio);
      let score: ExactRational;
      if (step !== undefined) {
        score = maxRational(w.times(exactMinRatio), w.minus(toExact(step).times(k - 1)));
      } else if (n === 1) {
        score = w;
      } else {
        score = w.times(RATIONAL_ONE.minus(RATIONAL_ONE.minus(exactMinRatio).times(k - 1).dividedBy(n - 1)));
      }
      return { score, raw: ExactRational.of(BigInt(k)) };
    },
    flagOf(subject) {
      return hasFact(subject) ? null : `missing:${indicator.id}`;
    },
    explain(subject, weight, shownScore) {
      const id = indicator.id;
      if (!hasFact(subject)) return `${id}: no fact → 0 (missing)`;
      const k = ranks[subject] as number;
      const n = rankedCounts[subject] as number;
      const w = formatNumber(weight);
      const position = `actual ${formatNumber(actuals[subject] as number, 6)} ranks ${k} of ${n} in the group (${lowerIsBetter ? 'lower' : 'higher'} is better)`;
      if (step !== undefined) {
        return `${id}: ${position} → max(${w} × ${formatNumber(minRatio, 4)}, ${w} − ${formatNumber(step, 4)} × ${k - 1}) = ${shownScore}`;
      }
      if (n === 1) return `${id}: ${position} → the only one ranked gets the full ${w} = ${shownScore}`;
      return `${id}: ${position} → ${w} × (1 − ${formatNumber(1 - minRatio, 4)} × ${k - 1}/${n - 1}) = ${shownScore}`;
    },
  };
};
