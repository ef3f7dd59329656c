/**
 * Work-records benchmark (issue 4). Generates an organization and its work logs directly with
 * batched SQL (a fresh SQLite file under /tmp, and a throw-away PostgreSQL database when
 * BATON_BENCH_PG_URL is set), then measures on the real server:
 *
 *  (a) posting a log entry through HTTP, signed in, with autocannon — against a bare Fastify route
 *      that returns a constant, in the same run, in rounds with each target between two runs of the
 *      bare route (against-bare.ts); the median ratio is the goal (≥ 40 %);
 *  (b) the first page of a unit's feed and of a search, p50/p95/p99 (goal p99 ≤ 50 ms).
 *
 *   npx tsx bench/logs.bench.ts
 *   BENCH_PEOPLE=100000 BENCH_UNITS=2000 BENCH_ENTRIES=20000000 npx tsx bench/logs.bench.ts
 *   BATON_BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/logs.bench.ts
 *
 * Env: BENCH_PEOPLE (20000), BENCH_UNITS (people / 50), BENCH_ENTRIES (1000000), BENCH_DURATION
 * (seconds of load per HTTP target, 10, split into BENCH_ROUNDS rounds, 5), BENCH_CONNECTIONS (10), BENCH_QUERIES (200 per feed case),
 * BENCH_SEED (20260302), BENCH_ONLY (sqlite | postgres), BENCH_KEEP=1 keeps the generated databases.
 * BENCH_REUSE=1 measures again the databases a BENCH_KEEP=1 run kept, without generating:
 * BENCH_SQLITE_FILE=/tmp/baton-bench-logs-<pid>/baton.sqlite and/or BENCH_PG_DATABASE=baton_bench_logs_<pid>
 * (the sizes are read from the database; the entries posted by (a) stay in it).
 * The full target of DESIGN §5 is 100 000 people, 2 000 units and 20 000 000 entries.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { listCalendarDays } from '@baton/engine';
import { loadConfig } from '../packages/server/src/app/config.js';
import { localDateOf } from '../packages/server/src/app/dates.js';
import type { AppDeps } from '../packages/server/src/app/deps.js';
import { buildServer } from '../packages/server/src/app/server.js';
import { migrateToLatest, openDatabase, type DatabaseHandle, type DialectName } from '../packages/server/src/db/kysely.js';
import { hashPassword } from '../packages/server/src/modules/auth/index.js';
import { loadWorkingDayCalendar } from '../packages/server/src/modules/work-calendar/index.js';
import { composeDemoEntry, createDemoRandom, extractSearchTerms, feedKeyOf, ftsDocumentOf } from '../packages/server/src/modules/worklogs/index.js';
import { load, measureAgainstBare } from './against-bare.js';
import { measureInProcess } from './in-process.js';
import { openKeptDatabase } from './kept-database.js';
import { reportRatio } from './ratio-report.js';
import type { WorkLogKind } from '../packages/server/src/db/schema.js';

let PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000);
let UNITS = Number(process.env.BENCH_UNITS ?? Math.max(2, Math.round(PEOPLE / 50)));
let ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
/** BENCH_AUTOCANNON=0: (a) is measured in the process only (the CI gate's run). */
const AUTOCANNON = process.env.BENCH_AUTOCANNON !== '0';
const INJECT_PAIRS = Number(process.env.BENCH_INJECT_PAIRS ?? 30);
const SEED = Number(process.env.BENCH_SEED ?? 20260302);
const ONLY = process.env.BENCH_ONLY;
const REUSE = process.env.BENCH_REUSE === '1';
const KEEP = process.env.BENCH_KEEP === '1' || REUSE;
const PASSWORD = 'Bench-passw0rd';
/** One entry in this many carries a rare phrase, to search for something rare. */
const RARE_EVERY = 20_000;

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

interface Org {
  /** Top-level units (towns, departments) with their sections. */
  towns: number[];
  sections: number[];
  memberAccount: string;
  adminAccount: string;
}

// ---------------------------------------------------------------------------------------------
// Databases

async function openBenchDatabase(dialect: DialectName): Promise<{ handle: DatabaseHandle; pgUrl?: string; cleanup: () => Promise<void> }> {
  if (REUSE) {
    const handle = openKeptDatabase(dialect);
    return { handle, cleanup: () => handle.destroy() };
  }
  if (dialect === 'sqlite') {
    const dir = `/tmp/baton-bench-logs-${process.pid}`;
    mkdirSync(dir, { recursive: true });
    const handle = openDatabase({ sqliteFile: join(dir, 'baton.sqlite') });
    await migrateToLatest(handle.db);
    return { handle, cleanup: async () => { await handle.destroy(); if (!KEEP) rmSync(dir, { recursive: true, force: true }); } };
  }
  // A database of its own, not a schema of the shared one: Kysely's migrator looks for its lock
  // table in every schema, so a long-lived bench schema would break everyone's PostgreSQL tests.
  const base = process.env.BATON_BENCH_PG_URL!;
  const name = `baton_bench_logs_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = openDatabase({ databaseUrl: url.toString(), pgPoolSize: 10 });
  await migrateToLatest(handle.db);
  return {
    handle,
    pgUrl: url.toString(),
    cleanup: async () => {
      await handle.destroy();
      if (KEEP) return;
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database ${name} with (force)`);
      await c.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Generating the organization and the entries

async function generateOrg(handle: DatabaseHandle, today: string): Promise<Org & { unitOfPerson: Int32Array }> {
  const { db } = handle;
  const now = new Date().toISOString();
  const start = listCalendarDays('2000-01-01', today).at(-400)!;
  const random = createDemoRandom(SEED);
  const [root] = await db.insertInto('units').values({ code: 'D', name: '崇川区', type: 'district', parent_id: null, category_id: null, created_at: now, updated_at: now }).returning('id').execute();
  const townCount = Math.max(1, Math.round(UNITS / 20));
  const towns = (await db.insertInto('units').values(Array.from({ length: townCount }, (_, i) => ({
    code: `T${i}`, name: `镇街${i}`, type: 'town' as const, parent_id: root!.id, category_id: null, created_at: now, updated_at: now,
  }))).returning('id').execute()).map((r) => r.id);
  const sections: number[] = [];
  const sectionRows = Array.from({ length: Math.max(0, UNITS - 1 - townCount) }, (_, i) => ({
    code: `S${i}`, name: `科室${i}`, type: 'section' as const, parent_id: towns[i % towns.length]!, category_id: null, created_at: now, updated_at: now,
  }));
  for (let i = 0; i < sectionRows.length; i += 500) sections.push(...(await db.insertInto('units').values(sectionRows.slice(i, i + 500)).returning('id').execute()).map((r) => r.id));
  const leafUnits = [...towns, ...sections];
  const unitOfPerson = new Int32Array(PEOPLE + 1);
  for (let i = 0; i < PEOPLE; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, PEOPLE - i) }, (_, k) => {
      const unit = leafUnits[Math.floor(random() * leafUnits.length)]!;
      return { employee_no: `P${String(i + k + 1).padStart(6, '0')}`, name: `人员${i + k + 1}`, unit_id: unit, status: 'active' as const, search_text: `p${i + k + 1}`, created_at: now, updated_at: now };
    });
    const ids = (await db.insertInto('people').values(rows).returning('id').execute()).map((r) => r.id);
    await db.insertInto('person_assignments').values(ids.map((id, k) => ({ person_id: id, unit_id: rows[k]!.unit_id, valid_from: start, created_at: now }))).execute();
    ids.forEach((id, k) => { unitOfPerson[id] = rows[k]!.unit_id; });
  }
  const hash = await hashPassword(PASSWORD);
  const account = async (username: string, personId: number | null, roles: { role: 'admin' | 'member' | 'leader'; unit_id: number | null }[]) => {
    const [row] = await db.insertInto('accounts').values({ username, person_id: personId, password_hash: hash, password_changed_at: now, created_at: now, updated_at: now }).returning('id').execute();
    await db.insertInto('account_roles').values(roles.map((r) => ({ account_id: row!.id, role: r.role, unit_id: r.unit_id }))).execute();
  };
  await account('bench-admin', null, [{ role: 'admin', unit_id: null }]);
  await account('bench-member', 1, [{ role: 'member', unit_id: null }]);
  return { towns, sections, memberAccount: 'bench-member', adminAccount: 'bench-admin', unitOfPerson };
}

interface EntryRow {
  person: number;
  unit: number;
  date: string;
  kind: WorkLogKind;
  content: string;
  indicator: string | null;
  minutes: number | null;
  createdAt: string;
  terms: string[];
}

/** Entries day by day, oldest first (so ids grow with dates, as in real use), about one per person and working day. */
function* generateEntries(days: string[], unitOfPerson: Int32Array): Generator<EntryRow> {
  const random = createDemoRandom(SEED + 1);
  const perDay = Math.ceil(ENTRIES / days.length);
  let made = 0;
  for (const date of days) {
    for (let k = 0; k < perDay && made < ENTRIES; k += 1, made += 1) {
      const person = 1 + Math.floor(random() * PEOPLE);
      const entry = composeDemoEntry(random);
      const content = made % RARE_EVERY === 7 ? `${entry.content}（督查抽检样本）` : entry.content;
      yield {
        person, unit: unitOfPerson[person]!, date, kind: entry.kind, content, indicator: entry.indicator,
        minutes: random() < 0.7 ? 30 * (1 + Math.floor(random() * 16)) : null,
        createdAt: `${date}T${String(9 + Math.floor(random() * 5)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`,
        terms: extractSearchTerms(content),
      };
    }
  }
}

const WORK_LOG_INDEXES = ['work_logs_unit_date_idx', 'work_logs_person_date_idx', 'work_logs_date_idx'];

async function loadEntriesSqlite(handle: DatabaseHandle, rows: Generator<EntryRow>) {
  const sqlite = handle.sqlite!;
  for (const index of WORK_LOG_INDEXES) sqlite.exec(`drop index ${index}`);
  const insertLog = sqlite.prepare(`insert into work_logs (person_id, unit_id, log_date, kind, content, indicator_ref, task_ref, minutes, late, created_by, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, null, ?, 0, 2, ?, ?)`);
  const insertTerms = sqlite.prepare('insert into work_log_fts (rowid, terms) values (?, ?)');
  let batch: EntryRow[] = [];
  const flush = sqlite.transaction((items: EntryRow[]) => {
    for (const r of items) {
      const id = Number(insertLog.run(r.person, r.unit, r.date, r.kind, r.content, r.indicator, r.minutes, r.createdAt, r.createdAt).lastInsertRowid);
      insertTerms.run(feedKeyOf(r.date, id), ftsDocumentOf({ id, log_date: r.date, unit_id: r.unit, person_id: r.person, kind: r.kind }, r.terms));
    }
  });
  let done = 0;
  for (const r of rows) {
    batch.push(r);
    if (batch.length === 50_000) {
      flush(batch);
      done += batch.length;
      batch = [];
      if (done % 500_000 === 0) log(`  ${done.toLocaleString()} entries`);
    }
  }
  flush(batch);
  const t = performance.now();
  sqlite.exec(`create index work_logs_unit_date_idx on work_logs (unit_id, log_date, id);
    create index work_logs_person_date_idx on work_logs (person_id, log_date, id);
    create index work_logs_date_idx on work_logs (log_date, id);`);
  sqlite.exec(`insert into work_log_fts(work_log_fts) values ('optimize'); analyze;`);
  // The loaded entries out of the WAL now, not by the checkpoint worker while requests are timed.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  log(`  indexes, FTS optimize and ANALYZE: ${seconds(t)} s`);
}

async function loadEntriesPostgres(url: string, rows: Generator<EntryRow>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const index of [...WORK_LOG_INDEXES, 'work_logs_search_idx']) await client.query(`drop index ${index}`);
  const columns = { person: [] as number[], unit: [] as number[], date: [] as string[], kind: [] as string[], content: [] as string[], indicator: [] as (string | null)[], minutes: [] as (number | null)[], createdAt: [] as string[], terms: [] as string[] };
  const flush = async () => {
    if (columns.person.length === 0) return;
    await client.query(
      `insert into work_logs (person_id, unit_id, log_date, kind, content, indicator_ref, task_ref, minutes, late, created_by, created_at, updated_at, search_terms)
       select p, u, d, k, c, i, null, m, 0, 2, t, t, case when s = '' then '{}'::text[] else string_to_array(s, ' ') end
       from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[]) as x(p, u, d, k, c, i, m, t, s)`,
      [columns.person, columns.unit, columns.date, columns.kind, columns.content, columns.indicator, columns.minutes, columns.createdAt, columns.terms],
    );
    for (const list of Object.values(columns)) list.length = 0;
  };
  let done = 0;
  for (const r of rows) {
    columns.person.push(r.person); columns.unit.push(r.unit); columns.date.push(r.date); columns.kind.push(r.kind); columns.content.push(r.content);
    columns.indicator.push(r.indicator); columns.minutes.push(r.minutes); columns.createdAt.push(r.createdAt); columns.terms.push(r.terms.join(' '));
    if (columns.person.length === 5000) {
      await flush();
      done += 5000;
      if (done % 500_000 === 0) log(`  ${done.toLocaleString()} entries`);
    }
  }
  await flush();
  const t = performance.now();
  await client.query('set maintenance_work_mem = \'512MB\'');
  await client.query('create index work_logs_unit_date_idx on work_logs (unit_id, log_date, id)');
  await client.query('create index work_logs_person_date_idx on work_logs (person_id, log_date, id)');
  await client.query('create index work_logs_date_idx on work_logs (log_date, id)');
  await client.query('create index work_logs_search_idx on work_logs using gin (search_terms)');
  await client.query('vacuum analyze work_logs');
  log(`  indexes and VACUUM ANALYZE: ${seconds(t)} s`);
  await client.end();
}

// ---------------------------------------------------------------------------------------------
// Measuring

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)! };
}

/** The organization a BENCH_KEEP=1 run generated, read back (BENCH_REUSE=1), with the sizes. */
async function readOrg(handle: DatabaseHandle): Promise<Org> {
  const { db } = handle;
  const units = await db.selectFrom('units').select(['id', 'type']).orderBy('id').execute();
  const count = async (table: 'people' | 'work_logs') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow()).n);
  [PEOPLE, ENTRIES, UNITS] = [await count('people'), await count('work_logs'), units.length];
  return {
    towns: units.filter((u) => u.type === 'town').map((u) => u.id),
    sections: units.filter((u) => u.type === 'section').map((u) => u.id),
    memberAccount: 'bench-member', adminAccount: 'bench-admin',
  };
}

async function generate(dialect: DialectName, handle: DatabaseHandle, pgUrl: string | undefined): Promise<Org> {
  const today = localDateOf(new Date());
  let t = performance.now();
  const org = await generateOrg(handle, today);
  log(`organization: ${seconds(t)} s`);
  const calendar = await loadWorkingDayCalendar(handle.db, '2000-01-01', today);
  const wantedDays = Math.max(1, Math.ceil(ENTRIES / PEOPLE));
  const allDays = calendar.listWorkingDays(listCalendarDays('2000-01-01', today).at(-Math.ceil(wantedDays * 1.6) - 10)!, today);
  const days = allDays.slice(-wantedDays);
  t = performance.now();
  const rows = generateEntries(days, org.unitOfPerson);
  if (dialect === 'sqlite') await loadEntriesSqlite(handle, rows);
  else await loadEntriesPostgres(pgUrl!, rows);
  log(`entries ${days[0]} … ${days.at(-1)}: ${seconds(t)} s (${Math.round(ENTRIES / ((performance.now() - t) / 1000)).toLocaleString()} / s)`);
  return org;
}

async function run(dialect: DialectName) {
  const { handle, pgUrl, cleanup } = await openBenchDatabase(dialect);
  try {
    const org = REUSE ? await readOrg(handle) : undefined;
    log(`── ${dialect}: ${PEOPLE.toLocaleString()} people, ${UNITS.toLocaleString()} units, ${ENTRIES.toLocaleString()} entries${REUSE ? ' (reused)' : ''} (load average ${loadavg()[0]!.toFixed(2)})`);
    const { towns, sections, memberAccount, adminAccount } = org ?? await generate(dialect, handle, pgUrl);

    const dataDir = `/tmp/baton-bench-logs-data-${process.pid}`;
    const config = { ...loadConfig({}), dataDir, seedDemo: false, logLevel: 'warn', loginRateLimitPerMinute: 1000 };
    const deps: AppDeps = { db: handle.db, dialect, config, now: () => new Date() };
    const app = await buildServer(deps);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const bare = Fastify();
    bare.post('/bare', async () => ({ ok: true }));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;
    const login = async (username: string) => {
      const res = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return res.headers.get('set-cookie')!.split(';')[0]!;
    };
    const member = await login(memberAccount);
    const admin = await login(adminAccount);

    // (a) posting through HTTP vs a bare route, same run, same body.
    const body = JSON.stringify({ kind: 'routine', content: '走访辖区企业3家，了解用工需求，协调解决招工难题', minutes: 120 });
    const json = { 'content-type': 'application/json' };
    if (AUTOCANNON) {
      const post = { method: 'POST' as const, body, connections: CONNECTIONS, seconds: Math.max(1, Math.round(DURATION / ROUNDS)) };
      await load(`${bareUrl}/bare`, { ...post, headers: json, seconds: 2 }); // warm-up of the client
      const measured = await measureAgainstBare(() => load(`${bareUrl}/bare`, { ...post, headers: json }), {
        post: () => load(`${appUrl}/api/logs`, { ...post, headers: { ...json, cookie: member } }),
        me: () => load(`${appUrl}/api/me`, { ...post, method: 'GET', body: undefined, headers: { cookie: member } }),
      }, ROUNDS, log);
      const failures = measured.loads.post.reduce((sum, l) => sum + l.non2xx + l.errors, 0);
      log(`(a) bare route: ${Math.round(measured.mean('bare')).toLocaleString()} req/s on average`);
      log(`(a) reference, GET /api/me (a signed-in read: session, then account, roles and person): median ${measured.median('me').toFixed(1)} % of bare`);
      log(`(a) POST /api/logs: ${Math.round(measured.mean('post')).toLocaleString()} req/s (p99 ${Math.max(...measured.loads.post.map((l) => l.p99))} ms, non-2xx or errors ${failures})`);
      log(`(a) ratio: median ${measured.median('post').toFixed(1)} % (goal ≥ 40 %)`);
    }
    // The same requests in the process (inject), against the bare route's: what the CI gate compares.
    const expectOk = (res: { statusCode: number; body: string }, what: string) => {
      if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    };
    const inProcess = await measureInProcess(
      async () => expectOk(await bare.inject({ method: 'POST', url: '/bare', headers: json, payload: body }), 'bare'),
      {
        post: async () => expectOk(await app.inject({ method: 'POST', url: '/api/logs', headers: { ...json, cookie: member }, payload: body }), 'POST /api/logs'),
        me: async () => expectOk(await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: member } }), 'GET /api/me'),
      },
      { pairs: INJECT_PAIRS, batchSize: 50, concurrency: CONNECTIONS },
    );
    log(`(a) in the process (inject; medians of ${INJECT_PAIRS} pairs of batches of 50, ${CONNECTIONS} at a time): POST /api/logs ${inProcess.post.microseconds.toFixed(0)} µs = ${(100 * inProcess.post.ratio).toFixed(1)} % of the bare route's rate, GET /api/me ${inProcess.me.microseconds.toFixed(0)} µs = ${(100 * inProcess.me.ratio).toFixed(1)} %`);
    reportRatio(`logs.post.${dialect}`, inProcess.post.ratio, 'higher', `POST /api/logs / bare route, in the process (${dialect})`);
    reportRatio(`logs.me.${dialect}`, inProcess.me.ratio, 'higher', `GET /api/me / bare route, in the process (${dialect})`);

    // (b) first pages, as the admin with an explicit unit, and searches.
    const random = createDemoRandom(SEED + 2);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const timed = async (url: string) => {
      const s = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie: admin } });
      const ms = performance.now() - s;
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return ms;
    };
    const common = ['走访', '企业', '安全生产', '台账', '防汛', '整改', '用工需求', 'OA系统', '乡村振兴', '网格'];
    const rare = ['抽检样本', '督查抽检'];
    const cases: [string, () => string][] = [
      ['feed of a section (one unit)', () => `/api/logs?unit=${pick(sections.length ? sections : towns)}`],
      ['feed of a town (its subtree)', () => `/api/logs?unit=${pick(towns)}`],
      ['feed of everything (admin)', () => '/api/logs'],
      ['search in a town, common word', () => `/api/logs?unit=${pick(towns)}&q=${encodeURIComponent(pick(common))}`],
      ['search in a section, common word', () => `/api/logs?unit=${pick(sections.length ? sections : towns)}&q=${encodeURIComponent(pick(common))}`],
      ['search everywhere, common word', () => `/api/logs?q=${encodeURIComponent(pick(common))}`],
      ['search everywhere, rare phrase', () => `/api/logs?q=${encodeURIComponent(pick(rare))}`],
      ['search in a town, rare phrase', () => `/api/logs?unit=${pick(towns)}&q=${encodeURIComponent(pick(rare))}`],
    ];
    for (const [label, url] of cases) {
      for (let i = 0; i < 10; i += 1) await timed(url());
      const samples: number[] = [];
      for (let i = 0; i < QUERIES; i += 1) samples.push(await timed(url()));
      const p = percentiles(samples);
      log(`(b) ${label}: p50 ${p.p50.toFixed(1)} ms, p95 ${p.p95.toFixed(1)} ms, p99 ${p.p99.toFixed(1)} ms, max ${p.max.toFixed(1)} ms`);
    }
    log(`load average ${loadavg()[0]!.toFixed(2)}`);
    await app.close();
    await bare.close();
    rmSync(dataDir, { recursive: true, force: true });
  } finally {
    await cleanup();
  }
}

if (ONLY !== 'postgres') await run('sqlite');
if (process.env.BATON_BENCH_PG_URL && ONLY !== 'sqlite') await run('postgres');
