import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../app/config.js';
import type { Db, DialectName } from '../../db/kysely.js';
import { buildActor, type Actor } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import {
  clearFailedLogins, deleteSession, deleteSessionsOfAccount, findAccountById, findAccountByUsername, findLiveSession,
  insertSession, listRolesOfAccount, recordFailedLogin, touchSession, updatePasswordHash,
} from './auth.repository.js';
import { createAccountLockedError, createInvalidCredentialsError, createWeakPasswordError, createWrongPasswordError } from './auth.errors.js';
import { hashPassword, UNUSABLE_PASSWORD_HASH, verifyPassword } from './passwords.js';
import { inTransaction } from '../../db/transactions.js';

export interface AuthDeps {
  db: Db;
  dialect: DialectName;
  config: Pick<Config, 'sessionTtlHours' | 'loginMaxFailures' | 'lockoutMinutes'>;
  now: () => Date;
}

export const hashSessionToken = (token: string) => createHash('sha256').update(token).digest('hex');

const addMinutes = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000).toISOString();

/**
 * Signs in with username and password. After `loginMaxFailures` wrong passwords in a row the
 * account is locked for `lockoutMinutes`; the answer for an unknown user costs the same scrypt work
 * as for a known one, so timing does not reveal which usernames exist.
 */
export async function signIn(
  { db, config, now }: AuthDeps,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; accountId: number; expiresAt: string }> {
  const at = now();
  const nowIso = at.toISOString();
  const account = await findAccountByUsername(db, input.username);
  const ok = await verifyPassword(input.password, account?.password_hash ?? UNUSABLE_PASSWORD_HASH);
  if (!account || account.disabled) throw createInvalidCredentialsError();
  if (account.locked_until && account.locked_until > nowIso) throw createAccountLockedError(account.locked_until);
  if (!ok) {
    const failures = account.failed_logins + 1;
    const lock = failures >= config.loginMaxFailures ? addMinutes(at, config.lockoutMinutes) : null;
    await inTransaction(db, async (trx) => {
      await recordFailedLogin(trx, account.id, lock ? 0 : failures, lock, nowIso);
      if (lock) {
        await appendAuditRecords(trx, [{
          actorId: null, actorLabel: 'system', action: 'account.locked', entity: 'account', entityId: account.id,
          after: { lockedUntil: lock }, reason: `${failures} failed sign-ins`,
        }], nowIso);
      }
    });
    if (lock) throw createAccountLockedError(lock);
    throw createInvalidCredentialsError();
  }
  if (account.failed_logins > 0 || account.locked_until) await clearFailedLogins(db, account.id, nowIso);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = addMinutes(at, config.sessionTtlHours * 60);
  await insertSession(db, { id: hashSessionToken(token), accountId: account.id, now: nowIso, expiresAt, ip: input.ip, userAgent: input.userAgent });
  return { token, accountId: account.id, expiresAt };
}

export async function signOut({ db }: Pick<AuthDeps, 'db'>, token: string): Promise<void> {
  sessionCache.delete(token);
  await deleteSession(db, hashSessionToken(token));
}

/**
 * Resolved sessions, kept briefly: a burst of requests (a page load, a progress poll every 500 ms)
 * costs one lookup, and polls keep being answered while a long import holds SQLite's single
 * connection. Sign-out, password and account changes clear it in this process. With SQLite there is
 * only this process, so a minute is safe (and matches the sliding-expiry refresh); with PostgreSQL
 * behind several app servers, a session revoked elsewhere lives on here for at most 5 s.
 * Keyed by the cookie's token itself, so that a cached request costs no SHA-256; the database
 * only ever sees the hash, and this map lives in this process's memory only.
 */
const SESSION_CACHE_MS = { sqlite: 60_000, postgres: 5_000 } as const;
const sessionCache = new Map<string, { actor: Actor & { sessionId: string }; until: number }>();

export function forgetCachedSessions(): void {
  sessionCache.clear();
}

/** The actor of a session this process resolved moments ago (see above), without waiting; else undefined. */
export function cachedActor({ now }: Pick<AuthDeps, 'now'>, token: string): (Actor & { sessionId: string }) | undefined {
  const cached = sessionCache.get(token);
  return cached !== undefined && cached.until > now().getTime() ? cached.actor : undefined;
}

/** The actor behind a session cookie, or null. Sliding expiry, refreshed at most once a minute. */
export async function resolveActor({ db, config, now, dialect }: AuthDeps, token: string): Promise<(Actor & { sessionId: string }) | null> {
  const at = now();
  const cached = sessionCache.get(token);
  if (cached && cached.until > at.getTime()) return cached.actor;
  const nowIso = at.toISOString();
  const id = hashSessionToken(token);
  const row = await findLiveSession(db, id, nowIso);
  if (!row || row.disabled) return null;
  if (at.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    await touchSession(db, row.session_id, nowIso, addMinutes(at, config.sessionTtlHours * 60));
  }
  const roles = await listRolesOfAccount(db, row.account_id);
  const actor = {
    sessionId: row.session_id,
    ...buildActor({ accountId: row.account_id, username: row.username, personId: row.person_id, unitId: row.unit_id }, roles),
  };
  if (sessionCache.size > 10_000) sessionCache.clear();
  sessionCache.set(token, { actor, until: Math.min(at.getTime() + SESSION_CACHE_MS[dialect], Date.parse(row.expires_at)) });
  return actor;
}

export function checkPasswordStrength(password: string): string | null {
  if (password.length < 8) return 'must have at least 8 characters';
  if (password.length > 200) return 'must have at most 200 characters';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'must contain letters and digits';
  return null;
}

/** Changes one's own password; other sessions of the account are signed out. */
export async function changeOwnPassword(
  { db, now }: Pick<AuthDeps, 'db' | 'now'>,
  actor: Actor & { sessionId: string },
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const account = await findAccountById(db, actor.accountId);
  if (!account || !(await verifyPassword(input.currentPassword, account.password_hash))) throw createWrongPasswordError();
  const weakness = checkPasswordStrength(input.newPassword);
  if (weakness) throw createWeakPasswordError(weakness);
  if (input.newPassword === input.currentPassword) throw createWeakPasswordError('must differ from the current password');
  const hash = await hashPassword(input.newPassword);
  const nowIso = now().toISOString();
  await inTransaction(db, async (trx) => {
    await updatePasswordHash(trx, account.id, hash, false, nowIso);
    await deleteSessionsOfAccount(trx, account.id, actor.sessionId);
    await appendAuditRecords(trx, [{
      actorId: actor.accountId, actorLabel: actor.username, action: 'account.password_changed', entity: 'account', entityId: account.id,
    }], nowIso);
  });
  forgetCachedSessions();
}
