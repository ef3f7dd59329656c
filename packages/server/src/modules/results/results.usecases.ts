import { groupKeyOf, periodAllows, quotaTieGrades, type Result, type Scenario, type Scheme } from '@baton/engine';
import type { DistributionGroup, ResultRow, ResultsQuery, ResultsResponse, ResultVersion, ScenarioQuery } from '@baton/contract/results';
import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import { type Actor, authorize, can, isResultVisible, overseeScopeOf, type ResultVisibility, unitScopeOf } from '../../policies/index.js';
import { listSubtreeUnitIds, resolveVisibleUnitIds } from '../org/index.js';
import { findPeriod, type PeriodRow, presentPeriod } from '../periods/index.js';
import { buildPeriodScenario } from './period-scenario.js';
import { gradeSeatsInGroup, nameGroups, type GroupNamer, type Seating } from './result-groups.js';
import { evaluatePeriod, participantOf } from './result-publication.js';
import { createResultsNotPublishedError, createResultVersionNotFoundError, createUnitSchemeResultsError } from './results.errors.js';
import {
  countResultsByGroupAndGrade, findResultVersion, listGroupKeysOfResults, listQuotaTiedResults, listResultVersions, listStoredResults,
  type ResultRowFilter, type ResultVersionRow,
} from './results.repository.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';
import { findScheme } from '../schemes/index.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** Admin and auditor read every result, any version and the live preview (docs/api-cycles.md "Who may do what"). */
const oversees = (actor: Actor) => can(actor, 'results.export');

/** The period and its (frozen) scheme; a unit scheme has no results of its own here. */
async function loadPeriod(db: Db, id: number): Promise<{ period: PeriodRow; scheme: Scheme }> {
  const period = await findPeriod(db, id);
  if (!period) throw createNotFoundError('period', id);
  const schemeRow = (await findScheme(db, period.scheme_id))!;
  if (schemeRow.subject_kind !== 'person') throw createUnitSchemeResultsError(id);
  return { period, scheme: JSON.parse(schemeRow.definition_json) as Scheme };
}

/** Groups in a stable, readable order: `all`, then by kind and id (category:2 before category:10). */
const byGroupKey = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

type Subject = ResultRow['subject'];

function presentResultRow(subject: Subject, groupKey: string, result: Result, groupOf: GroupNamer): ResultRow {
  return {
    subject,
    total: result.total,
    rank: result.rank,
    group: groupOf(groupKey),
    groupRank: result.groupRank,
    grade: result.grade,
    flags: result.flags,
    sections: result.sections,
    indicators: result.indicators,
    explain: result.explain ?? [],
  };
}

interface GroupTally {
  size: number;
  counts: Map<string, number>;
  ties: Map<string, { id: number; name: string }[]>;
}

/** Per group: seats of each grade (as the engine grades: gradeSeatsInGroup), how many got it, and the tied blocks. */
function presentDistribution(scenario: Seating, tallies: Map<string, GroupTally>, groupOf: GroupNamer): DistributionGroup[] {
  return [...tallies.entries()].map(([key, tally]) => ({
    group: groupOf(key),
    size: tally.size,
    grades: scenario.scheme.grades.map((grade, index) => ({
      name: grade.name,
      ...gradeSeatsInGroup(scenario, index, key, tally.size),
      count: tally.counts.get(grade.name) ?? 0,
    })),
    ties: [...tally.ties.entries()].map(([grade, subjects]) => ({ grade, subjects })),
  }));
}


function addTie(tally: GroupTally, grade: string, subject: { id: number; name: string }) {
  const list = tally.ties.get(grade) ?? [];
  list.push(subject);
  tally.ties.set(grade, list);
}

export type ResultsQueryInput = ResultsQuery;

/** The units of `?unit=`'s subtree; a unit the reader may not see answers 404 like a missing one. */
async function unitFilterOf(db: Db, actor: Actor, unitId: number | undefined): Promise<number[] | undefined> {
  if (unitId === undefined) return undefined;
  const visible = await resolveVisibleUnitIds(db, unitScopeOf(actor));
  const subtree = await listSubtreeUnitIds(db, [unitId]);
  if (subtree.length === 0 || (visible !== 'all' && !visible.has(unitId))) throw createNotFoundError('unit', unitId);
  return subtree;
}

/**
 * A period's results (docs/api-cycles.md "Results"). Before publicity: the live preview on current
 * data, for admin and auditor only. In publicity and closed: the published version — a member his
 * own row, a leader the people of the subtrees he leads (and himself), admin and auditor everyone and
 * any earlier version. `distribution` covers the groups of the rows the reader may see: sizes, seats
 * and counts are the whole group's (the quota is public), tied subjects only those he may see.
 */
export async function readPeriodResults(deps: Deps, actor: Actor, periodId: number, query: ResultsQueryInput): Promise<ResultsResponse> {
  authorize(actor, 'results.read');
  const { db } = deps;
  const { period, scheme } = await loadPeriod(db, periodId);
  const limit = query.limit ?? 50;
  if (query.version !== undefined) authorize(actor, 'results.export');
  const beforePublicity = periodAllows(period.state, 'previewResults');
  if (beforePublicity && !oversees(actor)) throw createResultsNotPublishedError(periodId);
  const unitIds = await unitFilterOf(db, actor, query.unit);
  if (beforePublicity && query.version === undefined) return readLiveResults(deps, period, { ...query, limit }, unitIds);

  const version = query.version ?? period.result_version;
  if (version === null) {
    // A period that entered publicity before results were published as versions (issue 6): nothing stored.
    return { period: presentPeriod(period), version: null, live: false, items: [], nextCursor: null, distribution: [] };
  }
  if (query.version !== undefined && !(await findResultVersion(db, periodId, version))) throw createResultVersionNotFoundError(periodId, version);
  const visible = await resultVisibilityOf(db, actor);
  const filter: ResultRowFilter = { periodId, version, groupKey: query.group, unitIds, visible };
  const rows = await listStoredResults(db, { ...filter, afterId: idCursor.decode(query.cursor), limit });
  const groupKeys = await listGroupKeysOfResults(db, filter);
  const [counts, tied, groupOf] = await Promise.all([
    countResultsByGroupAndGrade(db, periodId, version, groupKeys),
    listQuotaTiedResults(db, periodId, version, groupKeys),
    nameGroups(db, [...groupKeys, ...rows.map((row) => row.group_key)]),
  ]);
  const items = rows.map((row) => {
    const result = JSON.parse(row.result_json) as Result;
    const subject = { id: row.person_id ?? 0, name: row.person_name ?? result.subject, employeeNo: row.employee_no, unitId: row.unit_id, unitName: row.unit_name };
    return presentResultRow(subject, row.group_key, result, groupOf);
  });
  const tallies = new Map<string, GroupTally>([...groupKeys].sort(byGroupKey).map((key) => [key, { size: 0, counts: new Map(), ties: new Map() }]));
  for (const c of counts) {
    const tally = tallies.get(c.groupKey)!;
    tally.size += c.count;
    tally.counts.set(c.grade, c.count);
  }
  for (const row of tied) {
    if (!isResultVisible(visible, { unitId: row.unit_id, personId: row.person_id })) continue;
    for (const grade of quotaTieGrades(JSON.parse(row.flags_json) as string[])) addTie(tallies.get(row.group_key)!, grade, { id: row.person_id ?? 0, name: row.person_name ?? '' });
  }
  return {
    period: presentPeriod(period),
    version,
    live: false,
    items,
    nextCursor: nextCursorOf(rows, limit),
    distribution: presentDistribution(await seatingOf(db, period, version, scheme), tallies, groupOf),
  };
}

/**
 * What the seats of a published version depend on: its scheme, and for 考用结合 the unit tiers frozen
 * into the version's stored scenario.
 */
async function seatingOf(db: Deps['db'], period: PeriodRow, version: number, scheme: Scheme): Promise<Seating> {
  if (scheme.quotaCoupling === undefined) return { scheme };
  const stored = await findResultVersion(db, period.id, version);
  return { scheme, unitTiers: stored ? (JSON.parse(stored.scenario_json) as Scenario).unitTiers : undefined };
}

/** The live preview: the engine on the period's current data, exactly as publication will evaluate it. */
async function readLiveResults(
  { db }: Deps,
  period: PeriodRow,
  query: ResultsQueryInput & { limit: number },
  unitIds: number[] | undefined,
) {
  const evaluation = await evaluatePeriod(db, period);
  const scheme = evaluation.scenario.scheme;
  const inUnit = unitIds && new Set(unitIds);
  const entries = evaluation.results.map((result, index) => {
    const participant = participantOf(evaluation, result);
    return { position: index + 1, participant, groupKey: groupKeyOf(scheme.grouping, participant), result };
  });
  const selected = entries.filter((e) => (query.group === undefined || e.groupKey === query.group) && (!inUnit || inUnit.has(e.participant.unitId)));
  const after = idCursor.decode(query.cursor) ?? 0;
  const page = selected.filter((e) => e.position > after).slice(0, query.limit);

  const shownGroups = new Set(selected.map((e) => e.groupKey));
  const groupOf = await nameGroups(db, shownGroups);
  const tallies = new Map<string, GroupTally>([...shownGroups].sort(byGroupKey).map((key) => [key, { size: 0, counts: new Map(), ties: new Map() }]));
  for (const e of entries) {
    const tally = tallies.get(e.groupKey);
    if (!tally) continue;
    tally.size += 1;
    tally.counts.set(e.result.grade, (tally.counts.get(e.result.grade) ?? 0) + 1);
    for (const grade of quotaTieGrades(e.result.flags)) addTie(tally, grade, { id: e.participant.personId, name: e.participant.name });
  }
  return {
    period: presentPeriod(period),
    version: null,
    live: true,
    items: page.map((e) => {
      const p = e.participant;
      return presentResultRow({ id: p.personId, name: p.name, employeeNo: p.employeeNo, unitId: p.unitId, unitName: p.unitName }, e.groupKey, e.result, groupOf);
    }),
    nextCursor: page.length === query.limit && page.length > 0 ? idCursor.encode(page[page.length - 1]!.position) : null,
    distribution: presentDistribution(evaluation.scenario, tallies, groupOf),
  };
}

function presentResultVersion(v: ResultVersionRow): ResultVersion {
  return {
    version: v.version,
    reason: v.reason,
    note: v.note,
    scenarioSha256: v.scenario_sha256,
    createdAt: v.created_at,
    createdBy: v.created_by === null ? null : { accountId: v.created_by, name: v.created_by_name ?? (v.created_by === 0 ? 'cli' : '') },
  };
}

/** Every published version of a period, newest first (admin, auditor). */
export async function listPeriodResultVersions({ db }: Deps, actor: Actor, periodId: number): Promise<ResultVersion[]> {
  authorize(actor, 'results.export');
  await loadPeriod(db, periodId);
  return (await listResultVersions(db, periodId)).map(presentResultVersion);
}

/**
 * A period's scenario as JSON text (docs/product.md §3.1): a version's exact stored input — by default the
 * published one — or, before publicity, the one built from current data. `baton evaluate` on it gives
 * the stored results of that version, number for number.
 */
export async function exportPeriodScenario({ db }: Deps, actor: Actor, periodId: number, query: ScenarioQuery) {
  authorize(actor, 'results.export');
  const { period } = await loadPeriod(db, periodId);
  const version = query.version ?? period.result_version;
  if (version === null) return { version: null, json: JSON.stringify((await buildPeriodScenario(db, period)).scenario) };
  const stored = await findResultVersion(db, periodId, version);
  if (!stored) throw createResultVersionNotFoundError(periodId, version);
  return { version, json: stored.scenario_json, sha256: stored.scenario_sha256 };
}

/**
 * Which published results an actor reads (policies/results.policies.ts `isResultVisible`): his
 * oversee scope resolved to its units, and himself.
 */
export async function resultVisibilityOf(db: Db, actor: Actor): Promise<ResultVisibility> {
  const units = await resolveVisibleUnitIds(db, overseeScopeOf(actor));
  return units === 'all' ? undefined : { unitIds: [...units], personId: actor.personId };
}
