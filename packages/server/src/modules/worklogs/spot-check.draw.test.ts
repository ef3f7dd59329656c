import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawSpotCheck, fingerprintCandidates, generateSeed } from './spot-check.draw.js';

describe('spot-check draws', () => {
  const ids = Array.from({ length: 500 }, (_, i) => i * 3 + 1);

  it('draws the same entries again from the same seed and candidates', () => {
    expect(drawSpotCheck(ids, 10, 'seed-2026')).toEqual(drawSpotCheck([...ids].reverse(), 10, 'seed-2026'));
  });

  it('draws different entries from another seed', () => {
    expect(drawSpotCheck(ids, 10, 'seed-2026')).not.toEqual(drawSpotCheck(ids, 10, 'seed-2027'));
  });

  it('draws distinct candidates only, and all of them when asked for more', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 60 }), fc.integer({ min: 0, max: 80 }), fc.string(), (pool, count, seed) => {
      const drawn = drawSpotCheck(pool, count, seed);
      expect(drawn).toHaveLength(Math.min(count, pool.length));
      expect(new Set(drawn).size).toBe(drawn.length);
      for (const id of drawn) expect(pool).toContain(id);
    }));
  });

  it('gives every candidate a fair chance', () => {
    const hits = new Map<number, number>();
    for (let s = 0; s < 4000; s += 1) {
      const [id] = drawSpotCheck([1, 2, 3, 4], 1, `s${s}`);
      hits.set(id!, (hits.get(id!) ?? 0) + 1);
    }
    for (const id of [1, 2, 3, 4]) expect(hits.get(id)).toBeGreaterThan(850);
  });

  it('fingerprints a candidate set whatever its order, and generates 128-bit seeds', () => {
    expect(fingerprintCandidates([3, 1, 2])).toBe(fingerprintCandidates([1, 2, 3]));
    expect(fingerprintCandidates([1, 2])).not.toBe(fingerprintCandidates([1, 2, 3]));
    expect(generateSeed()).toMatch(/^[0-9a-f]{32}$/);
  });
});
