import type { Scheme } from '@baton/engine';
import type { AppDeps } from '../../app/deps.js';
import type { PeriodState } from '../../db/schema.js';
import { findPeriod, listSubjectsOfPeriod, type PeriodRow } from '../periods/index.js';
import { findMaxLedgerId, type LedgerRow, listLedgerRowsAfter, onLedgerChange, sumLedgerBySubjectAndIndicator } from '../points/index.js';
import { PeriodRanking, type LedgerDelta } from './period-ranking.js';
import { listCategoryInfos, listUnitInfos } from '../org/index.js';
import { findScheme, type SchemeRow } from '../schemes/index.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** How often the ledger is read for rows written by other app servers while someone watches a ranking. */
export const RANKING_POLL_MS = 500;
/** States of closed periods are dropped after this long without a read. */
const CLOSED_IDLE_MS = 10 * 60_000;
/** At most this many period states are kept; the least recently read go first (never one being watched). */
const MAX_LOADED_PERIODS = 16;
/** Period facts (name, state) are re-read at most this often. */
const PERIOD_REFRESH_MS = 1000;
const TAIL_BATCH = 5000;
/** Idle and surplus period states are looked for at most this often (and when a period is loaded). */
const EVICT_EVERY_MS = 1000;
/**
 * A read within this long of the last catch-up is answered from it, unless this process has
 * announced a ledger row the ranking does not have yet: approvals made on this app server are
 * always seen by the next read.
 */
const CATCH_UP_FRESH_MS = 100;
/**
 * A read up to this long after the last catch-up is answered from it too, but starts the next one
 * in the background; only an older state makes the read wait. A busy server thus never holds its
 * reads for the ledger query (a round trip on PostgreSQL), and approvals of other app servers
 * (shared PostgreSQL) reach reads within this long plus a catch-up, as they reach open streams
 * (RANKING_POLL_MS).
 */
const CATCH_UP_STALE_MS = RANKING_POLL_MS;

export interface LoadedPeriod {
  period: PeriodRow;
  scheme: SchemeRow;
  ranking: PeriodRanking;
}

interface Entry {
  periodId: number;
  loading: Promise<LoadedPeriod>;
  loaded: LoadedPeriod | undefined;
  lastUsed: number;
  periodReadAt: number;
}

export interface RankingChange {
  periodId: number;
  version: number;
}

interface Subscriber {
  periodId: number;
  groupKey: string;
  notify(change: RankingChange): void;
}

/**
 * The live rankings of one app server (one database handle): period states built on first read and
 * then kept current from the ledger — at once for approvals made here (announceLedgerChange), and
 * by reading ledger rows after the high-water mark on reads (shared by reads within
 * CATCH_UP_FRESH_MS, refreshed in the background up to CATCH_UP_STALE_MS) and, while a stream is
 * open, every RANKING_POLL_MS (approvals made on other app servers).
 */
export class RankingHub {
  private readonly entries = new Map<number, Entry>();
  private readonly subscribers = new Set<Subscriber>();
  private catchingUp: Promise<void> | undefined;
  private catchUpAgain = false;
  private pollTimer: NodeJS.Timeout | undefined;
  /** The highest ledger id announced in this process (see ledger-changes). */
  private announcedUpTo = 0;
  /** When the last completed catch-up began reading. */
  private caughtUpAt = Number.NEGATIVE_INFINITY;
  private evictedAt = Number.NEGATIVE_INFINITY;
  private readonly stopListening: () => void;
  private closed = false;

  constructor(private readonly deps: Deps) {
    this.stopListening = onLedgerChange(deps, (change) => {
      this.announcedUpTo = Math.max(this.announcedUpTo, change.ledgerId);
      if (this.entries.size > 0) void this.catchUp().catch(() => undefined);
    });
  }

  /**
   * The period's ranking, current with every ledger row announced in this process before this call
   * and with the ledger as read at most CATCH_UP_STALE_MS before it (a read after CATCH_UP_FRESH_MS
   * starts a newer read of the ledger without waiting for it).
   */
  async get(periodId: number, rebuilt = false): Promise<LoadedPeriod | undefined> {
    let entry = this.entries.get(periodId);
    let added = false;
    if (entry?.loaded?.ranking.stale) {
      this.entries.delete(periodId);
      entry = undefined;
    }
    if (entry === undefined) {
      const period = await findPeriod(this.deps.db, periodId);
      if (!period) return undefined;
      entry = this.entries.get(periodId);
      if (entry === undefined) {
        const created: Entry = { periodId, loading: this.load(period), loaded: undefined, lastUsed: Date.now(), periodReadAt: Date.now() };
        created.loading.then((loaded) => (created.loaded = loaded), () => this.entries.delete(periodId));
        this.entries.set(periodId, created);
        entry = created;
        added = true;
      }
    }
    entry.lastUsed = Date.now();
    const loaded = entry.loaded ?? (await entry.loading);
    // A catch-up already under way will do for both reasons: it began moments ago, and an announced
    // row makes the announcement itself ask for one that begins after it (see the constructor). Asking
    // for another here made every read of a busy server wait for two round trips in a row.
    const age = Date.now() - this.caughtUpAt;
    if (loaded.ranking.version < this.announcedUpTo || age >= CATCH_UP_STALE_MS) {
      await (this.catchingUp ?? this.catchUp());
      // The catch-up shared may have been ending as the row was announced, without reading it.
      if (loaded.ranking.version < this.announcedUpTo) await (this.catchingUp ?? this.catchUp());
    } else if (age >= CATCH_UP_FRESH_MS && this.catchingUp === undefined) {
      void this.catchUp().catch(() => undefined); // a failure shows in the next read that waits
    }
    // A row of a subject the state does not have (assigned after it was built) makes it stale: it is
    // rebuilt now, so that this read too shows the approval.
    if (loaded.ranking.stale && !rebuilt) return this.get(periodId, true);
    if (Date.now() - entry.periodReadAt > PERIOD_REFRESH_MS) {
      entry.periodReadAt = Date.now();
      const period = await findPeriod(this.deps.db, periodId);
      if (period) loaded.period = period;
    }
    // Eviction walks every entry and watcher: at most once a second, and whenever a period was loaded.
    if (added || Date.now() - this.evictedAt >= EVICT_EVERY_MS) {
      this.evictedAt = Date.now();
      this.evict();
    }
    return loaded;
  }

  private load(period: PeriodRow): Promise<LoadedPeriod> {
    return loadPeriodRanking(this.deps.db, period);
  }

  /**
   * Reads the ledger after the lowest version of the loaded rankings and applies each row to the
   * rankings it concerns. One catch-up at a time: callers arriving meanwhile share the next one.
   */
  catchUp(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    const run = async () => {
      do {
        this.catchUpAgain = false;
        const startedAt = Date.now();
        await this.readTail();
        this.caughtUpAt = startedAt;
      } while (this.catchUpAgain);
    };
    this.catchingUp = run().finally(() => (this.catchingUp = undefined));
    return this.catchingUp;
  }

  private async readTail(): Promise<void> {
    for (;;) {
      const loaded = [...this.entries.values()].flatMap((e) => (e.loaded ? [e.loaded] : []));
      if (loaded.length === 0) return;
      const from = Math.min(...loaded.map((l) => l.ranking.version));
      const rows = await listLedgerRowsAfter(this.deps.db, from, TAIL_BATCH);
      if (rows.length === 0) return;
      const last = rows[rows.length - 1]!.id;
      for (const l of loaded) this.applyRows(l, rows, last);
      if (rows.length < TAIL_BATCH) return;
    }
  }

  private applyRows(loaded: LoadedPeriod, rows: LedgerRow[], last: number): void {
    const { period, scheme, ranking } = loaded;
    const deltas: LedgerDelta[] = [];
    for (const row of rows) {
      if (row.id <= ranking.version || row.scheme_id !== scheme.id || row.occurred_on < period.starts_on || row.occurred_on > period.ends_on) continue;
      const subjectId = scheme.subject_kind === 'person' ? row.person_id : row.unit_id;
      if (subjectId === null) continue;
      deltas.push({ id: row.id, subjectId, indicator: row.indicator_id, centi: row.delta_centi });
    }
    const changed = deltas.length > 0 ? ranking.apply(deltas) : new Set<number>();
    ranking.advanceTo(last);
    if (changed.size === 0 && !ranking.stale) return;
    const change = { periodId: period.id, version: ranking.version };
    for (const subscriber of this.subscribers) {
      if (subscriber.periodId !== period.id) continue;
      if (ranking.stale || [...changed].some((index) => ranking.isInGroup(index, subscriber.groupKey))) subscriber.notify(change);
    }
  }

  /** Registers a listener of a period's group; returns the function that unregisters it. */
  subscribe(periodId: number, groupKey: string, notify: (change: RankingChange) => void): () => void {
    const subscriber: Subscriber = { periodId, groupKey, notify };
    this.subscribers.add(subscriber);
    this.startPolling();
    return () => {
      this.subscribers.delete(subscriber);
      if (this.subscribers.size === 0) this.stopPolling();
    };
  }

  private startPolling(): void {
    if (this.pollTimer || this.closed) return;
    const tick = () => {
      this.pollTimer = undefined;
      if (this.subscribers.size === 0 || this.closed) return;
      void this.catchUp()
        .then(() => this.rebuildStaleWatched())
        .catch(() => undefined)
        .finally(() => {
          if (this.subscribers.size > 0 && !this.closed && !this.pollTimer) this.pollTimer = setTimeout(tick, RANKING_POLL_MS).unref();
        });
    };
    this.pollTimer = setTimeout(tick, RANKING_POLL_MS).unref();
  }

  /** A watched ranking that met a new subject is rebuilt now, so its watchers refetch a complete one. */
  private async rebuildStaleWatched(): Promise<void> {
    for (const entry of [...this.entries.values()]) {
      if (!entry.loaded?.ranking.stale) continue;
      const watched = [...this.subscribers].some((s) => s.periodId === entry.periodId);
      if (watched) await this.get(entry.periodId);
    }
  }

  private stopPolling(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  /** Drops idle states of closed periods, then the least recently read beyond MAX_LOADED_PERIODS; watched ones stay. */
  private evict(): void {
    const now = Date.now();
    const watched = new Set([...this.subscribers].map((s) => s.periodId));
    const closedState: PeriodState = 'closed';
    for (const entry of this.entries.values()) {
      if (!watched.has(entry.periodId) && entry.loaded?.period.state === closedState && now - entry.lastUsed > CLOSED_IDLE_MS) this.entries.delete(entry.periodId);
    }
    if (this.entries.size <= MAX_LOADED_PERIODS) return;
    const byAge = [...this.entries.values()].filter((e) => e.loaded && !watched.has(e.periodId)).sort((a, b) => a.lastUsed - b.lastUsed);
    for (const entry of byAge.slice(0, this.entries.size - MAX_LOADED_PERIODS)) this.entries.delete(entry.periodId);
  }

  /** Loaded period ids (tests, diagnostics). */
  loadedPeriodIds(): number[] {
    return [...this.entries.keys()];
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopPolling();
    this.stopListening();
    for (const subscriber of this.subscribers) this.subscribers.delete(subscriber);
    await this.catchingUp?.catch(() => undefined);
    this.entries.clear();
  }
}

const hubs = new WeakMap<object, RankingHub>();

/** The hub of an app server's database handle (one per handle, like the ledger-change channel). */
export function rankingHubOf(deps: Deps): RankingHub {
  let hub = hubs.get(deps.db);
  if (hub === undefined) {
    hub = new RankingHub(deps);
    hubs.set(deps.db, hub);
  }
  return hub;
}

export async function closeRankingHub(deps: Pick<AppDeps, 'db'>): Promise<void> {
  const hub = hubs.get(deps.db);
  hubs.delete(deps.db);
  await hub?.close();
}

/**
 * A period's ranking as the ledger stands now (the hub keeps it current from there). Also read
 * once by who needs a unit period's grades, such as the unit tiers of 考用结合.
 */
export async function loadPeriodRanking(db: Deps['db'], period: PeriodRow): Promise<LoadedPeriod> {
  const scheme = (await findScheme(db, period.scheme_id))!;
  const subjectKind = scheme.subject_kind;
  // Rows up to `version` are summed now; later ones arrive through catch-up.
  const version = await findMaxLedgerId(db);
  const [subjects, units, categories, sums] = await Promise.all([
    listSubjectsOfPeriod(db, { subjectKind, scopeUnitId: period.scope_unit_id, from: period.starts_on, to: period.ends_on }),
    listUnitInfos(db),
    listCategoryInfos(db),
    sumLedgerBySubjectAndIndicator(db, { schemeId: scheme.id, subjectKind, from: period.starts_on, to: period.ends_on, maxId: version }),
  ]);
  const ranking = new PeriodRanking({
    scheme: JSON.parse(scheme.definition_json) as Scheme,
    subjectKind,
    subjects: subjects.map((s) => ({ id: s.id, name: s.name, employeeNo: s.employee_no, unitId: s.unit_id })),
    units: units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id, categoryId: u.category_id })),
    categories,
    sums,
    version,
  });
  return { period, scheme, ranking };
}
