import { loadConfig, type Config } from '../app/config.js';
import type { AppDeps } from '../app/deps.js';
import type { DatabaseHandle } from '../db/kysely.js';
import type { Actor } from '../policies/index.js';

/** Configuration for tests: independent of the environment the tests run in. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), adminPassword: 'admin-Passw0rd', demoPassword: 'demo-Passw0rd', seedDemo: false, ...overrides };
}

/** A clock tests can move: `clock.set('2026-03-01T08:00:00Z')`, `clock.advanceMinutes(16)`. */
export function createTestClock(start = '2026-03-02T01:00:00.000Z') {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (iso: string) => { current = new Date(iso); },
    advanceMinutes: (m: number) => { current = new Date(current.getTime() + m * 60_000); },
  };
}

export function depsFor(handle: DatabaseHandle, clock = createTestClock(), config = testConfig()): AppDeps {
  return { db: handle.db, dialect: handle.dialect, config, now: clock.now };
}

export const adminActor: Actor = { accountId: 1, username: 'admin', personId: null, unitId: null, roles: ['admin'], leaderUnitIds: [] };
