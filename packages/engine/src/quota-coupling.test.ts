import { describe, expect, it } from 'vitest';
import { applyQuotaCoupling, selectQuotaForUnitTier } from './quota-coupling.js';
import { ROUTINE_GRADES } from './testing/scenario-builders.js';

describe('quota coupling (考用结合)', () => {
  const coupling = { byTier: { 第一等次: 0.25, 第三等次: 0.15 }, otherwise: 0.2 };

  it("gives a unit's people the excellence quota of the unit's own tier", () => {
    expect(selectQuotaForUnitTier('第一等次', coupling)).toBe(0.25);
    expect(selectQuotaForUnitTier('第二等次', coupling)).toBe(0.2);
    expect(selectQuotaForUnitTier('第三等次', coupling)).toBe(0.15);
    expect(selectQuotaForUnitTier(undefined, coupling)).toBe(0.2);
  });

  it('sets the first grade of a copy of the scheme', () => {
    const scheme = { indicators: [], grades: ROUTINE_GRADES };
    const coupled = applyQuotaCoupling(scheme, '第三等次', coupling);
    expect(coupled.grades[0]).toEqual({ name: '好', quota: 0.15, minScore: 90 });
    expect(scheme.grades[0]?.quota).toBe(0.4);
  });
});
