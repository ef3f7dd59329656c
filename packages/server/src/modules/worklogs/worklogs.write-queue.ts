import type { Db } from '../../db/kysely.js';
import type { Actor } from '../../policies/index.js';
import { isPostgres } from '../../db/dialect.js';
import { appendAuditRecords, appendAuditRecordsWithChange, AuditChainMovedError, type AuditEntry, readAuditChainHead } from '../audit/index.js';
import {
  allocateWorkLogIds, findAuthorsOn, insertWorkLogs, workLogsInsertStatementPg, type AuthorOn, type NewWorkLogRow, type WorkLogView,
} from './worklogs.repository.js';
import { findPersonBrief } from './worklog-reports.repository.js';
import { inTransaction } from '../../db/transactions.js';

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

  private writeBatch(batch: Pending[]): Promise<WorkLogView[]> {
    return isPostgres(this.db) ? this.writeBatchPostgres(batch) : this.writeBatchSqlite(batch);
  }

  /**
   * SQLite: one transaction — the authors' units on the entries' dates, the entries with their
   * search terms, their audit records. The stored entries are presented from what was written (the
   * view adds only the author's and the unit's names, read with the units): nothing is read back.
   */
  private async writeBatchSqlite(batch: Pending[]): Promise<WorkLogView[]> {
    return inTransaction(this.db, async (trx) => {
      const authors = await resolveAuthors(trx, batch);
      const newIds = await insertWorkLogs(trx, batch.map((p, i) => ({ log: { ...p.row, unit_id: authors[i]!.unit_id }, terms: p.terms })));
      await appendAuditRecords(trx, batch.map((p, i) => p.audit(newIds[i]!)), this.now().toISOString());
      return batch.map((p, i) => viewOf(p, newIds[i]!, authors[i]!));
    });
  }

  /**
   * PostgreSQL: every round trip counts (the statements of a transaction follow each other), so the
   * reads go first, in parallel — new ids from the sequence, the authors' units, the audit chain's
   * head — and the write is ONE statement: the entries, their audit records and the new head, atomic
   * by itself (appendAuditRecordsWithChange). Should the chain have grown since its head was read
   * (another writer), that statement fails whole and is retried with the new head.
   */
  private async writeBatchPostgres(batch: Pending[]): Promise<WorkLogView[]> {
    const [ids, authors, firstHead] = await Promise.all([
      allocateWorkLogIds(this.db, batch.length), resolveAuthors(this.db, batch), readAuditChainHead(this.db),
    ]);
    const change = workLogsInsertStatementPg(batch.map((p, i) => ({ id: ids[i]!, log: { ...p.row, unit_id: authors[i]!.unit_id }, terms: p.terms })));
    const audit = batch.map((p, i) => p.audit(ids[i]!));
    let head = firstHead;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await appendAuditRecordsWithChange(this.db, change, head, audit, this.now().toISOString());
        break;
      } catch (error) {
        if (!(error instanceof AuditChainMovedError) || attempt === CHAIN_ATTEMPTS) throw error;
        head = await readAuditChainHead(this.db);
      }
    }
    return batch.map((p, i) => viewOf(p, ids[i]!, authors[i]!));
  }
}

/** Tries of a PostgreSQL batch whose audit chain moved meanwhile (then it fails, and is retried entry by entry). */
const CHAIN_ATTEMPTS = 5;

/** Each entry belongs to the unit its person was in on its date (one query per distinct date). */
async function resolveAuthors(db: Db, batch: Pending[]): Promise<AuthorOn[]> {
  const found = new Map<string, AuthorOn>();
  for (const date of new Set(batch.map((p) => p.row.log_date))) {
    const people = [...new Set(batch.filter((p) => p.row.log_date === date).map((p) => p.row.person_id))];
    for (const [personId, author] of await findAuthorsOn(db, people, date)) found.set(`${personId}@${date}`, author);
  }
  const authors: AuthorOn[] = [];
  for (const p of batch) {
    let author = found.get(`${p.row.person_id}@${p.row.log_date}`);
    if (!author) {
      // No assignment covers the date: the person's current unit.
      const person = await findPersonBrief(db, p.row.person_id);
      if (!person) throw new Error(`person ${p.row.person_id} not found`);
      author = { unit_id: person.unit_id, unit_name: person.unit_name, person_name: person.name, employee_no: person.employee_no };
    }
    authors.push(author);
  }
  return authors;
}

/** The stored entry as listWorkLogViewsByIds would read it back. */
function viewOf(p: Pending, id: number, author: AuthorOn): WorkLogView {
  const r = p.row;
  return {
    id, person_id: r.person_id, person_name: author.person_name, employee_no: author.employee_no, unit_id: author.unit_id, unit_name: author.unit_name,
    log_date: r.log_date, kind: r.kind, content: r.content, indicator_ref: r.indicator_ref ?? null, task_ref: r.task_ref ?? null,
    minutes: r.minutes ?? null, late: r.late, created_by: r.created_by, created_at: r.created_at, updated_at: r.updated_at,
  };
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
