import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import { isValidDate } from '../../app/dates.js';
import type { WorkCalendarKind } from '../../db/schema.js';
import { createCalendarFileTypeError, createCalendarImportInvalidError } from './worklogs.errors.js';

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

type Cell = string | number | boolean | Date | null;

function cellOf(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value as { result?: ExcelJS.CellValue }).result);
  if ('text' in value) return String((value as { text: unknown }).text);
  return null;
}

function formatUtcDate(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** A real Excel date, an Excel serial number, or text such as 2026-10-01, 2026/10/1, 2026年10月1日. */
function parseDateCell(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : formatUtcDate(cell);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return null;
    return formatUtcDate(new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000));
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(String(cell ?? '').trim());
  if (!m) return null;
  const value = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(value) ? value : null;
}

const textOf = (cell: Cell) => (cell === null ? '' : cell instanceof Date ? formatUtcDate(cell) : String(cell).trim());

/** Reads the rows of an uploaded calendar file, deciding .xlsx or CSV by the content, not the name. */
export async function readCalendarFile(content: Buffer): Promise<{ row: number; cells: Cell[] }[]> {
  const type = await fileTypeFromBuffer(content);
  if (type && (type.ext === 'xlsx' || type.ext === 'zip')) return readXlsxRows(content);
  if (type || content.subarray(0, 4096).includes(0)) throw createCalendarFileTypeError();
  return readCsvRows(content);
}

async function readXlsxRows(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw createCalendarFileTypeError();
  }
  const sheet = workbook.worksheets[0];
  const rows: { row: number; cells: Cell[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push({ row: rowNumber, cells: values.slice(1).map(cellOf) });
  });
  return rows;
}

/** UTF-8 (with or without BOM), or GB18030 as Excel for Chinese Windows saves "CSV (逗号分隔)". */
function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

async function readCsvRows(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  // `map` keeps every value a string: dates and numbers are read by the rules below, not guessed.
  const sheet = await workbook.csv.read(Readable.from([decodeText(content)]), { map: (v: string) => v });
  const rows: { row: number; cells: Cell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    rows.push({ row: rowNumber, cells: (row.values as ExcelJS.CellValue[]).slice(1).map(cellOf) });
  });
  return rows;
}

/** Validates the rows: the header, then each row's date, kind and name; throws with every issue found. */
export function parseCalendarRows(rows: { row: number; cells: Cell[] }[]): CalendarImportRow[] {
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
