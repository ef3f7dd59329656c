import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from './deps.js';
import { handleError } from './error-handler.js';
import { AppError } from './errors.js';
import type { App } from './http.js';
import { BATON_VERSION } from '../version.js';
import { registerAuthHook } from './auth.plugin.js';
import { registerAuthRoutes } from '../modules/auth/index.js';
import { registerHealthRoutes } from '../modules/health/index.js';
import { registerOrgRoutes } from '../modules/org/index.js';
import { registerPeopleRoutes } from '../modules/people/index.js';
import { registerAccountRoutes } from '../modules/accounts/index.js';
import { registerAuditRoutes } from '../modules/audit/index.js';
import { registerJobRoutes } from '../modules/jobs/index.js';
import { featureRoutes } from './feature-routes.js';

export interface BuildServerOptions {
  logger?: boolean;
  /** Called with every route as it is declared, schemas included (the contract test reads them). */
  onRoute?: (route: RouteOptions) => void;
}

/** The HTTP application: plugins, the one error shape, every feature's routes and the built web UI. */
export async function buildServer(deps: AppDeps, options: BuildServerOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ? { level: deps.config.logLevel } : false,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (options.onRoute) app.addHook('onRoute', options.onRoute);

  app.setErrorHandler(handleError);
  await app.register(cookie);
  // @fastify/multipart is registered only around the routes that take uploads (app/uploads.ts).
  await app.register(rateLimit, {
    global: false,
    // Thrown by the plugin, so it goes through handleError like every other error.
    errorResponseBuilder: (_req, ctx) => new AppError(429, 'auth.rate_limited', `Too many requests: try again in ${Math.ceil(ctx.ttl / 1000)} s`),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Baton API', description: 'Public-sector performance assessment (考核指挥棒). See docs/product.md §6.', version: BATON_VERSION },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'baton_session' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list' } });

  registerAuthHook(app, deps);
  for (const register of [
    registerHealthRoutes, registerAuthRoutes, registerOrgRoutes, registerPeopleRoutes, registerAccountRoutes,
    registerAuditRoutes, registerJobRoutes, ...featureRoutes,
  ]) {
    await app.register(async (scope) => register(scope as App, deps));
  }

  registerWebUi(app, deps.config.webDist);
  return app;
}

/**
 * Serves the built React app. Files are looked up per request (a rebuilt UI is served without a
 * restart); a missing asset is a 404, and any other unknown non-API path falls back to index.html
 * (client-side routing).
 */
function registerWebUi(app: App, webDist: string) {
  const hasWeb = existsSync(join(webDist, 'index.html'));
  if (hasWeb) void app.register(fastifyStatic, { root: webDist, wildcard: true, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/api' || req.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'route.not_found', message: `No route ${req.method} ${path}`, details: [] } });
    }
    if (!hasWeb) {
      return reply.status(404).type('text/plain; charset=utf-8').send('The web UI is not built: run `npm run build` (npm start does it for you).');
    }
    if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
      return reply.status(404).type('text/plain; charset=utf-8').send('Not found');
    }
    return reply.sendFile('index.html');
  });
}
