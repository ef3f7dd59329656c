import type { Db } from '../../db/kysely.js';
import { overseeScopeOf, type Actor } from '../../policies/policies.js';
import { resolveVisibleUnitIds } from '../org/index.js';

/** Which published results a reader may see: undefined = all; else those of these units, and his own. */
export type ResultVisibility = { unitIds: number[]; personId: number | null } | undefined;

/**
 * docs/api-cycles.md `results.read`: admin and auditor every result; a leader those whose unit (the
 * person's unit in that period) lies in the subtrees he leads, and his own; anyone else his own.
 */
export async function resultVisibilityOf(db: Db, actor: Actor): Promise<ResultVisibility> {
  const units = await resolveVisibleUnitIds(db, overseeScopeOf(actor));
  return units === 'all' ? undefined : { unitIds: [...units], personId: actor.personId };
}

/** Whether a reader with this visibility sees the result of a person in a unit (the rule above, for one row). */
export function isResultVisible(visible: ResultVisibility, row: { unitId: number; personId: number | null }): boolean {
  return visible === undefined || visible.unitIds.includes(row.unitId) || (row.personId !== null && row.personId === visible.personId);
}
