import type { CreateRuleBody, PointRule, ReasonBody, ReplaceRuleBody, RuleList, RuleListQuery } from '@baton/contract/points';
import type { AppDeps } from '../../app/deps.js';
import { createFieldError, createFieldErrors, createNotFoundError } from '../../app/errors.js';
import { authorize, type Actor } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { createRuleDisabledError, createRuleDuplicateError } from './points.errors.js';
import { fromCenti, normalizeText, toCenti } from './points.values.js';
import {
  disablePointRule, findActiveRuleByCode, findLatestRuleVersion, findPointRule, findScheme, insertPointRule, isUniqueViolation, listPointRules,
  type PointRuleRow, type PointRuleWithCount, type SchemeRow,
} from './point-rules.repository.js';
import { inTransaction } from '../../db/transactions.js';
import { ledgerIndicatorIds, type LedgerScheme } from '@baton/engine';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export function presentPointRule(r: PointRuleRow & { event_count?: number }): PointRule {
  return {
    id: r.id, schemeId: r.scheme_id, code: r.code, version: r.version, name: r.name, indicator: r.indicator_id,
    defaultSource: r.default_source, defaultDelta: fromCenti(r.default_delta_centi), minDelta: fromCenti(r.min_delta_centi),
    maxDelta: fromCenti(r.max_delta_centi), perOccurrence: r.per_occurrence === 1, description: r.description, status: r.status,
    replacesRuleId: r.replaces_rule_id, eventCount: r.event_count ?? 0, createdAt: r.created_at, disabledAt: r.disabled_at,
  };
}

const auditedRule = (r: Omit<PointRuleRow, 'id'>) => ({
  schemeId: r.scheme_id, code: r.code, version: r.version, name: r.name, indicator: r.indicator_id, defaultSource: r.default_source,
  defaultDeltaCenti: r.default_delta_centi, minDeltaCenti: r.min_delta_centi, maxDeltaCenti: r.max_delta_centi,
  perOccurrence: r.per_occurrence === 1, description: r.description, status: r.status, replacesRuleId: r.replaces_rule_id,
});

/** The ids of the scheme's `ledger` indicators: the only ones point rules may feed (docs/product.md §3.1). */
export function ledgerIndicatorsOf(scheme: Pick<SchemeRow, 'definition_json'>): string[] {
  try {
    return ledgerIndicatorIds(JSON.parse(scheme.definition_json) as LedgerScheme);
  } catch {
    return [];
  }
}

/** Rules are published practice (公开): everyone reads them. */
export async function listRules({ db }: Deps, actor: Actor, query: RuleListQuery): Promise<RuleList> {
  authorize(actor, 'points.read');
  const rows = await listPointRules(db, { schemeId: query.scheme, status: query.status });
  return { items: rows.map(presentPointRule) };
}

export async function getRule({ db }: Deps, actor: Actor, id: number): Promise<PointRule> {
  authorize(actor, 'points.read');
  const [row] = await listPointRules(db, { ids: [id] });
  if (!row) throw createNotFoundError('pointRule', id);
  return presentPointRule(row);
}

interface Amounts { defaultDelta: number; minDelta: number; maxDelta: number }

/** Checks the three amounts (two decimals each) and `min ≤ default ≤ max`, naming each bad field. */
function checkAmounts(input: Amounts): { default_delta_centi: number; min_delta_centi: number; max_delta_centi: number } {
  const issues: { path: string; message: string }[] = [];
  const centi = (field: keyof Amounts) => {
    const r = toCenti(input[field]);
    if ('error' in r) issues.push({ path: `/${field}`, message: r.error });
    return 'centi' in r ? r.centi : 0;
  };
  const d = centi('defaultDelta');
  const min = centi('minDelta');
  const max = centi('maxDelta');
  if (issues.length) throw createFieldErrors(issues);
  if (min > max) throw createFieldError('/minDelta', `must not be above maxDelta (${fromCenti(max)})`);
  if (d < min || d > max) throw createFieldError('/defaultDelta', `must lie within minDelta..maxDelta (${fromCenti(min)}..${fromCenti(max)})`);
  return { default_delta_centi: d, min_delta_centi: min, max_delta_centi: max };
}

export type NewRuleInput = CreateRuleBody;

/**
 * A new rule of a scheme, bound to one of its `ledger` indicators. A code that an active rule of the
 * scheme holds is a conflict (409 `pointRule.duplicate`): a rule changes by replacement only.
 */
export async function createRule({ db, now }: Deps, actor: Actor, input: NewRuleInput): Promise<PointRule> {
  authorize(actor, 'points.rules.manage');
  const at = now().toISOString();
  const name = normalizeText(input.name);
  if (!name) throw createFieldError('/name', 'must not be empty');
  const amounts = checkAmounts(input);
  const scheme = await findScheme(db, input.schemeId);
  if (!scheme) throw createNotFoundError('scheme', input.schemeId);
  const ledgers = ledgerIndicatorsOf(scheme);
  if (!ledgers.includes(input.indicator)) {
    throw createFieldError('/indicator', ledgers.length
      ? `must be a ledger indicator of the scheme (${ledgers.join(', ')})`
      : 'the scheme has no ledger indicator');
  }
  const id = await inTransaction(db, async (trx) => {
    if (await findActiveRuleByCode(trx, scheme.id, input.code)) throw createRuleDuplicateError(input.code);
    const row = {
      scheme_id: scheme.id, code: input.code, version: (await findLatestRuleVersion(trx, scheme.id, input.code)) + 1, name,
      indicator_id: input.indicator, default_source: input.defaultSource ?? null, ...amounts, per_occurrence: input.perOccurrence ? 1 : 0,
      description: input.description ? normalizeText(input.description) || null : null, status: 'active' as const, replaces_rule_id: null,
      created_by: actor.accountId, created_at: at, disabled_by: null, disabled_at: null,
    };
    const newId = await insertPointRule(trx, row).catch((error: unknown) => {
      throw isUniqueViolation(error) ? createRuleDuplicateError(input.code) : error;
    });
    await appendAuditRecords(trx, [{ actorId: actor.accountId, actorLabel: actor.username, action: 'pointRule.created', entity: 'point_rule', entityId: newId, after: auditedRule(row) }], at);
    return newId;
  });
  return getRuleRow(db, id);
}

async function getRuleRow(db: Deps['db'], id: number) {
  const [row] = await listPointRules(db, { ids: [id] });
  return presentPointRule(row!);
}

export type ReplaceRuleInput = ReplaceRuleBody;

/**
 * A rule is never edited (its events keep pointing at the version they were scored under): the new
 * version (same code and indicator, version + 1, `replacesRuleId`) is inserted and the old one
 * disabled in one transaction.
 */
export async function replaceRule({ db, now }: Deps, actor: Actor, id: number, input: ReplaceRuleInput): Promise<PointRule> {
  authorize(actor, 'points.rules.manage');
  const at = now().toISOString();
  const reason = normalizeText(input.reason);
  if (!reason) throw createFieldError('/reason', 'must not be empty');
  const newId = await inTransaction(db, async (trx) => {
    const old = await findPointRule(trx, id);
    if (!old) throw createNotFoundError('pointRule', id);
    if (old.status !== 'active') throw createRuleDisabledError(id);
    const amounts = checkAmounts({
      defaultDelta: input.defaultDelta ?? fromCenti(old.default_delta_centi),
      minDelta: input.minDelta ?? fromCenti(old.min_delta_centi),
      maxDelta: input.maxDelta ?? fromCenti(old.max_delta_centi),
    });
    const name = input.name === undefined ? old.name : normalizeText(input.name);
    if (!name) throw createFieldError('/name', 'must not be empty');
    if (!(await disablePointRule(trx, id, actor.accountId, at))) throw createRuleDisabledError(id);
    const row = {
      scheme_id: old.scheme_id, code: old.code, version: (await findLatestRuleVersion(trx, old.scheme_id, old.code)) + 1, name,
      indicator_id: old.indicator_id, default_source: input.defaultSource === undefined ? old.default_source : input.defaultSource,
      ...amounts, per_occurrence: input.perOccurrence === undefined ? old.per_occurrence : input.perOccurrence ? 1 : 0,
      description: input.description === undefined ? old.description : input.description ? normalizeText(input.description) || null : null,
      status: 'active' as const, replaces_rule_id: old.id, created_by: actor.accountId, created_at: at, disabled_by: null, disabled_at: null,
    };
    const created = await insertPointRule(trx, row);
    await appendAuditRecords(trx, [
      { actorId: actor.accountId, actorLabel: actor.username, action: 'pointRule.disabled', entity: 'point_rule', entityId: id, before: { status: 'active' }, after: { status: 'disabled', replacedBy: created }, reason },
      { actorId: actor.accountId, actorLabel: actor.username, action: 'pointRule.created', entity: 'point_rule', entityId: created, before: auditedRule(old), after: auditedRule(row), reason },
    ], at);
    return created;
  });
  return getRuleRow(db, newId);
}

/** Disables a rule with a reason: it takes no new events (409 `pointRule.disabled`); its events stay. */
export async function disableRule({ db, now }: Deps, actor: Actor, id: number, input: ReasonBody): Promise<PointRule> {
  authorize(actor, 'points.rules.manage');
  const at = now().toISOString();
  const reason = normalizeText(input.reason);
  if (!reason) throw createFieldError('/reason', 'must not be empty');
  await inTransaction(db, async (trx) => {
    const old = await findPointRule(trx, id);
    if (!old) throw createNotFoundError('pointRule', id);
    if (!(await disablePointRule(trx, id, actor.accountId, at))) throw createRuleDisabledError(id);
    await appendAuditRecords(trx, [{ actorId: actor.accountId, actorLabel: actor.username, action: 'pointRule.disabled', entity: 'point_rule', entityId: id, before: { status: 'active' }, after: { status: 'disabled' }, reason }], at);
  });
  return getRuleRow(db, id);
}

export type { PointRuleWithCount };
