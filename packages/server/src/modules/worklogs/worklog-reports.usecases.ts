import { PassThrough, type Readable } from 'node:stream';
import { addCalendarDays, daysInMonth, listCalendarDays, startOfWeek } from '@baton/engine';
import type { AppDeps } from '../../app/deps.js';
import { isValidDate, localDateOf } from '../../app/dates.js';
import { createWorkbookWriter } from '../../app/spreadsheets.js';
import { createFieldError, createForbiddenError, createNotFoundError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import type {
  CalendarMonthQuery, KindCounts, MonthView, Reminders, SpotCheck, SpotCheckBody, SpotCheckDetail, StatsPerson, StatsQuery, SummaryQuery, WorkLogStats,
  WorkLogSummary,
} from '@baton/contract/worklogs';
import { type Actor, authorize, can, firstLedUnitOf, isSelf, overseeScopeOf, reviewScopeOf, unitScopeOf } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { listSubtreeUnitIds, openVisibleUnit, resolveVisibleUnitIds } from '../org/index.js';
import { drawSpotCheck, fingerprintCandidates, generateSeed } from './spot-check.draw.js';
import { loadWorkingDayCalendar, type LoadedCalendar } from '../work-calendar/index.js';
import {
  countCommentsByPerson, countDaysLoggedByPerson, countLogsByDateAndKind, countLogsByPersonAndKind, countLogsOfPersonByDate, findPersonBrief, findSpotCheck, insertSpotCheck, listActivePeopleOfUnits, listCommentsOnEntriesOfPerson, listExportPage, listLastLogDates, listLogFactsOfPerson, listLoggedDatesByPerson, listOpenFlagsOnEntriesOfPerson, listSpotCheckCandidateIds, listSpotChecks, listStartDatesOfPeople, type RosterRow, type UnitRangeFilter,
} from './worklog-reports.repository.js';
import { listWorkLogViewsByIds } from './worklogs.repository.js';
import { BACKFILL_DAYS } from './worklogs.errors.js';
import { resolveIndicatorNames } from './log-indicators.js';
import { WORK_LOG_KIND_LABELS, WORK_LOG_KINDS, earliestBackfillDate, loadLogAccess, presentEntries } from './worklogs.usecases.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

const zeroKinds = (): KindCounts => ({ routine: 0, key_task: 0, dynamic_task: 0 });

/** Reports read at most this many days at once (a year and a bit). */
const MAX_REPORT_DAYS = 400;

function checkRange(from: string, to: string): void {
  if (!isValidDate(from)) throw createFieldError('/from', 'must be a date YYYY-MM-DD');
  if (!isValidDate(to)) throw createFieldError('/to', 'must be a date YYYY-MM-DD');
  if (from > to) throw createFieldError('/to', 'must not be before from');
  if (listCalendarDays(from, to).length > MAX_REPORT_DAYS) throw createFieldError('/to', `the range may cover at most ${MAX_REPORT_DAYS} days`);
}

/**
 * A missed working day (漏报): a working day before today, on or after the person's start date, on
 * which he wrote no entry. Today is never missed: there is still time to write.
 */
export function listMissedWorkingDays(
  calendar: Pick<LoadedCalendar, 'listWorkingDays'>,
  logged: ReadonlySet<string>,
  range: { from: string; to: string; start: string | undefined; today: string },
): string[] {
  const from = range.start && range.start > range.from ? range.start : range.from;
  const yesterday = addCalendarDays(range.today, -1);
  const to = range.to < yesterday ? range.to : yesterday;
  if (from > to) return [];
  return calendar.listWorkingDays(from, to).filter((d) => !logged.has(d));
}

/**
 * Whose work log the caller may report on: his own; someone else's with `log.oversee` over the
 * person's unit (leaders: their subtree; admin, auditor: all). A person out of sight answers 404,
 * a visible colleague without oversight 403.
 */
async function loadReportablePerson(db: Db, actor: Actor, personId: number | undefined) {
  const id = personId ?? actor.personId;
  if (id === null) throw createFieldError('/person', 'is required for an account without a person of its own');
  const person = await findPersonBrief(db, id);
  if (!person) throw createNotFoundError('person', id);
  if (person.id === actor.personId) return person;
  const visible = await resolveVisibleUnitIds(db, unitScopeOf(actor));
  if (visible !== 'all' && !visible.has(person.unit_id)) throw createNotFoundError('person', id);
  if (!can(actor, 'log.oversee')) throw createForbiddenError("read a colleague's work-log reports");
  const overseen = await resolveVisibleUnitIds(db, overseeScopeOf(actor));
  if (overseen !== 'all' && !overseen.has(person.unit_id)) throw createForbiddenError("read this person's work-log reports");
  return person;
}

async function startDateOf(db: Db, personId: number): Promise<string | undefined> {
  return (await listStartDatesOfPeople(db, [personId])).get(personId);
}

// ---------------------------------------------------------------------------------------------
// The month calendar and the missed-day reminders.

/** A month of a person's work log: each day's status, entry count and whether it was missed. */
export async function getWorkLogCalendar({ db, now }: Deps, actor: Actor, query: CalendarMonthQuery): Promise<MonthView> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(query.month)) throw createFieldError('/month', 'must be a month YYYY-MM');
  const person = await loadReportablePerson(db, actor, query.person);
  const [y, m] = query.month.split('-').map(Number) as [number, number];
  const from = `${query.month}-01`;
  const to = `${query.month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
  const today = localDateOf(now());
  const [calendar, counts, start] = await Promise.all([
    loadWorkingDayCalendar(db, from, to), countLogsOfPersonByDate(db, person.id, from, to), startDateOf(db, person.id),
  ]);
  const missed = new Set(listMissedWorkingDays(calendar, new Set(counts.keys()), { from, to, start, today }));
  const own = isSelf(actor, person.id);
  const earliest = earliestBackfillDate(today);
  const days = listCalendarDays(from, to).map((date) => {
    const info = calendar.describe(date);
    return {
      date, working: info.working, name: info.name, source: info.source, entries: counts.get(date) ?? 0, missed: missed.has(date),
      isToday: date === today, canWrite: own && date <= today && date >= earliest,
    };
  });
  return {
    month: query.month,
    person: { id: person.id, name: person.name, unitId: person.unit_id, unitName: person.unit_name },
    startDate: start ?? null,
    today,
    totals: {
      workingDays: days.filter((d) => d.working).length,
      daysLogged: days.filter((d) => d.entries > 0).length,
      entries: days.reduce((n, d) => n + d.entries, 0),
      missedDays: missed.size,
    },
    days,
  };
}

/**
 * In-app reminders the UI polls: the missed working days of the last 7 days, which can still be
 * backfilled (each until its date + 7), and whether today's entry is still due.
 */
export async function listWorkLogReminders({ db, now }: Deps, actor: Actor): Promise<Reminders> {
  const today = localDateOf(now());
  if (actor.personId === null) return { today, todayIsWorkingDay: false, todayLogged: false, missedDays: [], count: 0 };
  const from = earliestBackfillDate(today);
  const [calendar, counts, start] = await Promise.all([
    loadWorkingDayCalendar(db, from, today), countLogsOfPersonByDate(db, actor.personId, from, today), startDateOf(db, actor.personId),
  ]);
  const missedDays = listMissedWorkingDays(calendar, new Set(counts.keys()), { from, to: today, start, today }).map((date) => ({
    date, name: calendar.describe(date).name, backfillUntil: addCalendarDays(date, BACKFILL_DAYS),
  }));
  return {
    today,
    todayIsWorkingDay: calendar.isWorkingDay(today),
    todayLogged: (counts.get(today) ?? 0) > 0,
    missedDays,
    count: missedDays.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Summaries (日报汇总): for a person and a range; the routine cycle's personal summary reads them too.

export type { WorkLogSummary };

/**
 * The summary of one person's work log over a range, unscoped: callers check who may read it (the
 * routine cycle calls this for its participants). Working days and misses count from the person's
 * start date and up to yesterday.
 */
export async function computeWorkLogSummary({ db, now }: Deps, personId: number, range: { from: string; to: string }): Promise<WorkLogSummary> {
  const person = await findPersonBrief(db, personId);
  if (!person) throw createNotFoundError('person', personId);
  const today = localDateOf(now());
  const [facts, comments, flags, calendar, start] = await Promise.all([
    listLogFactsOfPerson(db, personId, range.from, range.to),
    listCommentsOnEntriesOfPerson(db, personId, range.from, range.to),
    listOpenFlagsOnEntriesOfPerson(db, personId, range.from, range.to),
    loadWorkingDayCalendar(db, range.from, range.to),
    startDateOf(db, personId),
  ]);
  const byKind = zeroKinds();
  const indicators = new Map<string, { entries: number; minutes: number }>();
  let minutes = 0;
  let late = 0;
  const logged = new Set<string>();
  for (const f of facts) {
    byKind[f.kind] += 1;
    minutes += f.minutes ?? 0;
    late += f.late;
    logged.add(f.log_date);
    if (f.indicator_ref) {
      const i = indicators.get(f.indicator_ref) ?? { entries: 0, minutes: 0 };
      i.entries += 1;
      i.minutes += f.minutes ?? 0;
      indicators.set(f.indicator_ref, i);
    }
  }
  const names = await resolveIndicatorNames(db, indicators.keys());
  const countFrom = start && start > range.from ? start : range.from;
  // Working days so far, today included (today counts once it can be logged; it is missed only tomorrow).
  const countTo = range.to < today ? range.to : today;
  return {
    person: { id: person.id, name: person.name, unitId: person.unit_id, unitName: person.unit_name },
    from: range.from,
    to: range.to,
    entries: facts.length,
    byKind,
    indicators: [...indicators].map(([indicator, v]) => ({ indicator, name: names.get(indicator) ?? null, ...v })).sort((a, b) => b.entries - a.entries || (a.indicator < b.indicator ? -1 : 1)),
    minutes,
    daysLogged: logged.size,
    workingDays: countFrom <= countTo ? calendar.countWorkingDays(countFrom, countTo) : 0,
    missedDays: listMissedWorkingDays(calendar, logged, { from: range.from, to: range.to, start, today }),
    lateEntries: late,
    comments: comments.map((c) => ({
      id: c.id, logId: c.log_id, logDate: c.log_date, author: { accountId: c.account_id, name: c.author_name }, content: c.content, createdAt: c.created_at,
    })),
    openFlags: flags.map((f) => ({ id: f.id, logId: f.log_id, logDate: f.log_date, note: f.note, flaggedBy: f.flagged_by, createdAt: f.created_at })),
  };
}

/** The range of a summary: from/to, or a preset `period`: the week (Monday–Sunday) or the calendar month of `date` (default today). */
export function resolveSummaryRange(query: SummaryQuery, today: string): { from: string; to: string } {
  if (query.period === undefined && (query.from !== undefined || query.to !== undefined)) {
    if (query.from === undefined) throw createFieldError('/from', 'is required with to');
    if (query.to === undefined) throw createFieldError('/to', 'is required with from');
    checkRange(query.from, query.to);
    return { from: query.from, to: query.to };
  }
  const date = query.date ?? today;
  if (!isValidDate(date)) throw createFieldError('/date', 'must be a date YYYY-MM-DD');
  if (query.period === 'month') {
    const [y, m] = date.split('-').map(Number) as [number, number];
    return { from: `${date.slice(0, 7)}-01`, to: `${date.slice(0, 7)}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
  }
  const monday = startOfWeek(date);
  return { from: monday, to: addCalendarDays(monday, 6) };
}

export async function summarizeWorkLogs(deps: Deps, actor: Actor, query: SummaryQuery): Promise<WorkLogSummary> {
  const range = resolveSummaryRange(query, localDateOf(deps.now()));
  const person = await loadReportablePerson(deps.db, actor, query.person);
  return computeWorkLogSummary(deps, person.id, range);
}

// ---------------------------------------------------------------------------------------------
// The leader's view: statistics, the idle list, the export, spot checks.

async function loadOverseenUnit(db: Db, actor: Actor, unitId: number | undefined, scope = overseeScopeOf(actor)) {
  const id = unitId ?? firstLedUnitOf(actor);
  if (id === undefined) throw createFieldError('/unit', 'is required');
  return openVisibleUnit(db, await resolveVisibleUnitIds(db, scope), id);
}

function defaultRange(query: { from?: string | undefined; to?: string | undefined }, today: string, days: number) {
  const to = query.to ?? today;
  const from = query.from ?? addCalendarDays(to, -(days - 1));
  checkRange(from, to);
  return { from, to };
}

/** How far back idleness is counted: a person idle for longer shows this many days. */
const IDLE_LOOKBACK_DAYS = 366;

type PersonRow = StatsPerson;

async function buildPeopleRows(db: Db, people: RosterRow[], f: UnitRangeFilter, today: string): Promise<PersonRow[]> {
  const ids = people.map((p) => p.id);
  const lookbackFrom = addCalendarDays(today, -IDLE_LOOKBACK_DAYS);
  const [kinds, days, comments, last, starts, logged, calendar] = await Promise.all([
    countLogsByPersonAndKind(db, f), countDaysLoggedByPerson(db, f), countCommentsByPerson(db, f), listLastLogDates(db, ids),
    listStartDatesOfPeople(db, ids), listLoggedDatesByPerson(db, f), loadWorkingDayCalendar(db, f.from < lookbackFrom ? f.from : lookbackFrom, today),
  ]);
  const byPerson = new Map<number, { byKind: KindCounts; late: number }>();
  for (const k of kinds) {
    const row = byPerson.get(k.person_id) ?? { byKind: zeroKinds(), late: 0 };
    row.byKind[k.kind] += k.n;
    row.late += k.late;
    byPerson.set(k.person_id, row);
  }
  const recentWorkingDays = calendar.listWorkingDays(lookbackFrom, addCalendarDays(today, -1));
  /** Working days after `date` up to yesterday, by binary search over the sorted list. */
  const workingDaysAfter = (date: string) => {
    let lo = 0;
    let hi = recentWorkingDays.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (recentWorkingDays[mid]! <= date) lo = mid + 1;
      else hi = mid;
    }
    return recentWorkingDays.length - lo;
  };
  return people.map((p) => {
    const counts = byPerson.get(p.id) ?? { byKind: zeroKinds(), late: 0 };
    const start = starts.get(p.id);
    const lastLog = last.get(p.id) ?? null;
    const dayBeforeStart = start ? addCalendarDays(start, -1) : '';
    const idleSince = lastLog && lastLog > dayBeforeStart ? lastLog : dayBeforeStart;
    return {
      personId: p.id,
      name: p.name,
      employeeNo: p.employee_no,
      unitId: p.unit_id,
      unitName: p.unit_name,
      entries: counts.byKind.routine + counts.byKind.key_task + counts.byKind.dynamic_task,
      byKind: counts.byKind,
      daysLogged: days.get(p.id) ?? 0,
      missedWorkingDays: listMissedWorkingDays(calendar, logged.get(p.id) ?? new Set(), { from: f.from, to: f.to, start, today }).length,
      lateEntries: counts.late,
      comments: comments.get(p.id) ?? 0,
      lastLogDate: lastLog,
      idleWorkingDays: workingDaysAfter(idleSince),
    };
  });
}

/**
 * A leader's statistics of his subtree over a range (default the last 4 weeks): per person, per
 * week (Monday–Sunday, for charts) and who has not logged for `idleDays` working days.
 */
export async function getWorkLogStats({ db, now }: Deps, actor: Actor, query: StatsQuery): Promise<WorkLogStats> {
  authorize(actor, 'log.oversee');
  const today = localDateOf(now());
  const range = defaultRange(query, today, 28);
  const { unit, unitIds } = await loadOverseenUnit(db, actor, query.unit);
  const f = { unitIds, ...range };
  const [people, byDate] = await Promise.all([listActivePeopleOfUnits(db, unitIds), countLogsByDateAndKind(db, f)]);
  const rows = await buildPeopleRows(db, people, f, today);
  const weeks = new Map<string, { weekStart: string; weekEnd: string; entries: number; byKind: KindCounts }>();
  for (let monday = startOfWeek(range.from); monday <= range.to; monday = addCalendarDays(monday, 7)) {
    weeks.set(monday, { weekStart: monday, weekEnd: addCalendarDays(monday, 6), entries: 0, byKind: zeroKinds() });
  }
  for (const d of byDate) {
    const week = weeks.get(startOfWeek(d.log_date))!;
    week.entries += d.n;
    week.byKind[d.kind] += d.n;
  }
  const idleDays = query.idleDays ?? 3;
  const totals = { people: rows.length, entries: 0, byKind: zeroKinds(), lateEntries: 0, peopleWithoutEntries: 0 };
  for (const r of rows) {
    totals.entries += r.entries;
    totals.lateEntries += r.lateEntries;
    for (const k of WORK_LOG_KINDS) totals.byKind[k] += r.byKind[k];
    if (r.entries === 0) totals.peopleWithoutEntries += 1;
  }
  return {
    unit: { id: unit.id, name: unit.name },
    from: range.from,
    to: range.to,
    today,
    idleDays,
    totals,
    people: rows,
    weeks: [...weeks.values()],
    idle: rows
      .filter((r) => r.idleWorkingDays >= idleDays)
      .sort((a, b) => b.idleWorkingDays - a.idleWorkingDays || a.personId - b.personId)
      .map((r) => ({ personId: r.personId, name: r.name, unitId: r.unitId, unitName: r.unitName, lastLogDate: r.lastLogDate, idleWorkingDays: r.idleWorkingDays })),
  };
}

/**
 * The .xlsx digest of a unit (subtree) over a range: 汇总 (one row per person) and 日志明细 (every
 * entry). Streamed: entries are read page by page, so a large unit does not sit in memory.
 */
export async function exportWorkLogs({ db, now }: Deps, actor: Actor, query: { unit?: number | undefined; from?: string | undefined; to?: string | undefined }): Promise<{ fileName: string; stream: Readable }> {
  authorize(actor, 'log.oversee');
  const today = localDateOf(now());
  const range = defaultRange(query, today, 28);
  const { unit, unitIds } = await loadOverseenUnit(db, actor, query.unit);
  const f = { unitIds, ...range };
  const rows = await buildPeopleRows(db, await listActivePeopleOfUnits(db, unitIds), f, today);
  const stream = new PassThrough();
  const workbook = createWorkbookWriter(stream, { sharedStrings: false });
  const write = async () => {
    const summary = workbook.addWorksheet('汇总');
    summary.columns = [
      { header: '姓名', width: 10 }, { header: '工号', width: 12 }, { header: '单位', width: 16 },
      ...WORK_LOG_KINDS.map((k) => ({ header: WORK_LOG_KIND_LABELS[k], width: 10 })),
      { header: '合计', width: 8 }, { header: '填报天数', width: 10 }, { header: '漏报工作日', width: 12 }, { header: '补报条数', width: 10 },
      { header: '领导点评', width: 10 }, { header: '最近填报', width: 12 },
    ];
    summary.getRow(1).font = { bold: true };
    for (const r of rows) {
      summary.addRow([
        r.name, r.employeeNo, r.unitName, ...WORK_LOG_KINDS.map((k) => r.byKind[k]), r.entries, r.daysLogged, r.missedWorkingDays, r.lateEntries,
        r.comments, r.lastLogDate ?? '',
      ]).commit();
    }
    summary.commit();
    const detail = workbook.addWorksheet('日志明细');
    detail.columns = [
      { header: '日期', width: 12 }, { header: '姓名', width: 10 }, { header: '工号', width: 12 }, { header: '单位', width: 16 }, { header: '类型', width: 10 },
      { header: '内容', width: 60 }, { header: '关联指标', width: 14 }, { header: '指标编号', width: 24 }, { header: '关联任务', width: 14 }, { header: '用时(分钟)', width: 10 },
      { header: '补报', width: 6 }, { header: '点评数', width: 8 }, { header: '填写时间', width: 22 },
    ];
    detail.getRow(1).font = { bold: true };
    let after: { date: string; id: number } | null = null;
    for (;;) {
      const page = await listExportPage(db, f, after, 2000);
      const names = await resolveIndicatorNames(db, page.map((e) => e.indicator_ref));
      for (const e of page) {
        const row = detail.addRow([
          e.log_date, e.person_name, e.employee_no, e.unit_name, WORK_LOG_KIND_LABELS[e.kind], e.content, e.indicator_ref ? (names.get(e.indicator_ref) ?? '') : '', e.indicator_ref ?? '', e.task_ref ?? '',
          e.minutes ?? '', e.late ? '是' : '', e.comments, e.created_at,
        ]);
        row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
        row.commit();
      }
      if (page.length < 2000) break;
      const last = page[page.length - 1]!;
      after = { date: last.log_date, id: last.id };
    }
    detail.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => stream.destroy(error instanceof Error ? error : new Error(String(error))));
  return { fileName: `工作日志_${unit.name}_${range.from}_${range.to}.xlsx`, stream };
}

/** `seed`: given to re-run a draw; generated (128 random bits) and recorded when absent. */
export type SpotCheckInput = SpotCheckBody;

/**
 * A leader draws `count` random entries of his subtree in a range (default the last 30 days) for a
 * spot check (抽查). The draw is a pure function of the seed and the candidate ids (see
 * spot-check.draw.ts); seed, candidate fingerprint and drawn ids are stored and written to the audit
 * log, so anyone can re-run it and verify.
 */
export async function drawWorkLogSpotCheck({ db, now }: Deps, actor: Actor, input: SpotCheckInput): Promise<SpotCheckDetail> {
  authorize(actor, 'log.review');
  const at = now();
  const atIso = at.toISOString();
  const range = defaultRange(input, localDateOf(at), 30);
  const { unit, unitIds } = await loadOverseenUnit(db, actor, input.unit, reviewScopeOf(actor));
  const seed = input.seed ?? generateSeed();
  const id = await inTransaction(db, async (trx) => {
    const candidates = await listSpotCheckCandidateIds(trx, { unitIds, ...range });
    const drawn = drawSpotCheck(candidates, input.count, seed);
    const candidatesSha256 = fingerprintCandidates(candidates);
    const newId = await insertSpotCheck(trx, {
      unitId: unit.id, from: range.from, to: range.to, count: input.count, seed, candidateCount: candidates.length, candidatesSha256,
      drawnIds: drawn, createdBy: actor.accountId, now: atIso,
    });
    await appendAuditRecords(trx, [{
      actorId: actor.accountId, actorLabel: actor.username, action: 'log.spot_check_drawn', entity: 'spot_check', entityId: newId,
      after: { unitId: unit.id, from: range.from, to: range.to, count: input.count, seed, candidateCount: candidates.length, candidatesSha256, drawnIds: drawn },
    }], atIso);
    return newId;
  });
  return getWorkLogSpotCheck({ db, now }, actor, id);
}

function presentSpotCheck(s: NonNullable<Awaited<ReturnType<typeof findSpotCheck>>>): SpotCheck {
  return {
    id: s.id, unit: { id: s.unit_id, name: s.unit_name }, from: s.date_from, to: s.date_to, count: s.requested_count, seed: s.seed,
    candidateCount: s.candidate_count, candidatesSha256: s.candidates_sha256, drawnIds: JSON.parse(s.drawn_ids_json) as number[],
    createdBy: s.created_by_name, createdAt: s.created_at,
  };
}

/**
 * A recorded spot check with its entries, and its verification: the candidates are read again and
 * the draw re-run from the stored seed. `candidatesUnchanged` is false when entries of the range were
 * written or moved since (a backfill), in which case a different draw is expected.
 */
export async function getWorkLogSpotCheck({ db, now }: Deps, actor: Actor, id: number): Promise<SpotCheckDetail> {
  authorize(actor, 'log.oversee');
  const spot = await findSpotCheck(db, id);
  const allowed = await resolveVisibleUnitIds(db, overseeScopeOf(actor));
  if (!spot || (allowed !== 'all' && !allowed.has(spot.unit_id))) throw createNotFoundError('spot_check', id);
  const presented = presentSpotCheck(spot);
  const unitIds = await listSubtreeUnitIds(db, [spot.unit_id]);
  const candidates = await listSpotCheckCandidateIds(db, { unitIds, from: spot.date_from, to: spot.date_to });
  const redrawn = drawSpotCheck(candidates, spot.requested_count, spot.seed);
  const access = await loadLogAccess(db, actor);
  const entries = await presentEntries(db, access, await listWorkLogViewsByIds(db, presented.drawnIds), now());
  return {
    ...presented,
    entries,
    verification: {
      candidatesUnchanged: fingerprintCandidates(candidates) === spot.candidates_sha256,
      redrawMatches: redrawn.length === presented.drawnIds.length && redrawn.every((v, i) => v === presented.drawnIds[i]),
    },
  };
}

export async function listWorkLogSpotChecks({ db }: Deps, actor: Actor, query: { unit?: number | undefined; beforeId?: number | undefined; limit: number }): Promise<SpotCheck[]> {
  authorize(actor, 'log.oversee');
  let unitIds: number[] | null;
  if (query.unit !== undefined) {
    unitIds = (await loadOverseenUnit(db, actor, query.unit)).unitIds;
  } else {
    const allowed = await resolveVisibleUnitIds(db, overseeScopeOf(actor));
    unitIds = allowed === 'all' ? null : [...allowed];
  }
  const rows = await listSpotChecks(db, { unitIds, beforeId: query.beforeId, limit: query.limit });
  return rows.map(presentSpotCheck);
}
