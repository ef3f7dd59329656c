import type { Account, CreateAccountBody, CreatedAccount, ResetPassword, RoleInput, UpdateAccountBody } from '@baton/contract/accounts';
import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import type { Role } from '../../db/schema.js';
import { authorize, type Actor } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import {
  checkPasswordStrength, createWeakPasswordError, deleteSessionsOfAccount, forgetCachedSessions, generatePassword, hashPassword, updatePasswordHash,
} from '../auth/index.js';
import { createUnknownReferenceError, findUnit } from '../org/index.js';
import {
  countAdmins, findAccountIdByPerson, findAccountIdByUsername, findAccountView, insertAccount, listAccounts, listRolesOfAccounts,
  replaceRolesOfAccount, setAccountDisabled, type AccountView,
} from './accounts.repository.js';
import { createDuplicateUsernameError, createLastAdminError, createLeaderWithoutUnitError, createPersonHasAccountError } from './accounts.errors.js';
import { inTransaction } from '../../db/transactions.js';
import { findPersonView } from '../people/index.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

async function presentAccounts(db: Deps['db'], accounts: AccountView[]): Promise<Account[]> {
  const roles = await listRolesOfAccounts(db, accounts.map((a) => a.id));
  return accounts.map((a) => ({
    id: a.id,
    username: a.username,
    personId: a.person_id,
    personName: a.person_name,
    roles: roles.filter((r) => r.account_id === a.id).map((r) => ({ role: r.role, unitId: r.unit_id, unitName: r.unit_name })),
    disabled: a.disabled === 1,
    lockedUntil: a.locked_until,
    mustChangePassword: a.must_change_password === 1,
  }));
}

async function normaliseRoles(db: Deps['db'], roles: RoleInput[]) {
  const out: { role: Role; unitId: number | null }[] = [];
  for (const [i, r] of roles.entries()) {
    if (r.role === 'leader' && r.unitId == null) throw createLeaderWithoutUnitError(i);
    if (r.unitId != null && !(await findUnit(db, r.unitId))) throw createUnknownReferenceError(`/roles/${i}/unitId`, 'unit', r.unitId);
    const unitId = r.role === 'leader' ? r.unitId! : null;
    if (!out.some((o) => o.role === r.role && o.unitId === unitId)) out.push({ role: r.role, unitId });
  }
  return out;
}

export async function listAllAccounts({ db }: Deps, actor: Actor, f: { q?: string | undefined; afterId?: number | undefined; limit: number }) {
  authorize(actor, 'account.manage');
  return presentAccounts(db, await listAccounts(db, f));
}

/** Creates a sign-in for a person (or a person-less account such as an auditor). */
export async function createAccount(
  { db, now }: Deps, actor: Actor,
  input: CreateAccountBody,
): Promise<CreatedAccount> {
  authorize(actor, 'account.manage');
  const at = now().toISOString();
  if (input.password !== undefined) {
    const weakness = checkPasswordStrength(input.password);
    if (weakness) throw createWeakPasswordError(weakness);
  }
  const temporaryPassword = input.password === undefined ? generatePassword() : undefined;
  const hash = await hashPassword(input.password ?? temporaryPassword!);
  const id = await inTransaction(db, async (trx) => {
    if (await findAccountIdByUsername(trx, input.username)) throw createDuplicateUsernameError(input.username);
    if (input.personId != null) {
      if (!(await findPersonView(trx, input.personId))) {
        throw createUnknownReferenceError('/personId', 'person', input.personId);
      }
      if (await findAccountIdByPerson(trx, input.personId)) throw createPersonHasAccountError(input.personId);
    }
    const roles = await normaliseRoles(trx, input.roles);
    const newId = await insertAccount(trx, { username: input.username, personId: input.personId ?? null, passwordHash: hash, mustChangePassword: true, now: at });
    await replaceRolesOfAccount(trx, newId, roles);
    await appendAuditRecords(trx, [{
      actorId: actor.accountId, actorLabel: actor.username, action: 'account.created', entity: 'account', entityId: newId,
      after: { username: input.username, personId: input.personId ?? null, roles },
    }], at);
    return newId;
  });
  const [account] = await presentAccounts(db, [(await findAccountView(db, id))!]);
  return { account: account!, ...(temporaryPassword && { temporaryPassword }) };
}

export async function changeAccount(
  { db, now }: Deps, actor: Actor, id: number,
  changes: UpdateAccountBody,
): Promise<Account> {
  authorize(actor, 'account.manage');
  const at = now().toISOString();
  await inTransaction(db, async (trx) => {
    const before = await findAccountView(trx, id);
    if (!before) throw createNotFoundError('account', id);
    const [beforePresented] = await presentAccounts(trx, [before]);
    if (changes.roles) await replaceRolesOfAccount(trx, id, await normaliseRoles(trx, changes.roles));
    if (changes.disabled !== undefined) {
      await setAccountDisabled(trx, id, changes.disabled, at);
      if (changes.disabled) await deleteSessionsOfAccount(trx, id);
    }
    if ((await countAdmins(trx)) === 0) throw createLastAdminError();
    const [after] = await presentAccounts(trx, [(await findAccountView(trx, id))!]);
    await appendAuditRecords(trx, [{
      actorId: actor.accountId, actorLabel: actor.username, action: 'account.updated', entity: 'account', entityId: id,
      before: beforePresented, after, reason: changes.reason ?? null,
    }], at);
  });
  forgetCachedSessions();
  const [account] = await presentAccounts(db, [(await findAccountView(db, id))!]);
  return account!;
}

/** Admin reset: a new temporary password, shown once; the user must change it at next sign-in. */
export async function resetAccountPassword({ db, now }: Deps, actor: Actor, id: number, reason?: string): Promise<ResetPassword> {
  authorize(actor, 'account.manage');
  const at = now().toISOString();
  const temporaryPassword = generatePassword();
  const hash = await hashPassword(temporaryPassword);
  await inTransaction(db, async (trx) => {
    if (!(await findAccountView(trx, id))) throw createNotFoundError('account', id);
    await updatePasswordHash(trx, id, hash, true, at);
    await deleteSessionsOfAccount(trx, id);
    await appendAuditRecords(trx, [{
      actorId: actor.accountId, actorLabel: actor.username, action: 'account.password_reset', entity: 'account', entityId: id, reason: reason ?? null,
    }], at);
  });
  forgetCachedSessions();
  return { temporaryPassword };
}
