import { AppError } from '../../app/errors.js';

/** One problem of an uploaded workbook, located as a person would find it in Excel. */
export interface ImportIssue {
  /** The sheet's name as the file spells it (单位, 人员, 单位分类). */
  sheet: string;
  /** The Excel row number (the header row is usually 1); absent for a missing sheet. */
  row?: number;
  /** The column's header; absent when the whole row or sheet is concerned. */
  column?: string;
  message: string;
}

/** An error table longer than this is cut; the message says how many more there are. */
export const MAX_LISTED_ISSUES = 500;

export const createImportInvalidError = (issues: ImportIssue[]) => {
  const more = issues.length - MAX_LISTED_ISSUES;
  const message = more > 0
    ? `The file has ${issues.length} errors; the first ${MAX_LISTED_ISSUES} are listed (${more} more not shown). Nothing was imported.`
    : `The file has ${issues.length} error${issues.length === 1 ? '' : 's'}. Nothing was imported.`;
  return new AppError(400, 'import.invalid', message, issues.slice(0, MAX_LISTED_ISSUES));
};

export const createNotXlsxError = (detected: string | undefined) =>
  new AppError(415, 'import.not_xlsx', `The file is not an Excel workbook (.xlsx)${detected ? `: its content is ${detected}` : ''}`);

export const createUnreadableWorkbookError = (reason: string) =>
  new AppError(400, 'import.unreadable', `The workbook cannot be read (damaged or not saved by a spreadsheet program): ${reason}`);

export const createMissingFileError = () =>
  new AppError(400, 'import.no_file', 'Send the workbook as the multipart field "file"');
