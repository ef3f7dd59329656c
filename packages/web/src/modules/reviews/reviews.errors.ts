import type { ModuleErrors } from '../../shared/errors';

/**
 * The summary and review pages' own error sentences (reviews.errors.* in reviews.messages.ts, e.g.
 * `summary.submitted` → reviews.errors.summary_submitted), then those of every page of a period
 * (periods.pageErrors: `period.closed` …), for `errorText(t, error, REVIEW_ERRORS)`; for a 400 the
 * details naming a field (`/content`, `/ratings/0/rating`) are added to the sentence.
 */
export const REVIEW_ERRORS: ModuleErrors = { prefix: ['reviews.errors', 'periods.pageErrors'], appendDetails: true };
