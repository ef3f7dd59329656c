/** Which published results a reader may see: undefined = all; else those of these units, and his own. */
export type ResultVisibility = { unitIds: number[]; personId: number | null } | undefined;

/**
 * docs/api-cycles.md `results.read`: admin and auditor every result; a leader those whose unit (the
 * person's unit in that period) lies in the subtrees he leads, and his own; anyone else his own. The
 * units come from overseeScopeOf, resolved.
 */
export function isResultVisible(visible: ResultVisibility, row: { unitId: number; personId: number | null }): boolean {
  return visible === undefined || visible.unitIds.includes(row.unitId) || (row.personId !== null && row.personId === visible.personId);
}
