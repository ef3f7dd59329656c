import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, cookieOf, type TestApp } from '../testing/http.js';
import { testDialects } from '../testing/test-database.js';

describe.each(testDialects)('the HTTP API on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { bodyLimitBytes: 2048, loginRateLimitPerMinute: 1000 });
    admin = await t.loginAs('admin');
  });
  afterAll(() => t.close());

  it('reports health and the database in use without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', db: dialect, version: expect.any(String) });
  });

  it('rejects unknown fields, naming them', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin }, payload: { code: 'X', name: 'x', type: 'town', parentId: null, colour: 'red' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'request.invalid', details: [{ path: '/colour', message: 'unknown field' }] });
  });

  it('names a missing and a malformed field', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin }, payload: { code: 'X', type: 'planet', parentId: null } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/name', '/type']));
  });

  it('answers invalid JSON with 400 and an oversized body with 413', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin, 'content-type': 'application/json' }, payload: '{"code": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.invalid_json');
    const big = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin, 'content-type': 'application/json' }, payload: JSON.stringify({ code: 'X', name: 'x'.repeat(5000), type: 'town', parentId: null }) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('request.too_large');
  });

  it('takes multipart bodies only on upload routes: elsewhere 415, and nothing written', async () => {
    const boundary = 'baton-test-boundary';
    const payload = `--${boundary}\r\ncontent-disposition: form-data; name="code"\r\n\r\nX\r\n--${boundary}--\r\n`;
    const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('request.unsupported_media_type');
    const units = await t.app.inject({ method: 'GET', url: '/api/units', headers: { cookie: admin } });
    expect(JSON.stringify(units.json())).not.toContain('"code":"X"');
  });

  it('answers an unknown API route with the error shape, and a bad cursor with 400', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { cookie: admin } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route.not_found');
    const cursor = await t.app.inject({ method: 'GET', url: '/api/people?cursor=%%%', headers: { cookie: admin } });
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().error.details[0].path).toBe('/cursor');
  });

  it('serves the OpenAPI document at /docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/people', '/api/units/{id}']));
  });

  it('sets an HttpOnly SameSite session cookie and forgets it on logout', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'admin-Passw0rd' } });
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookieOf(login);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('makes a reset password temporary: the user must change it', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/accounts', headers: { cookie: admin }, payload: { username: 'auditor2', roles: [{ role: 'auditor' }] } });
    expect(created.statusCode).toBe(201);
    const { account, temporaryPassword } = created.json();
    expect(temporaryPassword).toMatch(/^\w{14}$/);
    const reset = await t.app.inject({ method: 'POST', url: `/api/accounts/${account.id}/reset-password`, headers: { cookie: admin }, payload: { reason: '忘记密码' } });
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'auditor2', password: reset.json().temporaryPassword } });
    expect(login.json().account.mustChangePassword).toBe(true);
  });

  it('keeps the last admin: he cannot be disabled', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: admin } })).json();
    const res = await t.app.inject({ method: 'PATCH', url: `/api/accounts/${me.account.id}`, headers: { cookie: admin }, payload: { disabled: true } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('account.last_admin');
  });
});

describe('sign-in rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { loginRateLimitPerMinute: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 in the error shape after too many attempts from one client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'x' } })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'x' } });
    expect(res.json().error.code).toBe('auth.rate_limited');
  });
});

describe('nullable fields', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    admin = await t.loginAs('admin');
  });
  afterAll(() => t.close());

  it('refuses a 0 id instead of coercing it to null', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin }, payload: { code: 'Z', name: '单位', type: 'town', parentId: 0 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('/parentId');
    const ok = await t.app.inject({ method: 'POST', url: '/api/units', headers: { cookie: admin }, payload: { code: 'Z', name: '单位', type: 'town', parentId: null } });
    expect(ok.json().parentId).toBeNull();
  });
});
