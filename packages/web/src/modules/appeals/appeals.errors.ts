import type { ModuleErrors } from '../../shared/errors';

/**
 * The appeal pages' own error sentences (appeals.errors.* in appeals.messages.ts, e.g.
 * `appeal.window_closed` → appeals.errors.appeal_window_closed), for `errorText(t, error, APPEAL_ERRORS)`.
 */
export const APPEAL_ERRORS: ModuleErrors = { prefix: 'appeals.errors' };
