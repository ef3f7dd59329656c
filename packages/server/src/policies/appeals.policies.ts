import type { Actor } from './actor.js';

/** Only the appellant withdraws his appeal or adds evidence to it (申诉 is personal). */
export const isAppellant = (actor: Actor, appeal: { person_id: number }): boolean => appeal.person_id === actor.personId;
