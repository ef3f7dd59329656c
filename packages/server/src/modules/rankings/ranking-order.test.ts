import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RankingOrder } from './ranking-order.js';

describe('RankingOrder', () => {
  it('stays sorted by total (ties by subject) through any sequence of moves, with competition ranks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(29), fc.integer({ min: -5, max: 5 })), { maxLength: 40 }),
        (initial, moves) => {
          const keys = Float64Array.from(initial);
          const order = new RankingOrder(Int32Array.from(initial.map((_, i) => i)), keys);
          for (const [raw, key] of moves) {
            const s = raw % initial.length;
            order.move(s, keys[s]!, key);
            keys[s] = key;
          }
          const expected = initial.map((_, i) => i).sort((a, b) => keys[b]! - keys[a]! || a - b);
          expect([...order.members]).toEqual(expected);
          for (const s of expected) expect(order.rankOfKey(keys[s]!)).toBe(1 + expected.filter((o) => keys[o]! > keys[s]!).length);
        },
      ),
    );
  });
});
