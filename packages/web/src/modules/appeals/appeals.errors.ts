import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../shared/errors';

/**
 * A sentence for an error of the appeal pages: our own translation of its code when we have one
 * (`appeal.window_closed` → appeals.errors.appeal_window_closed), else the shared one, else the
 * server's own message — and for a 400 the details naming a field (`/reason`, `/note`).
 */
export function appealErrorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const own = t(`appeals.errors.${error.code.replace(/\./g, '_')}` as never, { defaultValue: '' }) as string;
    const details = error.details
      .map((d) => (d.path ? `${d.path}: ${d.message}` : d.message))
      .filter(Boolean)
      .join('；');
    if (own) return own;
    if (error.status === 400 && details) return details;
  }
  return errorText(t, error);
}

/** The message of a 400 detail naming a field (`/reason` → reason), if any. */
export function fieldErrorOf(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError)) return null;
  const detail = error.details.find((d) => typeof d.path === 'string' && d.path.replace(/^\//, '').split('/')[0] === field);
  return detail ? detail.message : null;
}
