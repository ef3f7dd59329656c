import { openDatabase, type DatabaseHandle, type DialectName } from '../packages/server/src/db/kysely.js';

/**
 * A database a `BENCH_KEEP=1` run kept, opened again for `BENCH_REUSE=1`: the SQLite file
 * `BENCH_SQLITE_FILE`, or the database `BENCH_PG_DATABASE` on the server of `BATON_BENCH_PG_URL`.
 */
export function openKeptDatabase(dialect: DialectName): DatabaseHandle {
  const kept = dialect === 'sqlite' ? process.env.BENCH_SQLITE_FILE : process.env.BENCH_PG_DATABASE;
  if (!kept) throw new Error(`BENCH_REUSE=1 measures a kept database: set ${dialect === 'sqlite' ? 'BENCH_SQLITE_FILE' : 'BENCH_PG_DATABASE'} (or BENCH_ONLY)`);
  if (dialect === 'sqlite') return openDatabase({ sqliteFile: kept });
  const url = new URL(process.env.BATON_BENCH_PG_URL!);
  url.pathname = `/${kept}`;
  return openDatabase({ databaseUrl: url.toString(), pgPoolSize: 10 });
}
