import { Type } from 'typebox';
import type { AppDeps } from '../../app/deps.js';
import { StrictObject, type App } from '../../app/http.js';
import { requireActor, SESSION_COOKIE } from '../../app/auth.plugin.js';
import { changeOwnPassword, signIn, signOut } from './auth.usecases.js';
import { describeMe } from './me.usecases.js';

const LoginBody = StrictObject({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});

const ChangePasswordBody = StrictObject({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: Type.String({ minLength: 1, maxLength: 200 }),
});

export async function registerAuthRoutes(app: App, deps: AppDeps) {
  const tags = ['session'];
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure,
  };

  app.post('/api/auth/login', {
    schema: { tags, body: LoginBody },
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

  app.post('/api/auth/logout', { schema: { tags }, config: { public: true } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await signOut(deps, token);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.status(204).send();
  });

  app.get('/api/me', { schema: { tags } }, async (req) => {
    const actor = requireActor(req);
    return describeMe(deps, actor.accountId, actor.personId);
  });

  app.post('/api/auth/password', { schema: { tags, body: ChangePasswordBody } }, async (req, reply) => {
    await changeOwnPassword(deps, requireActor(req), req.body);
    return reply.status(204).send();
  });
}
