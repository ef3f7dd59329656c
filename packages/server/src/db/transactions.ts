import type { Db } from './kysely.js';

/**
 * Runs `work` in one transaction: everything it writes, audit records included, lands together or not
 * at all (one transaction per command). `work` gets the transaction as its database; nested calls on a
 * transaction run inside it.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute(work);
}
