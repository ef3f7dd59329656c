import { AppError, createConflictError } from '../../app/errors.js';

export const EDIT_WINDOW_DAYS = 7;
export const BACKFILL_DAYS = 7;

export const createLogFrozenError = (id: number, frozenAt: string) =>
  createConflictError('log.frozen', `Entry ${id} was frozen at ${frozenAt}: entries can be edited for ${EDIT_WINDOW_DAYS} days after they are written`);

export const createNotAuthorError = () =>
  new AppError(403, 'log.not_author', 'Only the author may change this entry');

export const createLogDateError = (message: string) =>
  new AppError(400, 'log.invalid_date', message, [{ path: '/date', message }]);

export const createBlankTextError = (path: string) =>
  new AppError(400, 'request.invalid', `${path}: must not be empty`, [{ path, message: 'must not be empty' }]);

export const createNoPersonError = () =>
  new AppError(403, 'log.no_person', 'Only an account linked to a person keeps a work log');

export const createOwnEntryError = (what: string) =>
  new AppError(403, 'log.own_entry', `You may not ${what} your own entry`);

export const createReplyOnlyError = () =>
  new AppError(403, 'log.reply_only', 'The author may reply to comments on his entry, not start a thread');

export const createFlagResolvedError = (id: number) =>
  createConflictError('log.flag_resolved', `Flag ${id} is already resolved`);
