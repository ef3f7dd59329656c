import { ExactRational, maxRational, minRational } from '../exact-rational.js';
import { addToScaledSum, countScaledSum, createScaledSums, readExactScaledSum, readScaledSum } from '../scaled-sums.js';
import type { Indicator } from '../scenario.types.js';
import { formatNumber, type CreateIndicatorScorer, type ExactScore, type FloatScore } from './indicator-scorer.js';

/**
 * ledger: clamp(base + Σ delta, min, max); defaults base = w, min = 0, max = w (a
 * deduction ledger). Without a weight (an extra indicator may have none) base defaults
 * to 0 and the ledger has no upper bound unless `max` is given.
 */
export const createLedgerScorer: CreateIndicatorScorer = (indicator: Indicator, { subjectCount }) => {
  const sums = createScaledSums(subjectCount);
  const min = indicator.min ?? 0;

  function baseFor(weight: number): number {
    return indicator.base ?? (Number.isNaN(weight) ? 0 : weight);
  }

  function maxFor(weight: number): number {
    return indicator.max ?? (Number.isNaN(weight) ? Number.POSITIVE_INFINITY : weight);
  }

  return {
    rawPlaces: 2,
    recordFact(subject, fact) {
      addToScaledSum(sums, subject, fact.delta as number);
    },
    scoreFloat(subject, weight, out: FloatScore) {
      const base = baseFor(weight);
      const sum = readScaledSum(sums, subject);
      const balance = base + sum;
      out.raw = balance;
      out.score = Math.min(Math.max(balance, min), maxFor(weight));
      out.magnitude = Math.abs(base) + Math.abs(sum);
    },
    scoreExact(subject, weight): ExactScore {
      const balance = ExactRational.fromNumber(baseFor(weight)).plus(readExactScaledSum(sums, subject));
      const max = maxFor(weight);
      const raised = maxRational(balance, ExactRational.fromNumber(min));
      const score = max === Number.POSITIVE_INFINITY ? raised : minRational(raised, ExactRational.fromNumber(max));
      return { score, raw: balance };
    },
    flagOf() {
      return null;
    },
    explain(subject, weight, shownScore) {
      const id = indicator.id;
      const base = baseFor(weight);
      const sum = readScaledSum(sums, subject);
      const count = countScaledSum(sums, subject);
      const max = maxFor(weight);
      const balance = base + sum;
      const events = `${count} event${count === 1 ? '' : 's'}`;
      const range = `[${formatNumber(min)}, ${max === Number.POSITIVE_INFINITY ? '∞' : formatNumber(max)}]`;
      const bound = balance > max ? `capped at ${formatNumber(max)}` : balance < min ? `raised to ${formatNumber(min)}` : `within ${range}`;
      return `${id}: base ${formatNumber(base)} + Σ delta ${formatNumber(sum)} (${events}) = ${formatNumber(balance)}, ${bound} → ${shownScore}`;
    },
  };
};
