import { AppError } from '../../app/errors.js';

export const createCalendarImportInvalidError = (issues: { row?: number; column?: string; message: string }[]) =>
  new AppError(400, 'calendar.import_invalid', `The file has ${issues.length} error${issues.length === 1 ? '' : 's'}. Nothing was imported.`, issues.slice(0, 500));

export const createCalendarFileTypeError = () =>
  new AppError(415, 'calendar.unsupported_file', 'Send the calendar as an .xlsx workbook or a UTF-8 .csv file', [{ path: '/file', message: 'not .xlsx or .csv' }]);
