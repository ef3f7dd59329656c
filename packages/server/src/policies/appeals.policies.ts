import { periodAllows, type PeriodState } from '@baton/engine';
import { can } from './abilities.js';
import type { Actor } from './actor.js';
import { isLeader } from './roles.js';

/** Only the appellant withdraws his appeal or adds evidence to it (申诉 is personal). */
export const isAppellant = (actor: Actor, appeal: { person_id: number }): boolean => appeal.person_id === actor.personId;

/** An appeal holds at most this many evidence files. */
export const MAX_APPEAL_ATTACHMENTS = 9;

/**
 * What the caller may do with an appeal: the appellant withdraws it or adds evidence while it is
 * pending; the organization department decides it in publicity; a leader other than the appellant
 * re-rates him on the review page while it is pending (复核; the sheet says whom he rates).
 */
export function appealAbilitiesOf(actor: Actor, appeal: { person_id: number; status: string; period_state: PeriodState; attachmentCount: number }) {
  const pending = appeal.status === 'pending';
  const appellant = isAppellant(actor, appeal);
  return {
    withdraw: pending && appellant,
    attach: pending && appellant && appeal.attachmentCount < MAX_APPEAL_ATTACHMENTS,
    decide: pending && can(actor, 'appeal.decide') && periodAllows(appeal.period_state, 'decideAppeal'),
    reRate: pending && !appellant && can(actor, 'review.rate') && isLeader(actor) && periodAllows(appeal.period_state, 'reRateAppellant'),
  };
}
