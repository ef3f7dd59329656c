import { AppError, createConflictError, type ErrorDetail } from '../../app/errors.js';
import type { PeriodState } from '../../db/schema.js';

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

export const createPeriodStateInvalidError = (id: number, state: PeriodState, what: string, path?: string) =>
  createConflictError('period.state_invalid', `Period ${id} is in state ${state}: ${what}`, path ? [{ path, message: what }] : []);

/** docs/product.md §4: appeals are accepted during publicity, so the period closes only once the window has ended. */
export const createPublicityRunningError = (id: number, endsOn: string) =>
  createConflictError('period.publicity_running', `Period ${id} is in publicity until ${endsOn}: it closes from the next day on`, [
    { path: '/to', message: `publicity ends on ${endsOn}` },
  ]);

/** The period's data does not make a valid scenario (e.g. a rating of an indicator the scheme no longer rates). */
export const createPeriodScenarioInvalidError = (id: number, details: ErrorDetail[]) =>
  createConflictError('period.scenario_invalid', `Period ${id} cannot be evaluated: ${details[0]?.path ?? ''}: ${details[0]?.message ?? ''}`, details);
