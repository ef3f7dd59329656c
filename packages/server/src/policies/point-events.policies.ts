import { can } from './abilities.js';
import type { Actor } from './actor.js';
import { readsEverything } from './roles.js';
import { inUnits, type UnitSet } from './units.js';

/** What decides access to point events: the actor and the units his scopes resolved to. */
export interface PointAccess {
  actor: Actor;
  /** Units whose events the actor reads; everyone also reads the events about himself. */
  read: UnitSet;
  /** Units whose events he proposes, approves and rejects (null without points.approve / points.propose). */
  review: UnitSet | null;
}

type EventRecord = { person_id: number | null; unit_id: number };

/** docs/api-points.md: admin and auditor read every event; others the events of their review scope and about themselves. */
export const readsAllPoints = (actor: Actor): boolean => readsEverything(actor);

/** Whether the actor proposes or decides events at all (then his review scope is resolved). */
export const reviewsPoints = (actor: Actor): boolean => can(actor, 'points.approve') || can(actor, 'points.propose');

/** The event (or the person proposed for) is the actor himself. */
export const isAboutActor = (actor: Actor, e: Pick<EventRecord, 'person_id'>): boolean => e.person_id !== null && e.person_id === actor.personId;

export function canSeeEvent(access: PointAccess, e: EventRecord): boolean {
  return isAboutActor(access.actor, e) || inUnits(access.read, e.unit_id);
}

/** Leaders of the event's unit and admin propose and decide: `review` scope. */
export const reviewsEventUnit = (access: PointAccess, e: Pick<EventRecord, 'unit_id'>): boolean => inUnits(access.review, e.unit_id);

/** The proposer himself never approves or rejects (四眼原则: another authorised person decides). */
export const isProposer = (actor: Actor, e: { proposed_by: number }): boolean => e.proposed_by === actor.accountId;

/**
 * Who decides a proposed event (docs/product.md §2.2): someone with `points.approve` whose review scope holds
 * its unit — never the proposer, never about himself.
 */
export function canDecideEvent(access: PointAccess, e: EventRecord & { proposed_by: number; status: string }): boolean {
  return e.status === 'proposed' && can(access.actor, 'points.approve') && reviewsEventUnit(access, e)
    && !isAboutActor(access.actor, e) && !isProposer(access.actor, e);
}

/** Evidence is added by the proposer while the event waits for its decision. */
export const mayAttachEvidence = (actor: Actor, e: { proposed_by: number; status: string }): boolean => isProposer(actor, e) && e.status === 'proposed';

/**
 * What the caller may do with an event, sent with it. `reversible`: an approved event that is no
 * reversal and was not reversed yet (a correction is one reversing event, docs/product.md §2.2).
 */
export function eventAbilitiesOf(access: PointAccess, e: EventRecord & { proposed_by: number; status: string; reversible: boolean }) {
  const decide = canDecideEvent(access, e);
  return { approve: decide, reject: decide, reverse: can(access.actor, 'points.reverse') && e.reversible, attach: mayAttachEvidence(access.actor, e) };
}

/** Batches are the organization department's business (points.import is admin's): admin and auditor read them. */
export const readsPointBatches = (actor: Actor): boolean => readsEverything(actor);

/** The uploader of a batch never approves it himself (approving a whole batch is `points.batch.approve`, the admin's). */
export const isBatchUploader = (actor: Actor, batch: { created_by: number }): boolean => batch.created_by === actor.accountId;
