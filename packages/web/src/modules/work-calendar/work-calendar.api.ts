import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarDayBody, CalendarEntry, CalendarImport, CalendarRange } from '@baton/contract/work-calendar';
import { api } from '../../api/client';
import { workLogKeys } from '../worklogs/worklogs.api';

/** The organization's own working-day calendar over the statutory one (docs/api-worklogs.md): the contract's shapes. */

export const workCalendarKeys = {
  all: ['work-calendar'] as const,
  year: (year: number) => ['work-calendar', year] as const,
};

export function useWorkCalendarYear(year: number) {
  return useQuery({
    queryKey: workCalendarKeys.year(year),
    queryFn: ({ signal }) => api<CalendarRange>('/api/work-calendar', { query: { from: `${year}-01-01`, to: `${year}-12-31` }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A calendar change moves working days: the work-log calendars, reminders and statistics follow. */
function useInvalidateCalendars() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: workCalendarKeys.all });
    await client.invalidateQueries({ queryKey: workLogKeys.all });
  };
}

export function useSetCalendarDay() {
  const invalidate = useInvalidateCalendars();
  return useMutation({
    mutationFn: ({ date, kind, name }: { date: string } & CalendarDayBody) =>
      api<CalendarEntry>(`/api/work-calendar/${encodeURIComponent(date)}`, { method: 'PUT', body: { kind, name } }),
    onSuccess: invalidate,
  });
}

export function useRemoveCalendarDay() {
  const invalidate = useInvalidateCalendars();
  return useMutation({
    mutationFn: (date: string) => api<void>(`/api/work-calendar/${encodeURIComponent(date)}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useImportCalendar() {
  const invalidate = useInvalidateCalendars();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api<CalendarImport>('/api/work-calendar/import', { method: 'POST', form });
    },
    onSuccess: invalidate,
  });
}
