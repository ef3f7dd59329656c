import { can } from './abilities.js';
import type { Actor } from './actor.js';

/** A background job (an import) is read by whoever started it, and by the organization department. */
export const mayReadJob = (actor: Actor, job: { createdBy: number | null }): boolean => job.createdBy === actor.accountId || can(actor, 'org.manage');
