import { loadavg } from 'node:os';
import autocannon from 'autocannon';

/** One autocannon run: requests per second on average, p99 latency, failures. */
export interface Load { rps: number; p99: number; non2xx: number; errors: number }

export interface LoadOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  seconds: number;
}

export async function load(url: string, options: LoadOptions): Promise<Load> {
  const result = await autocannon({
    url, method: options.method ?? 'GET', connections: options.connections, duration: options.seconds, workers: 1,
    headers: options.headers ?? {}, ...(options.body === undefined ? {} : { body: options.body }),
  });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

export interface AgainstBare<T extends string> {
  /** Each target's rate over the mean of the bare route's rates just before and just after it, per round. */
  ratios: Record<T, number[]>;
  loads: Record<T, Load[]>;
  bare: Load[];
  /** The median of a target's ratios, in per cent. */
  median(target: T): number;
  mean(target: T | 'bare'): number;
}

/**
 * Measures HTTP targets against a bare route in rounds: every target runs between two runs of the
 * bare route and is judged against their mean, and a target's figure is the median over the rounds.
 * On this shared 2-core machine the bare route alone moves between 15 000 and 35 000 req/s from one
 * second to the next; a target is only ever compared with the bare route measured right around it.
 */
export async function measureAgainstBare<T extends string>(
  bare: () => Promise<Load>, targets: Record<T, () => Promise<Load>>, rounds: number, log: (line: string) => void,
): Promise<AgainstBare<T>> {
  const names = Object.keys(targets) as T[];
  const ratios = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<T, number[]>;
  const loads = Object.fromEntries(names.map((name) => [name, [] as Load[]])) as Record<T, Load[]>;
  const bares: Load[] = [];
  for (let round = 0; round < rounds; round += 1) {
    let before = await bare();
    bares.push(before);
    const line: string[] = [];
    for (const name of names) {
      const measured = await targets[name]();
      const after = await bare();
      bares.push(after);
      const ratio = measured.rps / ((before.rps + after.rps) / 2);
      ratios[name].push(ratio);
      loads[name].push(measured);
      line.push(`${name} ${Math.round(measured.rps).toLocaleString()} (${(100 * ratio).toFixed(1)} %)`);
      before = after;
    }
    const bareRates = bares.slice(-(names.length + 1)).map((b) => Math.round(b.rps).toLocaleString());
    log(`    round ${round + 1}: ${line.join(', ')} req/s; bare ${bareRates.join(' / ')} (load average ${loadavg()[0]!.toFixed(2)})`);
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  const mean = (values: Load[]) => values.reduce((sum, v) => sum + v.rps, 0) / values.length;
  return {
    ratios, loads, bare: bares,
    median: (target) => 100 * median(ratios[target]),
    mean: (target) => mean(target === 'bare' ? bares : loads[target as T]),
  };
}
