import { RATIONAL_ONE, RATIONAL_ZERO } from '../exact-rational.js';
import type { Indicator } from '../scenario.types.js';
import type { CreateIndicatorScorer, ExactScore, FloatScore } from './indicator-scorer.js';

/** veto: no score; flag `veto:<id>`; noTop = may not get the first grade; lowest = gets the last grade. */
export const createVetoScorer: CreateIndicatorScorer = (indicator: Indicator, { subjectCount }) => {
  const triggered = new Uint8Array(subjectCount);

  return {
    rawPlaces: 0,
    recordFact(subject, fact) {
      triggered[subject] = fact.triggered === true ? 1 : 0;
    },
    scoreFloat(subject, _weight, out: FloatScore) {
      out.score = 0;
      out.raw = triggered[subject] as number;
      out.magnitude = 0;
    },
    scoreExact(subject): ExactScore {
      return { score: RATIONAL_ZERO, raw: triggered[subject] === 1 ? RATIONAL_ONE : RATIONAL_ZERO };
    },
    flagOf(subject) {
      return triggered[subject] === 1 ? `veto:${indicator.id}` : null;
    },
    explain(subject) {
      if (triggered[subject] !== 1) return `${indicator.id}: veto not triggered`;
      return indicator.effect === 'lowest'
        ? `${indicator.id}: veto triggered → the last grade, whatever the total`
        : `${indicator.id}: veto triggered → may not get the first grade`;
    },
  };
};

