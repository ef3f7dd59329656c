import { PERIOD_ACTIONS, periodAllows, type PeriodAction } from '@baton/engine';
import type { PeriodState } from '../../db/schema.js';
import { createPeriodClosedError, createPeriodStateInvalidError } from './periods.errors.js';

/**
 * 409 `period.closed` for a closed period (docs/product.md §4: immutable), `period.state_invalid` for any other
 * state that does not allow `action` (the engine's PERIOD_ACTIONS); `what` names it in the message.
 */
export function assertPeriodAllows(period: { id: number; state: PeriodState }, action: PeriodAction, what: string): void {
  if (periodAllows(period.state, action)) return;
  if (period.state === 'closed') throw createPeriodClosedError(period.id);
  throw createPeriodStateInvalidError(period.id, period.state, `${what} only while it is ${PERIOD_ACTIONS[action].join(' or ')}`);
}
