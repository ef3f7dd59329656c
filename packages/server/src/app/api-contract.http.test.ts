import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './http.js';
import { buildServer } from './server.js';
import { createTestClock, testConfig } from '../testing/fixtures.js';
import { createTestDatabase } from '../testing/test-database.js';

/**
 * The API contract (@baton/contract, docs/ARCHITECTURE.md "Decisions"): every route answers through a
 * response schema, so its shape is written once — the serializer, the OpenAPI document and the web's
 * types all read it — and nothing can be added to an answer without it.
 */
describe('the API contract', () => {
  const routes: RouteOptions[] = [];
  let app: App;
  let destroy: () => Promise<void>;
  beforeAll(async () => {
    const handle = await createTestDatabase('sqlite');
    destroy = handle.destroy;
    app = await buildServer({ db: handle.db, dialect: handle.dialect, config: testConfig(), now: createTestClock().now }, { onRoute: (route) => routes.push(route) });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await destroy();
  });

  const apiRoutes = () => routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
  const methodsOf = (r: RouteOptions) => (Array.isArray(r.method) ? r.method : [r.method]).join(',');

  it('declares a response schema for a success status on every /api route', () => {
    expect(apiRoutes().length).toBeGreaterThan(100);
    const missing = apiRoutes()
      .filter((r) => !Object.keys((r.schema?.response ?? {}) as Record<string, unknown>).some((status) => /^2\d\d$/.test(status)))
      .map((r) => `${methodsOf(r)} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('documents a response for every operation of the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, { description?: string; content?: unknown }> }>>;
    };
    const undocumented: string[] = [];
    let operations = 0;
    for (const [path, operationsOfPath] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operationsOfPath)) {
        operations += 1;
        // A success with its content, or a 204 (no content); @fastify/swagger makes up a bare "Default Response" for a route without a schema.
        const documented = Object.entries(operation.responses ?? {}).some(([status, response]) => /^2\d\d$/.test(status) && (response.content !== undefined || status === '204'));
        if (!documented) undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(operations).toBe(apiRoutes().length);
    expect(undocumented).toEqual([]);
  });
});
