import type { CreatePeriodBody, Period, PeriodView, UpdatePeriodBody } from '@baton/contract/periods';
import type { AppDeps } from '../../app/deps.js';
import type { Db } from '../../db/kysely.js';
import { createNotFoundError } from '../../app/errors.js';
import { isValidDate } from '../../app/dates.js';
import type { PeriodState } from '../../db/schema.js';
import { type Actor, authorize, ledScopeOf, periodAbilitiesOf, periodStandingOf } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { findUnit, listSubtreeUnitIds, resolveVisibleUnitIds } from '../org/index.js';
import { findScheme } from '../schemes/index.js';
import { createPeriodClosedError, createPeriodInvalidError, createPeriodStateInvalidError } from './periods.errors.js';
import { findPeriod, insertPeriod, listPeriods, updatePeriodFields, type PeriodChanges, type PeriodRow } from './periods.repository.js';
import { inTransaction } from '../../db/transactions.js';
import { periodAllows } from '@baton/engine';

type Deps = Pick<AppDeps, 'db' | 'now'>;

const auditActor = (actor: Actor) => ({ actorId: actor.accountId, actorLabel: actor.username });

export function presentPeriod(row: PeriodRow): Period {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    schemeId: row.scheme_id,
    schemeName: row.scheme_name,
    scope: row.scope_unit_id === null ? null : { unitId: row.scope_unit_id, unitName: row.scope_unit_name ?? '' },
    state: row.state,
    publicityDays: row.publicity_days,
    summaryDueOn: row.summary_due_on,
    reviewDueOn: row.review_due_on,
    publicityStartsOn: row.publicity_starts_on,
    publicityEndsOn: row.publicity_ends_on,
    resultVersion: row.result_version,
    tierPeriod: row.tier_period_id === null ? null : { id: row.tier_period_id, name: row.tier_period_name ?? '' },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Periods as the caller sees them: each with what he may do with it (policies/periods.policies.ts),
 * his standing in each scope resolved once per distinct scope unit.
 */
export async function presentPeriodViews(db: Db, actor: Actor, rows: PeriodRow[]): Promise<PeriodView[]> {
  const ledUnits = await resolveVisibleUnitIds(db, ledScopeOf(actor));
  const scopes = new Map<number, Set<number>>();
  for (const scopeUnitId of new Set(rows.map((r) => r.scope_unit_id).filter((id): id is number => id !== null))) {
    scopes.set(scopeUnitId, new Set(await listSubtreeUnitIds(db, [scopeUnitId])));
  }
  return rows.map((row) => {
    const scopeUnits = row.scope_unit_id === null ? null : scopes.get(row.scope_unit_id)!;
    const standing = periodStandingOf(actor, scopeUnits, ledUnits, row.scope_unit_id);
    return { ...presentPeriod(row), can: periodAbilitiesOf(actor, row, standing) };
  });
}

/** One period as the caller sees it (see presentPeriodViews). */
export async function presentPeriodView(db: Db, actor: Actor, row: PeriodRow): Promise<PeriodView> {
  return (await presentPeriodViews(db, actor, [row]))[0]!;
}

export async function listAssessmentPeriods(
  { db }: Deps,
  actor: Actor,
  opts: { state?: PeriodState | undefined; schemeId?: number | undefined; beforeId?: number | undefined; limit: number },
): Promise<PeriodView[]> {
  return presentPeriodViews(db, actor, await listPeriods(db, opts));
}

export async function getAssessmentPeriod({ db }: Deps, actor: Actor, id: number): Promise<PeriodView> {
  const row = await findPeriod(db, id);
  if (!row) throw createNotFoundError('period', id);
  return presentPeriodView(db, actor, row);
}

export type PeriodInput = CreatePeriodBody;

/** 考用结合: the tiers come from a period of a unit scheme (its grades), never from the period itself. */
async function checkTierPeriod(db: Deps['db'], value: number | null | undefined, selfId: number | null) {
  if (value === undefined || value === null) return;
  const tierPeriod = value === selfId ? undefined : await findPeriod(db, value);
  if (!tierPeriod) throw createPeriodInvalidError('/tierPeriodId', `unknown period ${value}`);
  if ((await findScheme(db, tierPeriod.scheme_id))!.subject_kind !== 'unit') {
    throw createPeriodInvalidError('/tierPeriodId', `period ${value} does not assess units: its grades are no unit tiers`);
  }
}

/** A deadline (summary or review) is a date within or after the period: not before it starts (docs/api-cycles.md). */
function checkDeadline(path: string, value: string | null | undefined, startsOn: string) {
  if (value === undefined || value === null) return;
  if (!isValidDate(value)) throw createPeriodInvalidError(path, 'is not a date');
  if (value < startsOn) throw createPeriodInvalidError(path, `must not be before the period starts (${startsOn})`);
}

export async function createAssessmentPeriod({ db, now }: Deps, actor: Actor, input: PeriodInput): Promise<PeriodView> {
  authorize(actor, 'period.manage');
  if (!isValidDate(input.startsOn)) throw createPeriodInvalidError('/startsOn', 'is not a date');
  if (!isValidDate(input.endsOn)) throw createPeriodInvalidError('/endsOn', 'is not a date');
  if (input.endsOn < input.startsOn) throw createPeriodInvalidError('/endsOn', `must not be before startsOn ${input.startsOn}`);
  checkDeadline('/summaryDueOn', input.summaryDueOn, input.startsOn);
  checkDeadline('/reviewDueOn', input.reviewDueOn, input.startsOn);
  if (!(await findScheme(db, input.schemeId))) throw createPeriodInvalidError('/schemeId', `unknown scheme ${input.schemeId}`);
  await checkTierPeriod(db, input.tierPeriodId, null);
  const scopeUnitId = input.scopeUnitId ?? null;
  if (scopeUnitId !== null && !(await findUnit(db, scopeUnitId))) throw createPeriodInvalidError('/scopeUnitId', `unknown unit ${scopeUnitId}`);
  const at = now().toISOString();
  const id = await inTransaction(db, async (trx) => {
    const newId = await insertPeriod(trx, {
      ...input, scopeUnitId, publicityDays: input.publicityDays ?? 5, summaryDueOn: input.summaryDueOn ?? null, reviewDueOn: input.reviewDueOn ?? null,
      tierPeriodId: input.tierPeriodId ?? null, createdBy: actor.accountId, now: at,
    });
    await appendAuditRecords(trx, [{ ...auditActor(actor), action: 'period.created', entity: 'period', entityId: newId, after: input }], at);
    return newId;
  });
  return presentPeriodView(db, actor, (await findPeriod(db, id))!);
}

/**
 * Edits a period's name and deadlines, and its publicity length while publicity has not begun (the
 * window is fixed on entering it). A closed period refuses every change (409 `period.closed`). Audited.
 */
export async function updateAssessmentPeriod({ db, now }: Deps, actor: Actor, id: number, input: UpdatePeriodBody): Promise<PeriodView> {
  authorize(actor, 'period.manage');
  const at = now().toISOString();
  await inTransaction(db, async (trx) => {
    const period = await findPeriod(trx, id);
    if (!period) throw createNotFoundError('period', id);
    if (period.state === 'closed') throw createPeriodClosedError(id);
    if (input.publicityDays !== undefined && !periodAllows(period.state, 'changePublicityDays')) {
      throw createPeriodStateInvalidError(id, period.state, 'publicityDays can change only before publicity', '/publicityDays');
    }
    if (input.tierPeriodId !== undefined && !periodAllows(period.state, 'changeTierPeriod')) {
      throw createPeriodStateInvalidError(id, period.state, 'the unit tiers can change only before publicity', '/tierPeriodId');
    }
    checkDeadline('/summaryDueOn', input.summaryDueOn, period.starts_on);
    checkDeadline('/reviewDueOn', input.reviewDueOn, period.starts_on);
    await checkTierPeriod(trx, input.tierPeriodId, id);
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as PeriodChanges;
    if (Object.keys(changes).length === 0) return;
    const before = {
      name: period.name, summaryDueOn: period.summary_due_on, reviewDueOn: period.review_due_on, publicityDays: period.publicity_days,
      tierPeriodId: period.tier_period_id,
    };
    await appendAuditRecords(trx, [{
      ...auditActor(actor), action: 'period.updated', entity: 'period', entityId: id,
      before: Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof typeof before]])), after: changes,
    }], at);
    // The audit append serialises writers; the update still refuses a period closed meanwhile.
    if (!(await updatePeriodFields(trx, id, changes, at))) throw createPeriodClosedError(id);
  });
  return presentPeriodView(db, actor, (await findPeriod(db, id))!);
}
