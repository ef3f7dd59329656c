import { createNotFoundError } from '../../app/errors.js';

/**
 * A card that does not exist, is not published yet (before publicity results are not public — for
 * anyone, on this route), or lies outside the reader's scope: all answer the same 404.
 */
export const createReportCardNotFoundError = (personId: number, periodId?: number) =>
  createNotFoundError('reportCard', periodId === undefined ? `of person ${personId}` : `of person ${personId} in period ${periodId}`);

/** A period whose results are not published (before publicity) has no report cards. */
export const createPeriodNotPublishedError = (periodId: number) => createNotFoundError('reportCard', `of period ${periodId}`);
