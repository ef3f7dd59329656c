import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export interface PeriodicJobOptions {
  intervalMs: number;
  /** Who runs it (recorded in scheduled_runs); default: host, process and a random tag. */
  runner?: string;
  onError?: (error: unknown) => void;
}

/**
 * Runs a job every `intervalMs` (the first pass at once) until stopped. Passes never overlap; a
 * failing pass is reported to `onError` and the next one runs on schedule. Every app server runs
 * its schedulers: each job claims its runs in `scheduled_runs`, so a run happens once.
 */
export function startPeriodicJob(run: (runner: string) => Promise<unknown>, options: PeriodicJobOptions): { stop(): Promise<void> } {
  const runner = options.runner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = () => {
    timer = undefined;
    if (stopped) return;
    running = run(runner)
      .then(() => undefined, (error: unknown) => options.onError?.(error))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
