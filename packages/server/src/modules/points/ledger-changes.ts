import { EventEmitter } from 'node:events';
import type { AppDeps } from '../../app/deps.js';

/** A committed change of the point ledger: rows up to `ledgerId` of `schemeId` exist. */
export interface LedgerChange {
  schemeId: number;
  ledgerId: number;
}

/**
 * In-process announcements of ledger changes, one channel per database handle (one app server).
 * Other app servers sharing a PostgreSQL database learn of changes by reading the ledger after
 * their high-water mark (see rankings), not through this channel.
 */
const channels = new WeakMap<object, EventEmitter>();

function channelOf(deps: Pick<AppDeps, 'db'>): EventEmitter {
  let channel = channels.get(deps.db);
  if (channel === undefined) {
    channel = new EventEmitter();
    channel.setMaxListeners(0);
    channels.set(deps.db, channel);
  }
  return channel;
}

/** Call after the transaction that wrote ledger rows has committed. */
export function announceLedgerChange(deps: Pick<AppDeps, 'db'>, change: LedgerChange): void {
  channelOf(deps).emit('change', change);
}

/** Returns the function that stops listening. */
export function onLedgerChange(deps: Pick<AppDeps, 'db'>, listener: (change: LedgerChange) => void): () => void {
  const channel = channelOf(deps);
  channel.on('change', listener);
  return () => channel.off('change', listener);
}
