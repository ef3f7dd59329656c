import type { Config } from './config.js';
import type { Db, DialectName } from '../db/kysely.js';

/** What every use case may need, passed as named arguments (no DI container). */
export interface AppDeps {
  db: Db;
  dialect: DialectName;
  config: Config;
  /** The current time is a parameter, so tests can move it. */
  now: () => Date;
}
