import type { LightMyRequestResponse } from 'fastify';
import { bootstrap } from '../app/bootstrap.js';
import type { Config } from '../app/config.js';
import type { AppDeps } from '../app/deps.js';
import type { App } from '../app/http.js';
import { buildServer } from '../app/server.js';
import type { DialectName } from '../db/kysely.js';
import { createTestClock, testConfig } from './fixtures.js';
import { createTestDatabase } from './test-database.js';

export interface TestApp {
  app: App;
  deps: AppDeps;
  clock: ReturnType<typeof createTestClock>;
  /** Signs in through the real login route and returns the Cookie header for later requests. */
  loginAs(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A real server on a fresh test database (SQLite in memory or a PostgreSQL schema), bootstrapped
 * with the `admin` account (password `admin-Passw0rd`) and without the demo. Requests go through
 * `app.inject()`: the full HTTP pipeline without a socket.
 */
export async function createTestApp(dialect: DialectName, overrides: Partial<Config> = {}): Promise<TestApp> {
  const handle = await createTestDatabase(dialect);
  const clock = createTestClock();
  const config = testConfig(overrides);
  const deps: AppDeps = { db: handle.db, dialect: handle.dialect, config, now: clock.now };
  await bootstrap(deps);
  const app = await buildServer(deps);
  await app.ready();
  return {
    app,
    deps,
    clock,
    async loginAs(username, password = username === 'admin' ? config.adminPassword! : config.demoPassword!) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
      return cookieOf(res);
    },
    async close() {
      await app.close();
      await handle.destroy();
    },
  };
}

export function cookieOf(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (!first) throw new Error('no session cookie was set');
  return first.split(';')[0]!;
}
