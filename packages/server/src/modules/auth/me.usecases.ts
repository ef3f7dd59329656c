import type { Me } from '@baton/contract/auth';
import type { AppDeps } from '../../app/deps.js';
import { createUnauthenticatedError } from '../../app/errors.js';
import { buildActor, ledUnitIdsOf, presentAbilities } from '../../policies/index.js';
import { findOwnPerson } from '../people/index.js';
import { findAccountById, listRolesOfAccount } from './auth.repository.js';

/**
 * GET /api/me: who I am, my roles, my unit and what I may do (so the UI hides the rest). The person
 * the session names is read together with the account and its roles (one round trip on PostgreSQL);
 * should the account have been linked to another person since, that one is read after.
 */
export async function describeMe({ db }: Pick<AppDeps, 'db'>, accountId: number, sessionPersonId: number | null = null): Promise<Me> {
  const [account, roles, sessionPerson] = await Promise.all([
    findAccountById(db, accountId),
    listRolesOfAccount(db, accountId),
    sessionPersonId === null ? undefined : findOwnPerson(db, sessionPersonId),
  ]);
  if (!account) throw createUnauthenticatedError();
  const person = account.person_id === null ? undefined
    : account.person_id === sessionPersonId ? sessionPerson : await findOwnPerson(db, account.person_id);
  const actor = buildActor({ accountId, username: account.username, personId: account.person_id, unitId: person?.unit_id ?? null }, roles);
  return {
    account: { id: account.id, username: account.username, mustChangePassword: account.must_change_password === 1 },
    person: person
      ? { id: person.id, name: person.name, employeeNo: person.employee_no, unitId: person.unit_id, unitName: person.unit_name, postName: person.post_name, rank: person.rank }
      : null,
    roles: roles.map((r) => ({ role: r.role, unitId: r.unit_id, unitName: r.unit_name })),
    ledUnits: ledUnitIdsOf(actor).map((id) => ({ id, name: roles.find((r) => r.unit_id === id)?.unit_name ?? '' })),
    abilities: presentAbilities(actor),
  };
}
