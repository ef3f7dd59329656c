import type { AppDeps } from '../../app/deps.js';
import { findAccountById, findAccountByUsername, listRolesOfAccount } from '../../modules/auth/index.js';
import { findPersonView } from '../../modules/people/index.js';
import { buildActor, type Actor } from '../../policies/index.js';

/** The actor of a demo account, as a session would build it: the seed works through the use cases as that person. */
export async function loadSeedActor(deps: AppDeps, accountId: number): Promise<Actor> {
  const account = await findAccountById(deps.db, accountId);
  if (!account) throw new Error(`demo: no account ${accountId}`);
  const person = account.person_id === null ? undefined : await findPersonView(deps.db, account.person_id);
  const roles = await listRolesOfAccount(deps.db, accountId);
  return buildActor({ accountId, username: account.username, personId: account.person_id, unitId: person?.unit_id ?? null }, roles);
}

/** The same by username; undefined when the demo has no such account. */
export async function loadSeedActorByUsername(deps: AppDeps, username: string): Promise<Actor | undefined> {
  const account = await findAccountByUsername(deps.db, username);
  return account ? loadSeedActor(deps, account.id) : undefined;
}
