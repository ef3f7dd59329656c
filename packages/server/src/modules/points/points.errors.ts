import { AppError, createConflictError, type ErrorDetail } from '../../app/errors.js';

/** An error table longer than this is cut; the message says how many more there are (as the org import). */
export const MAX_LISTED_ROW_ISSUES = 500;

export const createRuleDuplicateError = (code: string) =>
  createConflictError('pointRule.duplicate', `The scheme already has an active rule with the code ${code}: replace it instead`, [{ path: '/code', message: 'an active rule has this code' }]);

export const createRuleDisabledError = (id: number) =>
  createConflictError('pointRule.disabled', `Rule ${id} is disabled: it takes no new events and cannot be replaced or disabled again`);

export const createOwnSubjectError = () =>
  new AppError(403, 'points.own_subject', 'You may not propose or decide points about yourself');

export const createOwnProposalError = () =>
  new AppError(403, 'points.own_proposal', 'Someone other than the proposer approves or rejects an event');

export const createOwnBatchError = () =>
  new AppError(403, 'points.own_proposal', 'Someone other than the uploader approves a batch');

export const createNotPendingError = (id: number, status: string) =>
  createConflictError('points.not_pending', `Event ${id} is ${status}, not proposed`);

export const createAlreadyReversedError = (id: number, reversingId: number | null) =>
  createConflictError('points.already_reversed', `Event ${id} is already reversed${reversingId ? ` by event ${reversingId}` : ''}`);

export const createNotReversibleError = (id: number, why: string) =>
  createConflictError('points.not_reversible', `Event ${id} cannot be reversed: ${why}`);

export const createPeriodClosedError = (period: { id: number; name: string }, details: ErrorDetail[] = []) =>
  createConflictError('period.closed', `The period ${period.name} (${period.id}) is closed: its points can no longer change`, details);

export const createIdempotencyConflictError = (key: string) =>
  createConflictError('points.idempotency_conflict', `The idempotency key "${key}" was used for a batch with other content`);

export const createBatchInvalidError = (issues: ErrorDetail[]) => {
  const more = issues.length - MAX_LISTED_ROW_ISSUES;
  const message = more > 0
    ? `The batch has ${issues.length} errors; the first ${MAX_LISTED_ROW_ISSUES} are listed (${more} more not shown). Nothing was written.`
    : `The batch has ${issues.length} error${issues.length === 1 ? '' : 's'}. Nothing was written.`;
  return new AppError(400, 'points.batch_invalid', message, issues.slice(0, MAX_LISTED_ROW_ISSUES));
};

export const createIdempotencyKeyMissingError = () =>
  new AppError(400, 'request.invalid', 'The header Idempotency-Key (1–200 characters) is required', [{ path: '/headers/idempotency-key', message: 'is required (1–200 characters)' }]);

export const createUnsupportedImportFileError = (detected: string | undefined) =>
  new AppError(415, 'import.unsupported_file', `Send the points as an .xlsx workbook or a UTF-8 .csv file${detected ? `: the file's content is ${detected}` : ''}`, [{ path: '/file', message: 'not .xlsx or .csv' }]);
