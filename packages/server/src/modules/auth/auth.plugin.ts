import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app/deps.js';
import { createUnauthenticatedError } from '../../app/errors.js';
import type { App } from '../../app/http.js';
import type { Actor } from '../../policies/policies.js';
import { resolveActor } from './auth.usecases.js';

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

/** Resolves the session cookie into `request.actor` before every /api route that is not public. */
export function registerAuthHook(app: App, deps: AppDeps) {
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (req) => {
    // Only API routes need a session; the static UI and the docs do not.
    if (!req.routeOptions.url?.startsWith('/api/') || req.routeOptions.config?.public) return;
    const token = req.cookies[SESSION_COOKIE];
    req.actor = token ? await resolveActor(deps, token) : null;
    if (!req.actor) throw createUnauthenticatedError();
  });
}
