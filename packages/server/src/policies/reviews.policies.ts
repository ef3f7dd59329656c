import { can } from './abilities.js';
import type { Actor } from './actor.js';

/** Nobody rates himself, proposes points for himself or decides about himself. */
export const isSelf = (actor: Actor, personId: number | null): boolean => personId !== null && personId === actor.personId;

/**
 * Who rates a participant (审核评鉴): one of the leaders whose unit holds his (`leaderAccounts`, nearest
 * first, never himself); for a participant no leader rates (the head of the top unit), the organization
 * department (`review.rate.unled`).
 */
export function mayRatePerson(actor: Actor, personId: number, leaderAccounts: ReadonlySet<number>): boolean {
  if (isSelf(actor, personId)) return false;
  return leaderAccounts.size === 0 ? can(actor, 'review.rate.unled') : leaderAccounts.has(actor.accountId);
}
