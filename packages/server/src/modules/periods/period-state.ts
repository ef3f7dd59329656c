import type { PeriodState } from '../../db/schema.js';
import { createPeriodClosedError, createPeriodStateInvalidError } from './periods.errors.js';

/** 409 `period.closed` for a closed period (DESIGN §4: immutable), `period.state_invalid` for any other state not allowed. */
export function assertPeriodState(period: { id: number; state: PeriodState }, allowed: PeriodState[], what: string): void {
  if (allowed.includes(period.state)) return;
  if (period.state === 'closed') throw createPeriodClosedError(period.id);
  throw createPeriodStateInvalidError(period.id, period.state, `${what} only while it is ${allowed.join(' or ')}`);
}
