import type { Db } from '../../db/kysely.js';

// ---------------------------------------------------------------------------------------------
// Bulk writes of the demo seed and the benchmark generator.

export async function countAllWorkLogs(db: Db): Promise<number> {
  const row = await db.selectFrom('work_logs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Active people with their unit, start date and account (null without one). */
export async function listPeopleForSeeding(db: Db) {
  const rows = await db
    .selectFrom('people as p')
    .leftJoin('accounts as a', 'a.person_id', 'p.id')
    .select(['p.id', 'p.name', 'p.unit_id', 'a.id as account_id'])
    .select((eb) => eb.selectFrom('person_assignments as pa').whereRef('pa.person_id', '=', 'p.id').select((e) => e.fn.min<string>('pa.valid_from').as('s')).as('start'))
    .where('p.status', '=', 'active')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, unitId: r.unit_id, accountId: r.account_id, start: r.start ?? null }));
}

/** Accounts with the leader role, the unit each leads and their person (null for none). */
export async function listLeaderRoles(db: Db) {
  return db
    .selectFrom('account_roles as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .select(['a.id as account_id', 'a.person_id', 'r.unit_id'])
    .where('r.role', '=', 'leader')
    .where('r.unit_id', 'is not', null)
    .where('a.disabled', '=', 0)
    .orderBy('a.id')
    .execute();
}

export async function insertCommentsBatch(db: Db, rows: { log_id: number; account_id: number; person_id: number | null; content: string; created_at: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('work_log_comments').values(rows.slice(i, i + 500)).execute();
}

export async function insertLikesBatch(db: Db, rows: { log_id: number; account_id: number; created_at: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('work_log_likes').values(rows.slice(i, i + 500)).execute();
}

export async function insertFlagsBatch(
  db: Db,
  rows: { log_id: number; account_id: number; note: string; created_at: string; resolved_at: string | null; resolved_by: number | null; resolution_note: string | null }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('work_log_flags').values(rows.slice(i, i + 500)).execute();
}
