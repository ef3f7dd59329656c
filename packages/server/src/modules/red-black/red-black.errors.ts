import { AppError, createConflictError } from '../../app/errors.js';

export const createRedBlackPublishedError = (what: string) =>
  createConflictError('redblack.published', what);

export const createRedBlackMonthError = (month: string, startsOn: string, endsOn: string) =>
  new AppError(400, 'request.invalid', `month ${month} is not within the period (${startsOn} … ${endsOn})`, [
    { path: '/month', message: `not within ${startsOn} … ${endsOn}` },
  ]);
