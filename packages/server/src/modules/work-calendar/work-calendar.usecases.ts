import { addCalendarDays, createWorkingDayCalendar, isWeekend, listCalendarDays, type WorkingDayCalendar } from '@baton/engine';
import chineseDays from 'chinese-days';
import type { CalendarDayBody, CalendarEntry, CalendarImport, CalendarRange, CalendarRangeQuery, DayInfo } from '@baton/contract/work-calendar';
import type { AppDeps } from '../../app/deps.js';
import { isValidDate } from '../../app/dates.js';
import { createFieldError, createNotFoundError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import type { WorkCalendarEntry } from '../../db/schema.js';
import { authorize, type Actor } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { parseCalendarRows, readCalendarFile } from './work-calendar.import.js';
import { deleteCalendarEntry, findCalendarEntry, listCalendarEntries, listCalendarEntriesOn, upsertCalendarEntries } from './work-calendar.repository.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export interface LoadedCalendar extends WorkingDayCalendar {
  describe(date: string): DayInfo;
}

interface StatutoryYear {
  holidays: Map<string, string>;
  workdays: Map<string, string>;
}

const statutoryYears = new Map<number, StatutoryYear>();

/** "Spring Festival,春节,4" → 春节 */
const chineseNameOf = (detail: string) => detail.split(',')[1] ?? detail;

/**
 * The statutory calendar of a year as published by the State Council, from `chinese-days`: public
 * holidays on weekdays and adjusted working days (调休) on weekends. Years the package does not
 * know yet fall back to Monday–Friday; the admin's own calendar fills the gap.
 */
function statutoryYear(year: number): StatutoryYear {
  const cached = statutoryYears.get(year);
  if (cached) return cached;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const holidays = new Map<string, string>();
  const workdays = new Map<string, string>();
  for (const date of chineseDays.getHolidaysInRange(from, to, false)) holidays.set(date, chineseNameOf(chineseDays.getDayDetail(date).name));
  for (const date of chineseDays.getWorkdaysInRange(from, to, true)) {
    if (isWeekend(date)) workdays.set(date, `${chineseNameOf(chineseDays.getDayDetail(date).name)}调休`);
  }
  const result = { holidays, workdays };
  statutoryYears.set(year, result);
  return result;
}

/**
 * The working-day calendar for a range (and a margin around it for `addWorkingDays`): statutory
 * days of `chinese-days`, overridden by the admin's `work_calendar` entries. The rule itself is the
 * engine's (`createWorkingDayCalendar`); this only gathers its inputs.
 */
export async function loadWorkingDayCalendar(db: Db, from: string, to: string): Promise<LoadedCalendar> {
  const start = addCalendarDays(from, -60);
  const end = addCalendarDays(to, 60);
  const years: StatutoryYear[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y += 1) years.push(statutoryYear(y));
  const entries = await listCalendarEntries(db, start, end);
  const own = new Map(entries.map((e) => [e.date, e]));
  const calendar = createWorkingDayCalendar({
    holidays: years.flatMap((y) => [...y.holidays.keys()]),
    workdays: years.flatMap((y) => [...y.workdays.keys()]),
    overrides: entries.map((e) => ({ date: e.date, working: e.kind === 'workday' })),
  });
  const statutoryName = (date: string) => {
    const y = statutoryYear(Number(date.slice(0, 4)));
    return y.workdays.get(date) ?? y.holidays.get(date) ?? null;
  };
  return {
    ...calendar,
    describe(date) {
      const working = calendar.isWorkingDay(date);
      const entry = own.get(date);
      if (entry) return { date, working, name: entry.name, source: 'organization' };
      const name = statutoryName(date);
      if (name) return { date, working, name, source: 'statutory' };
      return { date, working, name: null, source: working ? 'weekday' : 'weekend' };
    },
  };
}

export function presentCalendarEntry(e: WorkCalendarEntry): CalendarEntry {
  return { date: e.date, kind: e.kind, name: e.name, updatedAt: e.updated_at };
}

const MAX_RANGE_DAYS = 400;

function checkRange(from: string, to: string) {
  if (!isValidDate(from)) throw createFieldError('/from', 'must be a date YYYY-MM-DD');
  if (!isValidDate(to)) throw createFieldError('/to', 'must be a date YYYY-MM-DD');
  if (from > to) throw createFieldError('/to', 'must not be before from');
  if (listCalendarDays(from, to).length > MAX_RANGE_DAYS) throw createFieldError('/to', `the range may cover at most ${MAX_RANGE_DAYS} days`);
}

/** The admin's entries of a range and every day's resulting status (anyone signed in may read it). */
export async function getWorkCalendar({ db }: Deps, actor: Actor, range: CalendarRangeQuery): Promise<CalendarRange> {
  authorize(actor, 'org.read');
  checkRange(range.from, range.to);
  const [entries, calendar] = await Promise.all([listCalendarEntries(db, range.from, range.to), loadWorkingDayCalendar(db, range.from, range.to)]);
  return {
    from: range.from,
    to: range.to,
    entries: entries.map(presentCalendarEntry),
    days: listCalendarDays(range.from, range.to).map((d) => calendar.describe(d)),
  };
}

const audit = (actor: Actor) => ({ actorId: actor.accountId, actorLabel: actor.username });

/** Sets the organization's own status of a date (workday or holiday), overriding the statutory calendar. */
export async function setWorkCalendarDay({ db, now }: Deps, actor: Actor, date: string, input: CalendarDayBody): Promise<CalendarEntry> {
  authorize(actor, 'calendar.manage');
  if (!isValidDate(date)) throw createFieldError('/date', 'must be a date YYYY-MM-DD');
  const at = now().toISOString();
  const name = input.name?.trim() || null;
  await inTransaction(db, async (trx) => {
    const before = await findCalendarEntry(trx, date);
    await upsertCalendarEntries(trx, [{ date, kind: input.kind, name }], actor.accountId, at);
    await appendAuditRecords(trx, [{
      ...audit(actor), action: 'work_calendar.set', entity: 'work_calendar', entityId: date,
      before: before ? { kind: before.kind, name: before.name } : null, after: { kind: input.kind, name },
    }], at);
  });
  return presentCalendarEntry((await findCalendarEntry(db, date))!);
}

export async function removeWorkCalendarDay({ db, now }: Deps, actor: Actor, date: string) {
  authorize(actor, 'calendar.manage');
  const at = now().toISOString();
  await inTransaction(db, async (trx) => {
    const before = isValidDate(date) ? await findCalendarEntry(trx, date) : undefined;
    if (!before) throw createNotFoundError('work_calendar', date);
    await deleteCalendarEntry(trx, date);
    await appendAuditRecords(trx, [{
      ...audit(actor), action: 'work_calendar.removed', entity: 'work_calendar', entityId: date, before: { kind: before.kind, name: before.name },
    }], at);
  });
}

/**
 * Imports an .xlsx or CSV calendar (日期, 类型 工作日/休息日, 名称): all rows or none. Dates already in
 * the organization's calendar are replaced.
 */
export async function importWorkCalendar({ db, now }: Deps, actor: Actor, content: Buffer): Promise<CalendarImport> {
  authorize(actor, 'calendar.manage');
  const rows = parseCalendarRows(await readCalendarFile(content));
  const at = now().toISOString();
  return inTransaction(db, async (trx) => {
    const existing = new Set((await listCalendarEntriesOn(trx, rows.map((r) => r.date))).map((e) => e.date));
    await upsertCalendarEntries(trx, rows, actor.accountId, at);
    await appendAuditRecords(trx, [{
      ...audit(actor), action: 'work_calendar.imported', entity: 'work_calendar', entityId: null,
      after: rows.map(({ date, kind, name }) => ({ date, kind, name })),
    }], at);
    const updated = rows.filter((r) => existing.has(r.date)).length;
    return { imported: rows.length, created: rows.length - updated, updated };
  });
}
