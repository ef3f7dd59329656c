import { ChangePasswordBody, ChangePasswordResponse, LoginBody, LogoutResponse, MeSchema, type Ability as ContractAbility } from '@baton/contract/auth';
import type { AssertTrue, SameType } from '@baton/contract/common';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import type { Ability } from '../../policies/index.js';
import { requireActor, SESSION_COOKIE } from '../../app/auth.plugin.js';
import { changeOwnPassword, signIn, signOut } from './auth.usecases.js';
import { describeMe } from './me.usecases.js';

/** The abilities GET /api/me sends are the policies' own: this fails to compile when either list changes alone. */
type _AbilitiesAreThePolicies = AssertTrue<SameType<Ability, ContractAbility>>;

export async function registerAuthRoutes(app: App, deps: AppDeps) {
  const tags = ['session'];
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure,
  };

  app.post('/api/auth/login', {
    schema: { tags, body: LoginBody, response: { 200: MeSchema } },
    config: {
      public: true,
      rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
    },
  }, async (req, reply) => {
    const session = await signIn(deps, {
      username: req.body.username.trim(),
      password: req.body.password,
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? null,
    });
    reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, expires: new Date(session.expiresAt) });
    return describeMe(deps, session.accountId);
  });

  app.post('/api/auth/logout', { schema: { tags, response: { 204: LogoutResponse } }, config: { public: true } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await signOut(deps, token);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.status(204).send();
  });

  app.get('/api/me', { schema: { tags, response: { 200: MeSchema } } }, async (req) => {
    const actor = requireActor(req);
    return describeMe(deps, actor.accountId, actor.personId);
  });

  app.post('/api/auth/password', { schema: { tags, body: ChangePasswordBody, response: { 204: ChangePasswordResponse } } }, async (req, reply) => {
    await changeOwnPassword(deps, requireActor(req), req.body);
    return reply.status(204).send();
  });
}
