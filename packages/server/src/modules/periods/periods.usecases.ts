import { addCalendarDays } from '@baton/engine';
import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import { isValidDate, localDateOf } from '../../app/dates.js';
import type { PeriodKind, PeriodState, SubjectKind } from '../../db/schema.js';
import { authorize, type Actor } from '../../policies/policies.js';
import { appendAuditRecords } from '../audit/audit.repository.js';
import { findUnit } from '../org/org.repository.js';
import { publishResultVersion } from '../results/result-publication.js';
import { loadWorkingDayCalendar } from '../work-calendar/index.js';
import {
  createPeriodClosedError, createPeriodInvalidError, createPeriodStateInvalidError, createPeriodTransitionInvalidError, createPublicityRunningError,
  createSchemeInvalidError,
} from './periods.errors.js';
import {
  findLatestSchemeVersion, findPeriod, findScheme, insertPeriod, insertScheme, listPeriods, listSchemes, updatePeriodFields, updatePeriodState,
  type PeriodChanges, type PeriodRow, type PeriodStateEffects, type SchemeRow,
} from './periods.repository.js';
import { checkSchemeDefinition } from './scheme-definition.js';
import { remindMissingSummaries } from '../reviews/summary-reminders.js';
import { createAppealsPendingError } from '../appeals/appeals.errors.js';
import { listPendingAppealIds } from '../appeals/appeals.repository.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

const auditActor = (actor: Actor) => ({ actorId: actor.accountId, actorLabel: actor.username });

/** DESIGN §4 "Period states": one step at a time, closed is final. */
export const NEXT_PERIOD_STATE: Record<PeriodState, PeriodState | null> = {
  draft: 'open',
  open: 'reviewing',
  reviewing: 'publicity',
  publicity: 'closed',
  closed: null,
};

export function presentScheme(row: SchemeRow) {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: row.name,
    kind: row.kind,
    subjectKind: row.subject_kind,
    definition: JSON.parse(row.definition_json) as Record<string, unknown>,
    replacesId: row.replaces_id,
    createdAt: row.created_at,
    periodCount: row.period_count,
  };
}

export function presentPeriod(row: PeriodRow) {
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

export async function listAssessmentSchemes({ db }: Deps, _actor: Actor, opts: { code?: string | undefined; beforeId?: number | undefined; limit: number }) {
  return (await listSchemes(db, opts)).map(presentScheme);
}

export async function getAssessmentScheme({ db }: Deps, _actor: Actor, id: number) {
  const row = await findScheme(db, id);
  if (!row) throw createNotFoundError('scheme', id);
  return presentScheme(row);
}

export interface SchemeInput {
  code: string;
  name: string;
  subjectKind: SubjectKind;
  definition: unknown;
}

/**
 * A new version of a scheme: one more than the code's latest, which it replaces. Schemes are never
 * edited: a period freezes the version it runs on (DESIGN §2.1).
 */
export async function createAssessmentScheme({ db, now }: Deps, actor: Actor, input: SchemeInput) {
  authorize(actor, 'scheme.manage');
  const checked = checkSchemeDefinition(input.definition);
  if (!checked.ok) throw createSchemeInvalidError(checked.errors);
  const at = now().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    // The audit append serialises writers (an advisory lock on PostgreSQL), so the version read after it is the latest.
    await appendAuditRecords(trx, [{ ...auditActor(actor), action: 'scheme.created', entity: 'scheme', entityId: input.code, after: input }], at);
    const latest = await findLatestSchemeVersion(trx, input.code);
    return insertScheme(trx, {
      code: input.code, version: (latest?.version ?? 0) + 1, name: input.name, kind: checked.scheme.kind ?? 'routine',
      subjectKind: input.subjectKind, definitionJson: JSON.stringify(input.definition), replacesId: latest?.id ?? null,
      createdBy: actor.accountId, now: at,
    });
  });
  return presentScheme((await findScheme(db, id))!);
}

export async function listAssessmentPeriods(
  { db }: Deps,
  _actor: Actor,
  opts: { state?: PeriodState | undefined; schemeId?: number | undefined; beforeId?: number | undefined; limit: number },
) {
  return (await listPeriods(db, opts)).map(presentPeriod);
}

export async function getAssessmentPeriod({ db }: Deps, _actor: Actor, id: number) {
  const row = await findPeriod(db, id);
  if (!row) throw createNotFoundError('period', id);
  return presentPeriod(row);
}

export interface PeriodInput {
  name: string;
  kind: PeriodKind;
  startsOn: string;
  endsOn: string;
  schemeId: number;
  scopeUnitId?: number | null | undefined;
  publicityDays?: number | undefined;
  summaryDueOn?: string | null | undefined;
  reviewDueOn?: string | null | undefined;
  tierPeriodId?: number | null | undefined;
}

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

export async function createAssessmentPeriod({ db, now }: Deps, actor: Actor, input: PeriodInput) {
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
  const id = await db.transaction().execute(async (trx) => {
    const newId = await insertPeriod(trx, {
      ...input, scopeUnitId, publicityDays: input.publicityDays ?? 5, summaryDueOn: input.summaryDueOn ?? null, reviewDueOn: input.reviewDueOn ?? null,
      tierPeriodId: input.tierPeriodId ?? null, createdBy: actor.accountId, now: at,
    });
    await appendAuditRecords(trx, [{ ...auditActor(actor), action: 'period.created', entity: 'period', entityId: newId, after: input }], at);
    return newId;
  });
  return presentPeriod((await findPeriod(db, id))!);
}

/**
 * Edits a period's name and deadlines, and its publicity length while publicity has not begun (the
 * window is fixed on entering it). A closed period refuses every change (409 `period.closed`). Audited.
 */
export async function updateAssessmentPeriod({ db, now }: Deps, actor: Actor, id: number, input: PeriodChanges) {
  authorize(actor, 'period.manage');
  const at = now().toISOString();
  await db.transaction().execute(async (trx) => {
    const period = await findPeriod(trx, id);
    if (!period) throw createNotFoundError('period', id);
    if (period.state === 'closed') throw createPeriodClosedError(id);
    if (input.publicityDays !== undefined && period.state === 'publicity') {
      throw createPeriodStateInvalidError(id, period.state, 'publicityDays can change only before publicity', '/publicityDays');
    }
    if (input.tierPeriodId !== undefined && period.state === 'publicity') {
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
  return presentPeriod((await findPeriod(db, id))!);
}

/**
 * The publicity window (公示, DESIGN §4): `publicityDays` working days of the work calendar, starting
 * with the first working day after the day the period enters publicity. No window for 0 days.
 */
async function publicityWindowOf(db: Deps['db'], today: string, publicityDays: number): Promise<{ startsOn: string; endsOn: string } | null> {
  if (publicityDays === 0) return null;
  const calendar = await loadWorkingDayCalendar(db, today, addCalendarDays(today, publicityDays * 2 + 30));
  const startsOn = calendar.addWorkingDays(today, 1);
  return { startsOn, endsOn: calendar.addWorkingDays(startsOn, publicityDays - 1) };
}

/**
 * draft → open → reviewing → publicity → closed, one step at a time; closed is final (DESIGN §4).
 * Entering publicity evaluates the period and publishes result version 1 (person schemes; unit
 * schemes keep using points and rankings) and fixes the publicity window; closing waits for the
 * window's end and for every appeal to be decided or withdrawn. All in one transaction with its audit record.
 */
export async function transitionAssessmentPeriod({ db, now }: Deps, actor: Actor, id: number, input: { to: PeriodState; reason?: string | undefined }) {
  authorize(actor, 'period.manage');
  const at = now().toISOString();
  const today = localDateOf(now());
  await db.transaction().execute(async (trx) => {
    const period = await findPeriod(trx, id);
    if (!period) throw createNotFoundError('period', id);
    if (period.state === 'closed') throw createPeriodClosedError(id);
    const next = NEXT_PERIOD_STATE[period.state];
    if (input.to !== next) throw createPeriodTransitionInvalidError(period.state, input.to, next);
    if (input.to === 'closed' && period.publicity_ends_on !== null && today <= period.publicity_ends_on) {
      throw createPublicityRunningError(id, period.publicity_ends_on);
    }
    const effects: PeriodStateEffects = {};
    const audited: Record<string, unknown> = { state: input.to };
    if (input.to === 'publicity') {
      const window = await publicityWindowOf(trx, today, period.publicity_days);
      if (window) {
        effects.publicityStartsOn = window.startsOn;
        effects.publicityEndsOn = window.endsOn;
        Object.assign(audited, { publicityStartsOn: window.startsOn, publicityEndsOn: window.endsOn });
      }
    }
    // Compare-and-set first: a concurrent transition of the same period waits here, then fails.
    if (!(await updatePeriodState(trx, id, period.state, input.to, at, effects))) throw createPeriodTransitionInvalidError(period.state, input.to, next);
    // Appeals take the period's row too: none can be submitted or decided between this check and the commit.
    if (input.to === 'closed') {
      const pending = await listPendingAppealIds(trx, id);
      if (pending.length > 0) throw createAppealsPendingError(id, pending);
    }
    if (input.to === 'publicity' && (await findScheme(trx, period.scheme_id))!.subject_kind === 'person') {
      const published = await publishResultVersion(trx, period, { reason: 'publicity', note: input.reason ?? null, createdBy: actor.accountId, now: at });
      Object.assign(audited, {
        resultVersion: published.version, scenarioSha256: published.scenarioSha256, subjects: published.subjects, gradeCounts: published.gradeCounts,
      });
    }
    // The review begins: participants without a submitted personal summary are reminded (in-app).
    if (input.to === 'reviewing') await remindMissingSummaries({ db: trx, now }, id);
    await appendAuditRecords(trx, [{
      ...auditActor(actor), action: 'period.transitioned', entity: 'period', entityId: id,
      before: { state: period.state }, after: audited, reason: input.reason ?? null,
    }], at);
  });
  return presentPeriod((await findPeriod(db, id))!);
}
