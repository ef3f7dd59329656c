/** What other parts of the server use from rankings (the CLI wires the scheduler into `baton serve`). */
export { startRedBlackScheduler, runRedBlackJobOnce, RED_BLACK_JOB } from './red-black.scheduler.js';
export { announceLedgerChange, onLedgerChange, type LedgerChange } from './ledger-changes.js';
export { rankingHubOf, closeRankingHub } from './ranking-hub.js';
