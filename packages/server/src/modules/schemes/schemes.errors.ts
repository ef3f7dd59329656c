import { AppError, type ErrorDetail } from '../../app/errors.js';

export const createSchemeInvalidError = (details: ErrorDetail[]) =>
  new AppError(400, 'scheme.invalid', `The scheme definition is invalid: ${details[0]?.path ?? 'definition'}: ${details[0]?.message ?? ''}`, details);
