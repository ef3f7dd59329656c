import dayjs from 'dayjs';
import type { PreviewBody, RatingInput, ResultPreview, ReviewIndicator, ReviewRow, StoredRating } from '@baton/contract/reviews';
import type { Id } from '../../shared/params';
import { formatScore } from '../../shared/scores';

/**
 * The pure side of the summary and review pages: ratings as typed, the leader's unsaved form (what
 * differs from what is saved, what keeps it from being saved), the bodies of saving and previewing,
 * and the deadlines.
 */

/** docs/api-cycles.md: a summary has 1–5 000 characters. */
export const SUMMARY_MAX = 5000;
/** Comments and dynamic tasks of a rating: kept short in the form; the server has the last word. */
export const COMMENT_MAX = 500;
/** How long the review page waits after the last keystroke before asking for a preview. */
export const PREVIEW_DEBOUNCE_MS = 300;

// ——— ratings as typed ———

export type RatingProblem = 'format' | 'range' | 'decimals';

export type RatingCheck =
  | { state: 'empty' }
  | { state: 'invalid'; problem: RatingProblem }
  | { state: 'valid'; value: number; hundredths: number };

const RATING_TEXT = /^(\d+)(?:\.(\d*))?$/;

/**
 * A rating as the leader typed it: 0–100, at most two decimals (the server stores hundredths,
 * docs/api-cycles.md). Read from the text, not a float, so "92.555" is refused rather than rounded
 * and "0.1" is exactly 10 hundredths.
 */
export function parseRating(text: string | number | null | undefined): RatingCheck {
  const value = text === null || text === undefined ? '' : String(text).trim();
  if (value === '') return { state: 'empty' };
  const m = RATING_TEXT.exec(value);
  if (!m) return { state: 'invalid', problem: Number.isFinite(Number(value)) && Number(value) < 0 ? 'range' : 'format' };
  const whole = m[1] as string;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return { state: 'invalid', problem: 'decimals' };
  if (whole.length > 3) return { state: 'invalid', problem: 'range' };
  const hundredths = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (hundredths > 10_000) return { state: 'invalid', problem: 'range' };
  return { state: 'valid', value: hundredths / 100, hundredths };
}

/** 92.5 → "92.5" for the input (no float noise: 0.1 + 0.2 → "0.3"). */
export function ratingText(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return formatScore(value);
}

// ——— the review form ———

/** One indicator's inputs, as typed. */
export interface RatingDraft {
  rating: string;
  comment: string;
  task: string;
}

/** A person's inputs, by indicator id. */
export type PersonDraft = Record<string, RatingDraft>;

/** The people the leader has touched, by person id; the others show what is saved. */
export type SheetDrafts = Record<string, PersonDraft>;

const EMPTY_DRAFT: RatingDraft = { rating: '', comment: '', task: '' };

export const personKey = (id: Id): string => String(id);

/**
 * The caller's own saved rating of an indicator. The sheet shows another leader's rating where the
 * caller has none (`mine: false`); that one is not his to edit, nor his to send in a preview.
 */
export function ownRating(row: Pick<ReviewRow, 'ratings'>, indicator: string): StoredRating | undefined {
  const rating = row.ratings[indicator];
  return rating && rating.mine !== false ? rating : undefined;
}

/** Other leaders' ratings of an indicator (for information beside the caller's own). */
export function othersRatings(row: Pick<ReviewRow, 'ratings' | 'allRatings'>, indicator: string): StoredRating[] {
  if (row.allRatings) return row.allRatings.filter((r) => r.mine === false && (r.indicator ?? indicator) === indicator);
  const shown = row.ratings[indicator];
  return shown && shown.mine === false ? [shown] : [];
}

/** What the caller saved for a person, as form values. */
export function savedDraftOf(row: Pick<ReviewRow, 'ratings'>, indicators: ReviewIndicator[]): PersonDraft {
  const draft: PersonDraft = {};
  for (const indicator of indicators) {
    const saved = ownRating(row, indicator.id);
    draft[indicator.id] = saved
      ? { rating: ratingText(saved.rating), comment: saved.comment ?? '', task: saved.task ?? '' }
      : { ...EMPTY_DRAFT };
  }
  return draft;
}

/** The form values of a person: his draft if the leader touched him, else what is saved. */
export function effectiveDraft(row: ReviewRow, drafts: SheetDrafts, indicators: ReviewIndicator[]): PersonDraft {
  const saved = savedDraftOf(row, indicators);
  const draft = drafts[personKey(row.person.id)];
  if (!draft) return saved;
  const merged: PersonDraft = {};
  for (const indicator of indicators) merged[indicator.id] = draft[indicator.id] ?? saved[indicator.id] ?? { ...EMPTY_DRAFT };
  return merged;
}

/** Two ratings are the same when they are the same number ("92.50" = "92.5"), else the same text. */
function sameRating(a: string, b: string): boolean {
  const pa = parseRating(a);
  const pb = parseRating(b);
  if (pa.state === 'valid' && pb.state === 'valid') return pa.hundredths === pb.hundredths;
  return a.trim() === b.trim();
}

function sameDraft(a: RatingDraft | undefined, b: RatingDraft | undefined, dynamic: boolean): boolean {
  const x = a ?? EMPTY_DRAFT;
  const y = b ?? EMPTY_DRAFT;
  return sameRating(x.rating, y.rating) && x.comment.trim() === y.comment.trim() && (!dynamic || x.task.trim() === y.task.trim());
}

/** Whether the form differs from what is saved (whitespace around comments does not count). */
export function isPersonDirty(row: ReviewRow, drafts: SheetDrafts, indicators: ReviewIndicator[]): boolean {
  const draft = drafts[personKey(row.person.id)];
  if (!draft) return false;
  const saved = savedDraftOf(row, indicators);
  return indicators.some((i) => !sameDraft(draft[i.id], saved[i.id], i.kind === 'dynamic'));
}

/** The ids of the people with unsaved changes, in the sheet's order. */
export function dirtyPersonIds(rows: ReviewRow[], drafts: SheetDrafts, indicators: ReviewIndicator[]): string[] {
  return rows.filter((row) => isPersonDirty(row, drafts, indicators)).map((row) => personKey(row.person.id));
}

export type RatingIssue = RatingProblem | 'ratingRequired';

/** What keeps a person's form from being saved, by indicator (empty: it can be saved). */
export function draftIssues(draft: PersonDraft, indicators: ReviewIndicator[]): Record<string, RatingIssue> {
  const issues: Record<string, RatingIssue> = {};
  for (const indicator of indicators) {
    const value = draft[indicator.id] ?? EMPTY_DRAFT;
    const check = parseRating(value.rating);
    if (check.state === 'invalid') issues[indicator.id] = check.problem;
    else if (check.state === 'empty' && (value.comment.trim() !== '' || (indicator.kind === 'dynamic' && value.task.trim() !== ''))) {
      // the API rates an indicator with a number; a comment alone has nowhere to go
      issues[indicator.id] = 'ratingRequired';
    }
  }
  return issues;
}

/**
 * The body of PUT /reviews/:personId: one rating per rated indicator, with its comment, and for a
 * dynamic (动态) indicator the task that was rated. An indicator left empty is not rated (the PUT
 * replaces the leader's ratings of this person, so clearing a field withdraws that rating).
 */
export function buildSaveRatings(draft: PersonDraft, indicators: ReviewIndicator[]): RatingInput[] {
  const ratings: RatingInput[] = [];
  for (const indicator of indicators) {
    const value = draft[indicator.id] ?? EMPTY_DRAFT;
    const check = parseRating(value.rating);
    if (check.state !== 'valid') continue;
    const input: RatingInput = { indicator: indicator.id, rating: check.value };
    const comment = value.comment.trim();
    if (comment) input.comment = comment;
    const task = value.task.trim();
    if (indicator.kind === 'dynamic' && task) input.task = task;
    ratings.push(input);
  }
  return ratings;
}

/**
 * The body of POST /reviews/preview: every rating the form holds for the sheet's people, typed or
 * saved (the server puts them in place of the caller's stored ratings of those people and indicators).
 * A field that does not parse (the leader typed 120 or 92.555) counts with its saved value, so the
 * preview does not jump while he types. Other leaders' ratings are never sent: they count as stored.
 */
export function buildPreviewRequest(
  unitId: Id | null,
  rows: ReviewRow[],
  drafts: SheetDrafts,
  indicators: ReviewIndicator[],
): PreviewBody {
  const ratings: PreviewBody['ratings'] = [];
  for (const row of rows) {
    const draft = drafts[personKey(row.person.id)];
    for (const indicator of indicators) {
      const typed = draft?.[indicator.id];
      const check = typed ? parseRating(typed.rating) : null;
      // typed: its value (or none when cleared); not typed or not parsing: the saved one
      const value = check?.state === 'valid' ? check.value : check?.state === 'empty' ? null : (ownRating(row, indicator.id)?.rating ?? null);
      if (value !== null) ratings.push({ personId: Number(row.person.id), indicator: indicator.id, rating: value });
    }
  }
  return unitId === null ? { ratings } : { unit: Number(unitId), ratings };
}

/** The previews to show: the server's answer for the unsaved form when there is one, else the sheet's. */
export function previewsByPerson(
  rows: ReviewRow[],
  preview: { people: { personId: Id; preview: ResultPreview | null }[] } | undefined,
): Map<string, ResultPreview | null> {
  const map = new Map<string, ResultPreview | null>(rows.map((r) => [personKey(r.person.id), r.preview]));
  for (const p of preview?.people ?? []) map.set(personKey(p.personId), p.preview);
  return map;
}

// ——— deadlines ———

/** Whole days from `today` to `dueOn` (0: due today; negative: overdue); null without a deadline. */
export function daysUntil(dueOn: string | null | undefined, today: string): number | null {
  if (!dueOn) return null;
  const due = dayjs(dueOn);
  if (!due.isValid()) return null;
  return due.startOf('day').diff(dayjs(today).startOf('day'), 'day');
}
