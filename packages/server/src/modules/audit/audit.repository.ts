import { createHash } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../../db/kysely.js';
import { isPostgres } from '../../db/dialect.js';
import type { AuditRecord } from '../../db/schema.js';

export interface AuditEntry {
  actorId: number | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

const GENESIS = '0'.repeat(64);
const HEAD_KEY = 'audit.head';
/** Arbitrary constant: the PostgreSQL advisory lock that serialises appends across app servers. */
const AUDIT_LOCK_KEY = 724_201;

/** JSON with object keys sorted, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

type HashedFields = Omit<AuditRecord, 'hash'>;

export function hashAuditRecord(r: HashedFields): string {
  const material = canonicalJson([
    r.seq, r.at, r.actor_id, r.actor_label, r.action, r.entity, r.entity_id,
    r.before_json, r.after_json, r.reason, r.prev_hash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

const AUDIT_COLUMNS = [
  'seq', 'at', 'actor_id', 'actor_label', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'reason', 'prev_hash', 'hash',
] as const satisfies readonly (keyof AuditRecord)[];

/** Rows per insert statement: 12 parameters each, well below both databases' limits. */
const AUDIT_INSERT_BATCH = 500;

const READ_HEAD = CompiledQuery.raw('select seq, hash from audit_log order by seq desc limit 1');

const statementTexts = new Map<string, string>();

/**
 * The SQL of an append of `rows` records, built once per dialect and size. Appends run on every
 * write of the application, so they skip the query builder: the text is fixed, only values are bound.
 * On PostgreSQL the records and the new head go in one statement (one round trip); SQLite has no
 * data-changing CTE, so there the head is a second statement (headUpsertSql).
 */
function appendSql(pg: boolean, rows: number, withHead: boolean): string {
  const key = `${pg ? 'p' : 's'}${rows}${withHead ? 'h' : ''}`;
  let text = statementTexts.get(key);
  if (text === undefined) {
    let n = 0;
    const param = () => (pg ? `$${++n}` : '?');
    const tuples = Array.from({ length: rows }, () => `(${AUDIT_COLUMNS.map(param).join(', ')})`).join(', ');
    const insert = `insert into audit_log (${AUDIT_COLUMNS.join(', ')}) values ${tuples}`;
    text = withHead ? `with appended as (${insert}) ${headUpsertSql(pg, param(), param())}` : insert;
    statementTexts.set(key, text);
  }
  return text;
}

function headUpsertSql(pg: boolean, key = pg ? '$1' : '?', value = pg ? '$2' : '?'): string {
  return `insert into settings (key, value) values (${key}, ${value}) on conflict (key) do update set value = excluded.value`;
}

/** The last record of the chain (seq and hash), or undefined for an empty chain. */
export async function readAuditChainHead(db: Db): Promise<{ seq: number; hash: string } | undefined> {
  const row = (await db.executeQuery<{ seq: number | string; hash: string }>(READ_HEAD)).rows[0];
  return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
}

/** The records that extend the chain from `last`: their column values in AUDIT_COLUMNS order, row after row, and the new head. */
function chainAuditRecords(last: { seq: number; hash: string } | undefined, entries: AuditEntry[], at: string): { values: unknown[]; head: string } {
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS;
  const values: unknown[] = [];
  for (const e of entries) {
    seq += 1;
    const fields: HashedFields = {
      seq,
      at,
      actor_id: e.actorId,
      actor_label: e.actorLabel,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId === null ? null : String(e.entityId),
      before_json: e.before === undefined ? null : canonicalJson(e.before),
      after_json: e.after === undefined ? null : canonicalJson(e.after),
      reason: e.reason ?? null,
      prev_hash: prev,
    };
    prev = hashAuditRecord(fields);
    values.push(
      fields.seq, fields.at, fields.actor_id, fields.actor_label, fields.action, fields.entity, fields.entity_id,
      fields.before_json, fields.after_json, fields.reason, fields.prev_hash, prev,
    );
  }
  return { values, head: `${seq}:${prev}` };
}

/** Thrown by appendAuditRecordsWithChange when the chain grew since its head was read: read it again and retry. */
export class AuditChainMovedError extends Error {
  constructor() {
    super('the audit chain moved on since its head was read');
  }
}

const PG_UNIQUE_VIOLATION = '23505';

/**
 * PostgreSQL only: a change and its audit records in ONE statement (atomic without a transaction,
 * one round trip instead of seven), for the hot write paths. `change` is a data-changing statement
 * with parameters $1…$n (it becomes a CTE); `head` is the chain's head as read beforehand, without
 * a lock. The statement takes the chain's advisory lock before it inserts a record (the records'
 * rows are joined to the lock), exactly like appendAuditRecords; if the chain grew meanwhile, the
 * records' sequence numbers are taken and the whole statement fails on the key — nothing written —
 * with AuditChainMovedError: read the head again and retry. The chain stays gapless and
 * single-linked either way, and appenders on the locked path never see a conflict (they read the
 * head after taking the lock, and this statement holds it from before its first record to commit).
 */
export async function appendAuditRecordsWithChange(
  db: Db,
  change: { sql: string; parameters: unknown[] },
  head: { seq: number; hash: string } | undefined,
  entries: AuditEntry[],
  at: string,
): Promise<void> {
  const { values, head: newHead } = chainAuditRecords(head, entries, at);
  let n = change.parameters.length;
  const param = (cast = '') => `$${++n}${cast}`;
  const lock = param('::bigint');
  const casts: Partial<Record<(typeof AUDIT_COLUMNS)[number], string>> = { seq: '::integer', actor_id: '::integer' };
  const tuples = entries.map(() => `(${AUDIT_COLUMNS.map((c) => param(casts[c] ?? '::text')).join(', ')})`).join(', ');
  const text = [
    `with change as (${change.sql}),`,
    `chain_lock as (select pg_advisory_xact_lock(${lock}) as locked),`,
    `appended as (insert into audit_log (${AUDIT_COLUMNS.join(', ')}) select r.* from (values ${tuples}) as r(${AUDIT_COLUMNS.join(', ')}) cross join chain_lock)`,
    `insert into settings (key, value) values (${param()}, ${param()}) on conflict (key) do update set value = excluded.value`,
  ].join(' ');
  try {
    await db.executeQuery(CompiledQuery.raw(text, [...change.parameters, AUDIT_LOCK_KEY, ...values, HEAD_KEY, newHead]));
  } catch (error) {
    const e = error as { code?: string; table?: string };
    if (e.code === PG_UNIQUE_VIOLATION && e.table === 'audit_log') throw new AuditChainMovedError();
    throw error;
  }
}

/**
 * Appends records to the hash chain. Must run inside the transaction of the change it records,
 * so that a change and its audit record are written together or not at all.
 */
export async function appendAuditRecords(trx: Db, entries: AuditEntry[], at: string): Promise<void> {
  if (entries.length === 0) return;
  const pg = isPostgres(trx);
  if (pg) {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  }
  const { values, head } = chainAuditRecords(await readAuditChainHead(trx), entries, at);
  const perRow = AUDIT_COLUMNS.length;
  for (let i = 0; i < entries.length; i += AUDIT_INSERT_BATCH) {
    const rows = Math.min(AUDIT_INSERT_BATCH, entries.length - i);
    const last = i + rows === entries.length;
    const params = values.slice(i * perRow, (i + rows) * perRow);
    if (pg && last) params.push(HEAD_KEY, head);
    await trx.executeQuery(CompiledQuery.raw(appendSql(pg, rows, pg && last), params));
  }
  if (!pg) await trx.executeQuery(CompiledQuery.raw(headUpsertSql(false), [HEAD_KEY, head]));
}

export interface AuditListFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: number | undefined;
  action?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export async function listAuditRecords(db: Db, f: AuditListFilter): Promise<AuditRecord[]> {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(f.limit);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  return q.execute();
}

export async function readAuditHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', HEAD_KEY).executeTakeFirst();
  if (!row) return null;
  const [seq, hash] = row.value.split(':');
  return { seq: Number(seq), hash: hash ?? '' };
}

/** Streams the chain in seq order, page by page, so verifying millions of records stays in bounded memory. */
export async function* iterateAuditRecords(db: Db, pageSize = 5000): AsyncGenerator<AuditRecord> {
  let after = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    if (page.length === 0) return;
    yield* page;
    after = page[page.length - 1]!.seq;
  }
}

export { GENESIS as AUDIT_GENESIS_HASH };
