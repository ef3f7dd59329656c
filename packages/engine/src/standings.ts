/**
 * Subjects sorted best first — rounded total descending, then subject id — with copies,
 * by position, of what the rank and grade walks and the result builder read. Those then
 * run over memory in order, which keeps an update that shifts thousands of ranks to a
 * fraction of a millisecond; a subject whose total changes is moved by shifting the ones
 * in between, its values moving with it.
 */
export interface Standing {
  /** Subjects, best first. */
  readonly members: Int32Array;
  /** Rounded totals in hundredths, by position. */
  readonly totals: Float64Array;
  /** Competition ranks, by position. */
  readonly ranks: Int32Array;
  /** Further values by position, which move with their member. */
  readonly carried: readonly AlignedValues[];
}

/** A typed array or an array whose entries belong to the members at the same positions. */
export interface AlignedValues {
  readonly length: number;
  [position: number]: unknown;
  copyWithin(target: number, start: number, end?: number): unknown;
}

export interface StandingKeys {
  readonly totalUnits: Float64Array;
  /** The position of each subject among all subjects sorted by id. */
  readonly idRank: Int32Array;
}

/** A standing of `members` (any order) sorted now; `carried` arrays are filled by subject and come out by position. */
export function createStanding(members: Int32Array, keys: StandingKeys, carried: readonly AlignedValues[], positionOf: Int32Array): Standing {
  const standing: Standing = { members, totals: new Float64Array(members.length), ranks: new Int32Array(members.length), carried };
  sortStanding(standing, keys, positionOf);
  return standing;
}

/** Sorts the whole standing again (many moves at once), carrying each member's values along. */
export function sortStanding(standing: Standing, keys: StandingKeys, positionOf: Int32Array): void {
  const { members } = standing;
  const { totalUnits, idRank } = keys;
  const order = Int32Array.from(members.keys()).sort((a, b) => {
    const left = members[a] as number;
    const right = members[b] as number;
    const difference = (totalUnits[right] as number) - (totalUnits[left] as number);
    return difference !== 0 ? difference : (idRank[left] as number) - (idRank[right] as number);
  });
  const before = [members, standing.ranks, ...standing.carried].map((values) => ({ values, copy: Array.from(values as ArrayLike<unknown>) }));
  order.forEach((index, position) => {
    for (const { values, copy } of before) (values as AlignedValues)[position] = copy[index];
    const subject = members[position] as number;
    standing.totals[position] = totalUnits[subject] as number;
    positionOf[subject] = position;
  });
}

/** Moves one subject whose total changed to its new place, shifting the members in between by one. */
export function moveWithinStanding(standing: Standing, positionOf: Int32Array, keys: StandingKeys, subject: number): void {
  const { members, totals } = standing;
  const total = keys.totalUnits[subject] as number;
  const idRank = keys.idRank[subject] as number;
  const goesBefore = (position: number): boolean => {
    const other = totals[position] as number;
    return total > other || (total === other && idRank < (keys.idRank[members[position] as number] as number));
  };
  const from = positionOf[subject] as number;
  // The others are sorted, so the subject goes before a block of them ending at `from` (a move
  // up) or after a block starting there (a move down): a binary search finds its end, where a
  // walk would compare with every member passed — thousands when a total moves far.
  let to = from;
  if (from > 0 && goesBefore(from - 1)) {
    let low = 0;
    let high = from - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (goesBefore(middle)) high = middle;
      else low = middle + 1;
    }
    to = low;
  } else if (from < members.length - 1 && !goesBefore(from + 1)) {
    let low = from + 1;
    let high = members.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (goesBefore(middle)) high = middle - 1;
      else low = middle;
    }
    to = low;
  }
  if (to !== from) {
    for (const values of [members, totals, standing.ranks, ...standing.carried] as AlignedValues[]) shiftOne(values, from, to);
    const low = Math.min(from, to);
    const high = Math.max(from, to);
    for (let position = low; position <= high; position += 1) positionOf[members[position] as number] = position;
  }
  totals[to] = total;
}

/** Moves the value at `from` to `to`, shifting the ones in between by one place. */
function shiftOne(values: AlignedValues, from: number, to: number): void {
  const value = values[from];
  if (ArrayBuffer.isView(values)) {
    // A typed array: one memmove.
    if (to < from) values.copyWithin(to + 1, to, from);
    else values.copyWithin(from, from + 1, to + 1);
  } else if (to < from) {
    // A plain array: a loop, which V8 runs far faster than the generic Array#copyWithin.
    for (let position = from; position > to; position -= 1) values[position] = values[position - 1];
  } else {
    for (let position = from; position < to; position += 1) values[position] = values[position + 1];
  }
  values[to] = value;
}

/**
 * Competition ranks (1, 2, 2, 4) of the positions from..to; the member before `from`, if
 * any, must have a higher total. Calls `onChange`, if given, for each position whose rank
 * changed; without it the walk only writes ranks (no call per position of a long move).
 */
export function rankStanding(standing: Standing, from: number, to: number, onChange?: (position: number, rank: number) => void): void {
  const { totals, ranks } = standing;
  for (let position = from; position <= to; position += 1) {
    const rank = position > from && totals[position - 1] === totals[position] ? (ranks[position - 1] as number) : position + 1;
    if (ranks[position] !== rank) {
      ranks[position] = rank;
      if (onChange !== undefined) onChange(position, rank);
    }
  }
}

/** The first position whose total is at most `units`. */
export function findFirstPositionAtMost(standing: Standing, units: number): number {
  let low = 0;
  let high = standing.totals.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((standing.totals[middle] as number) > units) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last position whose total is at least `units` (-1 if none). */
export function findLastPositionAtLeast(standing: Standing, units: number): number {
  let low = 0;
  let high = standing.totals.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((standing.totals[middle] as number) >= units) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
