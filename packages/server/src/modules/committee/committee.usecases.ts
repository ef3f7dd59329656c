import { groupKeyOf, hasQuotaTie, hasTieDecision, periodAllows, type Result } from '@baton/engine';
import type { TieDecision, TieDecisionBody, TieDecisionList } from '@baton/contract/committee';
import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import { authorize, type Actor } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { listPendingAppealIds } from '../appeals/index.js';
import { createPeriodClosedError, createPeriodStateInvalidError, findPeriod, lockPeriodInState, type PeriodRow } from '../periods/index.js';
import {
  decisionsInForce, evaluatePeriod, gradeSeatsInGroup, listTieDecisionsOfPeriod, participantOf, type PeriodEvaluation, personSubjectKey, type TieDecisionRow,
} from '../results/index.js';
import { createTieDecisionExceedsQuotaError, createTieDecisionInvalidError } from './committee.errors.js';
import { insertTieDecision } from './committee.repository.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** `personIds`: who of the tied block takes the grade; empty: the block stays in the lower grade (recorded as decided). */
export type TieDecisionInput = TieDecisionBody;

/** The block of a group tied at a grade's quota line, and the seats the grade has left for it. */
interface TiedBlock {
  members: Result[];
  seatsLeft: number;
}

function tiedBlockOf(evaluation: PeriodEvaluation, group: string, grade: string): TiedBlock {
  const { scheme } = evaluation.scenario;
  const inGroup = evaluation.results.filter((r) => groupKeyOf(scheme.grouping, participantOf(evaluation, r)) === group);
  const members = inGroup.filter((r) => hasQuotaTie(r.flags, grade));
  // Seats as the engine grades them (考用结合 included).
  const capacity = gradeSeatsInGroup(evaluation.scenario, scheme.grades.findIndex((g) => g.name === grade), group, inGroup.length).capacity ?? Number.POSITIVE_INFINITY;
  // Seats taken by those above the block (a decision in force on this block does not count against it).
  const taken = inGroup.filter((r) => r.grade === grade && !hasTieDecision(r.flags, grade)).length;
  return { members, seatsLeft: capacity - taken };
}

function presentDecision(row: TieDecisionRow, names: Map<number, string>, inForce: boolean, applied: boolean | null): TieDecision {
  const personIds = JSON.parse(row.person_ids_json) as number[];
  return {
    id: row.id,
    group: row.group_key,
    grade: row.grade,
    people: personIds.map((id) => ({ id, name: names.get(id) ?? '' })),
    reason: row.reason,
    decidedBy: row.decided_by_name ?? '',
    decidedAt: row.decided_at,
    inForce,
    /** Whether the period's current evaluation follows it (a block that changed since may leave it without effect). */
    applied,
  };
}

/** Ties are decided in review, or in publicity while an appeal is pending (409 `period.state_invalid` otherwise). */
async function assertDecidable(db: Deps['db'], period: Pick<PeriodRow, 'id' | 'state'>): Promise<void> {
  if (periodAllows(period.state, 'decideTie')) return;
  if (periodAllows(period.state, 'decideTieUnderAppeal') && (await listPendingAppealIds(db, period.id)).length > 0) return;
  throw createPeriodStateInvalidError(period.id, period.state, 'ties are decided while the period is being reviewed, or in publicity while an appeal is pending');
}

async function openPeriod(deps: Deps, id: number): Promise<PeriodRow> {
  const period = await findPeriod(deps.db, id);
  if (!period) throw createNotFoundError('period', id);
  return period;
}

/** The committee's decisions on ties of a period, oldest first, with which are in force and whether they take effect now. */
export async function listTieDecisions(deps: Deps, actor: Actor, periodId: number): Promise<TieDecisionList> {
  authorize(actor, 'results.export');
  const period = await openPeriod(deps, periodId);
  const rows = await listTieDecisionsOfPeriod(deps.db, period.id);
  if (rows.length === 0) return { items: [] };
  const evaluation = await evaluatePeriod(deps.db, period);
  const names = new Map([...evaluation.participants.values()].map((p) => [p.personId, p.name]));
  const resultOf = new Map(evaluation.results.map((r) => [r.subject, r]));
  const inForce = new Set(decisionsInForce(rows).map((r) => r.id));
  return {
    items: rows.map((row) => {
      const applied = !inForce.has(row.id)
        ? null
        : (JSON.parse(row.person_ids_json) as number[]).every((id) => {
          const result = resultOf.get(personSubjectKey(id));
          return result !== undefined && hasTieDecision(result.flags, row.grade);
        });
      return presentDecision(row, names, inForce.has(row.id), applied);
    }),
  };
}

/**
 * Records the committee's decision on a block tied at a grade's quota line (issue 6, docs/product.md §2.4):
 * which of its members take the seats the tie left, with a reason, audited. Only while the period is
 * being reviewed, and in publicity while an appeal of the period is pending (复核: the decision then
 * takes effect with the version the appeal publishes when accepted). The named people must be
 * members of the block as the period stands, and fit in the seats left (quotas are never exceeded).
 */
export async function decideTie(deps: Deps, actor: Actor, periodId: number, input: TieDecisionInput): Promise<TieDecisionList> {
  authorize(actor, 'period.manage');
  const period = await openPeriod(deps, periodId);
  if (period.state === 'closed') throw createPeriodClosedError(period.id);
  await assertDecidable(deps.db, period);
  const reason = input.reason.trim();
  if (reason.length === 0) throw createTieDecisionInvalidError('/reason', 'must say why');
  const evaluation = await evaluatePeriod(deps.db, period);
  const grades = evaluation.scenario.scheme.grades;
  const gradeIndex = grades.findIndex((g) => g.name === input.grade);
  if (gradeIndex === -1) throw createTieDecisionInvalidError('/grade', `unknown grade ${input.grade}`);
  if (gradeIndex === grades.length - 1) throw createTieDecisionInvalidError('/grade', `${input.grade} is the last grade: it has no quota line`);
  const block = tiedBlockOf(evaluation, input.group, input.grade);
  if (block.members.length === 0) throw createTieDecisionInvalidError('/group', `no block of ${input.group} is tied at the quota line of ${input.grade}`);
  const inBlock = new Set(block.members.map((r) => r.subject));
  const seen = new Set<number>();
  input.personIds.forEach((id, i) => {
    if (seen.has(id)) throw createTieDecisionInvalidError(`/personIds/${i}`, `person ${id} is named twice`);
    seen.add(id);
    if (!inBlock.has(personSubjectKey(id))) throw createTieDecisionInvalidError(`/personIds/${i}`, `person ${id} is not in the tied block`);
  });
  if (input.personIds.length > block.seatsLeft) throw createTieDecisionExceedsQuotaError(input.grade, block.seatsLeft, input.personIds.length);

  const at = deps.now().toISOString();
  const names = new Map([...evaluation.participants.values()].map((p) => [p.personId, p.name]));
  await inTransaction(deps.db, async (trx) => {
    // The period's row first, as transitions and appeal decisions take it: the state checked here holds until commit.
    const current = (await findPeriod(trx, period.id)) ?? period;
    await lockPeriodInState(trx, period.id, current.state);
    await assertDecidable(trx, current);
    await appendAuditRecords(trx, [{
      actorId: actor.accountId, actorLabel: actor.username, action: 'period.tie_decided', entity: 'period', entityId: period.id,
      after: {
        group: input.group, grade: input.grade, block: block.members.map((r) => r.subject), seatsLeft: block.seatsLeft,
        chosen: input.personIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      },
      reason,
    }], at);
    await insertTieDecision(trx, { periodId: period.id, groupKey: input.group, grade: input.grade, personIds: input.personIds, reason, decidedBy: actor.accountId, now: at });
  });
  return listTieDecisions(deps, actor, period.id);
}
