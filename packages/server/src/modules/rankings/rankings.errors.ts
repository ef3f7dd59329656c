import { AppError } from '../../app/errors.js';

/** A group outside the caller's scope answers exactly like a missing one. */
export const createRankingGroupNotFoundError = (key: string) =>
  new AppError(404, 'ranking.group_not_found', `Ranking group ${key} not found`);
