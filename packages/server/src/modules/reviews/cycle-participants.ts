import { localDateOf } from '../../app/dates.js';
import { AppError, createNotFoundError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import type { PeriodState } from '../../db/schema.js';
import { listSubtreeUnitIds } from '../org/org.repository.js';
import { createPeriodClosedError, createPeriodStateInvalidError } from '../periods/periods.errors.js';
import { listSubjectsOfPeriod, listUnitInfos } from '../rankings/rankings.repository.js';
import { findCyclePeriod, findPersonWithUnit, findUnitOfPersonDuring, type CyclePeriodRow, type SummaryRow } from './reviews.repository.js';

/**
 * A participant of a period (docs/api-cycles.md "Who takes part"): a person assigned to a unit of
 * the period's scope during the period, in the unit he was assigned to last within it. Person
 * schemes only: a unit scheme's period has no person taking part.
 */
export interface CycleParticipant {
  personId: number;
  name: string;
  employeeNo: string;
  unitId: number;
  unitName: string;
}

export async function loadCyclePeriod(db: Db, id: number): Promise<CyclePeriodRow> {
  const period = await findCyclePeriod(db, id);
  if (!period) throw createNotFoundError('period', id);
  return period;
}

/** 409 `period.closed` for a closed period (DESIGN §4: immutable), `period.state_invalid` for any other state not allowed. */
export function assertPeriodState(period: Pick<CyclePeriodRow, 'id' | 'state'>, allowed: PeriodState[], what: string): void {
  if (allowed.includes(period.state)) return;
  if (period.state === 'closed') throw createPeriodClosedError(period.id);
  throw createPeriodStateInvalidError(period.id, period.state, `${what} only while it is ${allowed.join(' or ')}`);
}

export const createNotParticipantError = (periodId: number) =>
  new AppError(404, 'participant.not_found', `You do not take part in period ${periodId}`);

/** Every participant of a period, by person id (the same query as the rankings and the period's scenario). */
export async function listCycleParticipants(db: Db, period: CyclePeriodRow): Promise<CycleParticipant[]> {
  if (period.subject_kind !== 'person') return [];
  const [people, units] = await Promise.all([
    listSubjectsOfPeriod(db, { subjectKind: 'person', scopeUnitId: period.scope_unit_id, from: period.starts_on, to: period.ends_on }),
    listUnitInfos(db),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return people.map((p) => ({ personId: p.id, name: p.name, employeeNo: p.employee_no ?? '', unitId: p.unit_id, unitName: unitName.get(p.unit_id) ?? '' }));
}

/** One person as a participant of the period, or undefined when he does not take part. */
export async function findCycleParticipant(db: Db, period: CyclePeriodRow, personId: number): Promise<CycleParticipant | undefined> {
  if (period.subject_kind !== 'person') return undefined;
  const unitId = await findUnitOfPersonDuring(db, personId, period.starts_on, period.ends_on);
  if (unitId === undefined) return undefined;
  if (period.scope_unit_id !== null && !(await listSubtreeUnitIds(db, [period.scope_unit_id])).includes(unitId)) return undefined;
  const person = await findPersonWithUnit(db, personId, unitId);
  return person && { personId: person.id, name: person.name, employeeNo: person.employee_no, unitId, unitName: person.unit_name };
}

export function presentPerson(p: CycleParticipant) {
  return { id: p.personId, name: p.name, employeeNo: p.employeeNo, unitId: p.unitId, unitName: p.unitName };
}

/**
 * A summary as the API shows it. `late`: submitted after `summaryDueOn` (Asia/Shanghai dates), or —
 * still a draft — the deadline has passed.
 */
export function presentSummary(row: SummaryRow, person: CycleParticipant, period: Pick<CyclePeriodRow, 'summary_due_on'>, now: Date) {
  const on = localDateOf(row.submitted_at === null ? now : new Date(row.submitted_at));
  return {
    periodId: row.period_id,
    person: presentPerson(person),
    content: row.content,
    status: row.status,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    late: period.summary_due_on !== null && on > period.summary_due_on,
  };
}

export type SummaryView = ReturnType<typeof presentSummary>;
