import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, StatementCachingDatabase } from './kysely.js';

describe('the SQLite statement cache', () => {
  const open: SQLite.Database[] = [];
  afterEach(() => {
    for (const c of open.splice(0)) if (c.open) c.close();
  });
  const connection = () => {
    const c = new SQLite(':memory:');
    open.push(c);
    c.exec('create table t (id integer primary key, a text)');
    return c;
  };

  it('hands out the same statement for the same SQL, with the same results', () => {
    const cache = new StatementCachingDatabase(connection());
    cache.prepare('insert into t (a) values (?)').run(['x']);
    const first = cache.prepare('select * from t where a = ?');
    expect(cache.prepare('select * from t where a = ?')).toBe(first);
    expect(first.all(['x'])).toEqual([{ id: 1, a: 'x' }]);
    cache.prepare('insert into t (a) values (?)').run(['y']);
    expect(cache.prepare('select * from t where a = ?').all(['y'])).toEqual([{ id: 2, a: 'y' }]);
  });

  it('stays within its size, dropping the least recently used', () => {
    const cache = new StatementCachingDatabase(connection(), 3);
    const a = cache.prepare('select 1');
    cache.prepare('select 2');
    cache.prepare('select 1'); // used again: now the most recent
    cache.prepare('select 3');
    cache.prepare('select 4');
    expect(cache.size).toBe(3);
    expect(cache.prepare('select 1')).toBe(a);
  });

  it('is emptied by schema changes, and statements see the new schema', () => {
    const cache = new StatementCachingDatabase(connection());
    cache.prepare('insert into t (a) values (?)').run(['x']);
    expect(cache.prepare('select * from t').all([])).toEqual([{ id: 1, a: 'x' }]);
    cache.prepare('alter table t add column b text').run([]);
    expect(cache.size).toBe(0);
    expect(cache.prepare('select * from t').all([])).toEqual([{ id: 1, a: 'x', b: null }]);
  });

  it('never hands out a statement that is still being iterated', () => {
    const cache = new StatementCachingDatabase(connection());
    cache.prepare('insert into t (a) values (?), (?)').run(['x', 'y']);
    const cached = cache.prepare('select a from t order by id');
    const rows = cached.iterate([]);
    expect(rows.next().value).toEqual({ a: 'x' });
    expect(cache.prepare('select a from t order by id')).not.toBe(cached);
    expect(rows.next().value).toEqual({ a: 'y' });
    expect(rows.next().done).toBe(true);
    expect(cache.prepare('select a from t order by id')).toBe(cached);
    expect(cached.all([])).toEqual([{ a: 'x' }, { a: 'y' }]);
  });
});

describe('an SQLite file database', () => {
  it('migrates, runs queries and DDL through Kysely, and is checkpointed in the background', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-sqlite-'));
    const file = join(dir, 'baton.sqlite');
    try {
      const handle = openDatabase({ sqliteFile: file });
      await migrateToLatest(handle.db);
      const now = new Date().toISOString();
      for (let i = 0; i < 50; i += 1) await handle.db.insertInto('settings').values({ key: `k${i}`, value: now }).execute();
      await sql`create table extra (id integer primary key, note text)`.execute(handle.db);
      await sql`insert into extra (note) values ('x')`.execute(handle.db);
      await sql`alter table extra add column more text`.execute(handle.db);
      expect((await sql<{ id: number; note: string; more: null }>`select * from extra`.execute(handle.db)).rows).toEqual([{ id: 1, note: 'x', more: null }]);
      expect(await handle.db.selectFrom('settings').select((eb) => eb.fn.countAll<number>().as('n')).where('key', 'like', 'k%').executeTakeFirst()).toEqual({ n: 50 });
      // The WAL is copied back by the worker: after a while every frame is in the database file.
      await new Promise((resolve) => setTimeout(resolve, 600));
      const [status] = handle.sqlite!.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      expect(status!.checkpointed).toBe(status!.log);
      await handle.destroy();
      expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
      const reopened = openDatabase({ sqliteFile: file });
      expect(await reopened.db.selectFrom('settings').select('key').where('key', '=', 'k49').executeTakeFirst()).toEqual({ key: 'k49' });
      await reopened.destroy();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
