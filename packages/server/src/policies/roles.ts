import type { Role } from '../db/schema.js';
import type { Actor } from './actor.js';

/** The one place that reads an actor's roles: abilities, scopes and record rules are built on these. */
const has = (actor: Actor, role: Role) => actor.roles.includes(role);
export const isAdmin = (a: Actor) => has(a, 'admin');
export const isAuditor = (a: Actor) => has(a, 'auditor');
/** A leader with at least one unit he leads. */
export const isLeader = (a: Actor) => has(a, 'leader') && a.leaderUnitIds.length > 0;
/** Admin and auditor read everything (docs/product.md §1: the auditor is read-only, everything). */
export const readsEverything = (a: Actor) => isAdmin(a) || isAuditor(a);
/** An account linked to a person: he keeps a log, writes summaries, appeals his own result. */
export const hasPerson = (a: Actor) => a.personId !== null;
