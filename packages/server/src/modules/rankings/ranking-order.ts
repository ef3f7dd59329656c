/**
 * A group's standing: subject indexes sorted by total (descending), ties by index (= subject id),
 * kept sorted as totals change — one move shifts only the members between the old and the new place,
 * so an approval never re-sorts a group of 100 000.
 */
export class RankingOrder {
  readonly members: Int32Array;

  constructor(members: Int32Array, private readonly keys: Float64Array) {
    this.members = members.sort((a, b) => before(keys, a, b));
  }

  get size(): number {
    return this.members.length;
  }

  /** Where subject `s` with total `key` sits (or would sit). */
  private positionFor(key: number, s: number): number {
    const { members, keys } = this;
    let lo = 0;
    let hi = members.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = members[mid]!;
      const mk = keys[m]!;
      if (mk > key || (mk === key && m < s)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Moves a member from its place under `oldKey` to its place under `newKey`; call before keys[s] changes. */
  move(s: number, oldKey: number, newKey: number): void {
    const { members } = this;
    const from = this.positionFor(oldKey, s);
    if (members[from] !== s) throw new Error(`ranking order out of step: subject ${s} not at ${from}`);
    let to = this.positionFor(newKey, s);
    if (to > from) {
      to -= 1; // the member itself leaves a gap before its new place
      members.copyWithin(from, from + 1, to + 1);
    } else if (to < from) {
      members.copyWithin(to + 1, to, from);
    }
    members[to] = s;
  }

  /** Competition rank of a total in this group: 1 + how many members have a higher total. */
  rankOfKey(key: number): number {
    const { members, keys } = this;
    let lo = 0;
    let hi = members.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[members[mid]!]! > key) lo = mid + 1;
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
