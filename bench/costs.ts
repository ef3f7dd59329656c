/**
 * What the CI gate (bench/ci.ts) compares: costs measured so that a shared 2-core machine disturbs
 * them as little as possible.
 *
 * A phase's cost is the smaller of its wall-clock time and the CPU time of the whole process over
 * it. Time spent waiting for a core (other processes' work) is in the wall clock only; the work of
 * the process's other threads — the garbage collector's helpers, the JIT compiler's background
 * compiles, SQLite's checkpoint worker — is in the CPU time only. The work on the main thread is in
 * both, so the smaller of the two is closest to it; only a phase that was both kept waiting and
 * shared with busy helper threads is inflated. (A phase whose own work runs on several threads,
 * such as password hashing on libuv's pool, has a CPU time above its wall clock, and its wall
 * clock is its cost.)
 *
 * A benchmark measures its target and its baseline in pairs, one right after the other, and the
 * gate reads the median of the pairs' ratios: a pair that a busy moment disturbed is an outlier
 * the median ignores.
 */
export interface Cost {
  wallMs: number;
  cpuMs: number;
}

/** Starts measuring; the returned function gives the cost so far. */
export function startCost(): () => Cost {
  const cpu = process.cpuUsage();
  const start = performance.now();
  return () => {
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return { wallMs, cpuMs: (used.user + used.system) / 1000 };
  };
}

/** The smaller of the wall clock and the process's CPU time (see above). */
export function costOf(cost: Cost): number {
  return Math.min(cost.wallMs, cost.cpuMs);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
