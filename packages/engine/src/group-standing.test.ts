import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GroupStanding } from './group-standing.js';

// Moved from the server's rankings/ranking-order.test.ts (RankingOrder), with case tables added.
describe('GroupStanding', () => {
  it('stays sorted by total (ties by subject) through any sequence of moves, with competition ranks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(29), fc.integer({ min: -5, max: 5 })), { maxLength: 40 }),
        (initial, moves) => {
          const keys = Float64Array.from(initial);
          const standing = new GroupStanding(Int32Array.from(initial.map((_, i) => i)), keys);
          for (const [raw, key] of moves) {
            const s = raw % initial.length;
            standing.move(s, keys[s]!, key);
            keys[s] = key;
          }
          const expected = initial.map((_, i) => i).sort((a, b) => keys[b]! - keys[a]! || a - b);
          expect([...standing.members]).toEqual(expected);
          for (const s of expected) expect(standing.rankOfKey(keys[s]!)).toBe(1 + expected.filter((o) => keys[o]! > keys[s]!).length);
        },
      ),
    );
  });

  it('sorts a group of some subjects only, best first, equal totals by subject index', () => {
    // Subjects 0–5 with totals in hundredths; the group holds 5, 1, 3 and 4.
    const keys = Float64Array.from([9000, 8050, 9999, 8050, 9500, 8050]);
    const standing = new GroupStanding(Int32Array.from([5, 1, 3, 4]), keys);
    expect([...standing.members]).toEqual([4, 1, 3, 5]);
    expect(standing.size).toBe(4);
  });

  it.each([
    [9600, 1, 'above everyone'],
    [9500, 1, 'level with the first'],
    [9000, 2, 'between the first and a tied block'],
    [8050, 2, 'level with a tied block: its shared rank'],
    [8000, 5, 'below everyone'],
  ])('ranks a total of %i at %i (%s)', (key, rank) => {
    const keys = Float64Array.from([9500, 8050, 8050, 8050]);
    expect(new GroupStanding(Int32Array.from([0, 1, 2, 3]), keys).rankOfKey(key)).toBe(rank);
  });

  it('moves a subject up past others, and down again, shifting only those in between', () => {
    const keys = Float64Array.from([100, 90, 80, 70, 60]);
    const standing = new GroupStanding(Int32Array.from([0, 1, 2, 3, 4]), keys);
    standing.move(4, 60, 95);
    keys[4] = 95;
    expect([...standing.members]).toEqual([0, 4, 1, 2, 3]);
    standing.move(4, 95, 75);
    keys[4] = 75;
    expect([...standing.members]).toEqual([0, 1, 2, 4, 3]);
    expect(standing.rankOfKey(75)).toBe(4);
  });

  it('refuses a move whose old total is not the subject\'s (the caller\'s keys are out of step)', () => {
    const keys = Float64Array.from([100, 90]);
    const standing = new GroupStanding(Int32Array.from([0, 1]), keys);
    expect(() => standing.move(0, 90, 50)).toThrow(/out of step/);
  });
});
