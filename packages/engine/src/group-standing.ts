/**
 * A group's standing for a caller that keeps its own ranking groups (the server's live rankings,
 * docs/engine.md "Group standings"): subjects, by index, sorted by key (the rounded total in
 * hundredths) descending, equal keys by index ascending — with subjects indexed in id order, that
 * is the order of results (docs/product.md §3.3: by rank, then subject id). It is kept sorted as keys
 * change: one move shifts only the members between the old and the new place, so a changed total
 * never re-sorts a group of 100 000. Ranks are competition ranks (1, 2, 2, 4; docs/product.md §3.2).
 *
 * It finds a member by binary search on its key rather than through a position per subject, so a
 * subject may stand in many groups (all, its category, each unit above it) for the memory of the
 * groups' members alone.
 */
export class GroupStanding {
  /** Subject indexes, best first. */
  readonly members: Int32Array;
  /**
   * The members' keys in the same order: a search reads one array instead of looking each key up by
   * subject, which on 100 000 members meant a cache miss per step of every read's "my rank".
   */
  private readonly sortedKeys: Float64Array;

  /** A standing of `members` (sorted in place, and kept) by `keys[subject index]`. */
  constructor(members: Int32Array, keys: Float64Array) {
    this.members = members.sort((a, b) => comesBefore(keys, a, b));
    this.sortedKeys = Float64Array.from(this.members, (member) => keys[member] as number);
  }

  get size(): number {
    return this.members.length;
  }

  /** Where subject `subject` with key `key` sits (or would sit). */
  private positionFor(key: number, subject: number): number {
    const { members, sortedKeys } = this;
    let low = 0;
    let high = members.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = sortedKeys[middle] as number;
      if (other > key || (other === key && (members[middle] as number) < subject)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Moves a member from its place under `oldKey` to its place under `newKey`; call it before the caller's keys[subject] changes. */
  move(subject: number, oldKey: number, newKey: number): void {
    const { members, sortedKeys } = this;
    const from = this.positionFor(oldKey, subject);
    if (members[from] !== subject) throw new Error(`group standing out of step: subject ${subject} not at ${from}`);
    let to = this.positionFor(newKey, subject);
    if (to > from) {
      to -= 1; // the member itself leaves a gap before its new place
      members.copyWithin(from, from + 1, to + 1);
      sortedKeys.copyWithin(from, from + 1, to + 1);
    } else if (to < from) {
      members.copyWithin(to + 1, to, from);
      sortedKeys.copyWithin(to + 1, to, from);
    }
    members[to] = subject;
    sortedKeys[to] = newKey;
  }

  /** The competition rank of a key in this group: 1 + how many members have a higher key. */
  rankOfKey(key: number): number {
    const { sortedKeys } = this;
    let low = 0;
    let high = sortedKeys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((sortedKeys[middle] as number) > key) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  }
}

function comesBefore(keys: Float64Array, a: number, b: number): number {
  const left = keys[a] as number;
  const right = keys[b] as number;
  return left !== right ? right - left : a - b;
}
