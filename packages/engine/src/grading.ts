import type { CompiledGrade } from './compile-scenario.js';

export const UNGRADED = -1;

export interface GroupGradingInput {
  /** Rounded totals in hundredths of the group's members, best first. */
  readonly totals: ArrayLike<number>;
  /** By position: bit g set when vetoes and `requires` let the member take grade g. */
  readonly gradeMasks: ArrayLike<number>;
  readonly grades: readonly CompiledGrade[];
  /** Seats of each grade in this group (Infinity without a quota). */
  readonly capacities: ArrayLike<number>;
  /** Written, by position: the grade index. */
  readonly gradeOut: Int32Array;
  /**
   * Written, by position: bit g set when the member was in a block tied at grade g's quota line
   * (`quota-tie:<grade>`) — kept out of it, or let in by a committee decision.
   */
  readonly quotaTieOut: Int32Array;
  /** By position: bit g set when a committee decision names the member for grade g (absent: no decisions). */
  readonly decidedMasks?: ArrayLike<number>;
  /** Written, by position, with decidedMasks: bit g set when a decision gave the member grade g (`tie-decision:<grade>`). */
  readonly decisionOut?: Int32Array;
}

/**
 * Grades one group (docs/product.md §3.2). For each grade but the last, best first, walk the blocks
 * of equal totals from the top; a block's eligible members (not yet graded, reaching
 * minScore, allowed by vetoes and `requires`) get the grade if they all fit in the seats
 * left. If they do not fit, none of them gets it and the grade is closed: no lower total
 * may take it; when seats were left (so the tie is what kept them out) each of them gets
 * the flag `quota-tie:<grade>`. The last grade takes everyone left.
 *
 * A committee decision on such a block (issue 6): when the eligible members it names for the grade
 * fit in the seats left, they take the grade (flag `tie-decision:<grade>` besides `quota-tie`) and
 * the others of the block stay out; either way the grade is closed after the block. A decision
 * that names no eligible member of a block that does not fit changes nothing.
 */
export function assignGradesWithinQuota(input: GroupGradingInput): void {
  const { totals, gradeMasks, grades, capacities, gradeOut, quotaTieOut, decidedMasks, decisionOut } = input;
  const memberCount = totals.length;
  gradeOut.fill(UNGRADED, 0, memberCount);
  quotaTieOut.fill(0, 0, memberCount);
  decisionOut?.fill(0, 0, memberCount);
  const lastGrade = grades.length - 1;
  for (let grade = 0; grade < lastGrade; grade += 1) {
    const { minUnits } = grades[grade] as CompiledGrade;
    const gradeBit = 1 << grade;
    let seatsLeft = capacities[grade] as number;
    let blockStart = 0;
    while (blockStart < memberCount) {
      const blockTotal = totals[blockStart] as number;
      // Sorted best first: once a block is below minScore no later block can reach it.
      if (blockTotal < minUnits) break;
      let blockEnd = blockStart;
      let eligible = 0;
      while (blockEnd < memberCount && totals[blockEnd] === blockTotal) {
        if (gradeOut[blockEnd] === UNGRADED && ((gradeMasks[blockEnd] as number) & gradeBit) !== 0) eligible += 1;
        blockEnd += 1;
      }
      if (eligible > 0) {
        const fits = eligible <= seatsLeft;
        // A committee decision on a block that does not fit: its named eligible members, if they fit.
        // (Conditions are written out, not in closures: this loop runs over whole groups per update.)
        let decided = 0;
        if (!fits && decidedMasks !== undefined) {
          for (let position = blockStart; position < blockEnd; position += 1) {
            if (gradeOut[position] === UNGRADED && ((gradeMasks[position] as number) & gradeBit) !== 0 && ((decidedMasks[position] as number) & gradeBit) !== 0) decided += 1;
          }
        }
        const decisionApplies = decided > 0 && decided <= seatsLeft;
        for (let position = blockStart; position < blockEnd; position += 1) {
          if (gradeOut[position] !== UNGRADED || ((gradeMasks[position] as number) & gradeBit) === 0) continue;
          if (fits) {
            gradeOut[position] = grade;
            continue;
          }
          if (seatsLeft > 0) quotaTieOut[position] = (quotaTieOut[position] as number) | gradeBit;
          if (decisionApplies && ((decidedMasks![position] as number) & gradeBit) !== 0) {
            gradeOut[position] = grade;
            decisionOut![position] = (decisionOut![position] as number) | gradeBit;
          }
        }
        if (!fits) break;
        seatsLeft -= eligible;
      }
      blockStart = blockEnd;
    }
  }
  for (let position = 0; position < memberCount; position += 1) {
    if (gradeOut[position] === UNGRADED) gradeOut[position] = lastGrade;
  }
}
