import type { Insertable } from 'kysely';
import type { Db } from '../../db/kysely.js';
import type { AccountRoleTable, NewPerson, NewUnit, PersonAssignmentTable, PersonStatus, Role, UnitType } from '../../db/schema.js';
import type { OrgSnapshot } from './org-import-plan.js';

/**
 * Rows per INSERT statement. The widest insert here (people, 12 columns) binds 6 000 parameters,
 * well under SQLite's 32 766 and PostgreSQL's 65 535.
 */
const ROWS_PER_INSERT = 500;

function chunksOf<T>(rows: T[], size = ROWS_PER_INSERT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The whole organization in one pass per table, so validating 100 000 rows needs no query per row. */
export async function loadOrgSnapshot(db: Db): Promise<OrgSnapshot> {
  const categories = await db.selectFrom('categories').select(['id', 'code', 'name', 'description']).orderBy('id').execute();
  const units = await db.selectFrom('units').select(['id', 'code', 'name', 'type', 'parent_id', 'category_id', 'sort']).orderBy('id').execute();
  const postTypes = await db.selectFrom('post_types').select(['id', 'code', 'name']).orderBy('id').execute();
  const posts = await db.selectFrom('posts').select(['id', 'code', 'name', 'post_type_id']).orderBy('id').execute();
  const people = await db
    .selectFrom('people')
    .select(['id', 'employee_no', 'name', 'gender', 'unit_id', 'post_id', 'rank', 'phone', 'status'])
    .orderBy('id')
    .execute();
  const openAssignments = await db.selectFrom('person_assignments').select(['id', 'person_id', 'valid_from']).where('valid_to', 'is', null).execute();
  const accounts = await db.selectFrom('accounts').select(['id', 'username', 'person_id', 'disabled']).execute();
  const roles = await db.selectFrom('account_roles').select(['account_id', 'role', 'unit_id']).execute();
  return { categories, units, postTypes, posts, people, openAssignments, accounts, roles };
}

export async function insertCategories(db: Db, rows: { code: string; name: string; description: string | null; now: string }[]) {
  const out: { id: number; code: string }[] = [];
  for (const chunk of chunksOf(rows)) {
    out.push(...(await db
      .insertInto('categories')
      .values(chunk.map((c) => ({ code: c.code, name: c.name, description: c.description, sort: 0, created_at: c.now, updated_at: c.now })))
      .returning(['id', 'code'])
      .execute()));
  }
  return out;
}

export async function insertPostTypes(db: Db, rows: { code: string; name: string; now: string }[]) {
  const out: { id: number; code: string; name: string }[] = [];
  for (const chunk of chunksOf(rows)) {
    out.push(...(await db.insertInto('post_types').values(chunk.map((t) => ({ code: t.code, name: t.name, created_at: t.now }))).returning(['id', 'code', 'name']).execute()));
  }
  return out;
}

export async function insertPosts(db: Db, rows: { code: string; name: string; postTypeId: number; now: string }[]) {
  const out: { id: number; code: string }[] = [];
  for (const chunk of chunksOf(rows)) {
    out.push(...(await db
      .insertInto('posts')
      .values(chunk.map((p) => ({ code: p.code, name: p.name, post_type_id: p.postTypeId, created_at: p.now, updated_at: p.now })))
      .returning(['id', 'code'])
      .execute()));
  }
  return out;
}

export async function insertUnits(db: Db, rows: NewUnit[]) {
  const out: { id: number; code: string }[] = [];
  for (const chunk of chunksOf(rows)) out.push(...(await db.insertInto('units').values(chunk).returning(['id', 'code']).execute()));
  return out;
}

export async function insertPeople(db: Db, rows: NewPerson[]) {
  const out: { id: number; employee_no: string }[] = [];
  for (const chunk of chunksOf(rows)) out.push(...(await db.insertInto('people').values(chunk).returning(['id', 'employee_no']).execute()));
  return out;
}

export async function insertAssignments(db: Db, rows: Insertable<PersonAssignmentTable>[]) {
  for (const chunk of chunksOf(rows)) await db.insertInto('person_assignments').values(chunk).execute();
}

/** Ends open assignments on a date (the new one starts that day). */
export async function closeAssignments(db: Db, ids: number[], validTo: string) {
  for (const chunk of chunksOf(ids)) await db.updateTable('person_assignments').set({ valid_to: validTo }).where('id', 'in', chunk).execute();
}

/** Open assignments that began on the day of the change are replaced, not closed to zero length. */
export async function deleteAssignments(db: Db, ids: number[]) {
  for (const chunk of chunksOf(ids)) await db.deleteFrom('person_assignments').where('id', 'in', chunk).execute();
}

export async function insertAccounts(
  db: Db,
  rows: { username: string; personId: number; passwordHash: string; mustChangePassword: boolean; now: string }[],
) {
  const out: { id: number; username: string }[] = [];
  for (const chunk of chunksOf(rows)) {
    out.push(...(await db
      .insertInto('accounts')
      .values(chunk.map((a) => ({
        username: a.username, person_id: a.personId, password_hash: a.passwordHash, must_change_password: a.mustChangePassword ? 1 : 0,
        password_changed_at: a.now, created_at: a.now, updated_at: a.now,
      })))
      .returning(['id', 'username'])
      .execute()));
  }
  return out;
}

/** Sets the roles of many accounts at once: their old roles go, the given ones come. */
export async function replaceRolesOfAccounts(db: Db, accountIds: number[], roles: Insertable<AccountRoleTable>[]) {
  for (const chunk of chunksOf(accountIds)) await db.deleteFrom('account_roles').where('account_id', 'in', chunk).execute();
  for (const chunk of chunksOf(roles)) await db.insertInto('account_roles').values(chunk).execute();
}

// ---- the roster, for export --------------------------------------------------------------------

export async function listRosterCategories(db: Db) {
  return db.selectFrom('categories').select(['code', 'name', 'description']).orderBy('sort').orderBy('id').execute();
}

export interface RosterUnitRow {
  id: number; code: string; name: string; type: UnitType; parent_id: number | null; parent_code: string | null; category_code: string | null; sort: number;
}

export async function listRosterUnits(db: Db): Promise<RosterUnitRow[]> {
  return db
    .selectFrom('units as u')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .leftJoin('categories as c', 'c.id', 'u.category_id')
    .select(['u.id', 'u.code', 'u.name', 'u.type', 'u.parent_id', 'p.code as parent_code', 'c.code as category_code', 'u.sort'])
    .orderBy('u.id')
    .execute();
}

export interface RosterPersonRow {
  id: number; employee_no: string; name: string; gender: string | null; unit_id: number; unit_code: string; post_name: string | null;
  post_type_name: string | null; rank: string | null; phone: string | null; status: PersonStatus;
}

export async function listRosterPeople(db: Db): Promise<RosterPersonRow[]> {
  return db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('posts as po', 'po.id', 'p.post_id')
    .leftJoin('post_types as pt', 'pt.id', 'po.post_type_id')
    .select(['p.id', 'p.employee_no', 'p.name', 'p.gender', 'p.unit_id', 'u.code as unit_code', 'po.name as post_name', 'pt.name as post_type_name', 'p.rank', 'p.phone', 'p.status'])
    .orderBy('p.id')
    .execute();
}

/** Every role of every person's account, with the code of a leader's unit. */
export async function listRolesOfPeopleWithUnitCodes(db: Db): Promise<{ person_id: number | null; role: Role; unit_code: string | null }[]> {
  return db
    .selectFrom('account_roles as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .select(['a.person_id', 'r.role', 'u.code as unit_code'])
    .where('a.person_id', 'is not', null)
    .orderBy('r.id')
    .execute();
}
