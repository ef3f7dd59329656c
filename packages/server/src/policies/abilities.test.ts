import { describe, expect, it } from 'vitest';
import { can, presentAbilities, unitScopeOf, type Actor } from './index.js';

const actor = (over: Partial<Actor>): Actor => ({
  accountId: 1, username: 'u', personId: 1, unitId: 10, roles: ['member'], leaderUnitIds: [], ...over,
});

describe('policies', () => {
  it.each([
    ['admin', 'org.manage', true],
    ['leader', 'org.manage', false],
    ['member', 'org.manage', false],
    ['auditor', 'org.manage', false],
    ['admin', 'audit.read', true],
    ['auditor', 'audit.read', true],
    ['leader', 'audit.read', false],
    ['member', 'audit.read', false],
    ['auditor', 'org.export', true],
    ['member', 'org.export', false],
    ['admin', 'account.manage', true],
    ['auditor', 'account.manage', false],
    ['member', 'org.import', false],
  ] as const)('a %s %s %s', (role, ability, allowed) => {
    expect(can(actor({ roles: [role] }), ability)).toBe(allowed);
  });

  it('lets admin and auditor read every unit', () => {
    expect(unitScopeOf(actor({ roles: ['admin'] }))).toEqual({ kind: 'all' });
    expect(unitScopeOf(actor({ roles: ['auditor'] }))).toEqual({ kind: 'all' });
  });

  it("limits a leader to the subtrees he leads and a member to his own unit", () => {
    expect(unitScopeOf(actor({ roles: ['member', 'leader'], leaderUnitIds: [10, 12] }))).toEqual({
      kind: 'some', subtreeRoots: [10, 12], units: [10],
    });
    expect(unitScopeOf(actor({ roles: ['member'] }))).toEqual({ kind: 'some', subtreeRoots: [], units: [10] });
  });

  it('presents every ability to the UI', () => {
    const abilities = presentAbilities(actor({ roles: ['auditor'] }));
    expect(abilities).toMatchObject({ 'audit.read': true, 'org.manage': false, 'org.export': true });
  });
});
