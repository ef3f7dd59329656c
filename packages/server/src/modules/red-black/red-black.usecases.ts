import { buildRedBlackList, DEFAULT_RED_BLACK_LIST_SIZE, formatGroupKey, groupKeyOf, NO_CATEGORY_GROUP_KEY, type Scheme } from '@baton/engine';
import type {
  GeneratedRedBlackLists, GenerateRedBlackBody, RedBlackAppearance, RedBlackEntry, RedBlackList, RedBlackSummary,
} from '@baton/contract/red-black';
import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import type { RedBlackListStatus } from '../../db/schema.js';
import { type Actor, authorize, can, ledScopeOf, mayReadListEvidence } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { listUnitInfos, resolveVisibleUnitIds } from '../org/index.js';
import { listAssignmentsOfPerson } from '../people/index.js';
import { findPeriod, listSubjectsOfPeriod, type PeriodRow } from '../periods/index.js';
import { nameGroups } from '../results/index.js';
import { insertNotifications } from '../notifications/index.js';
import { createRedBlackMonthError, createRedBlackPublishedError } from './red-black.errors.js';
import { canReadPointsOfPerson, monthsBetween } from '../rankings/index.js';
import { listLedgerEventsOfSubjects, sumLedgerBySubject } from '../points/index.js';
import { listAccountsOfPeople } from '../accounts/index.js';
import { deleteDraftRedBlackLists, findRedBlackList, insertRedBlackListsIfAbsent, listPublishedRedBlackListsOfGroups, listRedBlackLists, listRedBlackListsOfMonth, markRedBlackListPublished, type RedBlackListRow } from './red-black.repository.js';
import { findScheme, type SchemeRow } from '../schemes/index.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** An entry as it is stored with its list and presented (the contract's). */
export type RedBlackEntryView = RedBlackEntry;

interface StoredEntries {
  red: RedBlackEntryView[];
  black: RedBlackEntryView[];
}

export interface GeneratedList {
  groupKey: string;
  entries: StoredEntries;
}

/** The dates of a month that lie in a period. */
function monthRange(period: Pick<PeriodRow, 'starts_on' | 'ends_on'>, month: string) {
  const first = `${month}-01`;
  const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const last = `${month}-${String(lastDay).padStart(2, '0')}`;
  return { from: first > period.starts_on ? first : period.starts_on, to: last < period.ends_on ? last : period.ends_on };
}

export function isMonthOfPeriod(period: Pick<PeriodRow, 'starts_on' | 'ends_on'>, month: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(month) && monthsBetween(period.starts_on, period.ends_on).includes(month);
}

/** The last date of a month within a period: the month has ended for the scheduler once today is past it. */
export function lastDateOfMonthInPeriod(period: Pick<PeriodRow, 'starts_on' | 'ends_on'>, month: string): string {
  return monthRange(period, month).to;
}

/**
 * The month's red/black lists (红黑榜, docs/product.md §4) from the ledger: for `all` and for each group of the
 * scheme's grouping (`category:<id>` or `unit:<id>`, the subject's own unit) that has someone on a list.
 * Net points = Σ of the month's approved ledger movements (every point event is a dynamic point).
 * Ranking and ties are the engine's buildRedBlackList; every entry carries its events.
 */
export async function buildRedBlackListsOfMonth(db: Db, period: PeriodRow, scheme: SchemeRow, month: string, size: number): Promise<GeneratedList[]> {
  const { from, to } = monthRange(period, month);
  const subjectKind = scheme.subject_kind;
  const range = { schemeId: scheme.id, subjectKind, from, to };
  const [sums, subjects, units] = await Promise.all([
    sumLedgerBySubject(db, range),
    listSubjectsOfPeriod(db, { subjectKind, scopeUnitId: period.scope_unit_id, from, to }),
    listUnitInfos(db),
  ]);
  const grouping = (JSON.parse(scheme.definition_json) as Scheme).grouping ?? 'all';
  const subjectById = new Map(subjects.map((s) => [s.id, s]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  // The list of the scheme's own groups besides `all` (none for grouping all; no list of the uncategorised).
  const groupOf = (subjectId: number): string | null => {
    const subject = subjectById.get(subjectId)!;
    const categoryId = unitById.get(subjectKind === 'unit' ? subject.id : subject.unit_id)?.category_id ?? null;
    const key = groupKeyOf(grouping, { unitId: subject.unit_id, categoryId });
    return key === 'all' || key === NO_CATEGORY_GROUP_KEY ? null : key;
  };
  const members = new Map<string, { id: string; subject: string; points: number }[]>([['all', []]]);
  for (const sum of sums) {
    if (sum.centi === 0 || !subjectById.has(sum.subjectId)) continue;
    const event = { id: String(sum.subjectId), subject: String(sum.subjectId), points: sum.centi / 100 };
    members.get('all')!.push(event);
    const group = groupOf(sum.subjectId);
    if (group !== null) members.set(group, [...(members.get(group) ?? []), event]);
  }
  const built = [...members].map(([groupKey, events]) => ({ groupKey, list: buildRedBlackList(events, { size }) }));
  const listed = new Set<number>();
  for (const { list } of built) for (const entry of [...list.red, ...list.black]) listed.add(Number(entry.subject));
  const eventsOf = new Map<number, RedBlackEntryView['events']>();
  for (const e of await listLedgerEventsOfSubjects(db, { ...range, subjectIds: [...listed] })) {
    const list = eventsOf.get(e.subject_id) ?? [];
    list.push({ id: e.id, occurredOn: e.occurred_on, rule: { id: e.rule_id, code: e.rule_code, name: e.rule_name }, delta: e.delta_centi / 100, evidenceText: e.evidence_text });
    eventsOf.set(e.subject_id, list);
  }
  const toView = (entry: { subject: string; points: number; rank: number }): RedBlackEntryView => {
    const subject = subjectById.get(Number(entry.subject))!;
    return {
      rank: entry.rank,
      subject: { kind: subjectKind, id: subject.id, name: subject.name, unitId: subject.unit_id, unitName: unitById.get(subject.unit_id)?.name ?? '' },
      points: entry.points,
      events: eventsOf.get(subject.id) ?? [],
    };
  };
  return built
    .filter(({ groupKey, list }) => groupKey === 'all' || list.red.length + list.black.length > 0)
    .map(({ groupKey, list }) => ({ groupKey, entries: { red: list.red.map(toView), black: list.black.map(toView) } }));
}

async function loadPeriodAndScheme(db: Db, periodId: number) {
  const period = await findPeriod(db, periodId);
  if (!period) throw createNotFoundError('period', periodId);
  return { period, scheme: (await findScheme(db, period.scheme_id))! };
}

/**
 * The admin (re)generates a month's drafts, e.g. mid-month or after corrections. A month with a
 * published list is never regenerated (409 redblack.published). Audited.
 */
export async function generateRedBlackLists({ db, now }: Deps, actor: Actor, periodId: number, input: GenerateRedBlackBody): Promise<GeneratedRedBlackLists> {
  authorize(actor, 'redblack.manage');
  const { period, scheme } = await loadPeriodAndScheme(db, periodId);
  if (!isMonthOfPeriod(period, input.month)) throw createRedBlackMonthError(input.month, period.starts_on, period.ends_on);
  const size = input.size ?? DEFAULT_RED_BLACK_LIST_SIZE;
  const at = now().toISOString();
  await inTransaction(db, async (trx) => {
    await appendAuditRecords(trx, [{
      actorId: actor.accountId, actorLabel: actor.username, action: 'redblack.generated', entity: 'period', entityId: periodId,
      after: { month: input.month, size },
    }], at);
    const existing = await listRedBlackListsOfMonth(trx, periodId, input.month);
    if (existing.some((l) => l.status === 'published')) throw createRedBlackPublishedError(`The ${input.month} red/black lists of period ${periodId} are published and are never regenerated`);
    await deleteDraftRedBlackLists(trx, periodId, input.month);
    const lists = await buildRedBlackListsOfMonth(trx, period, scheme, input.month, size);
    await insertRedBlackListsIfAbsent(trx, lists.map((l) => ({
      periodId, month: input.month, groupKey: l.groupKey, size, entriesJson: JSON.stringify(l.entries), generatedBy: actor.accountId, now: at,
    })));
  });
  const rows = await listRedBlackListsOfMonth(db, periodId, input.month);
  return { items: await presentLists(db, rows) };
}

function presentSummary(row: RedBlackListRow, nameOf: (key: string) => string): RedBlackSummary {
  const entries = JSON.parse(row.entries_json) as StoredEntries;
  return {
    id: row.id,
    periodId: row.period_id,
    month: row.month,
    group: { key: row.group_key, name: nameOf(row.group_key) },
    status: row.status,
    size: row.size,
    generatedAt: row.generated_at,
    publishedAt: row.published_at,
    redCount: entries.red.length,
    blackCount: entries.black.length,
  };
}

/** Display names of the groups of some lists, one query per kind (see nameGroups). */
async function groupNamesOf(db: Db, keys: Iterable<string>): Promise<(key: string) => string> {
  const namer = await nameGroups(db, keys);
  return (key) => namer(key).name;
}

async function presentLists(db: Db, rows: RedBlackListRow[]) {
  const nameOf = await groupNamesOf(db, rows.map((row) => row.group_key));
  return rows.map((row) => presentSummary(row, nameOf));
}

/** Summaries; members (everyone but the admin) see published lists only. */
export async function listRedBlackListSummaries(
  { db }: Deps,
  actor: Actor,
  query: { periodId?: number | undefined; month?: string | undefined; status?: RedBlackListStatus | undefined; afterId?: number | undefined; limit: number },
): Promise<RedBlackSummary[]> {
  authorize(actor, 'ranking.read');
  const manager = can(actor, 'redblack.manage');
  if (!manager && query.status === 'draft') return [];
  const rows = await listRedBlackLists(db, { ...query, status: manager ? query.status : 'published' });
  return presentLists(db, rows);
}

/**
 * One list with its entries. A draft answers 404 to all but the admin. Evidence texts of other
 * people's events are shown only to those who may read those people's points (`points.read`).
 */
export async function getRedBlackList({ db }: Deps, actor: Actor, id: number): Promise<RedBlackList> {
  authorize(actor, 'ranking.read');
  const row = await findRedBlackList(db, id);
  if (!row || (row.status !== 'published' && !can(actor, 'redblack.manage'))) throw createNotFoundError('redBlackList', id);
  const entries = JSON.parse(row.entries_json) as StoredEntries;
  const led = await resolveVisibleUnitIds(db, ledScopeOf(actor));
  const ledUnits = led === 'all' ? new Set<number>() : led;
  const redact = (entry: RedBlackEntryView): RedBlackEntryView =>
    mayReadListEvidence(actor, entry.subject, ledUnits) ? entry : { ...entry, events: entry.events.map((e) => ({ ...e, evidenceText: null })) };
  return { ...presentSummary(row, await groupNamesOf(db, [row.group_key])), red: entries.red.map(redact), black: entries.black.map(redact) };
}

/** Publishes a draft (admin, audited) and notifies the people on it in-app. */
export async function publishRedBlackList({ db, now }: Deps, actor: Actor, id: number): Promise<RedBlackList> {
  authorize(actor, 'redblack.manage');
  const at = now().toISOString();
  await inTransaction(db, async (trx) => {
    const row = await findRedBlackList(trx, id);
    if (!row) throw createNotFoundError('redBlackList', id);
    if (row.status === 'published') throw createRedBlackPublishedError(`Red/black list ${id} is already published`);
    await appendAuditRecords(trx, [{
      actorId: actor.accountId, actorLabel: actor.username, action: 'redblack.published', entity: 'red_black_list', entityId: id,
      before: { status: 'draft' }, after: { status: 'published', periodId: row.period_id, month: row.month, group: row.group_key },
    }], at);
    if (!(await markRedBlackListPublished(trx, id, actor.accountId, at))) throw createRedBlackPublishedError(`Red/black list ${id} is already published`);
    const entries = JSON.parse(row.entries_json) as StoredEntries;
    const onList = [
      ...entries.red.map((e) => ({ e, list: '红榜' })),
      ...entries.black.map((e) => ({ e, list: '黑榜' })),
    ].filter(({ e }) => e.subject.kind === 'person');
    const accounts = await listAccountsOfPeople(trx, onList.map(({ e }) => e.subject.id));
    const groupName = (await groupNamesOf(trx, [row.group_key]))(row.group_key);
    await insertNotifications(trx, accounts.flatMap((account) => onList
      .filter(({ e }) => e.subject.id === account.person_id)
      .map(({ e, list }) => ({
        accountId: account.id, kind: 'redblack.published',
        message: `你登上了${row.month}${groupName}${list}（第${e.rank}名，${e.points > 0 ? '+' : ''}${e.points}分）`,
        entity: 'red_black_list', entityId: id, data: { list: list === '红榜' ? 'red' : 'black', rank: e.rank, points: e.points, month: row.month },
      }))), at);
  });
  return getRedBlackList({ db, now }, actor, id);
}

/** The published lists a person was on, oldest month first. Scoped like his points (404 out of scope). */
export async function getRedBlackHistory({ db }: Deps, actor: Actor, personId: number): Promise<RedBlackAppearance[]> {
  authorize(actor, 'points.read');
  if (!(await canReadPointsOfPerson({ db }, actor, personId))) throw createNotFoundError('person', personId);
  const unitIds = new Set((await listAssignmentsOfPerson(db, personId)).map((a) => a.unit_id));
  const units = await listUnitInfos(db);
  const keys = new Set(['all']);
  for (const u of units) {
    if (!unitIds.has(u.id)) continue;
    keys.add(formatGroupKey({ kind: 'unit', id: u.id }));
    if (u.category_id !== null) keys.add(formatGroupKey({ kind: 'category', id: u.category_id }));
  }
  const nameOf = await groupNamesOf(db, keys);
  const history: { month: string; periodId: number; list: 'red' | 'black'; rank: number; points: number; group: { key: string; name: string } }[] = [];
  for (const row of await listPublishedRedBlackListsOfGroups(db, [...keys])) {
    const entries = JSON.parse(row.entries_json) as StoredEntries;
    for (const list of ['red', 'black'] as const) {
      for (const e of entries[list]) {
        if (e.subject.kind !== 'person' || e.subject.id !== personId) continue;
        history.push({ month: row.month, periodId: row.period_id, list, rank: e.rank, points: e.points, group: { key: row.group_key, name: nameOf(row.group_key) } });
      }
    }
  }
  return history;
}

export { loadPeriodAndScheme };
