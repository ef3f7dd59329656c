/**
 * The organization import at scale (DESIGN §5): 100 000 people in 2 000 units, every person with
 * an account (the member role; each unit's first person leads it). Times writing the workbook,
 * checking it (read + validate), the background job (temporary passwords + the one write
 * transaction), and a re-import of the same file (no change). Runs on a fresh SQLite file, and on
 * PostgreSQL when BATON_BENCH_PG_URL is set (a throw-away schema).
 *
 * Two ratios against baselines measured in the same run: the check against reading the same
 * workbook's cells with exceljs's streaming reader and nothing else, and the job against writing
 * as many rows as the import wrote with one prepared statement, in one transaction of a fresh
 * SQLite file (better-sqlite3 alone). With --rounds n each time is the best of n (each round
 * imports into a fresh database). The CI gate (bench/ci.ts) reads the same ratios as medians of
 * costs (bench/costs.ts); its check is that of the same upload against the organization just
 * imported, three times a round, each right after a read of the cells.
 *
 *   npx tsx bench/import.bench.ts [--people 100000] [--units 2000] [--rounds 1]
 *   BATON_BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/import.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../packages/server/src/app/config.js';
import type { AppDeps } from '../packages/server/src/app/deps.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../packages/server/src/db/kysely.js';
import { type OrgImportResult, startOrgImport, writeOrgWorkbook } from '../packages/server/src/modules/imports/index.js';
import { generateOrgRoster } from '../packages/server/src/modules/imports/org-workbook.fixtures.js';
import { waitForJob } from '../packages/server/src/modules/jobs/index.js';
import type { Actor } from '../packages/server/src/policies/index.js';
import { costOf, median, startCost } from './costs.js';
import { reportRatio } from './ratio-report.js';

const { values } = parseArgs({
  options: { people: { type: 'string', default: '100000' }, units: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '1' } },
});
const people = Number(values.people);
const units = Number(values.units);
const rounds = Number(values.rounds);
const actor: Actor = { accountId: 0, username: 'bench', personId: null, unitId: null, roles: ['admin'], leaderUnitIds: [] };

const seconds = (from: number) => (performance.now() - from) / 1000;
const mb = () => `${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB rss`;

async function openSqlite(): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
  const handle = openDatabase({ sqliteFile: join(dir, 'baton.sqlite') });
  await migrateToLatest(handle.db);
  return { handle, cleanup: async () => { await handle.destroy(); rmSync(dir, { recursive: true, force: true }); } };
}

async function openPostgres(url: string): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  const schema = `bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const handle = openDatabase({ databaseUrl: url, pgSchema: schema });
  await migrateToLatest(handle.db);
  return {
    handle,
    cleanup: async () => {
      await handle.destroy();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

interface ImportTimes { checkedMs: number; jobMs: number; jobCost: number }

async function importOnce(deps: AppDeps, content: Buffer, label: string): Promise<ImportTimes> {
  const t1 = performance.now();
  const { jobId } = await startOrgImport(deps, actor, { fileName: 'bench.xlsx', content });
  const checked = seconds(t1);
  const stopJob = startCost();
  let lastPrint = 0;
  const job = await waitForJob(deps, jobId, (v) => {
    if (performance.now() - lastPrint > 2000) {
      lastPrint = performance.now();
      process.stderr.write(`  … ${label}: ${v.done}/${v.total} ${v.message ?? ''}\n`);
    }
  });
  if (job.status !== 'succeeded') throw new Error(`import failed: ${JSON.stringify(job.error)}`);
  const total = seconds(t1);
  const jobCost = costOf(stopJob());
  const result = job.result as OrgImportResult;
  const rows = job.total;
  console.log(`  ${label}: ${rows} rows; checked (read + validate, the synchronous part of the upload) in ${checked.toFixed(1)} s; `
    + `job (passwords + one write transaction) ${(total - checked).toFixed(1)} s; total ${total.toFixed(1)} s = ${Math.round(rows / total)} rows/s; `
    + `people ${result.people.created} new / ${result.people.unchanged} unchanged, accounts ${result.accounts.created} new, `
    + `${result.auditRecords} audit records; ${mb()}`);
  return { checkedMs: checked * 1000, jobMs: (total - checked) * 1000, jobCost };
}

/** The rows an import wrote: what the write baseline writes as many of. */
async function countWrittenRows(deps: AppDeps): Promise<number> {
  const tables = ['categories', 'units', 'post_types', 'posts', 'people', 'person_assignments', 'accounts', 'account_roles', 'audit_log'] as const;
  let rows = 0;
  for (const table of tables) rows += Number((await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(deps.db)).rows[0]!.n);
  return rows;
}

/** Baseline of the check: the same workbook read with exceljs's streaming reader, every cell value touched, nothing checked. */
async function readCellsOnly(content: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  let cells = 0;
  for await (const worksheet of reader) {
    for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
      for (const value of row.values as unknown[]) if (value !== undefined && value !== null) cells += 1;
    }
  }
  return cells;
}

/** Baseline of the job: `rows` rows of four columns written with one prepared statement in one transaction of a fresh SQLite file. */
function writeRowsOnly(rows: number): { ms: number; cost: number } {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-write-'));
  const raw = new Database(join(dir, 'rows.sqlite'));
  try {
    raw.pragma('journal_mode = WAL');
    raw.exec('create table rows (id integer primary key, code text not null, name text not null, json text not null)');
    const insert = raw.prepare('insert into rows (code, name, json) values (?, ?, ?)');
    const stop = startCost();
    raw.transaction(() => {
      for (let i = 0; i < rows; i += 1) insert.run(`P${String(i).padStart(6, '0')}`, `人员${i}`, `{"unit":"U${i % 2000}","roles":["member"],"row":${i}}`);
    })();
    const cost = stop();
    return { ms: cost.wallMs, cost: costOf(cost) };
  } finally {
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Pairs of the CI gate's measures per round (bench/costs.ts): reading the cells then checking the upload; writing the rows. */
const PAIRS = 3;

/** The synchronous part of an upload (read + validate against the organization, the job created); its job is then waited for, untimed. */
async function checkUpload(deps: AppDeps, content: Buffer): Promise<number> {
  const stop = startCost();
  const { jobId } = await startOrgImport(deps, actor, { fileName: 'bench.xlsx', content });
  const cost = costOf(stop());
  await waitForJob(deps, jobId, () => undefined);
  return cost;
}

async function run(name: string, open: () => Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }>, content: Buffer) {
  console.log(`${name}:`);
  const best = { checkedMs: Infinity, jobMs: Infinity, readMs: Infinity, writeMs: Infinity };
  const checkRatios: number[] = [];
  const writeRatios: number[] = [];
  let writtenRows: number | undefined;
  for (let round = 0; round < rounds; round += 1) {
    const { handle, cleanup } = await open();
    const deps: AppDeps = { db: handle.db, dialect: handle.dialect, config: loadConfig({}), now: () => new Date() };
    try {
      // The write baseline right before the import job it is compared with: as many rows as an
      // import of this workbook writes (counted after the first round's import).
      const earlier = writtenRows ?? 0;
      const writes = earlier > 0 ? Array.from({ length: PAIRS }, () => writeRowsOnly(earlier)) : [];
      const first = await importOnce(deps, content, 'first import');
      const written = await countWrittenRows(deps);
      writtenRows = written;
      if (writes.length === 0) writes.push(...Array.from({ length: PAIRS }, () => writeRowsOnly(written)));
      await importOnce(deps, content, 're-import (no change)');
      // The baselines, in pairs with the check of the same upload against the organization now imported.
      let cells = 0;
      for (let pair = 0; pair < PAIRS; pair += 1) {
        const stopRead = startCost();
        cells = await readCellsOnly(content);
        const read = stopRead();
        checkRatios.push((await checkUpload(deps, content)) / costOf(read));
        best.readMs = Math.min(best.readMs, read.wallMs);
      }
      console.log(`  baselines: the workbook's ${cells} cells read in ${(best.readMs / 1000).toFixed(2)} s; ${written} rows written in ${(Math.min(...writes.map((w) => w.ms)) / 1000).toFixed(2)} s`);
      best.checkedMs = Math.min(best.checkedMs, first.checkedMs);
      best.jobMs = Math.min(best.jobMs, first.jobMs);
      best.writeMs = Math.min(best.writeMs, ...writes.map((w) => w.ms));
      writeRatios.push(first.jobCost / median(writes.map((w) => w.cost)));
    } finally {
      await cleanup();
    }
  }
  const checkRatio = median(checkRatios);
  const writeRatio = median(writeRatios);
  console.log(`  ratios${rounds > 1 ? ` (each time the best of ${rounds})` : ''}: the upload's check / reading its cells ${(best.checkedMs / best.readMs).toFixed(2)}; `
    + `job / writing as many rows ${(best.jobMs / best.writeMs).toFixed(2)}; in costs, medians (bench/costs.ts): ${checkRatio.toFixed(2)} and ${writeRatio.toFixed(2)}`);
  return { checkRatio, writeRatio };
}

const t = performance.now();
const roster = generateOrgRoster({ units, people, rolesForAll: true });
const content = await writeOrgWorkbook(roster);
console.log(`workbook: ${people} people, ${units} units, ${(content.length / 1024 / 1024).toFixed(1)} MB, written in ${seconds(t).toFixed(1)} s`);
const sqlite = await run('SQLite (file)', openSqlite, content);
reportRatio('import.check', sqlite.checkRatio, 'lower', 'check of an upload / reading its cells (sqlite)');
reportRatio('import.write', sqlite.writeRatio, 'lower', 'import job / writing as many rows (sqlite)');
if (process.env.BATON_BENCH_PG_URL) await run('PostgreSQL', () => openPostgres(process.env.BATON_BENCH_PG_URL!), content);
