import { compileScenario } from './compile-scenario.js';
import { RATIONAL_ZERO, type ExactRational } from './exact-rational.js';
import { assignGradesWithinQuota } from './grading.js';
import { indicatorScorerFactories, type FloatScore, type IndicatorScorer } from './methods/index.js';
import { tryRoundFloatToUnits, unitsToNumber } from './rounding.js';
import type { EvaluateOptions, Fact, IndicatorResult, Result, Scenario } from './scenario.types.js';
import { ScenarioValidationError, collectFactIssues } from './scenario.validation.js';
import {
  createStanding,
  findFirstPositionAtMost,
  findLastPositionAtLeast,
  moveWithinStanding,
  rankStanding,
  sortStanding,
  type Standing,
} from './standings.js';

/**
 * The results of one period, kept up to date as facts arrive. Built once (a full
 * evaluation), then each applyFacts() touches only the subjects of the facts, the groups
 * they belong to (ranks and grades depend on the group) and the subjects whose overall
 * rank moves; results() equals evaluate() of the same facts at every step.
 */
export interface EvaluationState {
  /**
   * Records more facts (a ledger delta, a ballot, a new target/rank/veto fact, which
   * replaces the subject's earlier one for that indicator) and returns the results that
   * changed, sorted like evaluate()'s — all of them, or with `report: 'scores'` only those
   * whose scores, grade, flags or explain lines changed. Throws ScenarioValidationError,
   * applying nothing, when a fact is invalid.
   */
  applyFacts(facts: readonly Fact[], options?: ApplyFactsOptions): Result[];
  results(): Result[];
  /** The current result of one subject, rank and group rank included: its entry of results(); undefined for an unknown id. */
  resultOf(subject: string): Result | undefined;
}

export interface ApplyFactsOptions {
  /**
   * Which changed results applyFacts returns. 'all' (the default): every result that changed
   * in anything, including the subjects whose rank or group rank alone moved — when one
   * subject climbs from 20 000th to 100th, the 19 900 it passed. 'scores': only the results
   * whose total, sections, indicators, grade, flags or explain lines changed; ranks are kept
   * right all the same (results(), resultOf() and the returned results show them), but a
   * subject whose rank alone moved costs no result. For a caller that keeps its own orders
   * of the totals, or reads ranks when it needs them.
   */
  readonly report?: 'all' | 'scores';
}

/** More moves than this in one update (a rank fact re-scores a whole group) are cheaper as one sort. */
const MAX_MOVES_BY_SHIFTING = 64;

/** The parts of a result that change only with the subject's own scores or flags; results are read-only and share them. */
interface ResultParts {
  readonly subject: string;
  readonly group: string;
  readonly flags: string[];
  readonly sections: Record<string, number>;
  readonly indicators: Record<string, IndicatorResult>;
  readonly explain: string[] | undefined;
}

function sameNumber(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

export function createEvaluationState(scenario: Scenario, options: EvaluateOptions = {}): EvaluationState {
  const model = compileScenario(scenario);
  const explain = options.explain === true;
  const subjectCount = model.subjects.length;
  const indicatorCount = model.indicators.length;
  const sectionCount = model.sections.length;
  const gradeCount = model.grades.length;
  const { weights, categoryOf, groupOf, idRank, indicators, sections, extraIndexes, vetoIndexes } = model;
  if (gradeCount > 31) throw new RangeError('at most 31 grades');
  const gradeNames = model.grades.map((grade) => grade.name);

  const scorerContext = { subjectCount, subjectIndex: model.subjectIndex, history: model.history };
  const scorers: IndicatorScorer[] = indicators.map((indicator) =>
    indicatorScorerFactories[indicator.method](indicator.definition, scorerContext),
  );
  const vetoLowest = new Uint8Array(indicatorCount);
  for (const i of vetoIndexes) vetoLowest[i] = indicators[i]?.definition.effect === 'lowest' ? 1 : 0;

  // By subject: what scoring shows, and the total every order is sorted by.
  const shownScores = new Float64Array(subjectCount * indicatorCount);
  const shownRaws = new Float64Array(subjectCount * indicatorCount);
  const shownSections = new Float64Array(subjectCount * sectionCount);
  const totalUnits = new Float64Array(subjectCount);
  const quotaTieMask = new Int32Array(subjectCount);
  /** By subject: bit g set when a committee decision gave it grade g (only with decisions). */
  const decisionMask = new Int32Array(model.decidedMasks === null ? 0 : subjectCount);
  const scratch: FloatScore = { score: 0, raw: 0, magnitude: 0 };
  const keys = { totalUnits, idRank };

  recordAllFacts(scenario.facts ?? []);
  for (const i of model.rankIndexes) {
    const scorer = scorers[i] as IndicatorScorer;
    for (const members of model.groupMembers) scorer.rankGroup?.(members);
  }
  for (let s = 0; s < subjectCount; s += 1) scoreSubject(s);

  // Each group, best first, with by position: group rank, the grades vetoes and `requires`
  // allow (bit g), the grade, the quota-tie flags (bit g).
  const groupPositionOf = new Int32Array(subjectCount);
  const groupStandings: Standing[] = model.groupMembers.map((members) => {
    const gradeMasks = Int32Array.from(members, gradeMaskOf);
    const carried = [gradeMasks, new Int32Array(members.length), new Int32Array(members.length)];
    // Committee decisions (rare): who is named, and whom a decision let in, travel with the members.
    if (model.decidedMasks !== null) carried.push(Int32Array.from(members, (s) => model.decidedMasks![s] as number), new Int32Array(members.length));
    return createStanding(Int32Array.from(members), keys, carried, groupPositionOf);
  });
  const largestGroup = groupStandings.reduce((largest, standing) => Math.max(largest, standing.members.length), 0);
  const previousGrades = new Int32Array(largestGroup);
  const previousTies = new Int32Array(largestGroup);
  const previousDecisions = new Int32Array(model.decidedMasks === null ? 0 : largestGroup);
  // Filled by subject here; the overall standing then holds them by position.
  const groupRankAt = new Int32Array(subjectCount);
  const gradeAt = new Int32Array(subjectCount);
  groupStandings.forEach((standing, group) => {
    rankStanding(standing, 0, standing.members.length - 1, (position, rank) => (groupRankAt[standing.members[position] as number] = rank));
    gradeGroup(group, (subject, grade) => (gradeAt[subject] = grade));
  });

  // Everyone, best first, with by position what a result shows besides the total and rank: its
  // group rank and grade (copies of the group walks' values, so that building the results of a
  // range of positions reads memory in order) and the parts that change only with its scores.
  const positionOf = new Int32Array(subjectCount);
  const partsAt = new Array<ResultParts | undefined>(subjectCount).fill(undefined);
  const overall = createStanding(Int32Array.from({ length: subjectCount }, (_, s) => s), keys, [groupRankAt, gradeAt, partsAt], positionOf);
  rankStanding(overall, 0, subjectCount - 1);

  // Of one update: what changed, by position in the overall standing once every move is made.
  const changedAt = new Uint8Array(subjectCount);
  const changedPositions = new Int32Array(subjectCount);
  let changedCount = 0;

  function recordAllFacts(facts: readonly Fact[]): void {
    const { subjectIndex } = model;
    const scorerById = new Map(indicators.map((indicator, i) => [indicator.id, scorers[i] as IndicatorScorer]));
    for (let f = 0; f < facts.length; f += 1) {
      const fact = facts[f] as Fact;
      const subject = subjectIndex.get(fact.subject);
      const scorer = scorerById.get(fact.indicator);
      if (subject === undefined || scorer === undefined) {
        throw new Error(`facts[${f}]: unknown subject or indicator; validate the scenario first`);
      }
      scorer.recordFact(subject, fact);
    }
  }

  // --- Scoring ---------------------------------------------------------------------

  function exactScoreOf(subject: number, indicator: number): ExactRational {
    const weight = weights[(categoryOf[subject] as number) * indicatorCount + indicator] as number;
    return (scorers[indicator] as IndicatorScorer).scoreExact(subject, weight).score;
  }

  function exactSectionSum(subject: number, section: number): ExactRational {
    let sum = RATIONAL_ZERO;
    for (const i of (sections[section] as (typeof sections)[number]).indicatorIndexes) sum = sum.plus(exactScoreOf(subject, i));
    return sum;
  }

  function exactTotal(subject: number): ExactRational {
    let total = RATIONAL_ZERO;
    for (let k = 0; k < sectionCount; k += 1) {
      total = total.plus(exactSectionSum(subject, k).times((sections[k] as (typeof sections)[number]).weight));
    }
    for (const i of extraIndexes) total = total.plus(exactScoreOf(subject, i));
    return total;
  }

  /** Scores one indicator into `scratch` and stores its shown score and raw; true when they changed. */
  function scoreIndicator(subject: number, indicator: number): boolean {
    const cell = subject * indicatorCount + indicator;
    const weight = weights[(categoryOf[subject] as number) * indicatorCount + indicator] as number;
    const scorer = scorers[indicator] as IndicatorScorer;
    scorer.scoreFloat(subject, weight, scratch);
    let scoreUnits = tryRoundFloatToUnits(scratch.score, 2, scratch.magnitude);
    let rawUnits = Number.isNaN(scratch.raw) ? Number.NaN : tryRoundFloatToUnits(scratch.raw, scorer.rawPlaces, scratch.magnitude);
    if (Number.isNaN(scoreUnits) || (Number.isNaN(rawUnits) && !Number.isNaN(scratch.raw))) {
      const exact = scorer.scoreExact(subject, weight);
      scoreUnits = exact.score.roundToUnits(2);
      rawUnits = exact.raw === null ? Number.NaN : exact.raw.roundToUnits(scorer.rawPlaces);
    }
    const shownScore = unitsToNumber(scoreUnits, 2);
    const shownRaw = unitsToNumber(rawUnits, scorer.rawPlaces);
    const changed = !sameNumber(shownScores[cell] as number, shownScore) || !sameNumber(shownRaws[cell] as number, shownRaw);
    shownScores[cell] = shownScore;
    shownRaws[cell] = shownRaw;
    return changed;
  }

  /** Scores every indicator, section and the total of one subject; true when anything shown changed. */
  function scoreSubject(subject: number): boolean {
    let changed = false;
    let total = 0;
    let magnitude = 0;
    for (let k = 0; k < sectionCount; k += 1) {
      const section = sections[k] as (typeof sections)[number];
      let sectionSum = 0;
      let sectionMagnitude = 0;
      for (const i of section.indicatorIndexes) {
        changed = scoreIndicator(subject, i) || changed;
        sectionSum += scratch.score;
        sectionMagnitude += scratch.magnitude;
      }
      let units = tryRoundFloatToUnits(sectionSum, 2, sectionMagnitude);
      if (Number.isNaN(units)) units = exactSectionSum(subject, k).roundToUnits(2);
      const cell = subject * sectionCount + k;
      const shown = unitsToNumber(units, 2);
      if (shownSections[cell] !== shown) changed = true;
      shownSections[cell] = shown;
      total += section.weight * sectionSum;
      magnitude += sectionMagnitude;
    }
    for (const i of extraIndexes) {
      changed = scoreIndicator(subject, i) || changed;
      total += scratch.score;
      magnitude += scratch.magnitude;
    }
    for (const i of vetoIndexes) changed = scoreIndicator(subject, i) || changed;
    let units = tryRoundFloatToUnits(total, 2, magnitude);
    if (Number.isNaN(units)) units = exactTotal(subject).roundToUnits(2);
    if (totalUnits[subject] !== units) changed = true;
    totalUnits[subject] = units;
    return changed;
  }

  // --- Ranks and grades ------------------------------------------------------------

  /** Bit g set when the subject's vetoes and `requires` let it take grade g (minScore and seats are the walk's). */
  function gradeMaskOf(subject: number): number {
    let vetoedFromTop = false;
    for (const i of vetoIndexes) {
      if (shownRaws[subject * indicatorCount + i] !== 1) continue;
      if (vetoLowest[i] === 1) return 0;
      vetoedFromTop = true;
    }
    let mask = 0;
    for (let grade = vetoedFromTop ? 1 : 0; grade < gradeCount; grade += 1) {
      if (model.requirementsMet[subject * gradeCount + grade] === 1) mask |= 1 << grade;
    }
    return mask;
  }

  /** Grades a group again and reports the members whose grade or quota-tie flags changed (their result parts are then stale). */
  function gradeGroup(group: number, onGradeChange: (subject: number, grade: number, tiesChanged: boolean) => void): void {
    const standing = groupStandings[group] as Standing;
    const [gradeMasks, grades, quotaTies, decidedMasks, decisions] = standing.carried as [Int32Array, Int32Array, Int32Array, Int32Array?, Int32Array?];
    previousGrades.set(grades);
    previousTies.set(quotaTies);
    if (decisions !== undefined) previousDecisions.set(decisions);
    assignGradesWithinQuota({
      totals: standing.totals,
      gradeMasks,
      grades: model.grades,
      capacities: model.capacities.subarray(group * gradeCount, (group + 1) * gradeCount),
      gradeOut: grades,
      quotaTieOut: quotaTies,
      ...(decidedMasks !== undefined && decisions !== undefined ? { decidedMasks, decisionOut: decisions } : {}),
    });
    for (let position = 0; position < standing.members.length; position += 1) {
      const subject = standing.members[position] as number;
      const grade = grades[position] as number;
      const ties = quotaTies[position] as number;
      const decided = decisions === undefined ? 0 : (decisions[position] as number);
      // A change of the flags: the quota-tie bits, or (with decisions) the tie-decision bits.
      const tiesChanged = ties !== previousTies[position] || (decisions !== undefined && decided !== previousDecisions[position]);
      if (tiesChanged) {
        quotaTieMask[subject] = ties;
        if (decisions !== undefined) decisionMask[subject] = decided;
      }
      if (grade !== previousGrades[position] || tiesChanged) onGradeChange(subject, grade, tiesChanged);
    }
  }

  // --- Results ---------------------------------------------------------------------

  function collectFlags(subject: number): string[] {
    const flags: string[] = [];
    const category = categoryOf[subject] as number;
    for (let i = 0; i < indicatorCount; i += 1) {
      // An indicator weighted 0 for the subject's category does not apply to it: no missing data to chase.
      if (weights[category * indicatorCount + i] === 0) continue;
      const flag = (scorers[i] as IndicatorScorer).flagOf(subject);
      if (flag !== null) flags.push(flag);
    }
    const ties = quotaTieMask[subject] as number;
    if (ties !== 0) {
      model.grades.forEach((grade, k) => {
        if ((ties & (1 << k)) !== 0) flags.push(`quota-tie:${grade.name}`);
        if (((decisionMask[subject] ?? 0) & (1 << k)) !== 0) flags.push(`tie-decision:${grade.name}`);
      });
    }
    return flags.sort();
  }

  function invalidateResultParts(subject: number): void {
    partsAt[positionOf[subject] as number] = undefined;
  }

  function buildResultParts(subject: number): ResultParts {
    const category = categoryOf[subject] as number;
    const sectionScores: Record<string, number> = {};
    for (let k = 0; k < sectionCount; k += 1) {
      sectionScores[(sections[k] as (typeof sections)[number]).id] = shownSections[subject * sectionCount + k] as number;
    }
    const indicatorResults: Record<string, IndicatorResult> = {};
    for (let i = 0; i < indicatorCount; i += 1) {
      const cell = subject * indicatorCount + i;
      const weight = weights[category * indicatorCount + i] as number;
      const raw = shownRaws[cell] as number;
      indicatorResults[(indicators[i] as (typeof indicators)[number]).id] = {
        weight: Number.isNaN(weight) ? null : weight,
        score: shownScores[cell] as number,
        raw: Number.isNaN(raw) ? null : raw,
      };
    }
    return {
      subject: (model.subjects[subject] as (typeof model.subjects)[number]).id,
      group: model.groupKeys[groupOf[subject] as number] as string,
      flags: collectFlags(subject),
      sections: sectionScores,
      indicators: indicatorResults,
      explain: explain ? explainSubject(subject) : undefined,
    };
  }

  function resultPartsAt(position: number): ResultParts {
    let parts = partsAt[position];
    if (parts === undefined) {
      parts = buildResultParts(overall.members[position] as number);
      partsAt[position] = parts;
    }
    return parts;
  }

  /** The group rank and grade of the subject at an overall position (copies the group walks keep up to date). */
  function groupRankAtPosition(position: number): number {
    return groupRankAt[position] as number;
  }

  function gradeNameAtPosition(position: number): string {
    return gradeNames[gradeAt[position] as number] as string;
  }

  function buildResultAt(position: number): Result {
    const parts = resultPartsAt(position);
    const result: Result = {
      subject: parts.subject,
      group: parts.group,
      total: unitsToNumber(overall.totals[position] as number, 2),
      rank: overall.ranks[position] as number,
      groupRank: groupRankAtPosition(position),
      grade: gradeNameAtPosition(position),
      flags: parts.flags,
      sections: parts.sections,
      indicators: parts.indicators,
    };
    if (parts.explain !== undefined) result.explain = parts.explain;
    return result;
  }

  /**
   * buildResultAt again, on purpose: V8 moves the objects of an allocation site straight to
   * its old generation once most of them live long, as results() lists do; the results of
   * an update or of resultOf() are short-lived, and from their own site they stay cheap to
   * allocate and free.
   */
  function buildShortLivedResultAt(position: number): Result {
    const parts = resultPartsAt(position);
    const result: Result = {
      subject: parts.subject,
      group: parts.group,
      total: unitsToNumber(overall.totals[position] as number, 2),
      rank: overall.ranks[position] as number,
      groupRank: groupRankAtPosition(position),
      grade: gradeNameAtPosition(position),
      flags: parts.flags,
      sections: parts.sections,
      indicators: parts.indicators,
    };
    if (parts.explain !== undefined) result.explain = parts.explain;
    return result;
  }

  function explainSubject(subject: number): string[] {
    const category = categoryOf[subject] as number;
    const lines = indicators.map((indicator, i) => {
      const weight = weights[category * indicatorCount + i] as number;
      return (scorers[i] as IndicatorScorer).explain(subject, weight, shownScores[subject * indicatorCount + i] as number);
    });
    const terms = sections.map((section, k) => `${section.weight} × ${section.id} ${shownSections[subject * sectionCount + k] as number}`);
    for (const i of extraIndexes) {
      terms.push(`extra ${(indicators[i] as (typeof indicators)[number]).id} ${shownScores[subject * indicatorCount + i] as number}`);
    }
    lines.push(`total: ${terms.join(' + ')} = ${unitsToNumber(totalUnits[subject] as number, 2)} (rounded once, from unrounded scores)`);
    return lines;
  }

  function explainTextOf(subject: number): string {
    return (resultPartsAt(positionOf[subject] as number).explain ?? []).join('\n');
  }

  // --- Updates ---------------------------------------------------------------------

  function markChangedAt(position: number): void {
    if (changedAt[position] === 1) return;
    changedAt[position] = 1;
    changedPositions[changedCount] = position;
    changedCount += 1;
  }

  function applyFacts(facts: readonly Fact[], options: ApplyFactsOptions = {}): Result[] {
    // 'scores': ranks are still walked (the standings keep them), but a rank-only change marks nothing.
    const reportRanks = options.report !== 'scores';
    const issues = collectFactIssues(facts, model, { allowRepeatedSingleFacts: true });
    if (issues.length > 0) throw new ScenarioValidationError(issues);

    // 1. Record the facts, remembering what the touched subjects showed.
    const touched = new Set<number>();
    const flagsBefore = new Map<number, string>();
    // Explain lines can change with no number changing (a new actual of the same rank).
    const explainBefore = new Map<number, string>();
    const rememberExplain = (subject: number): void => {
      if (explain && !explainBefore.has(subject)) explainBefore.set(subject, explainTextOf(subject));
    };
    const rerankedGroups = new Map<number, Set<number>>();
    for (const fact of facts) {
      const subject = model.subjectIndex.get(fact.subject) as number;
      const indicator = model.indicatorById.get(fact.indicator) as (typeof indicators)[number];
      if (!touched.has(subject)) {
        touched.add(subject);
        flagsBefore.set(subject, collectFlags(subject).join('\n'));
        rememberExplain(subject);
      }
      (scorers[indicator.index] as IndicatorScorer).recordFact(subject, fact);
      if (indicator.method === 'rank') {
        const groups = rerankedGroups.get(indicator.index) ?? new Set<number>();
        groups.add(groupOf[subject] as number);
        rerankedGroups.set(indicator.index, groups);
      }
    }

    // 2. Rank indicators rank their whole group again: all of it is re-scored.
    const rescored = new Set(touched);
    for (const [indicator, groups] of rerankedGroups) {
      for (const group of groups) {
        const members = model.groupMembers[group] as Int32Array;
        members.forEach(rememberExplain);
        (scorers[indicator] as IndicatorScorer).rankGroup?.(members);
        for (const subject of members) rescored.add(subject);
      }
    }

    // 3. Re-score, and move those whose total changed.
    const showsOtherScores: number[] = [];
    const moves: [number, number][] = [];
    const affectedGroups = new Set<number>();
    for (const subject of rescored) {
      const before = totalUnits[subject] as number;
      // A re-scored subject's explain line can change with no number changing ("ranks 1 of 5").
      invalidateResultParts(subject);
      if (scoreSubject(subject)) showsOtherScores.push(subject);
      affectedGroups.add(groupOf[subject] as number);
      const after = totalUnits[subject] as number;
      if (after === before) continue;
      moves.push([before, after]);
      // A few moves shift their neighbours one by one, each while the orders are still
      // sorted; many are cheaper as one sort at the end, which keeps the worst case at O(n log n).
      if (moves.length <= MAX_MOVES_BY_SHIFTING) {
        moveWithinStanding(overall, positionOf, keys, subject);
        moveWithinStanding(groupStandings[groupOf[subject] as number] as Standing, groupPositionOf, keys, subject);
      }
    }
    if (moves.length > MAX_MOVES_BY_SHIFTING) {
      sortStanding(overall, keys, positionOf);
      for (const group of affectedGroups) sortStanding(groupStandings[group] as Standing, keys, groupPositionOf);
    }
    // A veto fact changes which grades a subject may take, moved or not.
    for (const subject of touched) {
      const group = groupStandings[groupOf[subject] as number] as Standing;
      (group.carried[0] as Int32Array)[groupPositionOf[subject] as number] = gradeMaskOf(subject);
    }

    // 4. Collect what changed, by position in the overall standing, now final.
    for (const subject of showsOtherScores) markChangedAt(positionOf[subject] as number);
    for (const subject of touched) {
      if (collectFlags(subject).join('\n') !== flagsBefore.get(subject)) markChangedAt(positionOf[subject] as number);
    }
    const onRankChange = reportRanks ? markChangedAt : undefined;
    if (moves.length > MAX_MOVES_BY_SHIFTING) rankStanding(overall, 0, subjectCount - 1, onRankChange);
    else {
      // Only the subjects whose totals lie between a mover's old and new total change rank.
      for (const [before, after] of moves) {
        const from = findFirstPositionAtMost(overall, Math.max(before, after));
        const to = findLastPositionAtLeast(overall, Math.min(before, after));
        rankStanding(overall, from, to, onRankChange);
      }
    }
    for (const group of affectedGroups) {
      const standing = groupStandings[group] as Standing;
      rankStanding(standing, 0, standing.members.length - 1, (groupPosition, rank) => {
        const position = positionOf[standing.members[groupPosition] as number] as number;
        groupRankAt[position] = rank;
        if (reportRanks) markChangedAt(position);
      });
      // A new grade is shown in both modes; new quota-tie flags also make the result parts stale.
      gradeGroup(group, (subject, grade, tiesChanged) => {
        const position = positionOf[subject] as number;
        gradeAt[position] = grade;
        if (tiesChanged) partsAt[position] = undefined;
        markChangedAt(position);
      });
    }
    for (const [subject, before] of explainBefore) {
      if (explainTextOf(subject) !== before) markChangedAt(positionOf[subject] as number);
    }

    const positions = changedPositions.subarray(0, changedCount).sort();
    const results: Result[] = new Array<Result>(positions.length);
    for (let i = 0; i < positions.length; i += 1) {
      const position = positions[i] as number;
      changedAt[position] = 0;
      results[i] = buildShortLivedResultAt(position);
    }
    changedCount = 0;
    return results;
  }

  function listResults(): Result[] {
    const results: Result[] = new Array<Result>(subjectCount);
    for (let position = 0; position < subjectCount; position += 1) results[position] = buildResultAt(position);
    return results;
  }

  function resultOf(id: string): Result | undefined {
    const subject = model.subjectIndex.get(id);
    return subject === undefined ? undefined : buildShortLivedResultAt(positionOf[subject] as number);
  }

  return { applyFacts, results: listResults, resultOf };
}
