import { AppError, createConflictError } from '../../app/errors.js';

export const createAppealInvalidError = (path: string, message: string) =>
  new AppError(400, 'appeal.invalid', `${path}: ${message}`, [{ path, message }]);

/** docs/product.md §4: appeals are accepted during the publicity window only (working days, Asia/Shanghai). */
export const createAppealWindowClosedError = (periodId: number, endsOn: string | null) =>
  createConflictError(
    'appeal.window_closed',
    endsOn === null ? `Period ${periodId} has no publicity window: it takes no appeals` : `The publicity window of period ${periodId} ended on ${endsOn}`,
    [{ path: '/periodId', message: endsOn === null ? 'no publicity window' : `appeals were accepted until ${endsOn}` }],
  );

export const createAppealPendingExistsError = (periodId: number, appealId: number | null) =>
  createConflictError('appeal.pending_exists', `Your appeal${appealId === null ? '' : ` ${appealId}`} of period ${periodId} is still pending`, [
    { path: '/periodId', message: 'an appeal of this period is pending' },
  ]);

export const createAppealNotPendingError = (id: number, status: string) =>
  createConflictError('appeal.not_pending', `Appeal ${id} is ${status}: only a pending appeal can change`);

/** The period closes only after every appeal of it has been decided or withdrawn. */
export const createAppealsPendingError = (periodId: number, ids: number[]) =>
  createConflictError('period.appeals_pending', `Period ${periodId} has ${ids.length} pending appeal(s): decide them before closing`, ids.map((id) => ({
    path: '/to', message: `appeal ${id} is pending`,
  })));
