import { costOf, median, startCost } from './costs.js';

/** What the in-process measure gives per target. */
export interface InProcessFigures {
  /** The bare route's cost per request over the target's (costs.ts): the median over the pairs of batches. */
  ratio: number;
  /** The target's cost per request, median over its batches, in microseconds. */
  microseconds: number;
}

export interface InProcessOptions {
  /** Pairs of batches (the bare route's, then the target's) per target. */
  pairs: number;
  /** Requests per batch. */
  batchSize: number;
  /** Requests in flight at once within a batch. */
  concurrency: number;
}

/**
 * Requests made in the process, through Fastify's `inject` (the whole request lifecycle — hooks,
 * session, validation, handler, database, serialization — without sockets or a load generator),
 * against a bare route measured the same way: many short batches, each of a target right after
 * one of the bare route, and each target's figure is the median over its pairs of the bare batch's
 * cost over its own (costs.ts). This is what the CI gate compares on a shared machine; the HTTP
 * load with autocannon (against-bare.ts) gives the figures of the goals.
 */
export async function measureInProcess<T extends string>(
  bare: () => Promise<void>, targets: Record<T, () => Promise<void>>, options: InProcessOptions,
): Promise<Record<T, InProcessFigures>> {
  const runBatch = async (request: () => Promise<void>): Promise<number> => {
    const stop = startCost();
    for (let sent = 0; sent < options.batchSize; sent += options.concurrency) {
      const inFlight: Promise<void>[] = [];
      for (let k = 0; k < Math.min(options.concurrency, options.batchSize - sent); k += 1) inFlight.push(request());
      await Promise.all(inFlight);
    }
    return costOf(stop());
  };
  const names = Object.keys(targets) as T[];
  await runBatch(bare); // warm-up
  for (const name of names) await runBatch(targets[name]);
  const ratios = new Map<T, number[]>(names.map((name) => [name, []]));
  const costs = new Map<T, number[]>(names.map((name) => [name, []]));
  for (let pair = 0; pair < options.pairs; pair += 1) {
    for (const name of names) {
      const bareCost = await runBatch(bare);
      const cost = await runBatch(targets[name]);
      ratios.get(name)!.push(bareCost / cost);
      costs.get(name)!.push((1000 * cost) / options.batchSize);
    }
  }
  return Object.fromEntries(names.map((name) => [name, { ratio: median(ratios.get(name)!), microseconds: median(costs.get(name)!) }])) as Record<T, InProcessFigures>;
}
