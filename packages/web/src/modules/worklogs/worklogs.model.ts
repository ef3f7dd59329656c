import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { LinkableIndicator, WorkLogKind } from '@baton/contract/worklogs';

/** docs/api-worklogs.md: content 1–5 000 characters; backfill (补报) at most 7 days back; minutes 1–1440. */
export const CONTENT_MAX = 5000;
export const COMMENT_MAX = 2000;
export const FLAG_NOTE_MAX = 500;
export const BACKFILL_DAYS = 7;
export const MINUTES_MAX = 1440;
/** At most 9 attachments an entry (the types and sizes are those of every evidence file: shared/attachments.ts). */
export const ATTACHMENTS_PER_ENTRY = 9;
export const TASK_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:#/-]{0,63}$/;

export const KIND_COLORS: Record<WorkLogKind, string> = { routine: 'blue', key_task: 'volcano', dynamic_task: 'purple' };
export const KIND_CHART_COLORS: Record<WorkLogKind, string> = { routine: '#3a78c2', key_task: '#d4380d', dynamic_task: '#8c6bb1' };

/** The dates an entry may be written for: today and the 7 days before it, newest first. */
export function writableDates(today: string): string[] {
  const base = dayjs(today);
  return Array.from({ length: BACKFILL_DAYS + 1 }, (_, i) => base.subtract(i, 'day').format('YYYY-MM-DD'));
}

export function isWritableDate(date: string, today: string): boolean {
  return writableDates(today).includes(date);
}

/** 90 → "1小时30分钟" / "1 h 30 min". */
export function formatMinutes(t: TFunction, minutes: number | null | undefined): string {
  if (!minutes) return '—';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t('worklogs.minutesOnly', { m });
  if (m === 0) return t('worklogs.hoursOnly', { h });
  return t('worklogs.hoursMinutes', { h, m });
}

/** "11月23日 周一" / "Mon, Nov 23". */
export function formatDay(t: TFunction, date: string): string {
  return dayjs(date).format(t('worklogs.dayFormat'));
}

/** The Monday of a date's week (weeks run Monday–Sunday, as the server's summaries). */
export function mondayOf(date: string): string {
  const d = dayjs(date);
  const offset = (d.day() + 6) % 7;
  return d.subtract(offset, 'day').format('YYYY-MM-DD');
}

/** One choice of 关联指标: a linkable indicator, or an edited entry's older reference (no kind; a name if it has one). */
export interface IndicatorChoice {
  ref: string;
  name: string | null;
  kind: LinkableIndicator['kind'];
}

/** Choices under a scheme's name; `scheme` is null when the choices need no heading. */
export interface IndicatorChoiceGroup {
  scheme: string | null;
  choices: IndicatorChoice[];
}

/**
 * The choices of 关联指标 in the server's order (key ones first): grouped under their scheme's name when
 * they span more than one scheme. An edited entry's reference that is not among them (written before,
 * or of a period that has ended) comes first, on its own, so that editing the entry does not drop it.
 */
export function indicatorChoices(indicators: readonly LinkableIndicator[], current?: string | null, currentName?: string | null): IndicatorChoiceGroup[] {
  const schemes = [...new Set(indicators.map((i) => i.scheme.code))];
  const choiceOf = (i: LinkableIndicator): IndicatorChoice => ({ ref: i.ref, name: i.name, kind: i.kind });
  const groups: IndicatorChoiceGroup[] =
    schemes.length > 1
      ? schemes.map((code) => {
          const of = indicators.filter((i) => i.scheme.code === code);
          return { scheme: of[0]!.scheme.name || code, choices: of.map(choiceOf) };
        })
      : indicators.length > 0 ? [{ scheme: null, choices: indicators.map(choiceOf) }] : [];
  if (current && !indicators.some((i) => i.ref === current)) groups.unshift({ scheme: null, choices: [{ ref: current, name: currentName ?? null, kind: null }] });
  return groups;
}
