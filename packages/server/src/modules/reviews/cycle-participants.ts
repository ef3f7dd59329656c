import type { PeriodPerson } from '@baton/contract/periods';
import type { Summary } from '@baton/contract/reviews';
import { localDateOf } from '../../app/dates.js';
import { AppError, createNotFoundError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import type { PeriodParticipant } from '../periods/index.js';
import { findCyclePeriod, type CyclePeriodRow, type SummaryRow } from './reviews.repository.js';

export async function loadCyclePeriod(db: Db, id: number): Promise<CyclePeriodRow> {
  const period = await findCyclePeriod(db, id);
  if (!period) throw createNotFoundError('period', id);
  return period;
}

export const createNotParticipantError = (periodId: number) =>
  new AppError(404, 'participant.not_found', `You do not take part in period ${periodId}`);

export function presentPerson(p: PeriodParticipant): PeriodPerson {
  return { id: p.personId, name: p.name, employeeNo: p.employeeNo, unitId: p.unitId, unitName: p.unitName };
}

/**
 * A summary as the API shows it. `late`: submitted after `summaryDueOn` (Asia/Shanghai dates), or —
 * still a draft — the deadline has passed.
 */
export function presentSummary(row: SummaryRow, person: PeriodParticipant, period: Pick<CyclePeriodRow, 'summary_due_on'>, now: Date): Summary {
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
