import { fileTypeFromBuffer } from 'file-type';
import { parseDateCell, readCsvRows, readXlsxRows, textOf, type SheetRow } from '../../app/spreadsheets.js';
import type { WorkCalendarKind } from '../../db/schema.js';
import { createCalendarFileTypeError, createCalendarImportInvalidError } from './work-calendar.errors.js';

/**
 * The calendar file an admin imports: an .xlsx workbook (first sheet) or a .csv, with a header row
 * 日期 | 类型 | 名称 (or date | kind | name) and one date per row; 类型 is 工作日 or 休息日. Every bad
 * row is reported (Excel row number and column); nothing is imported while any row is wrong.
 */

export interface CalendarImportRow {
  row: number;
  date: string;
  kind: WorkCalendarKind;
  name: string | null;
}

export const MAX_CALENDAR_ROWS = 5000;

const HEADERS: Record<'date' | 'kind' | 'name', string[]> = {
  date: ['日期', 'date'],
  kind: ['类型', 'kind', 'type'],
  name: ['名称', 'name', '说明'],
};

const KIND_BY_LABEL: Record<string, WorkCalendarKind> = {
  工作日: 'workday', 上班: 'workday', 调休上班: 'workday', 补班: 'workday', workday: 'workday', work: 'workday',
  休息日: 'holiday', 休息: 'holiday', 节假日: 'holiday', 假日: 'holiday', 放假: 'holiday', holiday: 'holiday', rest: 'holiday',
};

/** Reads the rows of an uploaded calendar file, deciding .xlsx or CSV by the content, not the name. */
export async function readCalendarFile(content: Buffer): Promise<SheetRow[]> {
  const type = await fileTypeFromBuffer(content);
  if (type && (type.ext === 'xlsx' || type.ext === 'zip')) return (await readXlsxRows(content, { unreadable: () => createCalendarFileTypeError() })).rows;
  if (type || content.subarray(0, 4096).includes(0)) throw createCalendarFileTypeError();
  return readCsvRows(content);
}

/** Validates the rows: the header, then each row's date, kind and name; throws with every issue found. */
export function parseCalendarRows(rows: SheetRow[]): CalendarImportRow[] {
  const issues: { row?: number; column?: string; message: string }[] = [];
  const [header, ...body] = rows;
  const columns = new Map<'date' | 'kind' | 'name', number>();
  (header?.cells ?? []).forEach((cell, index) => {
    const text = textOf(cell).toLowerCase();
    for (const [key, names] of Object.entries(HEADERS) as ['date' | 'kind' | 'name', string[]][]) {
      if (names.includes(text) && !columns.has(key)) columns.set(key, index);
    }
  });
  for (const key of ['date', 'kind'] as const) {
    if (!columns.has(key)) issues.push({ row: header?.row ?? 1, column: HEADERS[key][0]!, message: `the header row has no column ${HEADERS[key][0]}` });
  }
  if (issues.length) throw createCalendarImportInvalidError(issues);
  if (body.length > MAX_CALENDAR_ROWS) throw createCalendarImportInvalidError([{ message: `at most ${MAX_CALENDAR_ROWS} rows may be imported at once` }]);

  const seen = new Map<string, number>();
  const out: CalendarImportRow[] = [];
  for (const { row, cells } of body) {
    const at = (key: 'date' | 'kind' | 'name') => (columns.has(key) ? cells[columns.get(key)!] ?? null : null);
    if (cells.every((c) => textOf(c) === '')) continue;
    const date = parseDateCell(at('date'));
    const kindText = textOf(at('kind'));
    const kind = KIND_BY_LABEL[kindText.toLowerCase()];
    const name = textOf(at('name')) || null;
    if (!date) issues.push({ row, column: '日期', message: `"${textOf(at('date'))}" is not a date YYYY-MM-DD` });
    if (!kind) issues.push({ row, column: '类型', message: `"${kindText}" is not 工作日 or 休息日` });
    if (name && name.length > 50) issues.push({ row, column: '名称', message: 'must have at most 50 characters' });
    if (date && seen.has(date)) issues.push({ row, column: '日期', message: `${date} is already on row ${seen.get(date)}` });
    if (date && kind && !(name && name.length > 50) && !seen.has(date)) out.push({ row, date, kind, name });
    if (date && !seen.has(date)) seen.set(date, row);
  }
  if (issues.length) throw createCalendarImportInvalidError(issues);
  return out;
}
