import { PassThrough, Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isValidDate } from './dates.js';

/**
 * Reading and writing spreadsheets, for every module that imports or exports one (the roster, point
 * batches, the work calendar, work-log and report-card exports): cells read into plain values, dates
 * as Excel writes them, CSV as Chinese Excel saves it, and workbooks streamed out.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as the importers read it: formulas by their result, rich text as its text. */
export type Cell = string | number | boolean | Date | null;

/** A non-empty row of a sheet, with its number as Excel shows it (1 = the header). */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

/**
 * A plain value of an ExcelJS cell. A hyperlink cell reads as its target with `links: 'target'`
 * (evidence links), else as its text.
 */
export function cellOf(value: ExcelJS.CellValue | undefined, options: { links?: 'text' | 'target' } = {}): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellOf((value as { result?: ExcelJS.CellValue }).result, options);
  if (options.links === 'target' && 'hyperlink' in value) return String((value as { hyperlink: unknown }).hyperlink);
  if ('text' in value) return String((value as { text: unknown }).text);
  return null;
}

/** A date as YYYY-MM-DD in UTC, the zone ExcelJS gives Excel dates in. */
export function formatUtcDate(d: Date): string {
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** A cell's text, trimmed ('' for an empty cell; a date as YYYY-MM-DD). */
export function textOf(cell: Cell): string {
  return cell === null ? '' : cell instanceof Date ? formatUtcDate(cell) : String(cell).trim();
}

/** A date cell: a real Excel date, an Excel serial number, or text such as 2026-10-01, 2026/10/1, 2026年10月1日. */
export function parseDateCell(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : formatUtcDate(cell);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return null;
    return formatUtcDate(new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000));
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(textOf(cell));
  if (!m) return null;
  const value = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isValidDate(value) ? value : null;
}

/** UTF-8 (with or without BOM), or GB18030 as Excel for Chinese Windows saves "CSV (逗号分隔)". */
export function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(content);
  }
}

function rowsOf(sheet: ExcelJS.Worksheet | undefined, options: { links?: 'text' | 'target' }): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    rows.push({ row: rowNumber, cells: (row.values as ExcelJS.CellValue[]).slice(1).map((value) => cellOf(value, options)) });
  });
  return rows;
}

/** The rows of a CSV file; every value stays text (dates and numbers are read by the importer's rules, not guessed). */
export async function readCsvRows(content: Buffer, options: { links?: 'text' | 'target' } = {}): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  const sheet = await workbook.csv.read(Readable.from([decodeText(content)]), { map: (v: string) => v });
  return rowsOf(sheet, options);
}

/**
 * The rows of one sheet of an .xlsx file: the sheet named `sheet` if there is one, else the first.
 * A file ExcelJS cannot open throws what `unreadable` makes of the reason.
 */
export async function readXlsxRows(
  content: Buffer,
  options: { sheet?: string; links?: 'text' | 'target'; unreadable: (reason: string) => Error },
): Promise<{ sheet: string | undefined; rows: SheetRow[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch (err) {
    throw options.unreadable(err instanceof Error ? err.message : String(err));
  }
  const sheet = (options.sheet === undefined ? undefined : workbook.worksheets.find((w) => w.name.trim() === options.sheet)) ?? workbook.worksheets[0];
  return { sheet: sheet?.name, rows: rowsOf(sheet, options) };
}

/**
 * An .xlsx written with ExcelJS's streaming writer (no workbook model in memory, whatever the number of
 * rows), collected into one buffer. `write` adds and commits the sheets; the workbook is committed after it.
 */
export async function writeWorkbook(
  write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void>,
  options: { sharedStrings?: boolean } = {},
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const workbook = createWorkbookWriter(out, options);
  await write(workbook);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** A streaming workbook writer on `stream`, signed by Baton (for exports streamed to the response). */
export function createWorkbookWriter(stream: Writable, options: { sharedStrings?: boolean } = {}): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: options.sharedStrings ?? true });
  workbook.creator = 'Baton';
  return workbook;
}
