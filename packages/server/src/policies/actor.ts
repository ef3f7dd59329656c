import type { Role } from '../db/schema.js';

/** Who is asking: resolved from the session on every request. */
export interface Actor {
  accountId: number;
  username: string;
  personId: number | null;
  /** The unit the person works in now. */
  unitId: number | null;
  roles: Role[];
  /** Roots of the subtrees the actor leads (docs/product.md §1: a leader sees and reviews his unit's subtree). */
  leaderUnitIds: number[];
}

/**
 * The actor of an account, from its role rows: a leader role carries the root of the subtree he
 * leads. The one place that reads roles into an Actor (sessions and GET /api/me both use it).
 */
export function buildActor(
  account: { accountId: number; username: string; personId: number | null; unitId: number | null },
  roles: readonly { role: Role; unit_id: number | null }[],
): Actor {
  return {
    ...account,
    roles: [...new Set(roles.map((r) => r.role))],
    leaderUnitIds: roles.filter((r) => r.role === 'leader' && r.unit_id !== null).map((r) => r.unit_id!),
  };
}
