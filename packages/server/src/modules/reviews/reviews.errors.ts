import { AppError, createConflictError } from '../../app/errors.js';

export const createSummarySubmittedError = () =>
  createConflictError('summary.submitted', 'The summary has been submitted: a submitted summary is final');

export const createReviewWindowClosedError = (reviewDueOn: string) =>
  createConflictError('review.window_closed', `The review closed on ${reviewDueOn}: ratings are no longer accepted`, [{ path: 'reviewDueOn', message: reviewDueOn }]);

export const createOwnSubjectError = () =>
  new AppError(403, 'review.own_subject', 'A leader never rates himself (审核评鉴 is of the people he leads)');

/** The organization department rates only those no leader can: the others are rated by their leaders. */
export const createLeaderRatesError = (personId: number) =>
  new AppError(403, 'review.leader_rates', `Person ${personId} is rated by his leaders; the organization department rates only those no leader can`);
