import type { Actor } from '../../policies/policies.js';

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
  if (actor.roles.includes('admin') || actor.roles.includes('auditor')) return true;
  if (key === 'all') return true;
  const [kind, raw] = key.split(':');
  const id = Number(raw);
  if (kind === 'category') return actor.unitId !== null && org.categoryOfUnit(actor.unitId) === id;
  if (kind === 'unit') {
    if (actor.unitId === id) return true;
    const leads = new Set(actor.leaderUnitIds);
    return leads.size > 0 && org.unitChain(id).some((unitId) => leads.has(unitId));
  }
  return false;
}

/**
 * Whose points, events and evidence an actor reads (`points.read`): himself; a leader the people of
 * the subtrees he leads; admin and auditor everyone. `subtreeUnits` are the units of the led subtrees.
 */
export function mayReadPointsOf(actor: Actor, person: { id: number; unitIds: number[] }, subtreeUnits: ReadonlySet<number>): boolean {
  if (actor.roles.includes('admin') || actor.roles.includes('auditor')) return true;
  if (actor.personId === person.id) return true;
  return person.unitIds.some((unitId) => subtreeUnits.has(unitId));
}
