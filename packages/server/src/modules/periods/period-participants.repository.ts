import type { Db } from '../../db/kysely.js';
import type { SubjectKind } from '../../db/schema.js';
import { listSubtreeUnitIds } from '../org/index.js';

/** A subject of a date range: a person with the unit he was in last within it, or a unit. */
export interface SubjectRow {
  id: number;
  name: string;
  employee_no: string | null;
  unit_id: number;
}

/**
 * The people assigned to a unit at some time in [from, to], each with the unit of his last assignment
 * in that range (assignments are [valid_from, valid_to)); only `personId` when given.
 */
export async function listPeopleAssignedDuring(db: Db, from: string, to: string, personId?: number): Promise<SubjectRow[]> {
  const rows = await db
    .selectFrom('person_assignments as a')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .select(['p.id', 'p.name', 'p.employee_no', 'a.unit_id', 'a.valid_from'])
    .where('a.valid_from', '<=', to)
    .where((eb) => eb.or([eb('a.valid_to', 'is', null), eb('a.valid_to', '>', from)]))
    .$if(personId !== undefined, (q) => q.where('a.person_id', '=', personId!))
    .orderBy('p.id')
    .orderBy('a.valid_from')
    .orderBy('a.id')
    .execute();
  const byPerson = new Map<number, SubjectRow>();
  for (const r of rows) byPerson.set(r.id, { id: r.id, name: r.name, employee_no: r.employee_no, unit_id: r.unit_id });
  return [...byPerson.values()];
}

/**
 * The subjects a period assesses: people assigned during [from, to] (or the active units, for a unit
 * scheme), narrowed to the subtree of the period's scope unit when it has one; of the people, only
 * `personId` when given.
 */
export async function listSubjectsOfPeriod(
  db: Db,
  p: { subjectKind: SubjectKind; scopeUnitId: number | null; from: string; to: string; personId?: number | undefined },
): Promise<SubjectRow[]> {
  const subjects = p.subjectKind === 'person' ? await listPeopleAssignedDuring(db, p.from, p.to, p.personId) : await listActiveUnitSubjects(db);
  if (p.scopeUnitId === null) return subjects;
  const inScope = new Set(await listSubtreeUnitIds(db, [p.scopeUnitId]));
  return subjects.filter((s) => inScope.has(p.subjectKind === 'person' ? s.unit_id : s.id));
}

/** Unit subjects (a `unit` scheme): the active units; a unit's group unit is its parent. */
export async function listActiveUnitSubjects(db: Db): Promise<SubjectRow[]> {
  const rows = await db.selectFrom('units').select(['id', 'name', 'parent_id']).where('active', '=', 1).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, employee_no: null, unit_id: r.parent_id ?? r.id }));
}
