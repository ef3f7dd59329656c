import { ExactRational, RATIONAL_HUNDRED, RATIONAL_ZERO } from '../exact-rational.js';
import { addToScaledSum, countScaledSum, createScaledSums, readExactScaledSum, readScaledSum } from '../scaled-sums.js';
import type { Indicator } from '../scenario.types.js';
import { formatNumber, type CreateIndicatorScorer, type ExactScore, type FloatScore } from './indicator-scorer.js';

/**
 * rating: the mean rating of each rater group, then the weighted mean over the groups of
 * `raterGroups`, the weights renormalised over the groups that have ratings;
 * no ratings at all → 0 and the flag `no-rating:<id>`; score = w × mean/100.
 */
export const createRatingScorer: CreateIndicatorScorer = (indicator: Indicator, { subjectCount }) => {
  const raterGroups = Object.entries(indicator.raterGroups ?? {});
  const groupCount = raterGroups.length;
  const groupIndex = new Map(raterGroups.map(([name], index) => [name, index]));
  const groupWeights = raterGroups.map(([, weight]) => weight);
  const sums = createScaledSums(subjectCount * groupCount);

  function hasRatings(subject: number): boolean {
    for (let g = 0; g < groupCount; g += 1) if (countScaledSum(sums, subject * groupCount + g) > 0) return true;
    return false;
  }

  function meanOf(subject: number): number {
    let weighted = 0;
    let weightOfRated = 0;
    for (let g = 0; g < groupCount; g += 1) {
      const cell = subject * groupCount + g;
      const count = countScaledSum(sums, cell);
      if (count === 0) continue;
      const groupWeight = groupWeights[g] as number;
      weighted += (groupWeight * readScaledSum(sums, cell)) / count;
      weightOfRated += groupWeight;
    }
    return weighted / weightOfRated;
  }

  return {
    rawPlaces: 2,
    recordFact(subject, fact) {
      const cell = subject * groupCount + (groupIndex.get(fact.group as string) as number);
      addToScaledSum(sums, cell, fact.rating as number);
    },
    scoreFloat(subject, weight, out: FloatScore) {
      if (!hasRatings(subject)) {
        out.score = 0;
        out.raw = Number.NaN;
        out.magnitude = 0;
        return;
      }
      const mean = meanOf(subject);
      out.raw = mean;
      out.score = (weight * mean) / 100;
      out.magnitude = Math.abs(weight) + 100;
    },
    scoreExact(subject, weight): ExactScore {
      if (!hasRatings(subject)) return { score: RATIONAL_ZERO, raw: null };
      let weighted = RATIONAL_ZERO;
      let weightOfRated = RATIONAL_ZERO;
      for (let g = 0; g < groupCount; g += 1) {
        const cell = subject * groupCount + g;
        const count = countScaledSum(sums, cell);
        if (count === 0) continue;
        const groupWeight = ExactRational.fromNumber(groupWeights[g] as number);
        weighted = weighted.plus(groupWeight.times(readExactScaledSum(sums, cell)).dividedBy(count));
        weightOfRated = weightOfRated.plus(groupWeight);
      }
      const mean = weighted.dividedBy(weightOfRated);
      const score = ExactRational.fromNumber(weight).times(mean).dividedBy(RATIONAL_HUNDRED);
      return { score, raw: mean };
    },
    flagOf(subject) {
      return hasRatings(subject) ? null : `no-rating:${indicator.id}`;
    },
    explain(subject, weight, shownScore) {
      const id = indicator.id;
      if (!hasRatings(subject)) return `${id}: no ratings → 0 (no-rating)`;
      const parts: string[] = [];
      let weightOfRated = 0;
      for (let g = 0; g < groupCount; g += 1) {
        const cell = subject * groupCount + g;
        const count = countScaledSum(sums, cell);
        const [name, groupWeight] = raterGroups[g] as [string, number];
        if (count === 0) {
          parts.push(`${name} no ballots (weight ${formatNumber(groupWeight, 4)} dropped)`);
          continue;
        }
        weightOfRated += groupWeight;
        const mean = readScaledSum(sums, cell) / count;
        parts.push(`${name} ${formatNumber(mean)} (${count} ballot${count === 1 ? '' : 's'}, weight ${formatNumber(groupWeight, 4)})`);
      }
      const mean = meanOf(subject);
      return `${id}: ${parts.join('; ')} → weighted mean over ${formatNumber(weightOfRated, 4)} = ${formatNumber(mean)} → ${formatNumber(weight)} × ${formatNumber(mean)}/100 = ${shownScore}`;
    },
  };
};
