/**
 * A group's standing: subject indexes sorted by total (descending), ties by index (= subject id),
 * kept sorted as totals change — one move shifts only the members between the old and the new place,
 * so an approval never re-sorts a group of 100 000.
 */
export class RankingOrder {
  readonly members: Int32Array;
  /**
   * The members' totals in the same order: a search reads one array instead of looking each total
   * up by subject, which on 100 000 members meant a cache miss per step of every read's "my rank".
   */
  private readonly sortedKeys: Float64Array;

  constructor(members: Int32Array, keys: Float64Array) {
    this.members = members.sort((a, b) => before(keys, a, b));
    this.sortedKeys = Float64Array.from(this.members, (m) => keys[m]!);
  }

  get size(): number {
    return this.members.length;
  }

  /** Where subject `s` with total `key` sits (or would sit). */
  private positionFor(key: number, s: number): number {
    const { members, sortedKeys } = this;
    let lo = 0;
    let hi = members.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const mk = sortedKeys[mid]!;
      if (mk > key || (mk === key && members[mid]! < s)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Moves a member from its place under `oldKey` to its place under `newKey`; call before keys[s] changes. */
  move(s: number, oldKey: number, newKey: number): void {
    const { members, sortedKeys } = this;
    const from = this.positionFor(oldKey, s);
    if (members[from] !== s) throw new Error(`ranking order out of step: subject ${s} not at ${from}`);
    let to = this.positionFor(newKey, s);
    if (to > from) {
      to -= 1; // the member itself leaves a gap before its new place
      members.copyWithin(from, from + 1, to + 1);
      sortedKeys.copyWithin(from, from + 1, to + 1);
    } else if (to < from) {
      members.copyWithin(to + 1, to, from);
      sortedKeys.copyWithin(to + 1, to, from);
    }
    members[to] = s;
    sortedKeys[to] = newKey;
  }

  /** Competition rank of a total in this group: 1 + how many members have a higher total. */
  rankOfKey(key: number): number {
    const { sortedKeys } = this;
    let lo = 0;
    let hi = sortedKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sortedKeys[mid]! > key) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

function before(keys: Float64Array, a: number, b: number): number {
  const ka = keys[a]!;
  const kb = keys[b]!;
  return ka !== kb ? kb - ka : a - b;
}
