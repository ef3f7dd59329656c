import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/kysely.js';
import { bootstrap } from '../../app/bootstrap.js';
import { createTestClock, depsFor, testConfig } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { changeOwnPassword, resolveActor, signIn, signOut } from './auth.usecases.js';

describe.each(testDialects)('sign-in on %s', (dialect) => {
  let handle: DatabaseHandle;
  const clock = createTestClock('2026-03-02T01:00:00.000Z');
  let deps: ReturnType<typeof depsFor>;
  const login = (password: string) => signIn(deps, { username: 'admin', password, ip: '127.0.0.1', userAgent: 'test' });

  beforeEach(async () => {
    handle = await createTestDatabase(dialect);
    clock.set('2026-03-02T01:00:00.000Z');
    deps = depsFor(handle, clock, testConfig({ loginMaxFailures: 3, lockoutMinutes: 15, sessionTtlHours: 2 }));
    await bootstrap(deps);
  });
  afterEach(() => handle.destroy());

  it('opens a session that resolves to the admin actor, and closes it on sign-out', async () => {
    const { token } = await login('admin-Passw0rd');
    const actor = await resolveActor(deps, token);
    expect(actor).toMatchObject({ username: 'admin', roles: ['admin'] });
    await signOut(deps, token);
    expect(await resolveActor(deps, token)).toBeNull();
  });

  it('stores only a hash of the session token', async () => {
    const { token } = await login('admin-Passw0rd');
    const rows = await handle.db.selectFrom('sessions').select('id').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('locks the account after repeated failures, even for the right password, until the lockout ends', async () => {
    await expect(login('wrong-1')).rejects.toMatchObject({ code: 'auth.invalid_credentials', statusCode: 401 });
    await expect(login('wrong-2')).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    await expect(login('wrong-3')).rejects.toMatchObject({ code: 'auth.locked', statusCode: 423 });
    await expect(login('admin-Passw0rd')).rejects.toMatchObject({ code: 'auth.locked' });
    clock.advanceMinutes(16);
    await expect(login('admin-Passw0rd')).resolves.toMatchObject({ accountId: expect.any(Number) });
    const lock = await handle.db.selectFrom('audit_log').select(['action', 'reason']).where('action', '=', 'account.locked').execute();
    expect(lock).toEqual([{ action: 'account.locked', reason: '3 failed sign-ins' }]);
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    await expect(signIn(deps, { username: 'nobody', password: 'x', ip: null, userAgent: null })).rejects.toMatchObject({
      code: 'auth.invalid_credentials', statusCode: 401,
    });
  });

  it('expires an idle session after its time to live', async () => {
    const { token } = await login('admin-Passw0rd');
    clock.advanceMinutes(119);
    expect(await resolveActor(deps, token)).not.toBeNull();
    clock.advanceMinutes(121);
    expect(await resolveActor(deps, token)).toBeNull();
  });

  it('changes the password, signs out the other sessions, and keeps this one', async () => {
    const here = await login('admin-Passw0rd');
    const elsewhere = await login('admin-Passw0rd');
    const actor = (await resolveActor(deps, here.token))!;
    await expect(changeOwnPassword(deps, actor, { currentPassword: 'nope', newPassword: 'N3w-password' })).rejects.toMatchObject({ code: 'auth.wrong_password' });
    await expect(changeOwnPassword(deps, actor, { currentPassword: 'admin-Passw0rd', newPassword: 'short1' })).rejects.toMatchObject({
      code: 'auth.weak_password', details: [{ path: '/newPassword' }],
    });
    await changeOwnPassword(deps, actor, { currentPassword: 'admin-Passw0rd', newPassword: 'N3w-password' });
    expect(await resolveActor(deps, here.token)).not.toBeNull();
    expect(await resolveActor(deps, elsewhere.token)).toBeNull();
    await expect(login('admin-Passw0rd')).rejects.toMatchObject({ code: 'auth.invalid_credentials' });
    await expect(login('N3w-password')).resolves.toBeTruthy();
  });
});
