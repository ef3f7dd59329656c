import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/**
 * A sentence for an error: the translation of its stable code when we have one
 * (`auth.locked` → errors.auth_locked), else the server's own message.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    const key = `errors.${error.code.replace(/\./g, '_')}`;
    const translated = t(key as never, { defaultValue: '', message: error.message }) as string;
    if (translated) return translated;
    return error.message || error.code;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Field errors of a 400 `request.invalid` (`details[].path` like `/name`) for antd Form.setFields. */
export function fieldErrorsOf(error: unknown): { name: string; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  return error.details
    .filter((d) => typeof d.path === 'string' && d.path.length > 1)
    .map((d) => ({ name: (d.path as string).replace(/^\//, '').split('/')[0] ?? '', errors: [d.message] }))
    .filter((f) => f.name !== '');
}
