import { AppError, createConflictError, createNotFoundError } from '../../app/errors.js';

/** Before publicity only the organization department and the auditor see the live preview (docs/api-cycles.md). */
export const createResultsNotPublishedError = (periodId: number) =>
  new AppError(403, 'results.not_published', `The results of period ${periodId} are not published yet`);

export const createResultVersionNotFoundError = (periodId: number, version: number) =>
  createNotFoundError('resultVersion', `${version} of period ${periodId}`);

/** Person schemes only in this slice: a unit scheme's results are its rankings (docs/api-cycles.md "Who takes part"). */
export const createUnitSchemeResultsError = (periodId: number) =>
  createConflictError('results.unit_scheme', `Period ${periodId} assesses units: its results are the rankings (GET /api/rankings?period=${periodId})`);
