import { AppError } from '../../app/errors.js';

export const createInvalidCredentialsError = () =>
  new AppError(401, 'auth.invalid_credentials', 'Wrong username or password');

export const createAccountLockedError = (until: string) =>
  new AppError(423, 'auth.locked', `Too many failed sign-ins: the account is locked until ${until}`, [{ path: '/username', message: `locked until ${until}` }]);

export const createWrongPasswordError = () =>
  new AppError(400, 'auth.wrong_password', 'The current password is wrong', [{ path: '/currentPassword', message: 'is wrong' }]);

export const createWeakPasswordError = (reason: string) =>
  new AppError(400, 'auth.weak_password', `The new password is too weak: ${reason}`, [{ path: '/newPassword', message: reason }]);
