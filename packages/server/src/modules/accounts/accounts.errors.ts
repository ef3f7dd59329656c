import { AppError, createConflictError } from '../../app/errors.js';

export const createDuplicateUsernameError = (username: string) =>
  createConflictError('account.duplicate_username', `Username ${username} is taken`, [{ path: '/username', message: `${username} is taken` }]);

export const createPersonHasAccountError = (personId: number) =>
  createConflictError('account.person_has_account', `Person ${personId} already has an account`, [{ path: '/personId', message: 'already has an account' }]);

export const createLeaderWithoutUnitError = (index: number) =>
  new AppError(400, 'account.leader_without_unit', 'A leader role needs the unit he leads', [{ path: `/roles/${index}/unitId`, message: 'is required for a leader' }]);

export const createLastAdminError = () =>
  createConflictError('account.last_admin', 'The last active admin cannot lose the admin role or be disabled', [{ path: '/roles', message: 'would leave no admin' }]);
