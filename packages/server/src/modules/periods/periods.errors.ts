import { AppError, createConflictError, type ErrorDetail } from '../../app/errors.js';
import type { PeriodState } from '../../db/schema.js';

export const createSchemeInvalidError = (details: ErrorDetail[]) =>
  new AppError(400, 'scheme.invalid', `The scheme definition is invalid: ${details[0]?.path ?? 'definition'}: ${details[0]?.message ?? ''}`, details);

export const createPeriodInvalidError = (path: string, message: string) =>
  new AppError(400, 'period.invalid', `${path}: ${message}`, [{ path, message }]);

export const createPeriodTransitionInvalidError = (from: PeriodState, to: PeriodState, next: PeriodState | null) =>
  createConflictError(
    'period.transition_invalid',
    `A period in state ${from} cannot move to ${to}${next ? `: the next state is ${next}` : ''}`,
    [{ path: '/to', message: next ? `must be ${next}` : 'no further state' }],
  );

export const createPeriodClosedError = (id: number) =>
  createConflictError('period.closed', `Period ${id} is closed: it changes only through an accepted appeal`);
