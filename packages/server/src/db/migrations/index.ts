import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation.js';
import * as m0002 from './0002-work-records.js';
import * as m0003 from './0003-points.js';
import * as m0004 from './0004-search-index-pending-list.js';
import * as m0005 from './0005-cycles.js';
import * as m0006 from './0006-appeals.js';
import * as m0007 from './0007-quota-coupling.js';
import * as m0008 from './0008-audit-hash-not-unique.js';

/** Every migration, in order. One set for SQLite and PostgreSQL (see migration-helpers.ts). */
export const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-work-records': m0002,
  '0003-points': m0003,
  '0004-search-index-pending-list': m0004,
  '0005-cycles': m0005,
  '0006-appeals': m0006,
  '0007-quota-coupling': m0007,
  '0008-audit-hash-not-unique': m0008,
};
