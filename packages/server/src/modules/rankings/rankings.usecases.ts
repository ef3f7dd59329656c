import { engineCategoryOf, evaluate, formatGroupKey, ledgerFactsOfSums, parseGroupKey, pointsOfCenti, PERIOD_ACTIONS, type Scheme, type Subject } from '@baton/engine';
import type { PointEventStatus, PointSource } from '@baton/contract/points';
import type { LedgerEvent, PeriodBrief, PersonPoints, RankingPage as RankingPageShape } from '@baton/contract/rankings';
import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import { type Actor, authorize, ledScopeOf, mayReadPointsOf, mayReadRankingGroup } from '../../policies/index.js';
import { resolveVisibleUnitIds } from '../org/index.js';
import { findPersonBrief, listAssignmentsOfPerson } from '../people/index.js';
import { findPeriod, listPeriods, type PeriodRow } from '../periods/index.js';
import type { PeriodRanking, RankingRowData } from './period-ranking.js';
import { rankingHubOf, type RankingChange } from './ranking-hub.js';
import { createRankingGroupNotFoundError } from './rankings.errors.js';
import { offsetCursor } from '../../app/cursors.js';
import { type LedgerEventRow, listLedgerEventsOfSubjects, sumLedgerOfSubjectByIndicator, sumLedgerOfSubjectByMonth } from '../points/index.js';
import { type RankingGroupOption, type RankingGroups, type RankingHistogram } from '@baton/contract/rankings';

type Deps = Pick<AppDeps, 'db' | 'now'>;

const presentPeriodBrief = (p: PeriodRow): PeriodBrief => ({ id: p.id, name: p.name, state: p.state, startsOn: p.starts_on, endsOn: p.ends_on });

/** Resolves and authorizes a group of a period's ranking: out of scope answers 404 like a missing group. */
async function openGroup(deps: Deps, actor: Actor, periodId: number, groupKey: string) {
  authorize(actor, 'ranking.read');
  const loaded = await rankingHubOf(deps).get(periodId);
  if (!loaded) throw createNotFoundError('period', periodId);
  if (!loaded.ranking.hasGroup(groupKey) || !mayReadRankingGroup(actor, groupKey, loaded.ranking)) {
    throw createRankingGroupNotFoundError(groupKey);
  }
  return loaded;
}

/** The caller's own row in a group (his person, or his unit in a unit scheme), when he is ranked in it. */
function myRow(ranking: PeriodRanking, actor: Actor, groupKey: string): RankingRowData | null {
  const subjectId = ranking.subjectKind === 'person' ? actor.personId : actor.unitId;
  if (subjectId === null) return null;
  const index = ranking.indexOfSubject(subjectId);
  if (index === undefined || !ranking.isInGroup(index, groupKey)) return null;
  return ranking.rowAt(index, ranking.rankIn(groupKey, index));
}

/** What a page of a ranking shows every reader alike; one object per page, version and period row. */
export type RankingPage = RankingPageShape;

/** Keyed by the ranking's page rows (one array per page and version) and checked against the period row (re-read each second). */
const sharedPages = new WeakMap<readonly RankingRowData[], { period: PeriodRow; page: RankingPage }>();

function sharedPage(ranking: PeriodRanking, period: PeriodRow, groupKey: string, offset: number, limit: number): RankingPage {
  const items = ranking.page(groupKey, offset, limit);
  const kept = sharedPages.get(items);
  if (kept !== undefined && kept.period === period) return kept.page;
  const count = ranking.order(groupKey).size;
  const page = {
    period: presentPeriodBrief(period),
    group: { key: groupKey, name: ranking.groupName(groupKey) },
    version: ranking.version,
    count,
    items,
    nextCursor: offset + limit < count ? offsetCursor.encode(offset + limit) : null,
  };
  sharedPages.set(items, { period, page });
  return page;
}

/**
 * A page of a period's ranking in one group (top `limit` first) and the caller's own row: read from
 * the live ranking, current with the ledger as of the request (docs/api-points.md "Rankings"). The
 * page is the same object for every reader until the ranking or the period changes, so that the
 * route can encode it once (rankings.routes.ts); only `me` is the caller's.
 */
export async function readRanking(deps: Deps, actor: Actor, query: { periodId: number; group?: string | undefined; limit?: number | undefined; cursor?: string | undefined }) {
  const groupKey = query.group ?? 'all';
  const limit = query.limit ?? 50;
  const offset = offsetCursor.decode(query.cursor) ?? 0;
  const { period, ranking } = await openGroup(deps, actor, query.periodId, groupKey);
  return { page: sharedPage(ranking, period, groupKey, offset, limit), me: myRow(ranking, actor, groupKey) };
}

/**
 * The groups of a period's ranking the caller may open (docs/api-points.md `ranking.read`), so the
 * page offers exactly these: 全部 and the groups he is ranked in (`mine`), then the categories and the
 * units he may read besides — every one for admin and auditor, his led subtrees for a leader.
 */
export async function listRankingGroups(deps: Deps, actor: Actor, query: { periodId: number }): Promise<RankingGroups> {
  const { ranking } = await openGroup(deps, actor, query.periodId, 'all');
  const mine = ['all'];
  const subjectId = ranking.subjectKind === 'person' ? actor.personId : actor.unitId;
  const index = subjectId === null ? undefined : ranking.indexOfSubject(subjectId);
  if (index !== undefined) {
    const ownUnit = `unit:${ranking.subjectKind === 'unit' ? ranking.subjectAt(index).id : ranking.subjectAt(index).unitId}`;
    for (const key of ranking.groupKeysOf(index)) if (parseGroupKey(key)?.kind === 'category' || key === ownUnit) mine.push(key);
  }
  const seen = new Set(mine);
  const others = (keys: string[]) => keys.filter((key) => !seen.has(key) && mayReadRankingGroup(actor, key, ranking));
  const group = (key: string, section: RankingGroupOption['section']): RankingGroupOption => ({ key, name: ranking.groupName(key), section });
  return {
    items: [
      ...mine.map((key) => group(key, 'mine')),
      ...others(ranking.allCategories().map((c) => formatGroupKey({ kind: 'category', id: c.id }))).map((key) => group(key, 'category')),
      ...others(ranking.allUnits().map((u) => formatGroupKey({ kind: 'unit', id: u.id }))).map((key) => group(key, 'unit')),
    ],
  };
}

/**
 * The distribution of a group's net points (the rankings page's chart), computed where the ranking
 * is: at most `bins` round bins, and the bin of the caller's own points when he is in the group.
 */
export async function readRankingHistogram(deps: Deps, actor: Actor, query: { periodId: number; group?: string | undefined; bins?: number | undefined }): Promise<RankingHistogram> {
  const groupKey = query.group ?? 'all';
  const { period, ranking } = await openGroup(deps, actor, query.periodId, groupKey);
  const bins = ranking.pointsHistogram(groupKey, query.bins ?? 12);
  const me = myRow(ranking, actor, groupKey);
  const myBin = me === null ? null : bins.findIndex((b, i) => Math.round(me.points * 100) >= b.fromCenti && (Math.round(me.points * 100) < b.toCenti || i === bins.length - 1));
  return {
    period: presentPeriodBrief(period),
    group: { key: groupKey, name: ranking.groupName(groupKey) },
    count: ranking.order(groupKey).size,
    bins: bins.map((b) => ({ from: pointsOfCenti(b.fromCenti), to: pointsOfCenti(b.toCenti), count: b.count })),
    myBin: myBin === null || myBin < 0 ? null : myBin,
  };
}

/**
 * Opens a stream of a group's changes: authorizes like a read, then returns the subscription
 * (the route owns the connection). The listener gets `{ periodId, version }` on each change.
 */
export async function watchRanking(deps: Deps, actor: Actor, query: { periodId: number; group?: string | undefined }) {
  const groupKey = query.group ?? 'all';
  const { ranking } = await openGroup(deps, actor, query.periodId, groupKey);
  return {
    version: ranking.version,
    subscribe: (listener: (change: RankingChange) => void) => rankingHubOf(deps).subscribe(query.periodId, groupKey, listener),
  };
}

/** The event shape of the person page (the points module's PointEvent without attachments, proposer and decider). */
export function presentLedgerEvent(e: LedgerEventRow): LedgerEvent {
  return {
    id: e.id,
    // the columns of point_events, typed by their checks (the row type reads them as text)
    status: e.status as PointEventStatus,
    rule: { id: e.rule_id, code: e.rule_code, name: e.rule_name, version: e.rule_version },
    schemeId: e.scheme_id,
    indicator: e.indicator_id,
    occurredOn: e.occurred_on,
    occurrences: e.occurrences,
    delta: e.delta_centi / 100,
    source: e.source as PointSource,
    evidenceText: e.evidence_text,
    evidenceLink: e.evidence_link,
    decidedAt: e.decided_at,
    reversesEventId: e.reverses_event_id,
    reversedByEventId: e.reversed_by_event_id,
  };
}

/** Whether the actor may read a person's points: the person's units are his current one and every unit he was assigned to. */
export async function canReadPointsOfPerson({ db }: Pick<AppDeps, 'db'>, actor: Actor, personId: number): Promise<boolean> {
  const person = await findPersonBrief(db, personId);
  if (!person) return false;
  const assignments = await listAssignmentsOfPerson(db, personId);
  const unitIds = [...new Set([person.unit_id, ...assignments.map((a) => a.unit_id)])];
  const led = await resolveVisibleUnitIds(db, ledScopeOf(actor));
  return mayReadPointsOf(actor, { id: personId, unitIds }, led === 'all' ? new Set() : led);
}

/** Months `YYYY-MM` from one date to another, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
  return months;
}

/**
 * A person's own page for a period: points, total, ranks in his groups, the monthly trend, every
 * indicator with its explanation, and the approved events behind the points ("why is my score 87.25?").
 * Out of scope answers 404 like a missing person. Without `period`: the newest period that is not a draft.
 */
export async function getPersonPoints(deps: Deps, actor: Actor, personId: number, query: { periodId?: number | undefined }): Promise<PersonPoints> {
  authorize(actor, 'points.read');
  const { db } = deps;
  if (!(await canReadPointsOfPerson(deps, actor, personId))) throw createNotFoundError('person', personId);
  const person = (await findPersonBrief(db, personId))!;
  let period: PeriodRow | undefined;
  if (query.periodId !== undefined) period = await findPeriod(db, query.periodId);
  else period = (await listPeriods(db, { states: PERIOD_ACTIONS.showInRankings, limit: 1 }))[0];
  if (!period) throw createNotFoundError('period', query.periodId ?? '');
  const loaded = (await rankingHubOf(deps).get(period.id))!;
  const { ranking, scheme } = loaded;
  const range = { schemeId: scheme.id, subjectKind: scheme.subject_kind, from: period.starts_on, to: period.ends_on, subjectId: personId };
  const isPersonScheme = scheme.subject_kind === 'person';
  const index = isPersonScheme ? ranking.indexOfSubject(personId) : undefined;

  const [byMonth, byIndicator, events] = await Promise.all([
    isPersonScheme ? sumLedgerOfSubjectByMonth(db, range) : Promise.resolve([]),
    isPersonScheme ? sumLedgerOfSubjectByIndicator(db, range) : Promise.resolve([]),
    isPersonScheme ? listLedgerEventsOfSubjects(db, { ...range, subjectIds: [personId] }) : Promise.resolve([]),
  ]);
  const centiOfMonth = new Map(byMonth.map((m) => [m.month, m.centi]));
  let cumulative = 0;
  const trend = monthsBetween(period.starts_on, period.ends_on).map((month) => {
    const centi = centiOfMonth.get(month) ?? 0;
    cumulative += centi;
    return { month, points: centi / 100, cumulative: cumulative / 100 };
  });

  const indicators: Record<string, { score: number; explain: string }> = {};
  if (index !== undefined) {
    // The person's indicators depend only on his own facts (the ledger feeds ledger indicators only),
    // so evaluating him alone explains exactly the scores of the full ranking.
    const definition = JSON.parse(scheme.definition_json) as Scheme;
    const engineSubject: Subject = { id: String(personId), unit: String(ranking.subjectAt(index).unitId) };
    const categoryId = ranking.categoryIdOf(index);
    const category = engineCategoryOf(definition.grouping, categoryId === null ? undefined : ranking.category(categoryId)?.code);
    if (category !== undefined) engineSubject.category = category;
    const facts = ledgerFactsOfSums(definition, byIndicator.map((s) => ({ subject: String(personId), indicator: s.indicator, centi: s.centi })));
    const single = evaluate({ scheme: definition, subjects: [engineSubject], facts }, { explain: true }).results[0]!;
    const full = ranking.resultAt(index);
    definition.indicators.forEach((indicator, i) => {
      indicators[indicator.id] = { score: full.indicators[indicator.id]?.score ?? 0, explain: single.explain?.[i] ?? '' };
    });
  }

  const ranks = index === undefined
    ? []
    : ranking.groupKeysOf(index)
        .filter((key) => key === 'all' || parseGroupKey(key)?.kind === 'category' || key === `unit:${ranking.subjectAt(index).unitId}`)
        .map((key) => ({ group: { key, name: ranking.groupName(key) }, rank: ranking.rankIn(key, index), count: ranking.order(key).size }));

  return {
    person: { id: person.id, name: person.name, employeeNo: person.employee_no, unitId: index !== undefined ? ranking.subjectAt(index).unitId : person.unit_id, unitName: index !== undefined ? ranking.unit(ranking.subjectAt(index).unitId)?.name ?? person.unit_name : person.unit_name },
    period: presentPeriodBrief(loaded.period),
    points: index !== undefined ? ranking.pointsAt(index) : byMonth.reduce((sum, m) => sum + m.centi, 0) / 100,
    total: index !== undefined ? ranking.resultAt(index).total : null,
    grade: index !== undefined ? ranking.resultAt(index).grade : null,
    ranks,
    trend,
    indicators,
    events: events.map(presentLedgerEvent),
  };
}
