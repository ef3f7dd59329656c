import type { Scenario, Scheme } from './scenario.types.js';

/**
 * A unit's excellence quota by the unit's own tier (考用结合), e.g. { byTier: { 一等: 0.25, 末等: 0.15 }, otherwise: 0.2 }.
 * In a scheme (`scheme.quotaCoupling`, with `grade`) the engine applies it per unit group itself.
 */
export interface QuotaCoupling {
  byTier: Record<string, number>;
  otherwise: number;
}

export function selectQuotaForUnitTier(tier: string | undefined, coupling: QuotaCoupling): number {
  if (tier !== undefined && Object.hasOwn(coupling.byTier, tier)) return coupling.byTier[tier] as number;
  return coupling.otherwise;
}

/** A copy of the scheme whose first grade carries the quota of the unit's tier; the scheme given is left as it is. */
export function applyQuotaCoupling(scheme: Scheme, tier: string | undefined, coupling: QuotaCoupling): Scheme {
  const quota = selectQuotaForUnitTier(tier, coupling);
  return { ...scheme, grades: scheme.grades.map((grade, index) => (index === 0 ? { ...grade, quota } : grade)) };
}

/**
 * The quota of grade `gradeIndex` in the group of `unit` (grouping `unit`; otherwise the group's
 * unit is undefined): the coupled grade's follows the unit's tier (`scheme.quotaCoupling`,
 * `unitTiers`), every other grade has its own. The engine grades with it; whoever shows seats uses it too.
 */
export function gradeQuotaInGroup(scenario: Pick<Scenario, 'scheme' | 'unitTiers'>, gradeIndex: number, unit: string | undefined): number | undefined {
  const { scheme } = scenario;
  const coupling = scheme.quotaCoupling;
  const coupled = coupling === undefined ? -1 : coupling.grade === undefined ? 0 : scheme.grades.findIndex((grade) => grade.name === coupling.grade);
  if (gradeIndex === coupled) return selectQuotaForUnitTier(unit === undefined ? undefined : scenario.unitTiers?.[unit], coupling!);
  return scheme.grades[gradeIndex]?.quota;
}
