import { nextPeriodState, periodAllows, type PeriodState } from '@baton/engine';
import { can } from './abilities.js';
import type { Actor } from './actor.js';
import { isLeader, readsEverything } from './roles.js';
import type { UnitSet } from './units.js';

/** Where an actor stands in a period's scope: whether he takes part, whether he leads someone in it. */
export interface PeriodStanding {
  participant: boolean;
  reviewer: boolean;
}

/**
 * docs/api-cycles.md "Who takes part": the people of the scope's subtree (the whole organization
 * without a scope) — the actor by his current unit; he reviews when a subtree he leads meets the
 * scope. `scopeUnits` is the scope's subtree (null: no scope), `ledUnits` his led subtrees, resolved.
 */
export function periodStandingOf(actor: Actor, scopeUnits: ReadonlySet<number> | null, ledUnits: UnitSet, scopeUnitId: number | null): PeriodStanding {
  const participant = actor.personId !== null && (scopeUnits === null || (actor.unitId !== null && scopeUnits.has(actor.unitId)));
  const leads = isLeader(actor);
  const reviewer = leads && (scopeUnits === null || ledUnits === 'all' || actor.leaderUnitIds.some((unitId) => scopeUnits.has(unitId))
    || (scopeUnitId !== null && ledUnits.has(scopeUnitId)));
  return { participant, reviewer };
}

/**
 * What the caller may do with a period (api-cycles.md "Who may do what"): his summary while it is
 * written; the review sheet while rating (and in publicity, where an appellant is re-rated); the
 * published results within his scope, the organization department and the auditor always (before
 * publicity as the live preview); the committee's view; editing and advancing for the organization
 * department.
 */
export function periodAbilitiesOf(actor: Actor, period: { state: PeriodState }, standing: PeriodStanding) {
  const published = periodAllows(period.state, 'readPublishedResults');
  const seesAll = can(actor, 'results.export') || can(actor, 'period.manage');
  const rating = periodAllows(period.state, 'rate') || periodAllows(period.state, 'reRateAppellant');
  return {
    summary: can(actor, 'summary.write') && standing.participant && periodAllows(period.state, 'writeSummary'),
    review: can(actor, 'review.rate') && (standing.reviewer || can(actor, 'review.rate.unled')) && rating,
    results: published && (seesAll || standing.participant || standing.reviewer),
    preview: !published && seesAll,
    committee: readsEverything(actor) || (published && isLeader(actor)),
    edit: can(actor, 'period.manage') && periodAllows(period.state, 'editPeriod'),
    advance: can(actor, 'period.manage') && nextPeriodState(period.state) !== null,
  };
}
