import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set; the embedded SQLite file `<dataDir>/baton.sqlite` otherwise. */
  databaseUrl: string | undefined;
  sqliteFile: string;
  adminPassword: string | undefined;
  demoPassword: string | undefined;
  seedDemo: boolean;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  /** JSON bodies; uploads have their own limit. */
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  loginRateLimitPerMinute: number;
  webDist: string;
  logLevel: string;
  /** How often `baton serve` looks for finished months whose red/black lists are due. */
  schedulerIntervalMs: number;
}

const repoRoot = resolve(import.meta.dirname, '../../../..');

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function boolFrom(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(value.toLowerCase());
}

/** Every setting comes from the environment; README.md lists them all. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.BATON_DATA_DIR ?? join(repoRoot, 'data'));
  return {
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    sqliteFile: join(dataDir, 'baton.sqlite'),
    adminPassword: env.BATON_ADMIN_PASSWORD || undefined,
    demoPassword: env.BATON_DEMO_PASSWORD || undefined,
    seedDemo: boolFrom(env.BATON_DEMO, true),
    sessionTtlHours: intFrom(env.BATON_SESSION_TTL_HOURS, 12, 'BATON_SESSION_TTL_HOURS'),
    cookieSecure: boolFrom(env.BATON_COOKIE_SECURE, false),
    trustProxy: boolFrom(env.BATON_TRUST_PROXY, false),
    bodyLimitBytes: intFrom(env.BATON_BODY_LIMIT, 1024 * 1024, 'BATON_BODY_LIMIT'),
    uploadLimitBytes: intFrom(env.BATON_UPLOAD_LIMIT, 30 * 1024 * 1024, 'BATON_UPLOAD_LIMIT'),
    loginMaxFailures: intFrom(env.BATON_LOGIN_MAX_FAILURES, 5, 'BATON_LOGIN_MAX_FAILURES'),
    lockoutMinutes: intFrom(env.BATON_LOCKOUT_MINUTES, 15, 'BATON_LOCKOUT_MINUTES'),
    loginRateLimitPerMinute: intFrom(env.BATON_LOGIN_RATE_LIMIT, 20, 'BATON_LOGIN_RATE_LIMIT'),
    webDist: resolve(env.BATON_WEB_DIST ?? join(repoRoot, 'packages/web/dist')),
    schedulerIntervalMs: intFrom(env.BATON_SCHEDULER_INTERVAL_SECONDS, 60, 'BATON_SCHEDULER_INTERVAL_SECONDS') * 1000,
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
