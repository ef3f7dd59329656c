import { appendFileSync } from 'node:fs';

/** Whether a smaller ratio is better (a cost against a baseline) or a larger one (a rate against a baseline). */
export type Better = 'lower' | 'higher';

export interface ReportedRatio {
  name: string;
  value: number;
  better: Better;
  label: string;
}

/**
 * Hands one of a bench's ratios to the CI gate (bench/ci.ts): when `BENCH_RATIOS_FILE` names a file,
 * a JSON line is appended to it; otherwise nothing happens (the bench prints its figures anyway).
 */
export function reportRatio(name: string, value: number, better: Better, label: string): void {
  const file = process.env.BENCH_RATIOS_FILE;
  if (!file) return;
  const line: ReportedRatio = { name, value, better, label };
  appendFileSync(file, `${JSON.stringify(line)}\n`);
}
