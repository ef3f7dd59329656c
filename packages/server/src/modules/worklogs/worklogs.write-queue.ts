import type { Db } from '../../db/kysely.js';
import type { Actor } from '../../policies/policies.js';
import { appendAuditRecords, type AuditEntry } from '../audit/audit.repository.js';
import { findPersonBrief, findUnitsOfPeopleOn, insertWorkLogs, listWorkLogViewsByIds, type NewWorkLogRow, type WorkLogView } from './worklogs.repository.js';

/** An entry ready to be written: validated, its content normalised and its search terms extracted. */
export interface PreparedWorkLog {
  actor: Actor;
  row: Omit<NewWorkLogRow, 'unit_id'>;
  terms: string[];
  audit: (id: number) => AuditEntry;
}

interface Pending extends PreparedWorkLog {
  resolve: (view: WorkLogView) => void;
  reject: (error: unknown) => void;
}

/** Entries written together at most; more wait for the next transaction. */
const MAX_BATCH = 200;

/**
 * Group commit for new work-log entries. Everyone writes his log at the end of the day, so entries
 * arrive together: those that arrive while a transaction is being written wait and are written by
 * the next one, together — one commit and one audit-chain append for the lot, each entry still with
 * its own audit record in the same transaction as the entry. A batch that fails is retried entry by
 * entry, so one bad entry cannot fail its neighbours. A lone entry is written at once (no waiting).
 */
class WorkLogWriteQueue {
  private readonly pending: Pending[] = [];
  private running = false;

  constructor(private readonly db: Db, private readonly now: () => Date) {}

  write(entry: PreparedWorkLog): Promise<WorkLogView> {
    return new Promise((resolve, reject) => {
      this.pending.push({ ...entry, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) {
        // One turn of the event loop lets the requests already on their way join this transaction.
        await new Promise((resolve) => setImmediate(resolve));
        const batch = this.pending.splice(0, MAX_BATCH);
        try {
          const views = await this.writeBatch(batch);
          batch.forEach((p, i) => p.resolve(views[i]!));
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.reject(error);
            continue;
          }
          for (const p of batch) {
            try {
              p.resolve((await this.writeBatch([p]))[0]!);
            } catch (single) {
              p.reject(single);
            }
          }
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async writeBatch(batch: Pending[]): Promise<WorkLogView[]> {
    const ids = await this.db.transaction().execute(async (trx) => {
      // Each entry belongs to the unit its person was in on its date (one query per distinct date).
      const unitOf = new Map<string, number>();
      for (const date of new Set(batch.map((p) => p.row.log_date))) {
        const people = [...new Set(batch.filter((p) => p.row.log_date === date).map((p) => p.row.person_id))];
        for (const [personId, unitId] of await findUnitsOfPeopleOn(trx, people, date)) unitOf.set(`${personId}@${date}`, unitId);
      }
      const rows: { log: NewWorkLogRow; terms: string[] }[] = [];
      for (const p of batch) {
        const unitId = unitOf.get(`${p.row.person_id}@${p.row.log_date}`) ?? (await findPersonBrief(trx, p.row.person_id))?.unit_id;
        if (unitId === undefined) throw new Error(`person ${p.row.person_id} not found`);
        rows.push({ log: { ...p.row, unit_id: unitId }, terms: p.terms });
      }
      const newIds = await insertWorkLogs(trx, rows);
      await appendAuditRecords(trx, batch.map((p, i) => p.audit(newIds[i]!)), this.now().toISOString());
      return newIds;
    });
    return listWorkLogViewsByIds(this.db, ids);
  }
}

const queues = new WeakMap<Db, WorkLogWriteQueue>();

/** Writes a new entry through the group-commit queue of its database; resolves with the stored entry. */
export function enqueueWorkLog(db: Db, now: () => Date, entry: PreparedWorkLog): Promise<WorkLogView> {
  let queue = queues.get(db);
  if (!queue) {
    queue = new WorkLogWriteQueue(db, now);
    queues.set(db, queue);
  }
  return queue.write(entry);
}
