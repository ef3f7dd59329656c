import { AppError, createConflictError } from '../../app/errors.js';

/** A group outside the caller's scope answers exactly like a missing one. */
export const createRankingGroupNotFoundError = (key: string) =>
  new AppError(404, 'ranking.group_not_found', `Ranking group ${key} not found`);

export const createRedBlackPublishedError = (what: string) =>
  createConflictError('redblack.published', what);

export const createRedBlackMonthError = (month: string, startsOn: string, endsOn: string) =>
  new AppError(400, 'request.invalid', `month ${month} is not within the period (${startsOn} … ${endsOn})`, [
    { path: '/month', message: `not within ${startsOn} … ${endsOn}` },
  ]);
