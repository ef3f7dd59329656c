import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/**
 * A module's own sentences for error codes (its message table in `<module>.messages.ts`), tried
 * before the shared `errors.*` ones: `{ prefix: 'appeals.errors' }` turns `appeal.window_closed`
 * into appeals.errors.appeal_window_closed.
 */
export interface ModuleErrors {
  /** The i18n key of the module's table, e.g. `appeals.errors`; several are tried in order (`['reviews.errors', 'periods.pageErrors']`). */
  prefix: string | readonly string[];
  /** For a 400 with one of the module's own sentences, add the details naming fields: "…（/content: …）". */
  appendDetails?: boolean;
}

/** The details of an error joined for display (`/reason: too long；…`). */
function detailsText(error: ApiError): string {
  return error.details
    .map((d) => (d.path ? `${d.path}: ${d.message}` : d.message))
    .filter(Boolean)
    .join('；');
}

/**
 * A sentence for an error: the translation of its stable code when we have one
 * (`auth.locked` → errors.auth_locked), else the server's own message.
 *
 * With a module's table (`own`): first the module's own translation of the code; failing that, for a
 * 400, the details naming a field (`/reason`, `/content`); only then the shared translation above.
 */
export function errorText(t: TFunction, error: unknown, own?: ModuleErrors): string {
  if (error instanceof ApiError) {
    const code = error.code.replace(/\./g, '_');
    if (own) {
      const prefixes: readonly string[] = typeof own.prefix === 'string' ? [own.prefix] : own.prefix;
      const text = prefixes.map((prefix) => t(`${prefix}.${code}` as never, { defaultValue: '' }) as string).find(Boolean) ?? '';
      const details = detailsText(error);
      if (text) return own.appendDetails && error.status === 400 && details ? `${text}（${details}）` : text;
      if (error.status === 400 && details) return details;
    }
    const translated = t(`errors.${code}` as never, { defaultValue: '', message: error.message }) as string;
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

/** The message of a 400 detail naming one field (`/reason` → reason), if any. */
export function fieldErrorOf(error: unknown, field: string): string | null {
  return fieldErrorsOf(error).find((f) => f.name === field)?.errors[0] ?? null;
}
