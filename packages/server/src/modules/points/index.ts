export { announceLedgerChange, onLedgerChange } from './ledger-changes.js';
export { approvePointEvent, proposePointEvent, rejectPointEvent, reversePointEvent } from './point-events.usecases.js';
export {
  findMaxLedgerId, type LedgerEventRow, type LedgerRow, listLedgerEventsOfSubjects, listLedgerRowsAfter, sumLedgerBySubject, sumLedgerBySubjectAndIndicator, sumLedgerOfSubjectByIndicator, sumLedgerOfSubjectByMonth,
} from './point-ledger.repository.js';
export { isUniqueViolation } from './point-rules.repository.js';
export { createRule } from './point-rules.usecases.js';
export { registerPointRoutes } from './points.routes.js';
export { toCenti } from './points.values.js';
