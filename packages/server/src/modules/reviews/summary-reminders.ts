import { addCalendarDays, PERIOD_ACTIONS } from '@baton/engine';
import type { AppDeps } from '../../app/deps.js';
import { startPeriodicJob, type PeriodicJobOptions } from '../../app/periodic-job.js';
import { localDateOf } from '../../app/dates.js';
import { listPeriodParticipants } from '../periods/index.js';
import { insertNotifications } from '../notifications/index.js';
import { findCyclePeriod, listPeriodsWithSummaryDeadline, listSubmittedSummaryPeople, type CyclePeriodRow } from './reviews.repository.js';
import { listAccountsOfPeople } from '../accounts/index.js';
import { claimScheduledRun, finishScheduledRun } from '../jobs/index.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export const SUMMARY_REMINDER_KIND = 'summary.reminder';
export const SUMMARY_REMINDER_JOB = 'summary.reminder';

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

function reminderMessage(period: Pick<CyclePeriodRow, 'name' | 'summary_due_on'>, reason: 'reviewing' | 'due_tomorrow'): string {
  const due = period.summary_due_on === null ? '' : `，截止日期 ${monthDay(period.summary_due_on)}`;
  return reason === 'due_tomorrow'
    ? `《${period.name}》个人小结明天截止，请尽快提交${due}`
    : `《${period.name}》已进入审核评鉴阶段，请提交个人小结${due}`;
}

/**
 * In-app reminders (`summary.reminder`) to every participant of the period who has not submitted his
 * summary, on each of his enabled accounts. Called when the period enters `reviewing` and, by the
 * daily job below, the day before `summaryDueOn`. Writes only notifications: pass a transaction's
 * `db` to make them part of it. Returns how many people were reminded.
 */
export async function remindMissingSummaries(deps: Deps, periodId: number, reason: 'reviewing' | 'due_tomorrow' = 'reviewing'): Promise<{ people: number }> {
  const { db, now } = deps;
  const period = await findCyclePeriod(db, periodId);
  if (!period) return { people: 0 };
  const [participants, submitted] = await Promise.all([listPeriodParticipants(db, period), listSubmittedSummaryPeople(db, period.id)]);
  const missing = participants.filter((p) => !submitted.has(p.personId)).map((p) => p.personId);
  const accounts = await listAccountsOfPeople(db, missing);
  const message = reminderMessage(period, reason);
  await insertNotifications(db, accounts.map((a) => ({
    accountId: a.id, kind: SUMMARY_REMINDER_KIND, message, entity: 'period', entityId: period.id,
    data: { periodId: period.id, periodName: period.name, summaryDueOn: period.summary_due_on, reason },
  })), now().toISOString());
  return { people: new Set(accounts.map((a) => a.person_id)).size };
}

/**
 * One pass of the daily reminder job: each period still taking summaries whose `summaryDueOn` is
 * tomorrow (or today, when the day before was missed) reminds its missing summaries once. The run
 * `(summary.reminder, <periodId>:<dueOn>)` is claimed in `scheduled_runs` as the transaction's first
 * statement, like the red/black job: among several app servers exactly one sends the reminders.
 */
export async function runSummaryReminderJobOnce(deps: Deps, runner: string): Promise<{ reminded: string[] }> {
  const { db, now } = deps;
  const today = localDateOf(now());
  const reminded: string[] = [];
  for (const period of await listPeriodsWithSummaryDeadline(db, PERIOD_ACTIONS.writeSummary)) {
    const due = period.summary_due_on!;
    if (addCalendarDays(due, -1) > today || due < today) continue;
    const runKey = `${period.id}:${due}`;
    const done = await inTransaction(db, async (trx) => {
      const runId = await claimScheduledRun(trx, { job: SUMMARY_REMINDER_JOB, runKey, runner, now: now().toISOString() });
      if (runId === undefined) return false;
      const { people } = await remindMissingSummaries({ db: trx, now }, period.id, 'due_tomorrow');
      await finishScheduledRun(trx, runId, 'succeeded', `${people} people reminded`, now().toISOString());
      return true;
    });
    if (done) reminded.push(runKey);
  }
  return { reminded };
}

/** Runs the job every `intervalMs` (the first pass at once) until stopped; passes never overlap (see startPeriodicJob). */
export function startSummaryReminderScheduler(deps: Deps, options: PeriodicJobOptions): { stop(): Promise<void> } {
  return startPeriodicJob((runner) => runSummaryReminderJobOnce(deps, runner), options);
}
