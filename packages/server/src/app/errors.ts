import type { ErrorDetail } from '@baton/contract/common';

/** One error shape for the whole API (docs/product.md §6): `{ error: { code, message, details } }` with a 4xx status (the contract's ErrorResponse). */
export type { ErrorDetail };

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Out-of-scope records are answered exactly like missing ones, so a 404 does not reveal that a record exists. */
export function createNotFoundError(entity: string, id?: string | number): AppError {
  return new AppError(404, `${entity}.not_found`, id === undefined ? `${entity} not found` : `${entity} ${id} not found`);
}

export function createForbiddenError(action: string): AppError {
  return new AppError(403, 'auth.forbidden', `You may not ${action}`);
}

export function createUnauthenticatedError(): AppError {
  return new AppError(401, 'auth.unauthenticated', 'Sign in first');
}

export function createValidationError(message: string, details: ErrorDetail[]): AppError {
  return new AppError(400, 'request.invalid', message, details);
}

/** 400 naming one field: `/from: must be a date YYYY-MM-DD`. */
export function createFieldError(path: string, message: string): AppError {
  return new AppError(400, 'request.invalid', `${path}: ${message}`, [{ path, message }]);
}

/** 400 naming every bad field at once. */
export function createFieldErrors(details: ErrorDetail[]): AppError {
  return new AppError(400, 'request.invalid', details.map((d) => `${d.path}: ${d.message}`).join('; '), details);
}

export function createConflictError(code: string, message: string, details: ErrorDetail[] = []): AppError {
  return new AppError(409, code, message, details);
}
