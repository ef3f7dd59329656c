import { AppError, createConflictError } from '../../app/errors.js';

export const createDuplicateEmployeeNoError = (employeeNo: string) =>
  createConflictError('person.duplicate_employee_no', `Employee number ${employeeNo} is already used`, [{ path: '/employeeNo', message: `${employeeNo} is already used` }]);

export const createEffectiveDateError = (message: string) =>
  new AppError(400, 'person.invalid_effective_date', message, [{ path: '/effectiveFrom', message }]);
