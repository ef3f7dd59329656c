import { describe, expect, it } from 'vitest';
import { isUnitWithin, periodLinksFor, periodRolesOf, unitRefsOfPath } from './period-links.model';

describe('periods', () => {
  const member = { 'summary.write': true, 'results.read': true };
  const leader = { 'summary.write': true, 'review.rate': true, 'results.read': true };
  const admin = { 'period.manage': true, 'results.read': true, 'results.export': true };
  const kinds = (state: 'draft' | 'open' | 'reviewing' | 'publicity' | 'closed', abilities: Record<string, boolean>) =>
    periodLinksFor({ id: 7, state }, abilities).map((l) => l.kind);

  it.each([
    ['a member', 'draft', [], member],
    ['a member', 'open', ['summary'], member],
    ['a member', 'reviewing', ['summary'], member],
    ['a member', 'publicity', ['results'], member],
    ['a leader', 'reviewing', ['summary', 'review'], leader],
    ['a leader', 'publicity', ['review', 'results'], leader],
    ['a leader', 'closed', ['results'], leader],
    ['the admin', 'draft', ['preview'], admin],
    ['the admin', 'reviewing', ['preview'], admin],
    ['the admin', 'closed', ['results'], admin],
  ] as const)('gives %s in state %s the links %j', (_, state, expected, abilities) => {
    expect(kinds(state, abilities)).toEqual(expected);
  });

  // 区 1 ─ 公安分局 17 ─ 治安大队 94; 审计局 30

  const units = [
    { id: 1, parentId: null },
    { id: 17, parentId: 1 },
    { id: 94, parentId: 17 },
    { id: 30, parentId: 1 },
  ];

  it('finds a unit in a subtree by walking up the parents the caller sees', () => {
    expect(isUnitWithin(94, 17, units)).toBe(true);
    expect(isUnitWithin(30, 17, units)).toBe(false);
    // a member sees only his own unit: the walk cannot tell beyond its parent
    expect(isUnitWithin(94, 1, [{ id: 94, parentId: 17 }])).toBeNull();
  });

  it("reads the ancestors from a unit's path", () => {
    const refs = unitRefsOfPath([{ id: 1 }, { id: 2 }]);
    expect(refs).toEqual([
      { id: 1, parentId: null },
      { id: 2, parentId: 1 },
    ]);
    // a street leader is not in the police period
    expect(periodRolesOf({ unitId: 17 }, { personUnitId: 2, ledUnitIds: [2] }, refs)).toEqual({ participant: false, reviewer: false });
  });

  it("offers the summary only to those in the period's scope, and the review to leaders of a unit in it", () => {
    const police = { unitId: 17 };
    expect(periodRolesOf(police, { personUnitId: 94, ledUnitIds: [] }, units)).toEqual({ participant: true, reviewer: false });
    expect(periodRolesOf(police, { personUnitId: 30, ledUnitIds: [30] }, units)).toEqual({ participant: false, reviewer: false });
    expect(periodRolesOf(police, { personUnitId: 17, ledUnitIds: [1] }, units)).toEqual({ participant: true, reviewer: true });
    expect(periodRolesOf(null, { personUnitId: 30, ledUnitIds: [] }, units)).toEqual({ participant: true, reviewer: false });
    expect(periodLinksFor({ id: 7, state: 'reviewing' }, leader, { participant: false, reviewer: true }).map((l) => l.kind)).toEqual(['review']);
    expect(periodLinksFor({ id: 7, state: 'closed' }, leader, { participant: false, reviewer: false })).toEqual([]);
    expect(periodLinksFor({ id: 7, state: 'closed' }, admin, { participant: false, reviewer: false }).map((l) => l.kind)).toEqual(['results']);
  });

  it('links to the cycle pages of the period', () => {
    expect(periodLinksFor({ id: 7, state: 'reviewing' }, leader).map((l) => l.path)).toEqual(['/periods/7/summary', '/periods/7/review']);
  });
});
