import { ExactRational, RATIONAL_ZERO, clampRational } from '../exact-rational.js';
import type { Indicator } from '../scenario.types.js';
import { formatNumber, type CreateIndicatorScorer, type ExactScore, type FloatScore } from './indicator-scorer.js';

const toExact = ExactRational.fromNumber;

/**
 * target: r = actual/target (higher) or target/actual (lower; actual 0 gives r = cap);
 * score = w × clamp(r, floor, cap); defaults floor 0, cap 1.
 */
export const createTargetScorer: CreateIndicatorScorer = (indicator: Indicator, { subjectCount }) => {
  const lowerIsBetter = indicator.direction === 'lower';
  const cap = indicator.cap ?? 1;
  const floor = indicator.floor ?? 0;
  // [2 × subject] = actual (NaN without a fact), [2 × subject + 1] = target: one cache line per fact.
  const values = new Float64Array(subjectCount * 2).fill(Number.NaN);

  function ratioOf(subject: number): number {
    const actual = values[subject * 2] as number;
    const target = values[subject * 2 + 1] as number;
    if (!lowerIsBetter) return actual / target;
    return actual === 0 ? cap : target / actual;
  }

  function exactRatioOf(subject: number): ExactRational {
    const actual = values[subject * 2] as number;
    const target = values[subject * 2 + 1] as number;
    if (!lowerIsBetter) return toExact(actual).dividedBy(toExact(target));
    return actual === 0 ? toExact(cap) : toExact(target).dividedBy(toExact(actual));
  }

  return {
    rawPlaces: 4,
    recordFact(subject, fact) {
      values[subject * 2] = fact.actual as number;
      values[subject * 2 + 1] = fact.target as number;
    },
    scoreFloat(subject, weight, out: FloatScore) {
      if (Number.isNaN(values[subject * 2])) {
        out.score = 0;
        out.raw = Number.NaN;
        out.magnitude = 0;
        return;
      }
      const ratio = ratioOf(subject);
      out.raw = ratio;
      out.score = weight * Math.min(Math.max(ratio, floor), cap);
      out.magnitude = Math.abs(weight) * Math.max(Math.abs(cap), Math.abs(floor));
    },
    scoreExact(subject, weight): ExactScore {
      if (Number.isNaN(values[subject * 2])) return { score: RATIONAL_ZERO, raw: null };
      const ratio = exactRatioOf(subject);
      return { score: toExact(weight).times(clampRational(ratio, toExact(floor), toExact(cap))), raw: ratio };
    },
    flagOf(subject) {
      return Number.isNaN(values[subject * 2]) ? `missing:${indicator.id}` : null;
    },
    explain(subject, weight, shownScore) {
      const id = indicator.id;
      if (Number.isNaN(values[subject * 2])) return `${id}: no fact → 0 (missing)`;
      const actual = values[subject * 2] as number;
      const target = values[subject * 2 + 1] as number;
      const ratio = ratioOf(subject);
      const clamped = Math.min(Math.max(ratio, floor), cap);
      const quotient = lowerIsBetter
        ? actual === 0
          ? `actual 0, lower is better: r = cap ${formatNumber(cap, 4)}`
          : `target/actual ${formatNumber(target, 6)}/${formatNumber(actual, 6)} = ${formatNumber(ratio, 4)}`
        : `${formatNumber(actual, 6)}/${formatNumber(target, 6)} = ${formatNumber(ratio, 4)}`;
      let bound: string;
      if (ratio > cap) bound = `capped at ${formatNumber(cap, 4)}`;
      else if (ratio < floor) bound = `raised to the floor ${formatNumber(floor, 4)}`;
      else bound = `within [${formatNumber(floor, 4)}, ${formatNumber(cap, 4)}]`;
      return `${id}: ${quotient}, ${bound} → ${formatNumber(weight)} × ${formatNumber(clamped, 4)} = ${shownScore}`;
    },
  };
};
