import { createHash, randomBytes } from 'node:crypto';

/**
 * A seeded draw for spot checks (抽查): the same seed over the same candidates always draws the same
 * entries, so anyone can re-run a recorded draw and verify it was not picked by hand.
 */

/** A new seed when the leader gives none: 128 random bits as hex, recorded with the draw. */
export function generateSeed(): string {
  return randomBytes(16).toString('hex');
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded from sha256(seed). */
function createDrawRandom(seed: string): () => number {
  const digest = createHash('sha256').update(seed, 'utf8').digest();
  let a = digest.readUInt32LE(0);
  let b = digest.readUInt32LE(4);
  let c = digest.readUInt32LE(8);
  let d = digest.readUInt32LE(12);
  const next32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 15; i += 1) next32();
  // 53 random bits, so picking among millions of candidates stays uniform.
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

/**
 * Draws `count` distinct ids from `candidates` (a partial Fisher–Yates shuffle driven by the seed).
 * The candidates are sorted ascending first, so the order they were read in does not matter.
 * Returns them in the order drawn.
 */
export function drawSpotCheck(candidates: readonly number[], count: number, seed: string): number[] {
  const pool = [...candidates].sort((x, y) => x - y);
  const random = createDrawRandom(seed);
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

/** The fingerprint of a candidate set: sha256 of the ids, ascending, comma-separated. */
export function fingerprintCandidates(candidates: readonly number[]): string {
  return createHash('sha256').update([...candidates].sort((x, y) => x - y).join(',')).digest('hex');
}
