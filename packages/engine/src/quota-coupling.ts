import type { Scheme } from './scenario.types.js';

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
