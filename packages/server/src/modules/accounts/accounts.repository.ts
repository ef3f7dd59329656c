import type { Db } from '../../db/kysely.js';
import type { Role } from '../../db/schema.js';

export interface AccountView {
  id: number;
  username: string;
  person_id: number | null;
  person_name: string | null;
  disabled: number;
  locked_until: string | null;
  must_change_password: number;
}

export async function listAccounts(db: Db, f: { q?: string | undefined; afterId?: number | undefined; limit: number }): Promise<AccountView[]> {
  let q = db
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.id', 'a.username', 'a.person_id', 'p.name as person_name', 'a.disabled', 'a.locked_until', 'a.must_change_password'])
    .orderBy('a.id')
    .limit(f.limit);
  if (f.afterId !== undefined) q = q.where('a.id', '>', f.afterId);
  if (f.q?.trim()) {
    const pattern = `%${f.q.trim().toLowerCase()}%`;
    q = q.where((eb) => eb.or([eb('a.username', 'like', pattern), eb('p.search_text', 'like', pattern)]));
  }
  return q.execute();
}

export async function findAccountView(db: Db, id: number): Promise<AccountView | undefined> {
  return db
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.id', 'a.username', 'a.person_id', 'p.name as person_name', 'a.disabled', 'a.locked_until', 'a.must_change_password'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export async function listRolesOfAccounts(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('account_roles as r')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.account_id', 'r.role', 'r.unit_id', 'u.name as unit_name'])
    .where('r.account_id', 'in', ids)
    .orderBy('r.id')
    .execute();
}

export async function insertAccount(
  db: Db,
  a: { username: string; personId: number | null; passwordHash: string; mustChangePassword: boolean; now: string },
): Promise<number> {
  const row = await db
    .insertInto('accounts')
    .values({
      username: a.username, person_id: a.personId, password_hash: a.passwordHash, must_change_password: a.mustChangePassword ? 1 : 0,
      password_changed_at: a.now, created_at: a.now, updated_at: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceRolesOfAccount(db: Db, accountId: number, roles: { role: Role; unitId: number | null }[]) {
  await db.deleteFrom('account_roles').where('account_id', '=', accountId).execute();
  if (roles.length) {
    await db.insertInto('account_roles').values(roles.map((r) => ({ account_id: accountId, role: r.role, unit_id: r.unitId }))).execute();
  }
}

export async function setAccountDisabled(db: Db, id: number, disabled: boolean, now: string) {
  await db.updateTable('accounts').set({ disabled: disabled ? 1 : 0, updated_at: now }).where('id', '=', id).execute();
}

export async function findAccountIdByUsername(db: Db, username: string) {
  return (await db.selectFrom('accounts').select('id').where('username', '=', username).executeTakeFirst())?.id;
}

export async function findAccountIdByPerson(db: Db, personId: number) {
  return (await db.selectFrom('accounts').select('id').where('person_id', '=', personId).executeTakeFirst())?.id;
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('account_roles as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .where('r.role', '=', 'admin')
    .where('a.disabled', '=', 0)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The enabled accounts of some people (whom to notify). */
export async function listAccountsOfPeople(db: Db, personIds: number[]): Promise<{ id: number; person_id: number }[]> {
  if (personIds.length === 0) return [];
  const rows = await db.selectFrom('accounts').select(['id', 'person_id']).where('person_id', 'in', personIds).where('disabled', '=', 0).execute();
  return rows.map((r) => ({ id: r.id, person_id: r.person_id! }));
}
