/**
 * The organization import at scale (DESIGN §5): 100 000 people in 2 000 units, every person with
 * an account (the member role; each unit's first person leads it). Times writing the workbook,
 * checking it (read + validate), the background job (temporary passwords + the one write
 * transaction), and a re-import of the same file (no change). Runs on a fresh SQLite file, and on
 * PostgreSQL when BATON_BENCH_PG_URL is set (a throw-away schema).
 *
 *   npx tsx bench/import.bench.ts [--people 100000] [--units 2000]
 *   BATON_BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/import.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../packages/server/src/app/config.js';
import type { AppDeps } from '../packages/server/src/app/deps.js';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../packages/server/src/db/kysely.js';
import { startOrgImport, type OrgImportResult } from '../packages/server/src/modules/imports/imports.usecases.js';
import { generateOrgRoster } from '../packages/server/src/modules/imports/org-workbook.fixtures.js';
import { writeOrgWorkbook } from '../packages/server/src/modules/imports/org-workbook.js';
import { waitForJob } from '../packages/server/src/modules/jobs/jobs.usecases.js';
import type { Actor } from '../packages/server/src/policies/policies.js';

const { values } = parseArgs({ options: { people: { type: 'string', default: '100000' }, units: { type: 'string', default: '2000' } } });
const people = Number(values.people);
const units = Number(values.units);
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

async function importOnce(deps: AppDeps, content: Buffer, label: string) {
  const t1 = performance.now();
  const { jobId } = await startOrgImport(deps, actor, { fileName: 'bench.xlsx', content });
  const checked = seconds(t1);
  let lastPrint = 0;
  const job = await waitForJob(deps, jobId, (v) => {
    if (performance.now() - lastPrint > 2000) {
      lastPrint = performance.now();
      process.stderr.write(`  … ${label}: ${v.done}/${v.total} ${v.message ?? ''}\n`);
    }
  });
  if (job.status !== 'succeeded') throw new Error(`import failed: ${JSON.stringify(job.error)}`);
  const total = seconds(t1);
  const result = job.result as OrgImportResult;
  const rows = job.total;
  console.log(`  ${label}: ${rows} rows; checked (read + validate, the synchronous part of the upload) in ${checked.toFixed(1)} s; `
    + `job (passwords + one write transaction) ${(total - checked).toFixed(1)} s; total ${total.toFixed(1)} s = ${Math.round(rows / total)} rows/s; `
    + `people ${result.people.created} new / ${result.people.unchanged} unchanged, accounts ${result.accounts.created} new, `
    + `${result.auditRecords} audit records; ${mb()}`);
}

async function run(name: string, open: () => Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }>, content: Buffer) {
  const { handle, cleanup } = await open();
  const deps: AppDeps = { db: handle.db, dialect: handle.dialect, config: loadConfig({}), now: () => new Date() };
  console.log(`${name}:`);
  try {
    await importOnce(deps, content, 'first import');
    await importOnce(deps, content, 're-import (no change)');
  } finally {
    await cleanup();
  }
}

const t = performance.now();
const roster = generateOrgRoster({ units, people, rolesForAll: true });
const content = await writeOrgWorkbook(roster);
console.log(`workbook: ${people} people, ${units} units, ${(content.length / 1024 / 1024).toFixed(1)} MB, written in ${seconds(t).toFixed(1)} s`);
await run('SQLite (file)', openSqlite, content);
if (process.env.BATON_BENCH_PG_URL) await run('PostgreSQL', () => openPostgres(process.env.BATON_BENCH_PG_URL!), content);
