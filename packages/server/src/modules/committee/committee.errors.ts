import { AppError, createConflictError } from '../../app/errors.js';

export const createTieDecisionInvalidError = (path: string, message: string) =>
  new AppError(400, 'decision.invalid', `${path}: ${message}`, [{ path, message }]);

/** Quotas are never exceeded (docs/product.md §2.4): the committee chooses within the seats the tie left. */
export const createTieDecisionExceedsQuotaError = (grade: string, seats: number, named: number) =>
  createConflictError('decision.exceeds_quota', `Only ${seats} seat(s) of ${grade} are left for this tied block; ${named} were named`, [
    { path: '/personIds', message: `at most ${seats}` },
  ]);
