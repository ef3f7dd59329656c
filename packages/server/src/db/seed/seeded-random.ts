/**
 * mulberry32: a small seeded generator for demo and benchmark data, so every first start builds the
 * same district and every benchmark run sees the same data. Not for anything that must be unguessable.
 */
export function createSeededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** Earlier items more often (common surnames are common). */
  const pickSkewed = <T>(items: readonly T[]): T => items[Math.floor(next() * next() * items.length)]!;
  return { next, int, pick, pickSkewed };
}
