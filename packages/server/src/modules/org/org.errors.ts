import { AppError, createConflictError } from '../../app/errors.js';

export const createUnitCycleError = () =>
  createConflictError('unit.cycle', 'A unit cannot be moved under itself or one of its own sub-units', [{ path: '/parentId', message: 'is inside the unit being moved' }]);

export const createDuplicateCodeError = (entity: string, code: string) =>
  createConflictError(`${entity}.duplicate_code`, `${entity} code ${code} is already used`, [{ path: '/code', message: `${code} is already used` }]);

export const createUnknownReferenceError = (path: string, what: string, id: number | string) =>
  new AppError(400, 'request.unknown_reference', `Unknown ${what} ${id}`, [{ path, message: `unknown ${what} ${id}` }]);

export const createUnitHasActivePeopleError = (n: number) =>
  createConflictError('unit.has_people', `The unit still has ${n} active people: move them first`, [{ path: '/active', message: `${n} active people` }]);
