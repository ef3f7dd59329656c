import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays, createWorkingDayCalendar, dayOfWeek, daysBetween, isValidIsoDate, listCalendarDays, startOfWeek,
} from './working-days.js';

// The 2026 Spring Festival as published by the State Council: 2026-02-15 … 02-23 off,
// Saturday 02-14 and Saturday 02-28 worked instead (调休).
const springFestival2026 = createWorkingDayCalendar({
  holidays: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'],
  workdays: ['2026-02-14', '2026-02-28'],
});

const isoDate = fc.integer({ min: -20_000, max: 40_000 }).map((n) => addCalendarDays('1970-01-01', n));

describe('calendar dates', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-02-14', 6],
    ['2026-02-16', 1],
    ['2000-02-29', 2],
    ['2024-12-31', 2],
  ])('knows that %s is weekday %i', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2025-12-25', '2026-01-04')).toBe(10);
    expect(listCalendarDays('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(listCalendarDays('2026-03-02', '2026-03-01')).toEqual([]);
  });

  it('starts weeks on Monday', () => {
    expect(startOfWeek('2026-03-01')).toBe('2026-02-23');
    expect(startOfWeek('2026-03-02')).toBe('2026-03-02');
    expect(startOfWeek('2026-03-08')).toBe('2026-03-02');
  });

  it('rejects what is not a calendar date', () => {
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('2026-2-1')).toBe(false);
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(() => dayOfWeek('2026-13-01')).toThrow(RangeError);
  });

  it('agrees with Date on every day for a century (property)', () => {
    fc.assert(fc.property(isoDate, (date) => {
      const asDate = new Date(`${date}T00:00:00Z`);
      expect(dayOfWeek(date)).toBe(asDate.getUTCDay());
      expect(addCalendarDays(date, 1)).toBe(new Date(asDate.getTime() + 86_400_000).toISOString().slice(0, 10));
    }));
  });

  it('makes addCalendarDays and daysBetween inverse (property)', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: -800, max: 800 }), (date, n) => {
      expect(daysBetween(date, addCalendarDays(date, n))).toBe(n);
    }));
  });
});

describe('working days', () => {
  it('treats Monday to Friday as working days and weekends as rest days by default', () => {
    const plain = createWorkingDayCalendar({ holidays: [], workdays: [] });
    expect(plain.listWorkingDays('2026-03-02', '2026-03-08')).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06']);
  });

  it('rests on a public holiday that falls on a weekday', () => {
    expect(springFestival2026.isWorkingDay('2026-02-16')).toBe(false);
    expect(springFestival2026.isWorkingDay('2026-02-23')).toBe(false);
  });

  it('works on an adjusted Saturday (调休上班)', () => {
    expect(springFestival2026.isWorkingDay('2026-02-14')).toBe(true);
    expect(springFestival2026.isWorkingDay('2026-02-28')).toBe(true);
    expect(springFestival2026.isWorkingDay('2026-02-21')).toBe(false);
  });

  it("lets the organization's own calendar override the statutory one both ways", () => {
    const own = createWorkingDayCalendar({
      holidays: ['2026-02-16'],
      workdays: ['2026-02-14'],
      overrides: [{ date: '2026-02-16', working: true }, { date: '2026-02-14', working: false }, { date: '2026-03-04', working: false }],
    });
    expect(own.isWorkingDay('2026-02-16')).toBe(true);
    expect(own.isWorkingDay('2026-02-14')).toBe(false);
    expect(own.isWorkingDay('2026-03-04')).toBe(false);
  });

  it('counts the working days of February 2026 around the Spring Festival', () => {
    // 20 weekdays, minus 6 weekday holidays (16–20, 23), plus the two adjusted Saturdays.
    expect(springFestival2026.countWorkingDays('2026-02-01', '2026-02-28')).toBe(16);
  });

  it('moves over weekends and holidays when adding working days', () => {
    expect(springFestival2026.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(springFestival2026.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(springFestival2026.addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
    expect(springFestival2026.addWorkingDays('2026-03-06', 3)).toBe('2026-03-11');
    expect(springFestival2026.addWorkingDays('2026-03-07', 0)).toBe('2026-03-07');
  });

  it('stops instead of looping forever when no day is a working day', () => {
    const never = createWorkingDayCalendar({
      holidays: [],
      workdays: [],
      overrides: listCalendarDays('2026-01-01', '2040-12-31').map((date) => ({ date, working: false })),
    });
    expect(() => never.addWorkingDays('2026-01-01', 1)).toThrow(RangeError);
  });

  it('goes back and forth to the same working day (property)', () => {
    fc.assert(fc.property(isoDate, fc.integer({ min: 1, max: 60 }), (date, n) => {
      const later = springFestival2026.addWorkingDays(date, n);
      expect(springFestival2026.isWorkingDay(later)).toBe(true);
      expect(springFestival2026.countWorkingDays(addCalendarDays(date, 1), later)).toBe(n);
      const start = springFestival2026.isWorkingDay(date) ? date : springFestival2026.addWorkingDays(date, 1);
      expect(springFestival2026.addWorkingDays(springFestival2026.addWorkingDays(start, n), -n)).toBe(start);
    }));
  });
});
