import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../shared/errors';

/**
 * A sentence for an error of the cycle pages: our own translation of its code when we have one
 * (`summary.submitted` → cycles.errors.summary_submitted), else the shared one, else the server's
 * message — and for a 400 the details that name a field (`/content`, `/ratings/0/rating`).
 */
export function cycleErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `cycles.errors.${error.code.replace(/\./g, '_')}`;
    const own = t(key as never, { defaultValue: '' }) as string;
    const details = error.details
      .map((d) => (d.path ? `${d.path}: ${d.message}` : d.message))
      .filter(Boolean)
      .join('；');
    if (own) return details && error.status === 400 ? `${own}（${details}）` : own;
    if (error.status === 400 && details) return details;
  }
  return errorText(t, error);
}

/** The message of a 400 detail naming `/content` (the summary text), if any. */
export function contentErrorOf(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const detail = error.details.find((d) => typeof d.path === 'string' && d.path.replace(/^\//, '').split('/')[0] === 'content');
  return detail ? detail.message : null;
}

/** The 400 details of a review PUT by rating index (`/ratings/2/rating` → 2). */
export function ratingErrorsOf(error: unknown): Map<number, string> {
  const map = new Map<number, string>();
  if (!(error instanceof ApiError)) return map;
  for (const d of error.details) {
    const m = typeof d.path === 'string' ? /^\/?ratings\/(\d+)/.exec(d.path) : null;
    if (m) map.set(Number(m[1]), d.message);
  }
  return map;
}
