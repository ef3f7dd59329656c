import { evaluate, groupKeyOf, type Indicator, periodAllows, type Result, type Scheme } from '@baton/engine';
import type { PreviewBody, PreviewResponse, RatingInput, ReviewIndicator, ReviewRow, ReviewSheet, ReviewSheetQuery, StoredRating } from '@baton/contract/reviews';
import type { AppDeps } from '../../app/deps.js';
import { localDateOf } from '../../app/dates.js';
import { createFieldErrors, createNotFoundError, type ErrorDetail } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import { type Actor, authorize, can, firstLedUnitOf, isSelf, mayRatePerson, overseeScopeOf } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { listPeopleWithPendingAppeal } from '../appeals/index.js';
import { listUnitInfos, openVisibleUnit, resolveVisibleUnitIds } from '../org/index.js';
import { assertPeriodAllows, findPeriod, findPeriodParticipant, type PeriodParticipant, presentPeriod } from '../periods/index.js';
import { toCenti } from '../points/index.js';
import { listLeaderRoles } from '../worklogs/index.js';
import {
  buildPeriodScenario, gradeSeatsInGroup, type GroupNamer, nameGroups, type Participant, personSubjectKey, type RatingOverride,
} from '../results/index.js';
import { loadCyclePeriod, presentPerson, presentSummary } from './cycle-participants.js';
import { createLeaderRatesError, createOwnSubjectError, createReviewWindowClosedError } from './reviews.errors.js';
import {
  findFirstRootUnitId, listRatingsOfPeople, listRatingsOfRater, listSummariesOfPeriod, replaceRatingsOfRater, type CyclePeriodRow, type RatingRow,
} from './reviews.repository.js';
import { findScheme } from '../schemes/index.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** The rater group of 审核评鉴: leaders rate the people of their subtrees. */
export const LEADER_RATER_GROUP = 'leader';
/** Ratings are written only while the period is reviewing (docs/product.md §4). */
export const MAX_RATING_COMMENT_CHARS = 2000;
export const MAX_RATING_TASK_CHARS = 200;

/** The indicators of the review sheet: the scheme's `rating` indicators whose rater groups include `leader`. */
export function listLeaderRatedIndicators(scheme: Scheme): Indicator[] {
  return scheme.indicators.filter((i) => i.method === 'rating' && i.raterGroups !== undefined && LEADER_RATER_GROUP in i.raterGroups);
}

function presentReviewIndicator(i: Indicator): ReviewIndicator {
  return { id: i.id, name: i.name ?? i.id, kind: i.kind ?? null, section: i.section ?? null, weight: i.weight ?? null, weightsByCategory: i.weightsByCategory ?? null };
}

/**
 * The unit of a sheet: the one named, else the first unit the caller leads, else (admin, auditor)
 * the period's scope or the organization's first root. A unit outside the caller's scope answers 404.
 */
async function resolveSheetUnit(db: Db, actor: Actor, period: CyclePeriodRow, unitId: number | undefined) {
  const id = unitId ?? firstLedUnitOf(actor) ?? period.scope_unit_id ?? (await findFirstRootUnitId(db));
  if (id === undefined) throw createNotFoundError('unit');
  const { unit, unitIds } = await openVisibleUnit(db, await resolveVisibleUnitIds(db, overseeScopeOf(actor)), id);
  return { unit: { id: unit.id, name: unit.name }, unitIds: new Set(unitIds) };
}

interface Evaluation {
  scheme: Scheme;
  /** 考用结合: the unit tiers the seats follow. */
  unitTiers?: Record<string, string> | undefined;
  participants: Map<string, Participant>;
  resultOf: Map<string, Result & { groupKey: string }>;
  groupOf: GroupNamer;
  groupSize: Map<string, number>;
  gradeCount: Map<string, number>;
}

/**
 * The engine's results on the period's current data (ledger points, every stored rating), with
 * some ratings replaced: one scenario build and one evaluation for the whole period — grading is by
 * group, which may be wider than the sheet's unit — however many people the sheet shows. Groups are
 * named as the results and rankings name them (`all`, `category:<id>`, `unit:<id>`).
 */
async function evaluateSheetPeriod(db: Db, period: CyclePeriodRow, overrides: readonly RatingOverride[]): Promise<Evaluation> {
  // A unit scheme's period has no person taking part (docs/api-cycles.md "Who takes part").
  if (period.subject_kind !== 'person') {
    return { scheme: await loadSchemeOf(db, period), participants: new Map(), resultOf: new Map(), groupOf: await nameGroups(db, []), groupSize: new Map(), gradeCount: new Map() };
  }
  const { scenario, participants } = await buildPeriodScenario(db, period, { ratingOverrides: overrides });
  const grouping = scenario.scheme.grouping;
  const resultOf = new Map<string, Result & { groupKey: string }>();
  const groupSize = new Map<string, number>();
  const gradeCount = new Map<string, number>();
  for (const r of scenario.subjects.length > 0 ? evaluate(scenario).results : []) {
    const groupKey = groupKeyOf(grouping, participants.get(r.subject)!);
    resultOf.set(r.subject, { ...r, groupKey });
    groupSize.set(groupKey, (groupSize.get(groupKey) ?? 0) + 1);
    const key = `${groupKey}\u0000${r.grade}`;
    gradeCount.set(key, (gradeCount.get(key) ?? 0) + 1);
  }
  const groupOf = await nameGroups(db, groupSize.keys());
  return { scheme: scenario.scheme, unitTiers: scenario.unitTiers, participants, resultOf, groupOf, groupSize, gradeCount };
}

function previewOf(evaluation: Evaluation, personId: number) {
  const r = evaluation.resultOf.get(personSubjectKey(personId));
  if (!r) return null;
  return { total: r.total, grade: r.grade, rank: r.rank, groupRank: r.groupRank, group: evaluation.groupOf(r.groupKey), flags: r.flags };
}

/** Per group of the given people: its size and, for each grade, its quota, seats (docs/product.md §3.2) and how many hold it. */
function quotaOf(evaluation: Evaluation, personIds: number[]) {
  const groups = [...new Set(personIds.map((id) => evaluation.resultOf.get(personSubjectKey(id))?.groupKey).filter((g): g is string => g !== undefined))].sort();
  const { grades } = evaluation.scheme;
  return groups.map((key) => {
    const size = evaluation.groupSize.get(key) ?? 0;
    return {
      group: evaluation.groupOf(key),
      size,
      grades: grades.map((g, i) => {
        // Seats as the engine grades them (考用结合 included); the last grade takes everyone left.
        const seats = gradeSeatsInGroup(evaluation, i, key, size);
        return { name: g.name, quota: seats.quota, capacity: i === grades.length - 1 ? null : seats.capacity, used: evaluation.gradeCount.get(`${key}\u0000${g.name}`) ?? 0 };
      }),
    };
  });
}

function presentRating(r: RatingRow, actor: Actor): StoredRating {
  return {
    indicator: r.indicator_id, rating: r.rating_centi / 100, comment: r.comment, task: r.task, ratedBy: r.rater_username, raterName: r.rater_name,
    mine: r.rater_account_id === actor.accountId, updatedAt: r.updated_at,
  };
}

/**
 * The sheet's rows: each person with his summary, the leaders' ratings and his preview. `ratings`
 * holds one rating per indicator — the caller's own if he gave one, else the latest by another
 * leader; `allRatings` every leader's, with who gave it.
 */
async function buildRows(db: Db, actor: Actor, period: CyclePeriodRow, people: PeriodParticipant[], evaluation: Evaluation, now: Date) {
  const ids = people.map((p) => p.personId);
  const [summaries, ratings, underAppeal, raters] = await Promise.all([
    listSummariesOfPeriod(db, period.id, ids),
    listRatingsOfPeople(db, period.id, LEADER_RATER_GROUP, ids),
    periodAllows(period.state, 'reRateAppellant') ? listPeopleWithPendingAppeal(db, period.id, ids) : Promise.resolve(new Set<number>()),
    ratersOf(db, people),
  ]);
  const summaryOf = new Map(summaries.map((s) => [s.person_id, s]));
  const ratingsOf = new Map<number, RatingRow[]>();
  for (const r of ratings) ratingsOf.set(r.person_id, [...(ratingsOf.get(r.person_id) ?? []), r]);
  return people.map((p) => {
    const all = (ratingsOf.get(p.personId) ?? []).map((r) => presentRating(r, actor));
    const shown: Record<string, ReturnType<typeof presentRating>> = {};
    for (const r of all) if (!shown[r.indicator]?.mine) shown[r.indicator] = r;
    const summary = summaryOf.get(p.personId);
    return {
      person: presentPerson(p),
      summary: summary ? presentSummary(summary, p, period, now) : null,
      ratings: shown,
      allRatings: all,
      preview: previewOf(evaluation, p.personId),
      /** In publicity: his appeal is pending, so his leaders may re-rate him (复核). */
      appealPending: underAppeal.has(p.personId),
      /** Whether the caller rates him: his leader, or the organization department for one no leader rates. */
      rateable: raters.get(p.personId)?.(actor) ?? false,
    };
  });
}

/**
 * Who may rate a participant (审核评鉴): a leader of a unit above or at his unit (never himself);
 * when no such leader exists — the head of the top unit — the organization department (admin).
 */
async function mayRate(db: Db, actor: Actor, participant: Pick<PeriodParticipant, 'personId' | 'unitId'>): Promise<boolean> {
  return (await ratersOf(db, [participant])).get(participant.personId)?.(actor) ?? false;
}

/**
 * For each participant, the accounts of the leaders who rate him, nearest unit first: the leaders of
 * his unit and of every unit above it, never himself (one look-up of the leaders and the unit tree
 * for all). Empty for the head of the top unit: the organization department rates him then.
 */
export async function ratingLeadersOf(db: Db, people: Pick<PeriodParticipant, 'personId' | 'unitId'>[]): Promise<Map<number, number[]>> {
  const [leaders, units] = await Promise.all([listLeaderRoles(db), listUnitInfos(db)]);
  const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
  const leaderAccountsOf = new Map<number, { accountId: number; personId: number | null }[]>();
  for (const l of leaders) leaderAccountsOf.set(l.unit_id!, [...(leaderAccountsOf.get(l.unit_id!) ?? []), { accountId: l.account_id, personId: l.person_id }]);
  const out = new Map<number, number[]>();
  for (const p of people) {
    const accounts = new Set<number>();
    for (let unit: number | null | undefined = p.unitId; unit !== null && unit !== undefined; unit = parentOf.get(unit)) {
      for (const l of leaderAccountsOf.get(unit) ?? []) if (l.personId !== p.personId) accounts.add(l.accountId);
    }
    out.set(p.personId, [...accounts]);
  }
  return out;
}

/** For each participant, whether an actor may rate him: one of his leaders, or the admin for the unled. */
async function ratersOf(db: Db, people: Pick<PeriodParticipant, 'personId' | 'unitId'>[]): Promise<Map<number, (actor: Actor) => boolean>> {
  const leaders = await ratingLeadersOf(db, people);
  const out = new Map<number, (actor: Actor) => boolean>();
  for (const p of people) {
    const accounts = new Set(leaders.get(p.personId));
    out.set(p.personId, (actor) => mayRatePerson(actor, p.personId, accounts));
  }
  return out;
}

/** The people of the sheet: participants of the unit's subtree, the caller left out. */
function sheetPeople(evaluation: Evaluation, actor: Actor, unitIds: Set<number>): Participant[] {
  return [...evaluation.participants.values()]
    .filter((p) => unitIds.has(p.unitId) && p.personId !== actor.personId)
    .sort((a, b) => a.personId - b.personId);
}

async function loadSheetContext(db: Db, actor: Actor, periodId: number, unitId: number | undefined) {
  authorize(actor, 'results.oversee');
  const period = await loadCyclePeriod(db, periodId);
  const { unit, unitIds } = await resolveSheetUnit(db, actor, period, unitId);
  const scheme = await loadSchemeOf(db, period);
  return { period, unit, unitIds, scheme };
}

async function loadSchemeOf(db: Db, period: CyclePeriodRow): Promise<Scheme> {
  return JSON.parse((await findScheme(db, period.scheme_id))!.definition_json) as Scheme;
}

/** A leader's review sheet (审核评鉴) of a unit's subtree: indicators, people with summaries, ratings and previews, quotas. */
export async function getReviewSheet({ db, now }: Deps, actor: Actor, periodId: number, query: ReviewSheetQuery): Promise<ReviewSheet> {
  const { period, unit, unitIds, scheme } = await loadSheetContext(db, actor, periodId, query.unit);
  const evaluation = await evaluateSheetPeriod(db, period, []);
  const people = sheetPeople(evaluation, actor, unitIds);
  return {
    period: presentPeriod((await findPeriod(db, period.id))!),
    unit,
    indicators: listLeaderRatedIndicators(scheme).map(presentReviewIndicator),
    people: await buildRows(db, actor, period, people, evaluation, now()),
    quota: quotaOf(evaluation, people.map((p) => p.personId)),
  };
}

/** Checks ratings against the sheet's indicators: known, leader-rated, once each; 0–100 with at most two decimals. */
function checkRatings(
  scheme: Scheme,
  items: readonly { indicator: string; rating: number; key?: string }[],
): { centi: number[]; details: ErrorDetail[] } {
  const rated = new Set(listLeaderRatedIndicators(scheme).map((i) => i.id));
  const seen = new Set<string>();
  const details: ErrorDetail[] = [];
  const centi = items.map((item, i) => {
    const key = item.key ?? item.indicator;
    if (!rated.has(item.indicator)) {
      details.push({ path: `/ratings/${i}/indicator`, message: `${item.indicator} is not an indicator rated by leaders in this period's scheme` });
    } else if (seen.has(key)) {
      details.push({ path: `/ratings/${i}/indicator`, message: `${item.indicator} is rated twice` });
    }
    seen.add(key);
    const value = toCenti(item.rating);
    if ('error' in value) {
      details.push({ path: `/ratings/${i}/rating`, message: value.error });
      return 0;
    }
    if (value.centi < 0 || value.centi > 10_000) details.push({ path: `/ratings/${i}/rating`, message: 'must be between 0 and 100' });
    return value.centi;
  });
  return { centi, details };
}

function checkRatingTexts(items: readonly RatingInput[]): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  items.forEach((item, i) => {
    if (item.comment != null && [...item.comment].length > MAX_RATING_COMMENT_CHARS) details.push({ path: `/ratings/${i}/comment`, message: `must have at most ${MAX_RATING_COMMENT_CHARS} characters` });
    if (item.task != null && [...item.task].length > MAX_RATING_TASK_CHARS) details.push({ path: `/ratings/${i}/task`, message: `must have at most ${MAX_RATING_TASK_CHARS} characters` });
  });
  return details;
}

const blankToNull = (text: string | null | undefined) => {
  const t = text?.replace(/\r\n?/g, '\n').trim();
  return t ? t : null;
};

/**
 * A leader's ratings of one person (审核评鉴): they replace his earlier ratings of that person, in one
 * transaction with the audit record (`review.rated`, before and after). Only while the period is
 * reviewing and not after `reviewDueOn`; only people of his subtrees taking part, never himself.
 */
export async function ratePerson({ db, now }: Deps, actor: Actor, periodId: number, personId: number, input: { ratings: RatingInput[] }): Promise<ReviewRow> {
  authorize(actor, 'review.rate');
  const period = await loadCyclePeriod(db, periodId);
  const participant = await findPeriodParticipant(db, period, personId);
  if (isSelf(actor, personId)) throw createOwnSubjectError();
  if (!participant || !(await mayRate(db, actor, participant))) {
    // The organization department sees everyone: it is told why, where a leader gets a 404 for someone outside his subtree.
    if (participant && can(actor, 'review.rate.unled')) throw createLeaderRatesError(personId);
    throw createNotFoundError('person', personId);
  }
  const scheme = await loadSchemeOf(db, period);
  const { centi, details } = checkRatings(scheme, input.ratings);
  details.push(...checkRatingTexts(input.ratings));
  if (details.length > 0) throw createFieldErrors(details);
  // 复核: during publicity the leaders re-rate a person whose appeal is pending, whatever the review deadline (docs/api-cycles.md "Appeals").
  const underAppeal = periodAllows(period.state, 'reRateAppellant') && (await listPeopleWithPendingAppeal(db, period.id, [personId])).has(personId);
  if (!underAppeal) assertPeriodAllows(period, 'rate', 'leaders rate');
  const at = now();
  if (!underAppeal && period.review_due_on !== null && localDateOf(at) > period.review_due_on) throw createReviewWindowClosedError(period.review_due_on);

  const atIso = at.toISOString();
  const rater = { periodId: period.id, personId, raterGroup: LEADER_RATER_GROUP, raterAccountId: actor.accountId };
  const ratings = input.ratings.map((r, i) => ({ indicator: r.indicator, centi: centi[i]!, task: blankToNull(r.task), comment: blankToNull(r.comment) }));
  await inTransaction(db, async (trx) => {
    const before = await listRatingsOfRater(trx, rater);
    const createdAt = new Map(before.map((b) => [b.indicator_id, b.created_at]));
    await replaceRatingsOfRater(trx, rater, ratings.map((r) => ({ ...r, createdAt: createdAt.get(r.indicator) ?? atIso })), atIso);
    const audited = (rows: { indicator: string; centi: number; task: string | null; comment: string | null }[]) =>
      ({ personId, ratings: rows.map((r) => ({ indicator: r.indicator, rating: r.centi / 100, task: r.task, comment: r.comment })) });
    await appendAuditRecords(trx, [{
      actorId: actor.accountId, actorLabel: actor.username, action: 'review.rated', entity: 'period', entityId: period.id,
      before: audited(before.map((b) => ({ indicator: b.indicator_id, centi: b.rating_centi, task: b.task, comment: b.comment }))),
      after: audited(ratings),
    }], atIso);
    // The audit append serialises with period transitions: a period that left `reviewing` meanwhile refuses the ratings,
    // and so does a publicity whose appeal was decided meanwhile.
    const current = await loadCyclePeriod(trx, period.id);
    const stillUnderAppeal = underAppeal && periodAllows(current.state, 'reRateAppellant') && (await listPeopleWithPendingAppeal(trx, period.id, [personId])).has(personId);
    if (!stillUnderAppeal) assertPeriodAllows(current, 'rate', 'leaders rate');
  });

  const evaluation = await evaluateSheetPeriod(db, period, []);
  return (await buildRows(db, actor, period, [participant], evaluation, now()))[0]!;
}

/**
 * The sheet's previews as if the given ratings replaced the caller's stored ones: nothing is
 * written. Validated like a rating; every person must be on the caller's sheet of the unit.
 */
export async function previewReviewSheet(
  { db }: Deps,
  actor: Actor,
  periodId: number,
  input: PreviewBody,
): Promise<PreviewResponse> {
  const { period, unitIds, scheme } = await loadSheetContext(db, actor, periodId, input.unit);
  const { centi, details } = checkRatings(scheme, input.ratings.map((r) => ({ ...r, key: `${r.personId}:${r.indicator}` })));
  if (details.length > 0) throw createFieldErrors(details);
  const overrides: RatingOverride[] = input.ratings.map((r, i) => ({
    personId: r.personId, indicator: r.indicator, raterGroup: LEADER_RATER_GROUP, raterAccountId: actor.accountId, rating: centi[i]! / 100,
  }));
  // One build and one evaluation; a rating of someone off the sheet is refused after it (nothing is written either way).
  const evaluation = await evaluateSheetPeriod(db, period, overrides);
  const people = sheetPeople(evaluation, actor, unitIds);
  const onSheet = new Set(people.map((p) => p.personId));
  const offSheet = input.ratings.flatMap((r, i) => (onSheet.has(r.personId) ? [] : [{ path: `/ratings/${i}/personId`, message: `person ${r.personId} is not on this review sheet` }]));
  if (offSheet.length > 0) throw createFieldErrors(offSheet);
  return {
    people: people.map((p) => ({ personId: p.personId, preview: previewOf(evaluation, p.personId) })),
    quota: quotaOf(evaluation, people.map((p) => p.personId)),
  };
}
