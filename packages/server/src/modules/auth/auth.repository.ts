import type { Db } from '../../db/kysely.js';
import type { Account, Role } from '../../db/schema.js';

export async function findAccountByUsername(db: Db, username: string): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findAccountById(db: Db, id: number): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function recordFailedLogin(db: Db, accountId: number, failedLogins: number, lockedUntil: string | null, now: string) {
  await db
    .updateTable('accounts')
    .set({ failed_logins: failedLogins, locked_until: lockedUntil, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

export async function clearFailedLogins(db: Db, accountId: number, now: string) {
  await db.updateTable('accounts').set({ failed_logins: 0, locked_until: null, updated_at: now }).where('id', '=', accountId).execute();
}

export async function updatePasswordHash(db: Db, accountId: number, hash: string, mustChange: boolean, now: string) {
  await db
    .updateTable('accounts')
    .set({ password_hash: hash, must_change_password: mustChange ? 1 : 0, password_changed_at: now, failed_logins: 0, locked_until: null, updated_at: now })
    .where('id', '=', accountId)
    .execute();
}

export async function insertSession(
  db: Db,
  s: { id: string; accountId: number; now: string; expiresAt: string; ip: string | null; userAgent: string | null },
) {
  await db
    .insertInto('sessions')
    .values({ id: s.id, account_id: s.accountId, created_at: s.now, expires_at: s.expiresAt, last_seen_at: s.now, ip: s.ip, user_agent: s.userAgent })
    .execute();
}

export interface SessionActorRow {
  session_id: string;
  expires_at: string;
  last_seen_at: string;
  account_id: number;
  username: string;
  disabled: number;
  person_id: number | null;
  unit_id: number | null;
}

export async function findLiveSession(db: Db, id: string, now: string): Promise<SessionActorRow | undefined> {
  return db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select([
      's.id as session_id', 's.expires_at', 's.last_seen_at', 'a.id as account_id', 'a.username', 'a.disabled',
      'a.person_id', 'p.unit_id',
    ])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Db, id: string, now: string, expiresAt: string) {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfAccount(db: Db, accountId: number, exceptId?: string) {
  let q = db.deleteFrom('sessions').where('account_id', '=', accountId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function listRolesOfAccount(db: Db, accountId: number): Promise<{ role: Role; unit_id: number | null; unit_name: string | null }[]> {
  return db
    .selectFrom('account_roles as r')
    .leftJoin('units as u', 'u.id', 'r.unit_id')
    .select(['r.role', 'r.unit_id', 'u.name as unit_name'])
    .where('r.account_id', '=', accountId)
    .orderBy('r.id')
    .execute();
}
