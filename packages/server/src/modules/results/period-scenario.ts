import { engineCategoryOf, ledgerFactsOfEvents, ledgerIndicatorIds, type Fact, type HistoryEntry, type Scenario, type Scheme, type Subject, type TieDecision } from '@baton/engine';
import type { Db } from '../../db/kysely.js';
import { decisionsInForce, listTieDecisionsOfPeriod } from './tie-decisions.repository.js';
import { findPeriod, listPeriodParticipants, type PeriodParticipant, type PeriodRow } from '../periods/index.js';
import { loadPeriodRanking } from '../rankings/index.js';
import { listPersonLedgerRowsOfPeriod, listRatingsOfPeriod, listRoutineResultsInside } from './results.repository.js';
import { listCategoryInfos, listUnitInfos } from '../org/index.js';
import { findScheme } from '../schemes/index.js';

/** The engine's id of a person subject in a period's scenario. */
export const personSubjectKey = (personId: number) => `p${personId}`;
/** The engine's `unit` of a subject (its quota group under grouping `unit`, the key of `unitTiers`). */
export const unitSubjectKey = (unitId: number) => `u${unitId}`;

/** A participant of a period as the engine's subject `key`: who stands behind an engine subject id. */
export interface Participant extends PeriodParticipant {
  key: string;
}

/** A rating not (yet) stored, taking the place of the rater's stored one: the review page's live preview. */
export interface RatingOverride {
  personId: number;
  indicator: string;
  raterGroup: string;
  raterAccountId: number;
  rating: number;
}

export interface PeriodScenario {
  scenario: Scenario;
  participants: Map<string, Participant>;
}

/**
 * A period as the engine's scenario (docs/product.md §3.1, docs/api-cycles.md "How a period becomes a
 * scenario"): the frozen scheme version, the participants, one `delta` fact per approved ledger row
 * of a `ledger` indicator dated in the period, one `rating` fact per stored rating, and for a
 * scheme that reads history (`periods` method or a grade's `requires`) the published results of the
 * closed routine periods inside this one. Person schemes only.
 */
export async function buildPeriodScenario(
  db: Db,
  period: Pick<PeriodRow, 'id' | 'starts_on' | 'ends_on' | 'scheme_id' | 'scope_unit_id'>,
  options: { ratingOverrides?: readonly RatingOverride[] } = {},
): Promise<PeriodScenario> {
  const schemeRow = (await findScheme(db, period.scheme_id))!;
  const scheme = JSON.parse(schemeRow.definition_json) as Scheme;
  const [people, categories] = await Promise.all([
    listPeriodParticipants(db, { ...period, subject_kind: schemeRow.subject_kind }),
    listCategoryInfos(db),
  ]);
  const categoryCode = new Map(categories.map((c) => [c.id, c.code]));

  const participants = new Map<string, Participant>();
  const subjects: Subject[] = [];
  for (const person of people) {
    const key = personSubjectKey(person.personId);
    participants.set(key, { key, ...person });
    const subject: Subject = { id: key, name: person.name, unit: unitSubjectKey(person.unitId) };
    const code = person.categoryId === null ? undefined : categoryCode.get(person.categoryId);
    const category = engineCategoryOf(scheme.grouping, code);
    if (category !== undefined) subject.category = category;
    subjects.push(subject);
  }

  const facts: Fact[] = [...(await ledgerFacts(db, period, scheme, participants)), ...(await ratingFacts(db, period.id, participants, options.ratingOverrides ?? []))];
  const scenario: Scenario = { scheme, subjects, facts };
  if (readsHistory(scheme)) scenario.history = await historyOf(db, period, participants);
  const decisions = await tieDecisionsOf(db, period.id, participants);
  if (decisions.length > 0) scenario.decisions = decisions;
  if (scheme.quotaCoupling !== undefined) {
    const units = await listUnitInfos(db);
    const unitTiers = await unitTiersOf(db, period.id, participants, new Map(units.map((u) => [u.id, u.parent_id])));
    if (unitTiers !== undefined) scenario.unitTiers = unitTiers;
  }
  return { scenario, participants };
}

/**
 * 考用结合 (docs/product.md §4 "Quota coupling"): each participant's unit's tier — the grade, in the period's
 * tier period (a unit scheme's period, as its ranking stands), of the unit the unit assessment
 * compares: the participant's unit or its ancestor just below the tier period's scope (below a root
 * unit when it has none), e.g. the town of a town's section. A participant of the root unit itself
 * has no tier. Undefined without a tier period: every unit then has the coupling's `otherwise`.
 */
async function unitTiersOf(db: Db, periodId: number, participants: Map<string, Participant>, parentOf: Map<number, number | null>): Promise<Record<string, string> | undefined> {
  const tierPeriodId = (await findPeriod(db, periodId))?.tier_period_id ?? null;
  const tierPeriod = tierPeriodId === null ? undefined : await findPeriod(db, tierPeriodId);
  if (!tierPeriod) return undefined;
  const { ranking } = await loadPeriodRanking(db, tierPeriod);
  const tierOf = new Map<number, string>();
  for (let index = 0; index < ranking.subjectCount; index += 1) tierOf.set(ranking.subjectAt(index).id, ranking.rowAt(index, 0).grade);
  const isTop = (unitId: number) => {
    const parent = parentOf.get(unitId) ?? null;
    return tierPeriod.scope_unit_id === null ? parent !== null && (parentOf.get(parent) ?? null) === null : parent === tierPeriod.scope_unit_id;
  };
  const unitTiers: Record<string, string> = {};
  for (const unitId of [...new Set([...participants.values()].map((p) => p.unitId))].sort((a, b) => a - b)) {
    let at: number | null = unitId;
    while (at !== null && !isTop(at)) at = parentOf.get(at) ?? null;
    const tier = at === null ? undefined : tierOf.get(at);
    if (tier !== undefined) unitTiers[unitSubjectKey(unitId)] = tier;
  }
  return unitTiers;
}

async function ledgerFacts(
  db: Db,
  period: Pick<PeriodRow, 'starts_on' | 'ends_on' | 'scheme_id'>,
  scheme: Scheme,
  participants: Map<string, Participant>,
): Promise<Fact[]> {
  const ledgerIndicators = ledgerIndicatorIds(scheme);
  if (ledgerIndicators.length === 0) return [];
  const rows = await listPersonLedgerRowsOfPeriod(db, period, ledgerIndicators);
  const events = rows.flatMap((row) => {
    const subject = row.person_id === null ? undefined : personSubjectKey(row.person_id);
    return subject === undefined || !participants.has(subject)
      ? []
      : [{ subject, indicator: row.indicator_id, centi: row.delta_centi, eventId: row.event_id, occurredOn: row.occurred_on, evidenceText: row.evidence_text }];
  });
  return ledgerFactsOfEvents(new Set(ledgerIndicators), events);
}

async function ratingFacts(db: Db, periodId: number, participants: Map<string, Participant>, overrides: readonly RatingOverride[]): Promise<Fact[]> {
  const rows = await listRatingsOfPeriod(db, periodId);
  const overridden = (r: { person_id: number; indicator_id: string; rater_group: string; rater_account_id: number }) =>
    overrides.some((o) => o.personId === r.person_id && o.indicator === r.indicator_id && o.raterGroup === r.rater_group && o.raterAccountId === r.rater_account_id);
  const facts: Fact[] = [];
  for (const row of rows) {
    const key = personSubjectKey(row.person_id);
    if (!participants.has(key) || overridden(row)) continue;
    facts.push({ subject: key, indicator: row.indicator_id, id: `rating:${row.id}`, group: row.rater_group, rating: row.rating_centi / 100 });
  }
  for (const o of overrides) {
    const key = personSubjectKey(o.personId);
    if (participants.has(key)) facts.push({ subject: key, indicator: o.indicator, group: o.raterGroup, rating: o.rating });
  }
  return facts;
}

function readsHistory(scheme: Scheme): boolean {
  return scheme.indicators.some((i) => i.method === 'periods') || scheme.grades.some((g) => g.requires !== undefined);
}

/**
 * The routine results an annual scheme reads (docs/product.md §3.2 "Annual schemes"): each closed period
 * lying inside this one whose scheme is a routine person scheme and which assesses the same people
 * (the same scope: a department's own points periods do not count towards a district-wide annual
 * assessment), in its published (latest) version.
 */
async function historyOf(
  db: Db,
  period: Pick<PeriodRow, 'id' | 'starts_on' | 'ends_on' | 'scope_unit_id'>,
  participants: Map<string, Participant>,
): Promise<HistoryEntry[]> {
  const rows = await listRoutineResultsInside(db, period);
  const history: HistoryEntry[] = [];
  for (const row of rows) {
    if (row.person_id === null) continue;
    const key = personSubjectKey(row.person_id);
    if (!participants.has(key)) continue;
    history.push({ subject: key, period: row.period_name, score: row.total_centi / 100, grade: row.grade });
  }
  return history;
}

/**
 * The committee's decisions on ties in force (the latest per group and grade, modules/committee),
 * as the engine's `decisions`: the people named who still take part. A decision that names nobody
 * (the block stays in the lower grade) changes nothing in the engine and is left out.
 */
async function tieDecisionsOf(db: Db, periodId: number, participants: Map<string, Participant>): Promise<TieDecision[]> {
  const rows = decisionsInForce(await listTieDecisionsOfPeriod(db, periodId));
  const decisions: TieDecision[] = [];
  for (const row of rows) {
    const subjects = (JSON.parse(row.person_ids_json) as number[]).map(personSubjectKey).filter((key) => participants.has(key));
    if (subjects.length > 0) decisions.push({ grade: row.grade, subjects, note: row.reason });
  }
  return decisions;
}
