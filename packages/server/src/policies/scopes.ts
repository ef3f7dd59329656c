import type { Actor } from './actor.js';
import { isAdmin, isAuditor, isLeader } from './roles.js';

/**
 * Which part of the organization an actor may read (docs/product.md §1, §2.5).
 * admin and auditor: everything; leader: the subtrees he leads; member: his own unit only
 * (the team feed, 横向了解), not the sections below it. A person always sees himself.
 */
export type UnitScope =
  | { kind: 'all' }
  | { kind: 'some'; subtreeRoots: number[]; units: number[] };

export function unitScopeOf(actor: Actor): UnitScope {
  if (isAdmin(actor) || isAuditor(actor)) return { kind: 'all' };
  return {
    kind: 'some',
    subtreeRoots: [...new Set(actor.leaderUnitIds)],
    units: actor.unitId === null ? [] : [actor.unitId],
  };
}

/**
 * The units whose entries an actor reviews (comments, flags, spot checks): admin every unit, a leader
 * the subtrees he leads — not the unit he merely works in as a member.
 */
export function reviewScopeOf(actor: Actor): UnitScope {
  if (isAdmin(actor)) return { kind: 'all' };
  return { kind: 'some', subtreeRoots: isLeader(actor) ? [...new Set(actor.leaderUnitIds)] : [], units: [] };
}

/** The units whose statistics, exports and spot checks an actor reads: admin and auditor all, a leader his subtrees. */
export function overseeScopeOf(actor: Actor): UnitScope {
  if (isAuditor(actor)) return { kind: 'all' };
  return reviewScopeOf(actor);
}

/** The subtrees an actor leads as a leader (none for others): whose points and people he oversees as their leader. */
export function ledScopeOf(actor: Actor): UnitScope {
  return { kind: 'some', subtreeRoots: isLeader(actor) ? [...new Set(actor.leaderUnitIds)] : [], units: [] };
}

/** The roots of the subtrees an actor leads as a leader, in the order of his roles (none for others). */
export function ledUnitIdsOf(actor: Actor): number[] {
  return isLeader(actor) ? [...new Set(actor.leaderUnitIds)] : [];
}

/** The unit a leader's pages open on when he names none: the first he leads. */
export function firstLedUnitOf(actor: Actor): number | undefined {
  return actor.leaderUnitIds[0];
}
