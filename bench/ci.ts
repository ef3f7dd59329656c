/**
 * The benchmarks' CI gate (`npm run bench:ci`, run by .ci/run after the tests). Runs each benchmark
 * at a reduced size, SQLite only, reads the ratios it reports against a baseline measured in the
 * same run (bench/ratio-report.ts), and compares each with the ratio committed in
 * bench/ci-baseline.json. It fails when a ratio is worse than its baseline by more than 25 %: a
 * cost ratio (lower is better) above 1.25 × the baseline, a rate ratio (higher is better) below
 * the baseline / 1.25. Absolute times are never compared: they follow the machine.
 *
 * The benches measure what they report in costs (bench/costs.ts), in pairs with their baselines,
 * and the HTTP targets in the process (bench/in-process.ts), which a busy machine disturbs far less
 * than wall-clock times. Still, on a shared 2-core machine one run of a ratio can be off by itself:
 * a bench any of whose ratios is beyond the tolerance is run again (up to three times more) and
 * each ratio is judged by its best run. A real slowdown is in every run; a busy minute is not. A
 * bench that fails to run fails the gate. docs/performance.md, "The CI gate", has the figures.
 *
 *   npm run bench:ci                        # the gate
 *   npm run bench:ci -- --only engine,import
 *   npm run bench:ci -- --update            # measure each bench 5 times, write the medians as the baseline
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from './costs.js';
import type { Better, ReportedRatio } from './ratio-report.js';

/** How much worse than its baseline a ratio may get before the gate fails. */
const TOLERANCE = 0.25;
/** Further runs of a bench one of whose ratios is beyond the tolerance. */
const RETRIES = 3;
/** Runs of each bench whose median ratios make a new baseline (--update). */
const BASELINE_RUNS = 5;

interface BenchCommand {
  name: string;
  script: string;
  args: string[];
  /** The reduced size (and the fewer rounds) of the CI run. */
  env: Record<string, string>;
}

const BENCHES: BenchCommand[] = [
  {
    name: 'engine',
    script: 'engine.bench.ts',
    args: [],
    env: { BENCH_SUBJECTS: '10000', BENCH_FACTS: '1000000', BENCH_ROUNDS: '5', BENCH_UPDATES: '1000', BENCH_UPDATE_ROUNDS: '10' },
  },
  { name: 'import', script: 'import.bench.ts', args: ['--people', '2000', '--units', '40', '--rounds', '5'], env: {} },
  {
    name: 'logs',
    script: 'logs.bench.ts',
    args: [],
    env: { BENCH_ONLY: 'sqlite', BENCH_PEOPLE: '1000', BENCH_ENTRIES: '20000', BENCH_AUTOCANNON: '0', BENCH_QUERIES: '20' },
  },
  {
    name: 'points',
    script: 'points.bench.ts',
    args: [],
    env: { BENCH_ONLY: 'sqlite', BENCH_PEOPLE: '2000', BENCH_LEDGER: '200000', BENCH_APPROVALS: '50', BENCH_AUTOCANNON: '0', BENCH_RECOMPUTE_ROUNDS: '7' },
  },
];

interface BaselineRatio {
  value: number;
  better: Better;
  label: string;
}

interface Baseline {
  about: string;
  measured: string;
  ratios: Record<string, BaselineRatio>;
}

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoDir = dirname(benchDir);
const baselineFile = join(benchDir, 'ci-baseline.json');

/** The relative cost a ratio stands for: itself when lower is better, its inverse when higher is. */
const relativeCostOf = (value: number, better: Better): number => (better === 'lower' ? value : 1 / value);
const seconds = (from: number): string => ((performance.now() - from) / 1000).toFixed(0);

/** Runs one bench in a child process (tsx, no PostgreSQL) and returns the ratios it reported. */
async function runBench(bench: BenchCommand): Promise<ReportedRatio[]> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-ci-'));
  const ratiosFile = join(dir, 'ratios.jsonl');
  const env: NodeJS.ProcessEnv = { ...process.env, ...bench.env, BENCH_RATIOS_FILE: ratiosFile };
  delete env.BATON_BENCH_PG_URL;
  const started = performance.now();
  try {
    const output: string[] = [];
    const child = spawn(process.execPath, ['--import', 'tsx', join(benchDir, bench.script), ...bench.args], { cwd: repoDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Stopping the gate stops the bench it runs.
    const stopChild = () => child.kill();
    process.once('SIGINT', stopChild).once('SIGTERM', stopChild);
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    }).finally(() => process.off('SIGINT', stopChild).off('SIGTERM', stopChild));
    if (code === null) throw new Error(`bench ${bench.name} was stopped`);
    if (code !== 0) {
      const tail = output.join('').split('\n').slice(-40).join('\n');
      throw new Error(`bench ${bench.name} exited with ${code}:\n${tail}`);
    }
    const ratios = existsSync(ratiosFile)
      ? readFileSync(ratiosFile, 'utf8').split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as ReportedRatio)
      : [];
    const shown = ratios.map((ratio) => `${ratio.name} ${ratio.value.toFixed(3)}`).join(', ');
    console.log(`  ${bench.name}: ${shown || 'no ratios'} (${seconds(started)} s, load average ${loadavg()[0]!.toFixed(2)})`);
    return ratios;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How much worse than the baseline a measured ratio is, as a fraction (0.3 = 30 % worse; negative: better). */
function worseningOf(value: number, baseline: BaselineRatio): number {
  return relativeCostOf(value, baseline.better) / relativeCostOf(baseline.value, baseline.better) - 1;
}

function readBaseline(): Baseline {
  if (!existsSync(baselineFile)) throw new Error(`${baselineFile} is missing: make it with npm run bench:ci -- --update`);
  return JSON.parse(readFileSync(baselineFile, 'utf8')) as Baseline;
}

async function gate(benches: BenchCommand[]): Promise<boolean> {
  const baseline = readBaseline();
  const measured = new Map<string, { runs: number[]; better: Better; label: string }>();
  for (const bench of benches) {
    for (let attempt = 0; attempt <= RETRIES; attempt += 1) {
      for (const ratio of await runBench(bench)) {
        const entry = measured.get(ratio.name) ?? { runs: [], better: ratio.better, label: ratio.label };
        entry.runs.push(ratio.value);
        measured.set(ratio.name, entry);
      }
      const beyond = [...measured].filter(([name, entry]) => {
        const base = baseline.ratios[name];
        return name.startsWith(`${bench.name}.`) && base !== undefined && worseningOf(bestOf(entry.runs, entry.better), base) > TOLERANCE;
      });
      if (beyond.length === 0) break;
      if (attempt < RETRIES) console.log(`  ${bench.name}: ${beyond.map(([name]) => name).join(', ')} beyond ${TOLERANCE * 100} % — running it again`);
    }
  }

  const rows: string[][] = [['ratio', 'better', 'baseline', 'runs', 'best', 'change', '']];
  let failed = false;
  const names = new Set([...Object.keys(baseline.ratios).filter((name) => benches.some((bench) => name.startsWith(`${bench.name}.`))), ...measured.keys()]);
  for (const name of names) {
    const base = baseline.ratios[name];
    const entry = measured.get(name);
    if (entry === undefined) {
      failed = true;
      rows.push([name, base?.better ?? '', base?.value.toFixed(3) ?? '', '', '', '', 'FAIL: not reported']);
      continue;
    }
    const best = bestOf(entry.runs, entry.better);
    const runs = entry.runs.map((value) => value.toFixed(3)).join(' ');
    if (base === undefined) {
      rows.push([name, entry.better, '', runs, best.toFixed(3), '', 'new (not in the baseline)']);
      continue;
    }
    const worsening = worseningOf(best, base);
    const verdict = worsening > TOLERANCE ? 'FAIL' : 'ok';
    if (verdict === 'FAIL') failed = true;
    rows.push([name, base.better, base.value.toFixed(3), runs, best.toFixed(3), `${worsening >= 0 ? '+' : ''}${(worsening * 100).toFixed(0)} %`, verdict]);
  }
  printTable(rows);
  console.log(`change: how much costlier than the baseline the best run is (a rate ratio counts as its inverse); fail above +${TOLERANCE * 100} %`);
  return !failed;
}

function bestOf(runs: readonly number[], better: Better): number {
  return better === 'lower' ? Math.min(...runs) : Math.max(...runs);
}

async function updateBaseline(benches: BenchCommand[]): Promise<void> {
  const previous = existsSync(baselineFile) ? readBaseline() : undefined;
  const ratios: Record<string, BaselineRatio> = { ...previous?.ratios };
  for (const bench of benches) {
    const runs = new Map<string, { values: number[]; better: Better; label: string }>();
    for (let run = 0; run < BASELINE_RUNS; run += 1) {
      for (const ratio of await runBench(bench)) {
        const entry = runs.get(ratio.name) ?? { values: [], better: ratio.better, label: ratio.label };
        entry.values.push(ratio.value);
        runs.set(ratio.name, entry);
      }
    }
    for (const name of Object.keys(ratios)) if (name.startsWith(`${bench.name}.`)) delete ratios[name];
    for (const [name, entry] of runs) ratios[name] = { value: Number(median(entry.values).toPrecision(4)), better: entry.better, label: entry.label };
  }
  const baseline: Baseline = {
    about:
      'Ratios of the reduced benchmarks against their same-run baselines (bench/ci.ts), each the median of '
      + `${BASELINE_RUNS} runs on the development machine (${availableParallelism()} cores). npm run bench:ci fails when one gets worse by more than ${TOLERANCE * 100} %.`,
    measured: new Date().toISOString().slice(0, 10),
    ratios: Object.fromEntries(Object.entries(ratios).sort(([a], [b]) => a.localeCompare(b))),
  };
  writeFileSync(baselineFile, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`wrote ${baselineFile}`);
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}

const { values } = parseArgs({ options: { only: { type: 'string' }, update: { type: 'boolean', default: false } } });
const only = values.only?.split(',').map((name) => name.trim());
const benches = only === undefined ? BENCHES : BENCHES.filter((bench) => only.includes(bench.name));
if (benches.length === 0) throw new Error(`--only names no bench; the benches are ${BENCHES.map((bench) => bench.name).join(', ')}`);
const started = performance.now();
console.log(`bench gate: ${benches.map((bench) => bench.name).join(', ')} at reduced sizes (load average ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores)`);
if (values.update) {
  await updateBaseline(benches);
} else {
  const passed = await gate(benches);
  console.log(`bench gate ${passed ? 'passed' : 'FAILED'} in ${seconds(started)} s`);
  if (!passed) process.exitCode = 1;
}
