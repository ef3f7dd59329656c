import { ExactRational, RATIONAL_HUNDRED, RATIONAL_ZERO } from '../exact-rational.js';
import { addToScaledSum, countScaledSum, createScaledSums, readExactScaledSum, readScaledSum } from '../scaled-sums.js';
import type { Indicator } from '../scenario.types.js';
import { formatNumber, type CreateIndicatorScorer, type ExactScore, type FloatScore } from './indicator-scorer.js';

/** periods: w × mean(history scores of the subject)/100; no history → 0 and the flag `missing:<id>`. */
export const createPeriodsScorer: CreateIndicatorScorer = (indicator: Indicator, { subjectCount, subjectIndex, history }) => {
  const sums = createScaledSums(subjectCount);
  for (const entry of history) {
    const subject = subjectIndex.get(entry.subject);
    if (subject === undefined) continue;
    addToScaledSum(sums, subject, entry.score);
  }

  return {
    rawPlaces: 2,
    recordFact() {
      throw new Error(`periods indicator ${indicator.id} reads history, not facts`);
    },
    scoreFloat(subject, weight, out: FloatScore) {
      const count = countScaledSum(sums, subject);
      if (count === 0) {
        out.score = 0;
        out.raw = Number.NaN;
        out.magnitude = 0;
        return;
      }
      const mean = readScaledSum(sums, subject) / count;
      out.raw = mean;
      out.score = (weight * mean) / 100;
      out.magnitude = Math.abs(weight) * (Math.abs(mean) + 1);
    },
    scoreExact(subject, weight): ExactScore {
      const count = countScaledSum(sums, subject);
      if (count === 0) return { score: RATIONAL_ZERO, raw: null };
      const sum = readExactScaledSum(sums, subject);
      return {
        score: ExactRational.fromNumber(weight).times(sum).dividedBy(RATIONAL_HUNDRED.times(count)),
        raw: sum.dividedBy(count),
      };
    },
    flagOf(subject) {
      return countScaledSum(sums, subject) === 0 ? `missing:${indicator.id}` : null;
    },
    explain(subject, weight, shownScore) {
      const count = countScaledSum(sums, subject);
      if (count === 0) return `${indicator.id}: no history → 0 (missing)`;
      const mean = readScaledSum(sums, subject) / count;
      return `${indicator.id}: mean of ${count} period score${count === 1 ? '' : 's'} = ${formatNumber(mean)} → ${formatNumber(weight)} × ${formatNumber(mean)}/100 = ${shownScore}`;
    },
  };
};
