// Working-day calendars (docs/product.md §4: work logs, deadlines in working hours). Pure: the caller passes
// the statutory holidays and adjusted working days (调休) as values — the server reads them from the
// `chinese-days` package and the admin's own calendar; nothing here knows today's date.

/** A calendar date `YYYY-MM-DD` (the organization's local date). */
export type IsoDate = string;

/** An admin's decision for one date, which wins over the statutory calendar. */
export interface WorkingDayOverride {
  date: IsoDate;
  working: boolean;
}

export interface WorkingDayCalendarInput {
  /** Statutory public holidays (法定节假日), weekend days included or not. */
  holidays: Iterable<IsoDate>;
  /** Adjusted working days (调休上班): weekend days that are working days. */
  workdays: Iterable<IsoDate>;
  /** The organization's own calendar entries: they override both lists above. */
  overrides?: Iterable<WorkingDayOverride>;
}

export interface WorkingDayCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /** The working days from `from` to `to`, both included, in order; empty when `from > to`. */
  listWorkingDays(from: IsoDate, to: IsoDate): IsoDate[];
  countWorkingDays(from: IsoDate, to: IsoDate): number;
  /**
   * The date `n` working days after (`n > 0`) or before (`n < 0`) `date`, not counting `date`
   * itself; `n = 0` gives `date`. "3 working days after Friday" is Wednesday.
   */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
/** No real calendar goes this long without a working day; it only stops a runaway loop on bad input. */
const MAX_SEARCH_DAYS = 3660;

function parseDate(date: IsoDate): [number, number, number] {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  return [y, mo, d];
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`), without `Date`. */
function dayNumberOf(date: IsoDate): number {
  const [y0, m, d] = parseDate(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function dateOfDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isValidIsoDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date `n` days after (or before, for `n < 0`) `date`. */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return dateOfDayNumber(dayNumberOf(date) + n);
}

/** Whole days from `from` to `to` (`to − from`); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. 1970-01-01 was a Thursday. */
export function dayOfWeek(date: IsoDate): number {
  return (((dayNumberOf(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** The Monday of the week of `date` (weeks run Monday to Sunday, as in China). */
export function startOfWeek(date: IsoDate): IsoDate {
  return addCalendarDays(date, -((dayOfWeek(date) + 6) % 7));
}

/** Every date from `from` to `to`, both included; empty when `from > to`. */
export function listCalendarDays(from: IsoDate, to: IsoDate): IsoDate[] {
  const start = dayNumberOf(from);
  const end = dayNumberOf(to);
  const out: IsoDate[] = [];
  for (let n = start; n <= end; n += 1) out.push(dateOfDayNumber(n));
  return out;
}

/**
 * A working-day calendar. The rule, most specific first: the organization's own entry for the date
 * (`overrides`); else an adjusted working day (调休, `workdays`) is a working day; else a public
 * holiday (`holidays`) is not; else Monday to Friday are working days and weekends are not.
 */
export function createWorkingDayCalendar(input: WorkingDayCalendarInput): WorkingDayCalendar {
  const holidays = new Set(input.holidays);
  const workdays = new Set(input.workdays);
  const overrides = new Map<IsoDate, boolean>();
  for (const o of input.overrides ?? []) overrides.set(o.date, o.working);

  const isWorkingDay = (date: IsoDate): boolean => {
    const own = overrides.get(date);
    if (own !== undefined) return own;
    if (workdays.has(date)) return true;
    if (holidays.has(date)) return false;
    return !isWeekend(date);
  };

  const listWorkingDays = (from: IsoDate, to: IsoDate): IsoDate[] => listCalendarDays(from, to).filter(isWorkingDay);

  return {
    isWorkingDay,
    listWorkingDays,
    countWorkingDays: (from, to) => listWorkingDays(from, to).length,
    addWorkingDays(date, n) {
      if (!Number.isInteger(n)) throw new RangeError(`not a whole number of working days: ${n}`);
      const step = n < 0 ? -1 : 1;
      let day = dayNumberOf(date);
      let left = Math.abs(n);
      let searched = 0;
      while (left > 0) {
        day += step;
        if (isWorkingDay(dateOfDayNumber(day))) {
          left -= 1;
          searched = 0;
        } else if (++searched > MAX_SEARCH_DAYS) {
          throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days of ${dateOfDayNumber(day)}`);
        }
      }
      return dateOfDayNumber(day);
    },
  };
}
