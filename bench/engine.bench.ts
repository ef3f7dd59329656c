/**
 * Engine benchmark (issue 3): a full evaluation of 100 000 subjects × 20 indicators with
 * 10 000 000 facts, against a baseline that only sums the same facts per subject and
 * indicator; then the latency of one incremental update (a single ledger delta).
 *
 *   npx tsx bench/engine.bench.ts
 *   BENCH_SUBJECTS=10000 BENCH_FACTS=1000000 npx tsx bench/engine.bench.ts
 *
 * Env: BENCH_SUBJECTS (100000), BENCH_FACTS (10000000), BENCH_UNITS (2000),
 * BENCH_GROUPING (unit | category | all), BENCH_UPDATES (2000), BENCH_ROUNDS (2), BENCH_SEED (20260101),
 * BENCH_UPDATE_ROUNDS (1; more: the updates, then their opposites, and so on, with a baseline
 * before every 100; the CI gate's ratio comes from the second half of the rounds, the first half
 * warming the code up — bench/ci.ts uses 10).
 * Goals: evaluation ≤ 3 × baseline, peak RSS ≤ 2 GiB, p99 of one update ≤ 5 ms.
 */
import { availableParallelism, loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createEvaluationState, evaluate, type EvaluationState, type Fact, type Indicator, type Scenario, type Subject } from '@baton/engine';
import { createSeededRandom } from '../packages/server/src/db/seed/seeded-random.js';
import { costOf, median, startCost } from './costs.js';
import { reportRatio } from './ratio-report.js';

// Collect the garbage of one phase before timing the next, so that a phase does not pay
// for the previous one's garbage (the usual --expose-gc, reachable without a node flag).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const FACTS = Number(process.env.BENCH_FACTS ?? 10_000_000);
const UNITS = Number(process.env.BENCH_UNITS ?? Math.max(1, Math.round(SUBJECTS / 50)));
const GROUPING = (process.env.BENCH_GROUPING ?? 'unit') as 'unit' | 'category' | 'all';
const UPDATES = Number(process.env.BENCH_UPDATES ?? 2_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const UPDATE_ROUNDS = Number(process.env.BENCH_UPDATE_ROUNDS ?? 1);
const SEED = Number(process.env.BENCH_SEED ?? 20260101);

const createRandom = (seed: number) => createSeededRandom(seed).next;

const random = createRandom(SEED);
const pick = (count: number): number => Math.floor(random() * count);
const tenths = (min: number, max: number): number => Math.round((min + random() * (max - min)) * 10) / 10;

function buildScheme(): Indicator[] {
  const result: Indicator[] = [
    { id: 't_gdp', section: 'result', method: 'target', weight: 25, weightsByCategory: { A: 30, B: 20, C: 25 }, cap: 1.2 },
    { id: 't_tax', section: 'result', method: 'target', weight: 15, weightsByCategory: { A: 10, B: 20, C: 15 }, cap: 1.2 },
    { id: 't_cost', section: 'result', method: 'target', weight: 15, direction: 'lower', cap: 1.1 },
    { id: 't_jobs', section: 'result', method: 'target', weight: 15 },
    { id: 'r_invest', section: 'result', method: 'rank', weight: 15, minRatio: 0.6 },
    { id: 'r_service', section: 'result', method: 'rank', weight: 15, step: 0.5, minRatio: 0.5 },
  ];
  const process: Indicator[] = [
    { id: 'rate_review', section: 'process', method: 'rating', weight: 20, raterGroups: { leader: 0.5, peer: 0.3, self: 0.2 } },
    { id: 'rate_public', section: 'process', method: 'rating', weight: 10, raterGroups: { users: 1 } },
    ...Array.from({ length: 10 }, (_, i): Indicator => ({ id: `l_${i}`, section: 'process', method: 'ledger', weight: 7 })),
  ];
  return [
    ...result,
    ...process,
    { id: 'bonus', method: 'ledger', kind: 'dynamic', extra: true, base: 0, min: -5, max: 5 },
    { id: 'veto_safety', method: 'veto', effect: 'noTop' },
  ];
}

function buildScenario(): Scenario {
  const indicators = buildScheme();
  const subjects: Subject[] = Array.from({ length: SUBJECTS }, (_, i) => ({
    id: `p${String(i).padStart(6, '0')}`,
    category: ['A', 'B', 'C'][i % 3] as string,
    unit: `u${i % UNITS}`,
  }));
  const ids = subjects.map((subject) => subject.id);
  // Facts arrive in no particular order, and each is allocated when it arrives (as rows
  // read from a database are): first shuffle a plan of plain integers, then build the
  // facts in the plan's order, so that memory order follows array order.
  const SINGLE_FACTS = 6;
  const BALLOT = -1;
  const POINT_EVENT = -2;
  const VETO = -3;
  const singles = Math.min(FACTS, SUBJECTS * SINGLE_FACTS);
  const vetoes = Math.min(FACTS - singles, Math.round(SUBJECTS * 0.01));
  const ballots = Math.min(FACTS - singles - vetoes, SUBJECTS * 10);
  const plan = new Int32Array(FACTS);
  for (let i = 0; i < FACTS; i += 1) {
    plan[i] = i < singles ? i : i < singles + vetoes ? VETO : i < singles + vetoes + ballots ? BALLOT : POINT_EVENT;
  }
  for (let i = plan.length - 1; i > 0; i -= 1) {
    const j = pick(i + 1);
    const swap = plan[i] as number;
    plan[i] = plan[j] as number;
    plan[j] = swap;
  }
  const singleIndicators = ['t_gdp', 't_tax', 't_jobs', 't_cost', 'r_invest', 'r_service'];
  const groups = ['leader', 'peer', 'peer', 'peer', 'self'];
  const ledgers = [...Array.from({ length: 10 }, (_, i) => `l_${i}`), 'bonus'];
  const vetoed = new Set<number>();
  const facts: Fact[] = new Array(FACTS);
  for (let i = 0; i < FACTS; i += 1) {
    const code = plan[i] as number;
    if (code >= 0) {
      const subject = ids[Math.floor(code / SINGLE_FACTS)] as string;
      const indicator = singleIndicators[code % SINGLE_FACTS] as string;
      if (indicator === 't_cost') facts[i] = { subject, indicator, actual: tenths(5, 20), target: 10 };
      else if (indicator === 'r_invest') facts[i] = { subject, indicator, actual: tenths(0, 500) };
      else if (indicator === 'r_service') facts[i] = { subject, indicator, actual: pick(100) };
      else {
        const target = tenths(50, 150);
        facts[i] = { subject, indicator, actual: Math.round(target * (0.7 + random() * 0.6) * 100) / 100, target };
      }
    } else if (code === VETO) {
      let subject = pick(SUBJECTS);
      while (vetoed.has(subject)) subject = pick(SUBJECTS);
      vetoed.add(subject);
      facts[i] = { subject: ids[subject] as string, indicator: 'veto_safety', triggered: true };
    } else if (code === BALLOT) {
      const subject = ids[pick(SUBJECTS)] as string;
      facts[i] =
        random() < 0.2
          ? { subject, indicator: 'rate_public', group: 'users', rating: tenths(60, 100) }
          : { subject, indicator: 'rate_review', group: groups[pick(groups.length)] as string, rating: tenths(60, 100) };
    } else {
      // Point events on the ledgers: integer and one-decimal deltas.
      const subject = ids[pick(SUBJECTS)] as string;
      const delta = random() < 0.5 ? -(1 + pick(3)) : tenths(-2, 1);
      facts[i] = { subject, indicator: ledgers[pick(ledgers.length)] as string, delta };
    }
  }
  return {
    scheme: {
      name: 'bench',
      kind: 'unit',
      sections: [
        { id: 'process', weight: 0.4 },
        { id: 'result', weight: 0.6 },
      ],
      indicators,
      grouping: GROUPING,
      grades: [
        { name: '好', quota: 0.4, minScore: 85 },
        { name: '较好', minScore: 75 },
        { name: '一般', minScore: 60 },
        { name: '较差' },
      ],
      quotaRounding: 'floor',
    },
    subjects,
    facts,
  };
}

/** The baseline: a plain loop that only sums the same facts per subject and indicator. */
function sumFactsPerSubjectAndIndicator(scenario: Scenario): Float64Array {
  const indicatorCount = scenario.scheme.indicators.length;
  const subjectIndex = new Map<string, number>();
  scenario.subjects.forEach((subject, i) => subjectIndex.set(subject.id, i));
  const indicatorIndex = new Map<string, number>();
  scenario.scheme.indicators.forEach((indicator, i) => indicatorIndex.set(indicator.id, i));
  const sums = new Float64Array(scenario.subjects.length * indicatorCount);
  const facts = scenario.facts ?? [];
  for (let f = 0; f < facts.length; f += 1) {
    const fact = facts[f] as Fact;
    const cell = (subjectIndex.get(fact.subject) as number) * indicatorCount + (indicatorIndex.get(fact.indicator) as number);
    sums[cell] = (sums[cell] as number) + (fact.delta ?? fact.rating ?? fact.actual ?? 0);
  }
  return sums;
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

/** Wall-clock time, and the cost the CI gate compares (bench/costs.ts). */
function time<T>(run: () => T): { ms: number; cost: number; value: T } {
  const stop = startCost();
  const value = run();
  const measured = stop();
  return { ms: measured.wallMs, cost: costOf(measured), value };
}

/** Sorts a copy of the totals `times` times (the updates' baseline). */
function sortTotals(totals: Float64Array, times: number): number {
  let check = 0;
  for (let k = 0; k < times; k += 1) {
    const copy = totals.slice();
    copy.sort();
    check += copy[0] as number;
  }
  return check;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

interface UpdateRound {
  totalMs: number;
  /** The cost of all the updates (bench/costs.ts). */
  cost: number;
  /** Sorted. */
  latencies: number[];
  /** Sorted: the updates during which no garbage collection ran. */
  withoutCollection: number[];
  /** Sorted. */
  changedCounts: number[];
  changedTotal: number;
  /** With a paired baseline: per chunk of updates, the cost of one update in it over the baseline's cost just before it. */
  chunkRatios: number[];
}

/** A baseline measured before every `every` updates, so that each chunk is judged against the machine of its moment. */
interface PairedBaseline {
  every: number;
  /** Runs the baseline once and returns its cost (bench/costs.ts). */
  run: () => number;
}

/** Applies the updates one by one (`applyFacts([fact])` each) and times each. */
async function applyUpdates(state: EvaluationState, updates: readonly Fact[], paired?: PairedBaseline): Promise<UpdateRound> {
  const latencies: number[] = [];
  const startedAt: number[] = [];
  const garbageCollections: { start: number; end: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) garbageCollections.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const changedCounts: number[] = [];
  const chunkRatios: number[] = [];
  let changedTotal = 0;
  let cost = 0;
  const every = paired?.every ?? updates.length;
  for (let from = 0; from < updates.length; from += every) {
    const baselineCost = paired?.run();
    const to = Math.min(updates.length, from + every);
    const stop = startCost();
    for (let u = from; u < to; u += 1) {
      const start = performance.now();
      const changed = state.applyFacts([updates[u] as Fact]).length;
      latencies.push(performance.now() - start);
      startedAt.push(start);
      changedCounts.push(changed);
      changedTotal += changed;
    }
    const chunkCost = costOf(stop());
    cost += chunkCost;
    if (baselineCost !== undefined) chunkRatios.push(chunkCost / (to - from) / baselineCost);
  }
  await new Promise((resolve) => setTimeout(resolve, 10));
  observer.disconnect();
  const withoutCollection = latencies.filter((latency, u) => {
    const start = startedAt[u] as number;
    return !garbageCollections.some((gc) => gc.start < start + latency && gc.end > start);
  });
  const totalMs = latencies.reduce((sum, latency) => sum + latency, 0);
  for (const list of [latencies, withoutCollection, changedCounts]) list.sort((a, b) => a - b);
  return { totalMs, cost, latencies, withoutCollection, changedCounts, changedTotal, chunkRatios };
}

async function main(): Promise<void> {
  console.log(`load average at the start: ${loadavg().map((load) => load.toFixed(2)).join(', ')} on ${availableParallelism()} cores`);
  console.log(`engine bench: ${SUBJECTS} subjects, ${FACTS} facts, 20 indicators, ${UNITS} units, grouping ${GROUPING}, seed ${SEED}`);
  const generated = time(buildScenario);
  const scenario = generated.value;
  console.log(`generated in ${(generated.ms / 1000).toFixed(1)} s; RSS after generation ${mib(process.memoryUsage().rss)}`);

  const baselineTimes: number[] = [];
  const evaluationTimes: number[] = [];
  const baselineCosts: number[] = [];
  const evaluationCosts: number[] = [];
  let checksum = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    collectGarbage();
    const baseline = time(() => sumFactsPerSubjectAndIndicator(scenario));
    baselineTimes.push(baseline.ms);
    baselineCosts.push(baseline.cost);
    checksum += baseline.value[0] ?? 0;
    collectGarbage();
    const evaluation = time(() => evaluate(scenario));
    evaluationTimes.push(evaluation.ms);
    evaluationCosts.push(evaluation.cost);
    const resultCount = evaluation.value.results.length;
    console.log(
      `round ${round + 1}: baseline ${baseline.ms.toFixed(0)} ms (cost ${baseline.cost.toFixed(0)}), evaluation ${evaluation.ms.toFixed(0)} ms (cost ${evaluation.cost.toFixed(0)}; ${resultCount} results), heap ${mib(process.memoryUsage().heapUsed)}, peak RSS so far ${mib(peakRss())}`,
    );
  }
  const baselineMs = Math.min(...baselineTimes);
  const evaluationMs = Math.min(...evaluationTimes);
  // What the CI gate compares (bench/costs.ts): the median round's ratio of costs.
  const evaluationCostRatio = median(evaluationCosts.map((cost, round) => cost / (baselineCosts[round] as number)));

  collectGarbage();
  const built = time(() => createEvaluationState(scenario));
  const state = built.value;
  // A server builds the state once for the period and publishes its results; the facts
  // themselves then live in the database, not in memory.
  const published = time(() => state.results());
  scenario.facts = [];
  collectGarbage();
  console.log(`RSS with the state and its results, facts released: ${mib(process.memoryUsage().rss)}`);

  // The updates, drawn once. With BENCH_UPDATE_ROUNDS > 1 the rounds apply them and their
  // opposites in turn (+, −, +, …): each round undoes the one before, so every round starts from
  // the same sums and has the same work.
  const ledgers = scenario.scheme.indicators.filter((indicator) => indicator.method === 'ledger').map((indicator) => indicator.id);
  const updates: Fact[] = Array.from({ length: UPDATES }, () => ({
    subject: scenario.subjects[pick(SUBJECTS)]?.id as string,
    indicator: ledgers[pick(ledgers.length)] as string,
    delta: random() < 0.5 ? -(1 + pick(3)) : tenths(-2, 1),
  }));
  const undoes = updates.map((fact) => ({ ...fact, delta: -(fact.delta as number) }));
  // The updates' baseline: sorting every subject's total from scratch — what the incremental
  // standings spare an update. With several rounds it is measured before every 100 updates, each
  // chunk against the one right before it: the machine's speed moves within a round.
  const totalOf = new Map(published.value.map((result) => [result.subject, result.total]));
  const totals = Float64Array.from(scenario.subjects, (subject) => totalOf.get(subject.id) as number);
  const sortCost = () => time(() => sortTotals(totals, 1)).cost;
  let best: UpdateRound | undefined;
  const chunkRatiosByRound: number[][] = [];
  let updateCostRatio = Number.NaN;
  for (let round = 0; round < UPDATE_ROUNDS; round += 1) {
    collectGarbage();
    const measured = await applyUpdates(state, round % 2 === 0 ? updates : undoes, UPDATE_ROUNDS > 1 ? { every: 100, run: sortCost } : undefined);
    if (UPDATE_ROUNDS === 1) updateCostRatio = measured.cost / UPDATES / median(Array.from({ length: 9 }, sortCost));
    else console.log(`update round ${round + 1}${round % 2 === 0 ? '' : ' (undoing)'}: ${measured.totalMs.toFixed(0)} ms, cost ${measured.cost.toFixed(1)} ms for ${UPDATES} updates`);
    if (round % 2 === 0 && (best === undefined || measured.totalMs < best.totalMs)) best = measured;
    // The first half of the rounds warm the code up (V8 optimizes the update's functions over the first few thousand).
    if (round >= Math.floor(UPDATE_ROUNDS / 2)) chunkRatiosByRound.push(measured.chunkRatios);
  }
  if (UPDATE_ROUNDS > 1) {
    // Each chunk's median over the measured rounds, then their mean: every chunk's updates count alike.
    const chunkCount = chunkRatiosByRound[0]?.length ?? 0;
    const chunkMedians = Array.from({ length: chunkCount }, (_, c) => median(chunkRatiosByRound.map((ratios) => ratios[c] as number)));
    updateCostRatio = chunkMedians.reduce((sum, ratio) => sum + ratio, 0) / chunkCount;
  }
  const { latencies, withoutCollection, changedCounts, changedTotal, totalMs } = best as UpdateRound;
  console.log('');
  console.log(`full evaluation     ${(evaluationMs / 1000).toFixed(2)} s (best of ${ROUNDS})`);
  console.log(`baseline (sum only) ${(baselineMs / 1000).toFixed(2)} s (best of ${ROUNDS})`);
  console.log(`ratio               ${(evaluationMs / baselineMs).toFixed(2)} (goal ≤ 3); median round, in costs (bench/costs.ts): ${evaluationCostRatio.toFixed(2)}`);
  console.log(`peak RSS            ${mib(peakRss())} (goal ≤ 2048 MiB; includes the ${FACTS} generated facts)`);
  console.log(`state built in      ${(built.ms / 1000).toFixed(2)} s; its ${SUBJECTS} results listed in ${(published.ms / 1000).toFixed(2)} s`);
  console.log(
    `one ledger delta    p50 ${percentile(latencies, 50).toFixed(3)} ms, p99 ${percentile(latencies, 99).toFixed(3)} ms, max ${(latencies.at(-1) ?? 0).toFixed(3)} ms over ${UPDATES} updates (goal p99 ≤ 5 ms); ${(changedTotal / UPDATES).toFixed(1)} results changed per update`,
  );
  console.log(`  mean ${(totalMs / UPDATES).toFixed(3)} ms; in costs (bench/costs.ts), ${(100 * updateCostRatio).toFixed(1)} % of sorting the ${SUBJECTS} totals once`);
  console.log(
    `  the ${withoutCollection.length} updates during which no garbage collection ran: p50 ${percentile(withoutCollection, 50).toFixed(3)} ms, p99 ${percentile(withoutCollection, 99).toFixed(3)} ms`,
  );
  console.log(
    `  results changed per update: p50 ${percentile(changedCounts, 50)}, p90 ${percentile(changedCounts, 90)}, p99 ${percentile(changedCounts, 99)}, max ${changedCounts.at(-1) ?? 0}`,
  );
  console.log(`load average at the end: ${loadavg().map((load) => load.toFixed(2)).join(', ')} on ${availableParallelism()} cores`);
  reportRatio('engine.evaluation', evaluationCostRatio, 'lower', 'full evaluation / summing the same facts');
  reportRatio('engine.update', updateCostRatio, 'lower', "one ledger delta (mean) / sorting every subject's total once");
  if (checksum === Number.MIN_VALUE) console.log(checksum);
}

await main();
