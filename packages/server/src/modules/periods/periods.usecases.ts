import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import { isValidDate } from '../../app/dates.js';
import type { PeriodKind, PeriodState, SubjectKind } from '../../db/schema.js';
import { authorize, type Actor } from '../../policies/policies.js';
import { appendAuditRecords } from '../audit/audit.repository.js';
import { findUnit } from '../org/org.repository.js';
import {
  createPeriodClosedError, createPeriodInvalidError, createPeriodTransitionInvalidError, createSchemeInvalidError,
} from './periods.errors.js';
import {
  findLatestSchemeVersion, findPeriod, findScheme, insertPeriod, insertScheme, listPeriods, listSchemes, updatePeriodState,
  type PeriodRow, type SchemeRow,
} from './periods.repository.js';
import { checkSchemeDefinition } from './scheme-definition.js';

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
}

export async function createAssessmentPeriod({ db, now }: Deps, actor: Actor, input: PeriodInput) {
  authorize(actor, 'period.manage');
  if (!isValidDate(input.startsOn)) throw createPeriodInvalidError('/startsOn', 'is not a date');
  if (!isValidDate(input.endsOn)) throw createPeriodInvalidError('/endsOn', 'is not a date');
  if (input.endsOn < input.startsOn) throw createPeriodInvalidError('/endsOn', `must not be before startsOn ${input.startsOn}`);
  if (!(await findScheme(db, input.schemeId))) throw createPeriodInvalidError('/schemeId', `unknown scheme ${input.schemeId}`);
  const scopeUnitId = input.scopeUnitId ?? null;
  if (scopeUnitId !== null && !(await findUnit(db, scopeUnitId))) throw createPeriodInvalidError('/scopeUnitId', `unknown unit ${scopeUnitId}`);
  const at = now().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const newId = await insertPeriod(trx, { ...input, scopeUnitId, publicityDays: input.publicityDays ?? 5, createdBy: actor.accountId, now: at });
    await appendAuditRecords(trx, [{ ...auditActor(actor), action: 'period.created', entity: 'period', entityId: newId, after: input }], at);
    return newId;
  });
  return presentPeriod((await findPeriod(db, id))!);
}

/** draft → open → reviewing → publicity → closed, one step at a time; closed is final (DESIGN §4). Audited. */
export async function transitionAssessmentPeriod({ db, now }: Deps, actor: Actor, id: number, input: { to: PeriodState; reason?: string | undefined }) {
  authorize(actor, 'period.manage');
  const at = now().toISOString();
  await db.transaction().execute(async (trx) => {
    const period = await findPeriod(trx, id);
    if (!period) throw createNotFoundError('period', id);
    if (period.state === 'closed') throw createPeriodClosedError(id);
    const next = NEXT_PERIOD_STATE[period.state];
    if (input.to !== next) throw createPeriodTransitionInvalidError(period.state, input.to, next);
    await appendAuditRecords(trx, [{
      ...auditActor(actor), action: 'period.transitioned', entity: 'period', entityId: id,
      before: { state: period.state }, after: { state: input.to }, reason: input.reason ?? null,
    }], at);
    // The audit append serialises writers; the compare-and-set still guards a stale read.
    if (!(await updatePeriodState(trx, id, period.state, input.to, at))) throw createPeriodTransitionInvalidError(period.state, input.to, next);
  });
  return presentPeriod((await findPeriod(db, id))!);
}
