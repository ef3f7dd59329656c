import ExcelJS from 'exceljs';
import type { Indicator, Result, Scheme } from '@baton/engine';
import type {
  ReportCard, ReportCardIndicator, ReportCardQuery, UnitCards, UnitCardsExportQuery, UnitCardsQuery as UnitCardsParams,
} from '@baton/contract/report-cards';
import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import { type Actor, authorize, firstLedUnitOf } from '../../policies/index.js';
import { listSubtreeUnitIds } from '../org/index.js';
import { nameGroups, resultVisibilityOf } from '../results/index.js';
import { createPeriodNotPublishedError, createReportCardNotFoundError } from './report-cards.errors.js';
import {
  PUBLISHED_STATES, countGroupOfResult, countGroupsOfVersion, findPeriodBrief, findPublishedResultOfPerson, findUnitName,
  listLeaderCommentsOfPerson, listPublishedPeriodsOfPerson, listPublishedResultsOfUnits,
  type PeriodBrief, type PublishedResultRow,
} from './report-cards.repository.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** Lists and exports of a unit's results: leaders, admin and auditor (members read their own card only). */
export function assertOverseesResults(actor: Actor): void {
  authorize(actor, 'results.read');
  authorize(actor, 'results.oversee');
}

export const centiToScore = (centi: number) => centi / 100;

function presentPeriodOfCard(p: Pick<PeriodBrief, 'id' | 'name' | 'state' | 'starts_on' | 'ends_on' | 'result_version' | 'scheme_id' | 'scheme_code' | 'scheme_name' | 'scheme_kind'> & { publicity_ends_on?: string | null }) {
  return {
    id: p.id,
    name: p.name,
    state: p.state,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    publicityEndsOn: p.publicity_ends_on ?? null,
    version: p.result_version,
    scheme: { id: p.scheme_id, code: p.scheme_code, name: p.scheme_name, kind: p.scheme_kind },
  };
}

const TOTAL_LINE = 'total: ';

/**
 * The card's indicators in the scheme's order, each with its explanation line (docs/product.md §2.3 "every
 * number explains itself"): the engine writes one line per indicator, `<id>: …`, and a last line for the total.
 */
export function presentIndicators(scheme: Scheme, result: Result): ReportCardIndicator[] {
  const lines = result.explain ?? [];
  const lineOf = (id: string) => lines.find((line) => line.startsWith(`${id}: `)) ?? null;
  return scheme.indicators.map((ind: Indicator) => {
    const scored = result.indicators[ind.id];
    const inSection = !ind.extra && ind.method !== 'veto';
    return {
      id: ind.id,
      name: ind.name ?? ind.id,
      kind: ind.kind ?? null,
      method: ind.method,
      section: inSection ? (ind.section ?? 'main') : null,
      extra: ind.extra === true,
      weight: scored?.weight ?? null,
      score: scored?.score ?? 0,
      raw: scored?.raw ?? null,
      explain: lineOf(ind.id),
    };
  });
}

export function presentSections(scheme: Scheme, result: Result): ReportCard['sections'] {
  const sections = scheme.sections ?? [{ id: 'main', weight: 1 }];
  return sections.map((s) => ({ id: s.id, weight: s.weight, score: result.sections[s.id] ?? 0 }));
}

function presentCardRow(row: PublishedResultRow) {
  return {
    person: { id: row.person_id, name: row.person_name, employeeNo: row.employee_no },
    unit: { id: row.unit_id, name: row.unit_name },
  };
}

/**
 * One person's report card (成绩单, docs/product.md §1 考用结合) for a period in publicity or closed: the published
 * version in force, every indicator with its explanation, the leaders' comments, and the trend of his
 * results in the published periods of the same scheme code up to this one. Without `period`: the latest
 * published period he has a result in. A period before publicity, a person without a result, and a
 * person outside the reader's scope all answer the same 404.
 */
export async function readReportCard({ db }: Deps, actor: Actor, personId: number, query: ReportCardQuery): Promise<ReportCard> {
  authorize(actor, 'results.read');
  const visible = await resultVisibilityOf(db, actor);
  const history = await listPublishedPeriodsOfPerson(db, personId, visible);
  const periodId = query.period ?? history[history.length - 1]?.period_id;
  if (periodId === undefined) throw createReportCardNotFoundError(personId);
  const row = await findPublishedResultOfPerson(db, personId, periodId, visible);
  if (!row) throw createReportCardNotFoundError(personId, periodId);
  const period = (await findPeriodBrief(db, periodId))!;
  const scheme = JSON.parse(period.definition_json) as Scheme;
  const result = JSON.parse(row.result_json) as Result;
  const [groupSize, comments, groupOf] = await Promise.all([
    countGroupOfResult(db, periodId, row.version, row.group_key),
    listLeaderCommentsOfPerson(db, periodId, personId),
    nameGroups(db, [row.group_key]),
  ]);
  const indicators = presentIndicators(scheme, result);
  const indicatorName = new Map(indicators.map((i) => [i.id, i.name]));
  const upToHere = history.slice(0, history.findIndex((h) => h.period_id === periodId) + 1);
  const explain = result.explain ?? [];
  return {
    ...presentCardRow(row),
    period: presentPeriodOfCard({ ...period, publicity_ends_on: row.publicity_ends_on }),
    total: centiToScore(row.total_centi),
    rank: row.rank,
    group: groupOf(row.group_key),
    groupRank: row.group_rank,
    groupSize,
    grade: row.grade,
    /** The scheme's grades, best first: where this grade stands. */
    grades: scheme.grades.map((g) => g.name),
    flags: JSON.parse(row.flags_json) as string[],
    sections: presentSections(scheme, result),
    indicators,
    totalExplain: explain.find((line) => line.startsWith(TOTAL_LINE)) ?? null,
    comments: comments.map((c) => ({
      indicator: { id: c.indicator_id, name: indicatorName.get(c.indicator_id) ?? c.indicator_id },
      rater: { name: c.rater_name ?? c.rater_username },
      rating: centiToScore(c.rating_centi),
      task: c.task,
      comment: c.comment,
      updatedAt: c.updated_at,
    })),
    trend: upToHere
      .filter((h) => h.scheme_code === row.scheme_code)
      .map((h) => ({ periodId: h.period_id, periodName: h.period_name, endsOn: h.ends_on, total: centiToScore(h.total_centi), grade: h.grade })),
    /** Every published period of his the reader may open (the period selector), newest first. */
    periods: [...history].reverse().map((h) => ({ id: h.period_id, name: h.period_name, endsOn: h.ends_on, schemeName: h.scheme_name })),
  };
}

export type UnitCardsQuery = UnitCardsParams;

/**
 * The published period and the units a unit list or export covers: `unit`'s subtree (a unit outside
 * the reader's scope answers 404 like a missing one), else everything the reader sees.
 */
async function loadUnitSelection(db: Db, actor: Actor, query: { period: number; unit?: number | undefined }) {
  assertOverseesResults(actor);
  const period = await findPeriodBrief(db, query.period);
  if (!period) throw createNotFoundError('period', query.period);
  if (!PUBLISHED_STATES.includes(period.state) || period.result_version === null) throw createPeriodNotPublishedError(period.id);
  const visible = await resultVisibilityOf(db, actor);
  let unit: { id: number; name: string } | null = null;
  let unitIds: number[] | undefined;
  if (query.unit !== undefined) {
    const name = await findUnitName(db, query.unit);
    if (name === undefined || (visible !== undefined && !visible.unitIds.includes(query.unit))) throw createNotFoundError('unit', query.unit);
    unit = { id: query.unit, name };
    unitIds = await listSubtreeUnitIds(db, [query.unit]);
  } else if (visible !== undefined) {
    // A leader without `unit`: his first subtree (the one his cards and exports are about).
    const root = firstLedUnitOf(actor)!;
    unit = { id: root, name: (await findUnitName(db, root)) ?? '' };
    unitIds = await listSubtreeUnitIds(db, [root]);
  }
  return { period, version: period.result_version, visible, unit, unitIds };
}

/** The report cards of a unit's subtree in brief (leaders, admin, auditor), in the engine's order, paginated. */
export async function listUnitReportCards({ db }: Deps, actor: Actor, query: UnitCardsQuery): Promise<UnitCards> {
  const { period, version, visible, unit, unitIds } = await loadUnitSelection(db, actor, query);
  const limit = query.limit ?? 50;
  const rows = await listPublishedResultsOfUnits(db, { periodId: period.id, unitIds, visible, afterId: idCursor.decode(query.cursor), limit });
  const [sizes, groupOf] = await Promise.all([countGroupsOfVersion(db, period.id, version), nameGroups(db, rows.map((r) => r.group_key))]);
  return {
    period: presentPeriodOfCard(period),
    unit,
    items: rows.map((r) => ({
      ...presentCardRow(r),
      total: centiToScore(r.total_centi),
      grade: r.grade,
      group: groupOf(r.group_key),
      groupRank: r.group_rank,
      groupSize: sizes.get(r.group_key) ?? 0,
      flags: JSON.parse(r.flags_json) as string[],
    })),
    nextCursor: nextCursorOf(rows, limit),
  };
}

const EXPORT_PAGE = 1000;

/**
 * The report cards of a unit's subtree as an .xlsx workbook (one sheet 成绩单): a title row naming the
 * period and the unit, a frozen header row, then one row per person in the engine's order — every
 * section and indicator score, the group rank, the grade and the flags.
 */
export async function exportUnitReportCards({ db }: Deps, actor: Actor, query: UnitCardsExportQuery) {
  const { period, version, visible, unit, unitIds } = await loadUnitSelection(db, actor, query);
  const scheme = JSON.parse(period.definition_json) as Scheme;
  const sizes = await countGroupsOfVersion(db, period.id, version);
  const unitName = unit?.name ?? '全部单位';
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Baton';
  const sheet = workbook.addWorksheet('成绩单', { views: [{ state: 'frozen', ySplit: 2 }] });
  const sections = scheme.sections ?? [];
  const indicators = scheme.indicators;
  const headers = [
    '工号', '姓名', '单位', '总分',
    ...sections.map((s) => `分项 ${s.id}（×${s.weight}）`),
    ...indicators.map((i) => (i.name ? `${i.name}（${i.id}）` : i.id)),
    '分组', '组内排名', '组内人数', '等次', '标记',
  ];
  const title = sheet.getCell(1, 1);
  title.value = `${period.name} 成绩单 · ${unitName}`;
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, headers.length);
  const header = sheet.getRow(2);
  header.values = headers;
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  sheet.columns.forEach((column, i) => { column.width = i === 2 ? 16 : i < 2 ? 12 : 11; });

  let afterId: number | undefined;
  for (;;) {
    const rows = await listPublishedResultsOfUnits(db, { periodId: period.id, unitIds, visible, afterId, limit: EXPORT_PAGE });
    const groupOf = await nameGroups(db, rows.map((r) => r.group_key));
    for (const r of rows) {
      const result = JSON.parse(r.result_json) as Result;
      sheet.addRow([
        r.employee_no, r.person_name, r.unit_name, centiToScore(r.total_centi),
        ...sections.map((s) => result.sections[s.id] ?? 0),
        ...indicators.map((i) => (i.method === 'veto' ? (result.indicators[i.id]?.raw === 1 ? '触发' : '') : (result.indicators[i.id]?.score ?? 0))),
        groupOf(r.group_key).name, r.group_rank, sizes.get(r.group_key) ?? 0, r.grade, (JSON.parse(r.flags_json) as string[]).join(', '),
      ]);
    }
    if (rows.length < EXPORT_PAGE) break;
    afterId = rows[rows.length - 1]!.id;
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `成绩单_${period.name}_${unitName}.xlsx`, asciiFileName: `report-cards-${period.id}${unit ? `-unit-${unit.id}` : ''}.xlsx`, buffer };
}
