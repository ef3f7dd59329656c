export {
  appendAuditRecords, appendAuditRecordsWithChange, AuditChainMovedError, type AuditEntry, canonicalJson, readAuditChainHead,
} from './audit.repository.js';
export { registerAuditRoutes } from './audit.routes.js';
export { verifyAuditChain } from './audit.usecases.js';
