/** Unit ids a scope resolved to (in bulk, by a repository): every unit, or these. */
export type UnitSet = ReadonlySet<number> | 'all';

export const inUnits = (units: UnitSet | null, unitId: number): boolean => units === 'all' || (units !== null && units.has(unitId));
