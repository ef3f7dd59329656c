import { can } from './abilities.js';
import type { Actor } from './actor.js';
import { inUnits, type UnitSet } from './units.js';

/** What decides access to an entry: the actor and the units his scopes resolved to (once per request). */
export interface LogAccess {
  actor: Actor;
  /** Units whose entries the actor reads (unitScopeOf); his own entries he always reads. */
  visible: UnitSet;
  /** Units whose entries he reviews: comments, flags (reviewScopeOf); null without `log.review`. */
  reviewable: UnitSet | null;
}

type LogRecord = { person_id: number | null; unit_id: number };

/** The entry is the actor's own (he wrote it as himself). */
export const isOwnLog = (actor: Actor, log: Pick<LogRecord, 'person_id'>): boolean => log.person_id === actor.personId;

/** His own entries, and those of the units he reads (docs/product.md §4: visible to the author's unit). */
export function canSeeLog(access: LogAccess, log: LogRecord): boolean {
  return isOwnLog(access.actor, log) || inUnits(access.visible, log.unit_id);
}

/** Leaders review the entries of their subtree, admin every entry; nobody reviews his own. */
export function canReviewLog(access: LogAccess, log: LogRecord): boolean {
  return !isOwnLog(access.actor, log) && inUnits(access.reviewable, log.unit_id);
}

/** The author answers the comments on his entry; he does not start a thread (点评 is the leaders'). */
export const mayReplyOnLog = (actor: Actor, log: LogRecord, otherCommenters: number): boolean => isOwnLog(actor, log) && otherCommenters > 0;

/** Colleagues encourage each other (横向了解): anyone with a person likes an entry he can see, not his own. */
export const mayLikeLog = (actor: Actor, log: LogRecord): boolean => can(actor, 'log.like') && !isOwnLog(actor, log);

/** What the caller may do with an entry, sent with it so the UI shows only these actions. */
export function logAbilitiesOf(access: LogAccess, log: LogRecord, state: { frozen: boolean; commentCount: number }) {
  const own = isOwnLog(access.actor, log);
  return {
    edit: own && !state.frozen,
    comment: canReviewLog(access, log) || (own && state.commentCount > 0),
    like: mayLikeLog(access.actor, log),
    flag: canReviewLog(access, log),
  };
}
