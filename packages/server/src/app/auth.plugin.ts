import type { FastifyRequest, preHandlerHookHandler } from 'fastify';
import type { AppDeps } from './deps.js';
import { createUnauthenticatedError } from './errors.js';
import type { App } from './http.js';
import type { Actor } from '../policies/index.js';
import { cachedActor, resolveActor } from '../modules/auth/index.js';

export const SESSION_COOKIE = 'baton_session';

export type SessionActor = Actor & { sessionId: string };

declare module 'fastify' {
  interface FastifyRequest {
    actor: SessionActor | null;
  }
  interface FastifyContextConfig {
    /** Routes that answer without a session (health, login, docs). */
    public?: boolean;
  }
}

/** The signed-in actor of a request, or 401. Every non-public /api route calls this first. */
export function requireActor(req: FastifyRequest): SessionActor {
  if (!req.actor) throw createUnauthenticatedError();
  return req.actor;
}

/**
 * Resolves the session cookie into `request.actor` before every /api route that is not public. The
 * hook is attached to those routes when they are declared (`onRoute`), so public routes, the UI and
 * the docs pay nothing, and no request builds `request.routeOptions` (a new object per access) to
 * find out. A session this process resolved moments ago is answered without a promise.
 */
export function registerAuthHook(app: App, deps: AppDeps) {
  app.decorateRequest('actor', null);
  const authenticate: preHandlerHookHandler = (req, _reply, done) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return done(createUnauthenticatedError());
    const cached = cachedActor(deps, token);
    if (cached !== undefined) {
      req.actor = cached;
      return done();
    }
    resolveActor(deps, token).then((actor) => {
      req.actor = actor;
      done(actor ? undefined : createUnauthenticatedError());
    }, done);
  };
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.config?.public) return;
    const own = route.preHandler === undefined ? [] : [route.preHandler].flat();
    // A GET's HEAD route is declared with the GET's options, which already hold the hook.
    if (!own.includes(authenticate)) route.preHandler = [authenticate, ...own];
  });
}
