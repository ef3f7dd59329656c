import type { AuditVerification } from '@baton/contract/audit';
import type { Db } from '../../db/kysely.js';
import { AUDIT_GENESIS_HASH, hashAuditRecord, iterateAuditRecords, readAuditHead } from './audit.repository.js';

export type { AuditVerification };

/**
 * Walks the chain: every record must hash to its stored hash, point at its predecessor's hash,
 * and follow it without a gap in `seq`; the last record must match the recorded head
 * (which catches a deleted tail).
 */
export async function verifyAuditChain({ db }: { db: Db }): Promise<AuditVerification> {
  const problems: AuditVerification['problems'] = [];
  let expectedSeq = 1;
  let prev = AUDIT_GENESIS_HASH;
  let records = 0;
  for await (const r of iterateAuditRecords(db)) {
    records += 1;
    if (r.seq !== expectedSeq) problems.push({ seq: r.seq, message: `records ${expectedSeq}…${r.seq - 1} are missing` });
    if (r.prev_hash !== prev) problems.push({ seq: r.seq, message: 'does not point at the hash of the record before it' });
    const { hash, ...fields } = r;
    if (hashAuditRecord(fields) !== hash) problems.push({ seq: r.seq, message: 'content does not match its hash (altered)' });
    prev = hash;
    expectedSeq = r.seq + 1;
  }
  const head = await readAuditHead(db);
  if (head && (head.seq !== expectedSeq - 1 || head.hash !== prev)) {
    problems.push({ seq: head.seq, message: `the chain ends at ${expectedSeq - 1} but the recorded head is ${head.seq}: records were deleted` });
  }
  if (!head && records > 0) problems.push({ seq: 0, message: 'the recorded head is missing' });
  return { ok: problems.length === 0, records, headHash: prev, problems };
}
