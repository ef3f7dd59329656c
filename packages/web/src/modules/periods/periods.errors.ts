import type { ModuleErrors } from '../../shared/errors';

/**
 * The error sentences of the pages of a period — summary, review, results, the committee's decision
 * (periods.pageErrors.* in periods.messages.ts: `period.closed` → periods.pageErrors.period_closed) —
 * for `errorText(t, error, PERIOD_PAGE_ERRORS)`; for a 400 the details naming a field are added.
 * (The periods page says the transition codes in its own words: periods.errors.)
 */
export const PERIOD_PAGE_ERRORS: ModuleErrors = { prefix: 'periods.pageErrors', appendDetails: true };
