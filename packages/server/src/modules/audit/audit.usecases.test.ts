import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createMigrator, type DatabaseHandle } from '../../db/kysely.js';
import { adminActor, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { changeUnit, createUnit } from '../org/index.js';
import { verifyAuditChain } from './audit.usecases.js';

describe.each(testDialects)('the audit chain on %s', (dialect) => {
  let handle: DatabaseHandle;
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    handle = await createTestDatabase(dialect);
    deps = depsFor(handle);
    const d = await createUnit(deps, adminActor, { code: 'D', name: '崇川区', type: 'district', parentId: null });
    const t = await createUnit(deps, adminActor, { code: 'T', name: '川姜镇', type: 'town', parentId: d.id });
    await changeUnit(deps, adminActor, t.id, { name: '川姜镇人民政府', reason: '更名' });
    await createUnit(deps, adminActor, { code: 'S', name: '二甲镇', type: 'town', parentId: d.id });
  });
  afterEach(() => handle.destroy());

  it('keeps every record and the chain through migration 0008 (hash no longer unique) and back', async () => {
    const before = await handle.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const migrator = await createMigrator(handle.db);
    const down = await migrator.migrateDown();
    expect(down.error).toBeUndefined();
    expect(down.results).toEqual([expect.objectContaining({ migrationName: '0008-audit-hash-not-unique', direction: 'Down', status: 'Success' })]);
    // Back to the unique index: a second record with an existing hash is refused.
    await expect(sql`insert into audit_log (seq, at, actor_label, action, entity, prev_hash, hash) values (99, 'x', 'x', 'x', 'x', 'x', ${before[0]!.hash})`.execute(handle.db))
      .rejects.toThrow(/unique/i);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    expect(await handle.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).toEqual(before);
    expect(await verifyAuditChain(deps)).toMatchObject({ ok: true, records: 4 });
    // The chain goes on after the rebuild, and the entity index is there again.
    await createUnit(deps, adminActor, { code: 'H', name: '海门区', type: 'district', parentId: null });
    expect(await verifyAuditChain(deps)).toMatchObject({ ok: true, records: 5 });
    const indexes = dialect === 'sqlite'
      ? (await sql<{ name: string; unique: number }>`select name, "unique" from pragma_index_list('audit_log')`.execute(handle.db)).rows
      : (await sql<{ name: string; unique: boolean }>`select i.relname as name, x.indisunique as unique from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid where t.relname = 'audit_log' and t.relnamespace = current_schema()::regnamespace`.execute(handle.db)).rows;
    expect(indexes.map((i) => i.name)).toContain('audit_log_entity_idx');
    // Only the primary key (PostgreSQL lists it; SQLite's rowid needs none) is unique.
    expect(indexes.filter((i) => Boolean(i.unique)).map((i) => i.name)).toEqual(dialect === 'sqlite' ? [] : ['audit_log_pkey']);
  });

  it('leaves the audit log whole when a rebuild of migration 0008 fails halfway', async () => {
    // Two records sharing a hash (only a forger could make them) stop the way back to a unique index
    // after the new table was created and while the records are copied.
    await sql`insert into audit_log (seq, at, actor_label, action, entity, prev_hash, hash) select 99, 'x', 'x', 'x', 'x', 'x', hash from audit_log where seq = 1`.execute(handle.db);
    const before = await handle.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const down = await (await createMigrator(handle.db)).migrateDown();
    expect(down.error).toBeDefined();
    expect(await handle.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).toEqual(before);
    expect((await handle.db.introspection.getTables()).map((t) => t.name)).not.toContain('audit_log_rebuilt');
    // Still on 0008: nothing is left for the next start to trip over.
    expect((await (await createMigrator(handle.db)).migrateToLatest()).error).toBeUndefined();
  });

  it('verifies an untouched chain', async () => {
    expect(await verifyAuditChain(deps)).toMatchObject({ ok: true, records: 4, problems: [] });
  });

  it('detects a record whose content was altered', async () => {
    await sql`update audit_log set reason = '改过' where seq = 3`.execute(handle.db);
    const result = await verifyAuditChain(deps);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({ seq: 3, message: expect.stringContaining('altered') });
  });

  it('detects a record deleted from the middle', async () => {
    await sql`delete from audit_log where seq = 2`.execute(handle.db);
    const result = await verifyAuditChain(deps);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.seq)).toContain(3);
  });

  it('detects a deleted tail through the recorded head', async () => {
    await sql`delete from audit_log where seq = 4`.execute(handle.db);
    const result = await verifyAuditChain(deps);
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/deleted/);
  });

  it('detects a record re-hashed after tampering, because its successor points at the old hash', async () => {
    const { hashAuditRecord } = await import('./audit.repository.js');
    const row = await handle.db.selectFrom('audit_log').selectAll().where('seq', '=', 2).executeTakeFirstOrThrow();
    const forged = { ...row, after_json: '{"name":"伪造"}' };
    const { hash: _old, ...fields } = forged;
    await handle.db.updateTable('audit_log').set({ after_json: forged.after_json, hash: hashAuditRecord(fields) }).where('seq', '=', 2).execute();
    const result = await verifyAuditChain(deps);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({ seq: 3, message: expect.stringContaining('does not point') });
  });
});

describe.each(testDialects.filter((d) => d === 'postgres'))('a change with its audit records in one statement on %s', (dialect) => {
  let handle: DatabaseHandle;
  beforeEach(async () => {
    handle = await createTestDatabase(dialect);
  });
  afterEach(() => handle.destroy());

  const change = (key: string) => ({ sql: 'insert into settings (key, value) values ($1, $2)', parameters: [key, 'v'] });
  const entry = (n: number) => ({ actorId: null, actorLabel: 'test', action: 'test.done', entity: 'setting', entityId: n, after: { n } });

  it('extends the chain, and refuses (writing nothing) when the chain moved since its head was read', async () => {
    const { appendAuditRecords, appendAuditRecordsWithChange, readAuditChainHead, AuditChainMovedError } = await import('./audit.repository.js');
    await appendAuditRecordsWithChange(handle.db, change('k1'), await readAuditChainHead(handle.db), [entry(1), entry(2)], new Date().toISOString());
    const stale = await readAuditChainHead(handle.db);
    expect(stale?.seq).toBe(2);
    // Someone else appends (the locked path): the head read before is now stale.
    await handle.db.transaction().execute((trx) => appendAuditRecords(trx, [entry(3)], new Date().toISOString()));
    await expect(appendAuditRecordsWithChange(handle.db, change('k2'), stale, [entry(4)], new Date().toISOString())).rejects.toBeInstanceOf(AuditChainMovedError);
    expect(await handle.db.selectFrom('settings').select('key').where('key', '=', 'k2').executeTakeFirst()).toBeUndefined();
    await appendAuditRecordsWithChange(handle.db, change('k2'), await readAuditChainHead(handle.db), [entry(4)], new Date().toISOString());
    expect(await verifyAuditChain({ db: handle.db })).toMatchObject({ ok: true, records: 4 });
    expect(await handle.db.selectFrom('settings').select('key').where('key', 'in', ['k1', 'k2']).execute()).toHaveLength(2);
  });
});
