import type { Db } from '../../db/kysely.js';
import type { SubjectKind } from '../../db/schema.js';
import { listSubjectsOfPeriod, type SubjectRow } from './period-participants.repository.js';
import { listUnitInfos, type UnitInfoRow } from '../org/index.js';

/**
 * A participant of a period (docs/api-cycles.md "Who takes part"): a person assigned to a unit of
 * the period's scope during the period, in the unit he was assigned to last within it.
 */
export interface PeriodParticipant {
  personId: number;
  name: string;
  employeeNo: string;
  /** His unit in the period: the unit of his last assignment within it. */
  unitId: number;
  unitName: string;
  categoryId: number | null;
}

/** What decides who takes part in a period: its scheme's subject kind, its scope and its dates. */
export interface ParticipationOf {
  subject_kind: SubjectKind;
  scope_unit_id: number | null;
  starts_on: string;
  ends_on: string;
}

/**
 * The participants of a period by person id, as the rankings count the period's people
 * (`listSubjectsOfPeriod`); only `personId` when given. Person schemes only: a unit scheme's period
 * has no person taking part.
 */
export async function listPeriodParticipants(db: Db, period: ParticipationOf, only: { personId?: number } = {}): Promise<PeriodParticipant[]> {
  if (period.subject_kind !== 'person') return [];
  const subjects = { subjectKind: 'person' as const, scopeUnitId: period.scope_unit_id, from: period.starts_on, to: period.ends_on, personId: only.personId };
  // Everyone: every unit, read meanwhile. One person (a summary, a rating): his unit only, read after him.
  let people: SubjectRow[];
  let units: UnitInfoRow[];
  if (only.personId === undefined) {
    [people, units] = await Promise.all([listSubjectsOfPeriod(db, subjects), listUnitInfos(db)]);
  } else {
    people = await listSubjectsOfPeriod(db, subjects);
    units = await listUnitInfos(db, people.map((p) => p.unit_id));
  }
  const unitById = new Map(units.map((u) => [u.id, u]));
  return people.map((p) => {
    const unit = unitById.get(p.unit_id);
    return { personId: p.id, name: p.name, employeeNo: p.employee_no ?? '', unitId: p.unit_id, unitName: unit?.name ?? '', categoryId: unit?.category_id ?? null };
  });
}

/** One person as a participant of the period, or undefined when he does not take part. */
export async function findPeriodParticipant(db: Db, period: ParticipationOf, personId: number): Promise<PeriodParticipant | undefined> {
  return (await listPeriodParticipants(db, period, { personId }))[0];
}
