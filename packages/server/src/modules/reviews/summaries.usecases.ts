import type { MySummary, Summary, SummaryContentBody, SummaryList, SummaryListQuery, SummarySubmitBody } from '@baton/contract/reviews';
import type { AppDeps } from '../../app/deps.js';
import type { Db } from '../../db/kysely.js';
import { type Actor, authorize, overseeScopeOf } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { openVisibleUnit, resolveVisibleUnitIds } from '../org/index.js';
import { assertPeriodAllows, findPeriodParticipant, listPeriodParticipants, type PeriodParticipant } from '../periods/index.js';
import { computeWorkLogSummary } from '../worklogs/index.js';
import { createNotParticipantError, loadCyclePeriod, presentPerson, presentSummary } from './cycle-participants.js';
import { createSummarySubmittedError } from './reviews.errors.js';
import {
  findSummary, insertSummary, listSummariesOfPeriod, listSummaryStatuses, updateDraftSummary, type CyclePeriodRow,
} from './reviews.repository.js';
import { composeSummaryPrefill } from './summary-prefill.js';
import { createFieldErrors } from '../../app/errors.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** A summary is written while the period is open (facts and logs accepted) or reviewing (docs/product.md §4). */
export const MAX_SUMMARY_CHARS = 5000;

/** The caller as a participant of the period: 403 without a person of his own, 404 when he does not take part. */
async function loadOwnParticipation(db: Db, actor: Actor, periodId: number) {
  authorize(actor, 'summary.write');
  const period = await loadCyclePeriod(db, periodId);
  const participant = await findPeriodParticipant(db, period, actor.personId!);
  if (!participant) throw createNotParticipantError(periodId);
  return { period, participant };
}

/**
 * The caller's summary of a period, with the text to start from: his work-log digest of the period
 * (issue 4) in words, and that digest as data.
 */
export async function getMySummary(deps: Deps, actor: Actor, periodId: number): Promise<MySummary> {
  const { db, now } = deps;
  const { period, participant } = await loadOwnParticipation(db, actor, periodId);
  const [row, digest] = await Promise.all([
    findSummary(db, period.id, participant.personId),
    computeWorkLogSummary(deps, participant.personId, { from: period.starts_on, to: period.ends_on }),
  ]);
  return {
    summary: row ? presentSummary(row, participant, period, now()) : null,
    prefill: composeSummaryPrefill({ name: period.name, startsOn: period.starts_on, endsOn: period.ends_on }, digest),
    digest,
  };
}

function normalizeSummaryContent(content: string): string {
  const text = content.replace(/\r\n?/g, '\n').trim();
  if (text.length === 0) throw createFieldErrors([{ path: '/content', message: 'must not be blank' }]);
  if ([...text].length > MAX_SUMMARY_CHARS) throw createFieldErrors([{ path: '/content', message: `must have at most ${MAX_SUMMARY_CHARS} characters` }]);
  return text;
}

/**
 * Saves the caller's summary as a draft (`submit: false`) or submits it. A submitted summary is
 * final (409 `summary.submitted`); one written after `summaryDueOn` is accepted and shows `late`.
 * The submission is audited.
 */
async function writeMySummary({ db, now }: Deps, actor: Actor, periodId: number, input: { content?: string | undefined; submit: boolean }) {
  const { period, participant } = await loadOwnParticipation(db, actor, periodId);
  assertPeriodAllows(period, 'writeSummary', 'summaries are written');
  const given = input.content === undefined ? undefined : normalizeSummaryContent(input.content);
  const at = now().toISOString();
  const status = input.submit ? 'submitted' as const : 'draft' as const;
  await inTransaction(db, async (trx) => {
    const existing = await findSummary(trx, period.id, participant.personId);
    if (existing?.status === 'submitted') throw createSummarySubmittedError();
    const content = given ?? existing?.content;
    if (content === undefined) throw createFieldErrors([{ path: '/content', message: 'is required: there is no draft to submit' }]);
    const values = { content, status, submittedAt: input.submit ? at : null, now: at };
    const written = existing
      ? await updateDraftSummary(trx, existing.id, values)
      : await insertSummary(trx, { periodId: period.id, personId: participant.personId, ...values });
    // Another request submitted (or created) it in between: the conditional write changed nothing.
    if (!written) throw createSummarySubmittedError();
    if (input.submit) {
      await appendAuditRecords(trx, [{
        actorId: actor.accountId, actorLabel: actor.username, action: 'summary.submitted', entity: 'period', entityId: period.id,
        after: { personId: participant.personId, chars: [...content].length },
      }], at);
    }
    // The state may have moved on while we wrote (the audit append above serialises with transitions).
    const state = (await loadCyclePeriod(trx, period.id)).state;
    assertPeriodAllows({ id: period.id, state }, 'writeSummary', 'summaries are written');
  });
  const row = (await findSummary(db, period.id, participant.personId))!;
  return presentSummary(row, participant, period, now());
}

export const saveMySummaryDraft = (deps: Deps, actor: Actor, periodId: number, input: SummaryContentBody): Promise<Summary> =>
  writeMySummary(deps, actor, periodId, { content: input.content, submit: false });

export const submitMySummary = (deps: Deps, actor: Actor, periodId: number, input: SummarySubmitBody): Promise<Summary> =>
  writeMySummary(deps, actor, periodId, { content: input.content, submit: true });

export type SummaryStatusFilter = NonNullable<SummaryListQuery['status']>;

/**
 * The participants whose summaries the caller oversees, each with his summary or null, so the missing
 * ones show: admin and auditor every participant, a leader those of his subtrees (a unit outside them
 * answers 404 like a missing one). By person id, keyset-paginated.
 */
export async function listPeriodSummaries(
  { db, now }: Deps,
  actor: Actor,
  periodId: number,
  query: { unit?: number | undefined; status?: SummaryStatusFilter | undefined; afterPersonId?: number | undefined; limit: number },
): Promise<{ items: SummaryList['items']; hasMore: boolean }> {
  authorize(actor, 'results.oversee');
  const period = await loadCyclePeriod(db, periodId);
  const units = await unitsToList(db, actor, query.unit);
  let people = (await listPeriodParticipants(db, period)).filter((p) => units === 'all' || units.has(p.unitId));
  if (query.status !== undefined) {
    const statuses = await listSummaryStatuses(db, period.id);
    people = people.filter((p) => (statuses.get(p.personId) ?? 'missing') === query.status);
  }
  if (query.afterPersonId !== undefined) people = people.filter((p) => p.personId > query.afterPersonId!);
  const page = people.slice(0, query.limit);
  return { items: await presentSummaryRows(db, period, page, now()), hasMore: people.length > query.limit };
}

async function unitsToList(db: Db, actor: Actor, unitId: number | undefined): Promise<Set<number> | 'all'> {
  const visible = await resolveVisibleUnitIds(db, overseeScopeOf(actor));
  if (unitId === undefined) return visible;
  return new Set((await openVisibleUnit(db, visible, unitId)).unitIds);
}

async function presentSummaryRows(db: Db, period: CyclePeriodRow, people: PeriodParticipant[], now: Date) {
  const summaries = new Map((await listSummariesOfPeriod(db, period.id, people.map((p) => p.personId))).map((s) => [s.person_id, s]));
  return people.map((p) => {
    const row = summaries.get(p.personId);
    return { person: presentPerson(p), summary: row ? presentSummary(row, p, period, now) : null };
  });
}
