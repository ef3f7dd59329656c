import { parseGroupKey } from '@baton/engine';
import type { Actor } from './actor.js';
import { readsEverything } from './roles.js';

/**
 * Which ranking groups an actor reads (docs/api-points.md, `ranking.read`): admin and auditor any;
 * everyone `all`, his own unit's category and his own unit; a leader also every unit of the subtrees
 * he leads. Rankings are published practice (公开排名): a member sees the groups he is ranked in.
 * `unitChain(id)` is the unit and its ancestors.
 */
export function mayReadRankingGroup(
  actor: Actor,
  key: string,
  org: { categoryOfUnit(unitId: number): number | null; unitChain(unitId: number): number[] },
): boolean {
  if (readsEverything(actor)) return true;
  const group = parseGroupKey(key);
  if (group === undefined) return false;
  if (group.kind === 'all') return true;
  if (group.kind === 'category') return group.id !== null && actor.unitId !== null && org.categoryOfUnit(actor.unitId) === group.id;
  if (actor.unitId === group.id) return true;
  const leads = new Set(actor.leaderUnitIds);
  return leads.size > 0 && org.unitChain(group.id).some((unitId) => leads.has(unitId));
}

/**
 * Whose points, events and evidence an actor reads (`points.read`): himself; a leader the people of
 * the subtrees he leads; admin and auditor everyone. `ledUnits` are the units of the led subtrees
 * (ledScopeOf, resolved).
 */
export function mayReadPointsOf(actor: Actor, person: { id: number; unitIds: number[] }, ledUnits: ReadonlySet<number>): boolean {
  if (readsEverything(actor)) return true;
  if (actor.personId === person.id) return true;
  return person.unitIds.some((unitId) => ledUnits.has(unitId));
}
