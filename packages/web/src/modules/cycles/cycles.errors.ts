import type { ModuleErrors } from '../../shared/errors';

/**
 * The cycle pages' own error sentences (cycles.errors.* in cycles.messages.ts, e.g. `summary.submitted`
 * → cycles.errors.summary_submitted), for `errorText(t, error, CYCLE_ERRORS)`; for a 400 the details
 * naming a field (`/content`, `/ratings/0/rating`) are added to the sentence.
 */
export const CYCLE_ERRORS: ModuleErrors = { prefix: 'cycles.errors', appendDetails: true };
