import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/kysely.js';
import { isPostgres } from '../../db/migrations/migration-helpers.js';
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

/**
 * Appends records to the hash chain. Must run inside the transaction of the change it records,
 * so that a change and its audit record are written together or not at all.
 */
export async function appendAuditRecords(trx: Db, entries: AuditEntry[], at: string): Promise<void> {
  if (entries.length === 0) return;
  if (isPostgres(trx)) {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  }
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS;
  const rows: AuditRecord[] = [];
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
    rows.push({ ...fields, hash: prev });
  }
  for (let i = 0; i < rows.length; i += 500) {
    await trx.insertInto('audit_log').values(rows.slice(i, i + 500)).execute();
  }
  await trx
    .insertInto('settings')
    .values({ key: HEAD_KEY, value: `${seq}:${prev}` })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: `${seq}:${prev}` }))
    .execute();
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
