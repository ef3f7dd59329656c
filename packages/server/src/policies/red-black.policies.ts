import type { Actor } from './actor.js';
import { readsEverything } from './roles.js';

/**
 * Whose evidence texts a red/black list shows a reader (the list itself is public once published):
 * admin and auditor everyone's; others their own and those of the subtrees they lead (`ledUnits`,
 * ledScopeOf resolved) — the same people whose points they read.
 */
export function mayReadListEvidence(actor: Actor, subject: { kind: 'person' | 'unit'; id: number; unitId: number }, ledUnits: ReadonlySet<number>): boolean {
  if (readsEverything(actor)) return true;
  if (subject.kind === 'person' && subject.id === actor.personId) return true;
  return ledUnits.has(subject.kind === 'unit' ? subject.id : subject.unitId);
}
