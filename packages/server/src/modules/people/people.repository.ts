import { sql } from 'kysely';
import type { Db } from '../../db/kysely.js';
import type { NewPerson, PersonAssignment, PersonStatus, PersonUpdate } from '../../db/schema.js';
import { likePattern } from './people.search.js';

export interface PersonView {
  id: number;
  employee_no: string;
  name: string;
  gender: string | null;
  unit_id: number;
  unit_name: string;
  post_id: number | null;
  post_name: string | null;
  post_type_name: string | null;
  rank: string | null;
  phone: string | null;
  status: PersonStatus;
  username: string | null;
}

function selectPersonViews(db: Db) {
  return db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('posts as po', 'po.id', 'p.post_id')
    .leftJoin('post_types as pt', 'pt.id', 'po.post_type_id')
    .leftJoin('accounts as a', 'a.person_id', 'p.id')
    .select([
      'p.id', 'p.employee_no', 'p.name', 'p.gender', 'p.unit_id', 'u.name as unit_name', 'p.post_id', 'po.name as post_name',
      'pt.name as post_type_name', 'p.rank', 'p.phone', 'p.status', 'a.username',
    ]);
}

export async function findPersonView(db: Db, id: number): Promise<PersonView | undefined> {
  return selectPersonViews(db).where('p.id', '=', id).executeTakeFirst();
}

/** What a person sees of himself on every page (GET /api/me): three tables, not the five of the full view. */
export async function findOwnPerson(db: Db, id: number) {
  return db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .leftJoin('posts as po', 'po.id', 'p.post_id')
    .select(['p.id', 'p.name', 'p.employee_no', 'p.unit_id', 'u.name as unit_name', 'po.name as post_name', 'p.rank'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export interface PeopleFilter {
  /** null = every unit (admin/auditor); otherwise only these units. */
  unitIds: number[] | null;
  /** Always visible whatever the units (a person sees himself). */
  alsoPersonId?: number | null | undefined;
  q?: string | undefined;
  status?: PersonStatus | undefined;
  afterId?: number | undefined;
  limit: number;
}

function applyPeopleFilter<Q extends ReturnType<typeof selectPersonViews>>(q: Q, f: PeopleFilter): Q {
  let out = q;
  if (f.unitIds !== null) {
    const units = f.unitIds.length ? f.unitIds : [-1];
    out = out.where((eb) =>
      f.alsoPersonId ? eb.or([eb('p.unit_id', 'in', units), eb('p.id', '=', f.alsoPersonId)]) : eb('p.unit_id', 'in', units),
    ) as Q;
  }
  if (f.q && f.q.trim()) out = out.where(sql<boolean>`p.search_text like ${likePattern(f.q)} escape '\\'`) as Q;
  if (f.status) out = out.where('p.status', '=', f.status) as Q;
  return out;
}

export async function listPeople(db: Db, f: PeopleFilter): Promise<{ items: PersonView[]; total: number }> {
  let page = applyPeopleFilter(selectPersonViews(db), f).orderBy('p.id').limit(f.limit);
  if (f.afterId !== undefined) page = page.where('p.id', '>', f.afterId);
  const countQuery = applyPeopleFilter(selectPersonViews(db), f)
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'));
  const [items, count] = await Promise.all([page.execute(), countQuery.executeTakeFirst()]);
  return { items, total: Number(count?.n ?? 0) };
}

export async function findPersonIdByEmployeeNo(db: Db, employeeNo: string): Promise<number | undefined> {
  const row = await db.selectFrom('people').select('id').where('employee_no', '=', employeeNo).executeTakeFirst();
  return row?.id;
}

export async function insertPerson(db: Db, person: NewPerson): Promise<number> {
  const row = await db.insertInto('people').values(person).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePerson(db: Db, id: number, changes: PersonUpdate): Promise<void> {
  await db.updateTable('people').set(changes).where('id', '=', id).execute();
}

export async function listAssignmentsOfPerson(db: Db, personId: number) {
  return db
    .selectFrom('person_assignments as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('posts as po', 'po.id', 'a.post_id')
    .select(['a.id', 'a.unit_id', 'u.name as unit_name', 'po.name as post_name', 'a.rank', 'a.valid_from', 'a.valid_to', 'a.reason'])
    .where('a.person_id', '=', personId)
    .orderBy('a.valid_from', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}

export async function findOpenAssignment(db: Db, personId: number): Promise<PersonAssignment | undefined> {
  return db.selectFrom('person_assignments').selectAll().where('person_id', '=', personId).where('valid_to', 'is', null).executeTakeFirst();
}

export async function closeAssignment(db: Db, id: number, validTo: string): Promise<void> {
  await db.updateTable('person_assignments').set({ valid_to: validTo }).where('id', '=', id).execute();
}

export async function insertAssignment(
  db: Db,
  a: { personId: number; unitId: number; postId: number | null; rank: string | null; validFrom: string; reason: string | null; now: string },
): Promise<void> {
  await db
    .insertInto('person_assignments')
    .values({ person_id: a.personId, unit_id: a.unitId, post_id: a.postId, rank: a.rank, valid_from: a.validFrom, valid_to: null, reason: a.reason, created_at: a.now })
    .execute();
}

/** The unit a person belonged to on a date (a result belongs to the unit the person was in at the time). */
export async function findUnitOfPersonOn(db: Db, personId: number, date: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('person_assignments')
    .select('unit_id')
    .where('person_id', '=', personId)
    .where('valid_from', '<=', date)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', date)]))
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
  return row?.unit_id;
}

export async function listRoleNamesOfPerson(db: Db, personId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('account_roles as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .select('r.role')
    .where('a.person_id', '=', personId)
    .execute();
  return [...new Set(rows.map((r) => r.role))];
}

export async function listRoleNamesOfPeople(db: Db, personIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('account_roles as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .select(['a.person_id', 'r.role'])
    .where('a.person_id', 'in', personIds)
    .execute();
  for (const r of rows) {
    if (r.person_id === null) continue;
    const list = out.get(r.person_id) ?? [];
    if (!list.includes(r.role)) list.push(r.role);
    out.set(r.person_id, list);
  }
  return out;
}

export async function findPersonBrief(db: Db, personId: number) {
  return db
    .selectFrom('people as p')
    .innerJoin('units as u', 'u.id', 'p.unit_id')
    .select(['p.id', 'p.name', 'p.employee_no', 'p.unit_id', 'u.name as unit_name'])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

/** Removes an assignment (one that starts on the day a change takes effect is replaced, not closed). */
export async function deleteAssignment(db: Db, id: number): Promise<void> {
  await db.deleteFrom('person_assignments').where('id', '=', id).execute();
}

export async function findPersonByEmployeeNo(db: Db, employeeNo: string): Promise<{ id: number } | undefined> {
  return db.selectFrom('people').select('id').where('employee_no', '=', employeeNo).executeTakeFirst();
}
