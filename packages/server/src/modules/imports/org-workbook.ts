import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import type { PersonStatus, Role, UnitType } from '../../db/schema.js';
import { isAppError } from '../../app/errors.js';
import { formatUtcDate, parseDateCell, writeWorkbook } from '../../app/spreadsheets.js';
import { createNotXlsxError, createUnreadableWorkbookError, type ImportIssue } from './imports.errors.js';

/**
 * The organization workbook: one .xlsx with the sheets 单位分类 (optional), 单位 and 人员.
 * Headers are matched by name (Chinese or English, any order); unknown columns and sheets are
 * ignored. A missing optional column leaves that field of existing records as it is; an empty
 * cell in a present column clears it. This file knows cells and formats only; the rules that
 * need the database (references, cycles, duplicates) are in org-import-plan.ts.
 */



export type SheetKey = 'categories' | 'units' | 'people';

interface ColumnSpec {
  key: string;
  header: string;
  /** Also accepted as the header (case-insensitive), e.g. for files made by other systems. */
  english: string;
  /** The header must be present; its cells may still be optional. */
  requiredHeader: boolean;
  note: string;
  width: number;
  /** Formatted as text in Excel, so codes like 00123 keep their zeros. */
  text?: boolean;
  /** A drop-down list in the template. */
  choices?: string[];
}

interface SheetSpec {
  key: SheetKey;
  name: string;
  english: string;
  required: boolean;
  columns: ColumnSpec[];
}

export const UNIT_TYPE_LABELS: Record<UnitType, string> = {
  district: '区', town: '镇', street: '街道', department: '部门', section: '科室', other: '其他',
};
export const ROLE_LABELS: Record<Role, string> = { member: '成员', leader: '负责人', admin: '管理员', auditor: '审计员' };
export const STATUS_LABELS: Record<PersonStatus, string> = { active: '在职', left: '离职' };
const ROLE_ORDER: Role[] = ['member', 'leader', 'admin', 'auditor'];

export const SHEETS: Record<SheetKey, SheetSpec> = {
  categories: {
    key: 'categories', name: '单位分类', english: 'Categories', required: false,
    columns: [
      { key: 'code', header: '分类编码', english: 'code', requiredHeader: true, width: 14, text: true, note: 'required; letters, digits, _ - . — the key of the category' },
      { key: 'name', header: '分类名称', english: 'name', requiredHeader: true, width: 18, note: 'required, e.g. 工业强镇' },
      { key: 'description', header: '说明', english: 'description', requiredHeader: false, width: 40, note: 'optional' },
    ],
  },
  units: {
    key: 'units', name: '单位', english: 'Units', required: true,
    columns: [
      { key: 'code', header: '单位编码', english: 'code', requiredHeader: true, width: 16, text: true, note: 'required; letters, digits, _ - . — the key of the unit: re-importing a code updates that unit' },
      { key: 'name', header: '单位名称', english: 'name', requiredHeader: true, width: 24, note: 'required' },
      { key: 'type', header: '单位类型', english: 'type', requiredHeader: true, width: 10, choices: Object.values(UNIT_TYPE_LABELS), note: 'required: 区 / 镇 / 街道 / 部门 / 科室 / 其他 (or district / town / street / department / section / other)' },
      { key: 'parentCode', header: '上级单位编码', english: 'parentCode', requiredHeader: true, width: 16, text: true, note: 'a unit of this sheet or one already in Baton; empty for the top unit' },
      { key: 'category', header: '单位分类', english: 'category', requiredHeader: false, width: 14, note: 'optional: a category code or name, from the 单位分类 sheet or already in Baton' },
      { key: 'sort', header: '排序', english: 'sort', requiredHeader: false, width: 8, note: 'optional whole number: the order among sibling units' },
    ],
  },
  people: {
    key: 'people', name: '人员', english: 'People', required: true,
    columns: [
      { key: 'employeeNo', header: '工号', english: 'employeeNo', requiredHeader: true, width: 12, text: true, note: 'required — the key of the person, and the username of a new account' },
      { key: 'name', header: '姓名', english: 'name', requiredHeader: true, width: 10, note: 'required' },
      { key: 'gender', header: '性别', english: 'gender', requiredHeader: false, width: 6, choices: ['男', '女'], note: '男 / 女' },
      { key: 'unitCode', header: '单位编码', english: 'unitCode', requiredHeader: true, width: 16, text: true, note: 'required: a unit of the 单位 sheet or already in Baton' },
      { key: 'post', header: '岗位', english: 'post', requiredHeader: false, width: 14, note: 'e.g. 科员; created within its post type when new' },
      { key: 'postType', header: '岗位类别', english: 'postType', requiredHeader: false, width: 12, choices: ['综合管理类', '行政执法类', '专业技术类'], note: 'e.g. 综合管理类 / 行政执法类 / 专业技术类; needed for a new post' },
      { key: 'rank', header: '职级', english: 'rank', requiredHeader: false, width: 14, note: 'e.g. 一级科员, 四级主任科员' },
      { key: 'phone', header: '手机', english: 'phone', requiredHeader: false, width: 14, text: true, note: 'mobile phone number' },
      { key: 'roles', header: '角色', english: 'roles', requiredHeader: false, width: 16, choices: ['成员', '成员、负责人', '成员、审计员', '管理员'], note: 'separated by 、 or ,: 成员 / 负责人 (leads his unit; 负责人:CODE leads another) / 管理员 / 审计员. A person with roles gets an account (username = 工号); an empty cell removes the roles' },
      { key: 'status', header: '状态', english: 'status', requiredHeader: false, width: 8, choices: Object.values(STATUS_LABELS), note: '在职 (default) / 离职' },
      { key: 'effectiveFrom', header: '生效日期', english: 'effectiveFrom', requiredHeader: false, width: 12, text: true, note: 'YYYY-MM-DD: when a change of unit, post or rank takes effect (default: today); the start date of a new person' },
    ],
  },
};

const SHEET_ORDER: SheetKey[] = ['categories', 'units', 'people'];

// ---------------------------------------------------------------------------------------------
// Records

export interface CategoryRecord { code: string; name: string; description: string | null }

export interface UnitRecord {
  code: string;
  name: string;
  type: UnitType;
  parentCode: string | null;
  /** A category code or name. */
  category: string | null;
  sort: number | null;
}

/** A role of a person's account; `unitCode` only for a leader of a unit other than his own. */
export interface RoleSpec { role: Role; unitCode: string | null }

export interface PersonRecord {
  employeeNo: string;
  name: string;
  gender: string | null;
  unitCode: string;
  post: string | null;
  postType: string | null;
  rank: string | null;
  phone: string | null;
  roles: RoleSpec[];
  status: PersonStatus;
  effectiveFrom: string | null;
}

export interface OrgRoster { categories: CategoryRecord[]; units: UnitRecord[]; people: PersonRecord[] }

/** A record with the Excel row it came from. */
export type Located<T> = T & { row: number };

export interface ParsedOrgWorkbook {
  categories: Located<CategoryRecord>[];
  units: Located<UnitRecord>[];
  people: Located<PersonRecord>[];
  /** The columns each sheet has: an absent optional column leaves that field as it is. */
  columns: Record<SheetKey, Set<string>>;
  /** Problems found in the cells themselves (formats, required cells, lengths). */
  issues: ImportIssue[];
  /** Data rows read, over all sheets. */
  rowCount: number;
  /** Sheet names and headers as the file spells them (Chinese or English), for messages. */
  labels: { sheets: Partial<Record<SheetKey, string>>; headers: Record<SheetKey, Map<string, string>> };
}

/** The header of a column as it appears in messages. */
export const columnHeader = (sheet: SheetKey, key: string) => SHEETS[sheet].columns.find((c) => c.key === key)?.header ?? key;
export const sheetName = (sheet: SheetKey) => SHEETS[sheet].name;

// ---------------------------------------------------------------------------------------------
// Reading

/** A sheet may hold at most this many data rows (a guard against zip bombs; ~5× a province's units). */
export const MAX_ROWS_PER_SHEET = 300_000;

/**
 * Checks by content (not by the name) that the upload is an .xlsx. A zip that `file-type` cannot
 * see into is let through: the workbook reader then decides (streamed zips have no sizes up front).
 */
export async function assertXlsxContent(content: Buffer): Promise<void> {
  const type = await fileTypeFromBuffer(content);
  if (!type || (type.ext !== 'xlsx' && type.ext !== 'zip')) throw createNotXlsxError(type?.mime ?? (looksLikeText(content) ? 'text' : undefined));
}

function looksLikeText(content: Buffer): boolean {
  const head = content.subarray(0, 512);
  return head.length > 0 && !head.includes(0);
}

type PlainCell = string | number | boolean | Date | null;
type Cell = PlainCell | { error: string };

function normaliseCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return { error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) return normaliseCell((value as { result?: ExcelJS.CellValue }).result);
  if ('text' in value) return String((value as { text: unknown }).text);
  return null;
}

const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');

function normaliseHeader(text: string): string {
  return text.replace(/[（(].*$/, '').replace(/[\s*＊]/g, '').toLowerCase();
}

interface RowContext {
  sheet: string;
  row: number;
  cells: Map<string, Cell>;
  headers: Map<string, string>;
  issues: ImportIssue[];
}

/** Reads typed values from one row, recording an issue for each bad cell. */
class RowReader {
  constructor(private readonly ctx: RowContext) {}

  private issue(key: string, message: string) {
    this.ctx.issues.push({ sheet: this.ctx.sheet, row: this.ctx.row, column: this.ctx.headers.get(key) ?? key, message });
  }

  has(key: string): boolean {
    return this.ctx.headers.has(key);
  }

  private raw(key: string): PlainCell | undefined {
    const cell = this.ctx.cells.get(key) ?? null;
    if (cell !== null && typeof cell === 'object' && !(cell instanceof Date)) {
      this.issue(key, `the cell holds an Excel error (${cell.error})`);
      return undefined;
    }
    return cell;
  }

  text(key: string, opts: { required?: boolean; max: number; code?: boolean; pattern?: RegExp; patternMessage?: string }): string | null {
    const cell = this.raw(key);
    if (cell === undefined) return null;
    const value = cell === null ? '' : cell instanceof Date ? formatUtcDate(cell) : String(cell).trim();
    if (value === '') {
      if (opts.required) this.issue(key, 'is required');
      return null;
    }
    if ([...value].length > opts.max) {
      this.issue(key, `is longer than ${opts.max} characters (${[...value].length})`);
      return null;
    }
    if (opts.code && !/^[A-Za-z0-9_.-]+$/.test(value)) {
      this.issue(key, `"${value}" may only contain letters, digits, "_", "-" and "."`);
      return null;
    }
    if (opts.pattern && !opts.pattern.test(value)) {
      this.issue(key, `"${value}" ${opts.patternMessage ?? 'is not valid'}`);
      return null;
    }
    return value;
  }

  choice<T extends string>(key: string, choices: Record<string, T>, opts: { required?: boolean }): T | null {
    const value = this.text(key, { required: opts.required, max: 50 });
    if (value === null) return null;
    const found = lookup(choices, value);
    if (found === undefined) {
      this.issue(key, `"${value}" is not one of ${[...new Set(Object.keys(choices).filter((k) => /\p{Script=Han}/u.test(k)))].join(', ')}`);
      return null;
    }
    return found;
  }

  integer(key: string): number | null {
    const cell = this.raw(key);
    if (cell === undefined || isBlank(cell)) return null;
    const n = typeof cell === 'number' ? cell : /^[+-]?\d+$/.test(String(cell).trim()) ? Number(String(cell).trim()) : NaN;
    if (!Number.isSafeInteger(n) || Math.abs(n) > 1_000_000_000) {
      this.issue(key, `"${String(cell)}" is not a whole number`);
      return null;
    }
    return n;
  }

  date(key: string): string | null {
    const cell = this.raw(key);
    if (cell === undefined || isBlank(cell)) return null;
    const value = parseDateCell(cell);
    if (value === null) this.issue(key, `"${cell instanceof Date ? cell.toISOString() : String(cell)}" is not a date YYYY-MM-DD`);
    return value;
  }

  roles(key: string): RoleSpec[] {
    const value = this.text(key, { max: 200 });
    if (value === null) return [];
    const out: RoleSpec[] = [];
    for (const token of value.split(/[,，、;；\s]+/).filter(Boolean)) {
      const [label = '', unitCode = null, ...rest] = token.split(/[:：]/);
      const role = lookup(ROLE_BY_LABEL, label);
      if (!role) {
        this.issue(key, `unknown role "${label}" (one of 成员, 负责人, 管理员, 审计员)`);
        continue;
      }
      if (rest.length || (unitCode !== null && (role !== 'leader' || !/^[A-Za-z0-9_.-]+$/.test(unitCode)))) {
        this.issue(key, `"${token}": only 负责人 takes a unit code (负责人:CODE)`);
        continue;
      }
      if (!out.some((r) => r.role === role && r.unitCode === unitCode)) out.push({ role, unitCode });
    }
    return out;
  }
}

/** A label's value, as typed or in lower case (own keys only: a cell saying "constructor" is no label). */
function lookup<T>(map: Record<string, T>, label: string): T | undefined {
  if (Object.hasOwn(map, label)) return map[label];
  const lower = label.toLowerCase();
  return Object.hasOwn(map, lower) ? map[lower] : undefined;
}

const lowerKeys = <T>(map: Record<string, T>) => ({ ...map, ...Object.fromEntries(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v])) });

const UNIT_TYPE_BY_LABEL: Record<string, UnitType> = lowerKeys({
  ...Object.fromEntries(Object.entries(UNIT_TYPE_LABELS).map(([k, v]) => [v, k as UnitType])),
  ...Object.fromEntries(Object.keys(UNIT_TYPE_LABELS).map((k) => [k, k as UnitType])),
});
const ROLE_BY_LABEL: Record<string, Role> = lowerKeys({
  ...Object.fromEntries(Object.entries(ROLE_LABELS).map(([k, v]) => [v, k as Role])),
  ...Object.fromEntries(ROLE_ORDER.map((r) => [r, r])),
});
const STATUS_BY_LABEL: Record<string, PersonStatus> = lowerKeys({ 在职: 'active', 离职: 'left', active: 'active', left: 'left' });
const GENDER_BY_LABEL: Record<string, string> = lowerKeys({ 男: '男', 女: '女', male: '男', female: '女', M: '男', F: '女' });

const PHONE = /^[0-9+() -]{3,20}$/;
const EMPLOYEE_NO = /^[A-Za-z0-9_-]+$/;

const parseCategory = (r: RowReader): CategoryRecord => ({
  code: r.text('code', { required: true, max: 64, code: true }) ?? '',
  name: r.text('name', { required: true, max: 100 }) ?? '',
  description: r.text('description', { max: 500 }),
});

const parseUnit = (r: RowReader): UnitRecord => ({
  code: r.text('code', { required: true, max: 64, code: true }) ?? '',
  name: r.text('name', { required: true, max: 100 }) ?? '',
  type: r.choice('type', UNIT_TYPE_BY_LABEL, { required: true }) ?? 'other',
  parentCode: r.text('parentCode', { max: 64, code: true }),
  category: r.text('category', { max: 100 }),
  sort: r.integer('sort'),
});

const parsePerson = (r: RowReader): PersonRecord => ({
  employeeNo: r.text('employeeNo', { required: true, max: 32, pattern: EMPLOYEE_NO, patternMessage: 'may only contain letters, digits, "_" and "-"' }) ?? '',
  name: r.text('name', { required: true, max: 50 }) ?? '',
  gender: r.choice('gender', GENDER_BY_LABEL, {}),
  unitCode: r.text('unitCode', { required: true, max: 64, code: true }) ?? '',
  post: r.text('post', { max: 100 }),
  postType: r.text('postType', { max: 100 }),
  rank: r.text('rank', { max: 50 }),
  phone: r.text('phone', { max: 20, pattern: PHONE, patternMessage: 'is not a phone number' }),
  roles: r.roles('roles'),
  status: r.choice('status', STATUS_BY_LABEL, {}) ?? 'active',
  effectiveFrom: r.date('effectiveFrom'),
});

function sheetKeyOf(name: string): SheetKey | undefined {
  const n = name.trim().toLowerCase();
  return SHEET_ORDER.find((k) => SHEETS[k].name === name.trim() || SHEETS[k].english.toLowerCase() === n);
}

/** A worksheet as both readers give it: its name and its rows, in order. */
interface SheetSource { name: string; rows: AsyncIterable<ExcelJS.Row> }

/**
 * Reads an uploaded workbook with exceljs's streaming reader (100 000 rows stay in bounded
 * memory: only the typed records are kept). Throws 415 when the content is not an .xlsx and
 * 400 `import.unreadable` when the zip is damaged; every cell-level problem is returned in
 * `issues`, so one upload reports them all.
 */
export async function readOrgWorkbook(content: Buffer): Promise<ParsedOrgWorkbook> {
  await assertXlsxContent(content);
  try {
    return await collectWorkbook(streamSheets(content));
  } catch {
    // exceljs's streaming unzip now and then stops before the last entries (about 1 read in 400
    // of the same valid file, seen with exceljs 4.4 on Node 20), so a failed streaming read is
    // decided by the whole-file reader, which reads the zip's central directory. A damaged file
    // fails both ways.
  }
  try {
    return await collectWorkbook(wholeFileSheets(content));
  } catch (err) {
    if (isAppError(err)) throw err;
    throw createUnreadableWorkbookError(err instanceof Error ? err.message : String(err));
  }
}

async function* streamSheets(content: Buffer): AsyncGenerator<SheetSource> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  let yielded = 0;
  for await (const worksheet of reader) {
    yielded += 1;
    yield { name: (worksheet as unknown as { name: string }).name, rows: worksheet as unknown as AsyncIterable<ExcelJS.Row> };
  }
  // Without the workbook part, or with fewer sheets than it lists, the zip was not read to its end.
  const model = (reader as unknown as { model?: { sheets?: unknown[] } }).model;
  if (!model) throw new Error('the workbook part (xl/workbook.xml) was not found');
  if ((model.sheets?.length ?? 0) > yielded) throw new Error(`read ${yielded} of ${model.sheets!.length} worksheets`);
}

async function* wholeFileSheets(content: Buffer): AsyncGenerator<SheetSource> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  for (const worksheet of workbook.worksheets) {
    const rows: ExcelJS.Row[] = [];
    worksheet.eachRow((row) => rows.push(row));
    yield { name: worksheet.name, rows: (async function* () { yield* rows; })() };
  }
}

async function collectWorkbook(sheets: AsyncIterable<SheetSource>): Promise<ParsedOrgWorkbook> {
  const parsed: ParsedOrgWorkbook = {
    categories: [], units: [], people: [],
    columns: { categories: new Set(), units: new Set(), people: new Set() },
    issues: [], rowCount: 0,
    labels: { sheets: {}, headers: { categories: new Map(), units: new Map(), people: new Map() } },
  };
  const seen = new Map<SheetKey, string>();
  let sheetCount = 0;
  for await (const { name, rows } of sheets) {
    sheetCount += 1;
    const key = sheetKeyOf(name);
    if (!key || seen.has(key)) {
      if (key) parsed.issues.push({ sheet: name, message: `a second ${SHEETS[key].name} sheet (the first is "${seen.get(key)}"); keep one` });
      for await (const _row of rows) { /* drain: the zip is one stream */ }
      continue;
    }
    seen.set(key, name);
    parsed.labels.sheets[key] = name;
    await readSheet(rows, key, name, parsed);
  }
  if (sheetCount === 0) throw createNotXlsxError('a zip archive without worksheets');
  for (const key of SHEET_ORDER) {
    if (!seen.has(key) && SHEETS[key].required) {
      parsed.issues.push({ sheet: SHEETS[key].name, message: `the sheet ${SHEETS[key].name} (${SHEETS[key].english}) is missing` });
    }
  }
  return parsed;
}

async function readSheet(sheetRows: AsyncIterable<ExcelJS.Row>, key: SheetKey, name: string, parsed: ParsedOrgWorkbook) {
  const spec = SHEETS[key];
  let columnsByNumber: Map<number, string> | null = null;
  const headers = new Map<string, string>();
  let rows = 0;
  let headerRow = 1;
  for await (const row of sheetRows) {
    if (!columnsByNumber) {
      const found = readHeader(row, spec, name, parsed.issues);
      if (!found) continue;
      columnsByNumber = found.columns;
      for (const [k, header] of found.headers) headers.set(k, header);
      headerRow = row.number;
      continue;
    }
    const cells = new Map<string, Cell>();
    let empty = true;
    for (const [col, k] of columnsByNumber) {
      const cell = normaliseCell(row.getCell(col).value);
      if (!isBlank(cell)) empty = false;
      cells.set(k, cell);
    }
    if (empty) continue;
    rows += 1;
    if (rows > MAX_ROWS_PER_SHEET) {
      // Keep reading to the end of the sheet (the zip is one stream), but keep nothing more.
      if (rows === MAX_ROWS_PER_SHEET + 1) parsed.issues.push({ sheet: name, row: row.number, message: `more than ${MAX_ROWS_PER_SHEET} rows: split the file` });
      continue;
    }
    const reader = new RowReader({ sheet: name, row: row.number, cells, headers, issues: parsed.issues });
    if (key === 'categories') parsed.categories.push({ ...parseCategory(reader), row: row.number });
    else if (key === 'units') parsed.units.push({ ...parseUnit(reader), row: row.number });
    else parsed.people.push({ ...parsePerson(reader), row: row.number });
  }
  parsed.rowCount += Math.min(rows, MAX_ROWS_PER_SHEET);
  parsed.columns[key] = new Set(headers.keys());
  parsed.labels.headers[key] = headers;
  for (const column of spec.columns) {
    if (column.requiredHeader && !headers.has(column.key)) {
      parsed.issues.push({ sheet: name, row: headerRow, column: column.header, message: `the column ${column.header} (${column.english}) is missing` });
    }
  }
}

/** The first non-empty row is the header row; its known headers map column numbers to fields. */
function readHeader(row: ExcelJS.Row, spec: SheetSpec, sheet: string, issues: ImportIssue[]) {
  const columns = new Map<number, string>();
  const headers = new Map<string, string>();
  let any = false;
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    const value = normaliseCell(cell.value);
    if (isBlank(value) || typeof value === 'object') return;
    any = true;
    const text = String(value).trim();
    const wanted = normaliseHeader(text);
    const column = spec.columns.find((c) => normaliseHeader(c.header) === wanted || c.english.toLowerCase() === wanted);
    if (!column) return;
    if (headers.has(column.key)) {
      issues.push({ sheet, row: row.number, column: text, message: `the column ${column.header} appears twice` });
      return;
    }
    columns.set(col, column.key);
    headers.set(column.key, text);
  });
  return any ? { columns, headers } : null;
}

// ---------------------------------------------------------------------------------------------
// Writing

export function formatRoles(roles: RoleSpec[]): string {
  return [...roles]
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || (a.unitCode ?? '').localeCompare(b.unitCode ?? ''))
    .map((r) => (r.unitCode ? `${ROLE_LABELS[r.role]}:${r.unitCode}` : ROLE_LABELS[r.role]))
    .join('、');
}

/** The cells of each sheet's rows, in the order of SHEETS[key].columns. */
function rowsOf(roster: OrgRoster, key: SheetKey): (string | number | null)[][] {
  if (key === 'categories') return roster.categories.map((c) => [c.code, c.name, c.description]);
  if (key === 'units') return roster.units.map((u) => [u.code, u.name, UNIT_TYPE_LABELS[u.type], u.parentCode, u.category, u.sort]);
  return roster.people.map((p) => [
    p.employeeNo, p.name, p.gender, p.unitCode, p.post, p.postType, p.rank, p.phone, formatRoles(p.roles),
    STATUS_LABELS[p.status], p.effectiveFrom,
  ]);
}

const columnLetter = (index: number) => String.fromCharCode(65 + index);

const INSTRUCTIONS: [string, string][] = [
  ['组织与人员导入 (Baton)', '一个文件导入单位与人员：单位分类（可选）、单位、人员三张表。表头按名称识别，列的顺序不限；未知的列和表将被忽略。'],
  ['幂等', '单位按“单位编码”、人员按“工号”、分类按“分类编码”识别：再次导入同一文件不会产生任何变更。'],
  ['校验', '导入前检查全部行；任何错误都会拒绝整个文件，并列出每个错误的表、行号、列和原因。'],
  ['缺列与空格', '可选列整列缺失时，已有记录的该项保持不变；列存在但单元格为空时，该项被清空。'],
  ['单位类型', '区 / 镇 / 街道 / 部门 / 科室 / 其他'],
  ['上级单位编码', '本表中的单位或系统中已有的单位；最上级单位留空。不能形成循环。'],
  ['单位分类', '填写分类编码或分类名称：单位分类表中的，或系统中已有的。'],
  ['岗位 / 岗位类别', '岗位在其岗位类别内按名称识别，不存在时自动创建。'],
  ['角色', '成员 / 负责人 / 管理员 / 审计员，用“、”或逗号分隔。负责人领导本人所在单位；负责人:单位编码 领导其他单位。有角色的人员会获得账号（用户名为工号，初始密码在导入结果中给出，首次登录须修改）。'],
  ['状态', '在职 / 离职'],
  ['生效日期', 'YYYY-MM-DD：单位、岗位或职级变更的生效日期（默认今天），新人员的任职起始日期。'],
];

/**
 * Writes a roster as the import layout (the template with its examples, or an export). Uses the
 * streaming writer, so 100 000 people do not build a workbook model in memory.
 */
export async function writeOrgWorkbook(roster: OrgRoster): Promise<Buffer> {
  return writeWorkbook(async (workbook) => {
    for (const key of SHEET_ORDER) {
      const spec = SHEETS[key];
      const rows = rowsOf(roster, key);
      const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = spec.columns.map((c) => ({ key: c.key, width: c.width, ...(c.text && { style: { numFmt: '@' } }) }));
      const header = sheet.addRow(spec.columns.map((c) => c.header));
      header.font = { bold: true };
      spec.columns.forEach((c, i) => {
        const cell = header.getCell(i + 1);
        cell.note = `${c.header} (${c.english}): ${c.note}`;
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.requiredHeader ? 'FFFCE4D6' : 'FFEDEDED' } };
      });
      header.commit();
      for (const values of rows) sheet.addRow(values).commit();
      const lastRow = Math.max(rows.length + 1000, 5000);
      spec.columns.forEach((c, i) => {
        if (!c.choices) return;
        const range = `${columnLetter(i)}2:${columnLetter(i)}${lastRow}`;
        // Roles may combine several; the list only suggests, it does not refuse other text.
        const strict = c.key !== 'roles' && c.key !== 'postType';
        // The streaming worksheet has data validations, but exceljs's typings omit them.
        (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, {
          type: 'list', allowBlank: true, formulae: [`"${c.choices.join(',')}"`],
          showErrorMessage: strict, errorStyle: 'stop', error: `${c.header}: ${c.choices.join(' / ')}`,
        });
      });
      await sheet.commit();
    }
    const help = workbook.addWorksheet('说明');
    help.columns = [{ width: 22 }, { width: 100 }];
    for (const [topic, text] of INSTRUCTIONS) help.addRow([topic, text]).commit();
    await help.commit();
  });
}

/** The examples of the downloadable template: a district, a street with a section, two people. */
export const TEMPLATE_EXAMPLE: OrgRoster = {
  categories: [
    { code: 'URBAN', name: '城区街道', description: '示例：城区街道，考核权重偏重社会治理' },
    { code: 'INDUSTRY', name: '工业强镇', description: '示例：工业强镇，考核权重偏重经济发展' },
  ],
  units: [
    { code: 'DIST', name: '示例区', type: 'district', parentCode: null, category: null, sort: 0 },
    { code: 'JINSHA', name: '金沙街道', type: 'street', parentCode: 'DIST', category: 'URBAN', sort: 1 },
    { code: 'JINSHA-01', name: '金沙街道党政办公室', type: 'section', parentCode: 'JINSHA', category: null, sort: 1 },
  ],
  people: [
    {
      employeeNo: '100001', name: '张伟', gender: '男', unitCode: 'JINSHA', post: '街道办事处主任', postType: '综合管理类', rank: '四级调研员',
      phone: '13800000001', roles: [{ role: 'member', unitCode: null }, { role: 'leader', unitCode: null }], status: 'active', effectiveFrom: '2026-01-01',
    },
    {
      employeeNo: '100002', name: '李娜', gender: '女', unitCode: 'JINSHA-01', post: '科员', postType: '综合管理类', rank: '一级科员',
      phone: '13800000002', roles: [{ role: 'member', unitCode: null }], status: 'active', effectiveFrom: '2026-01-01',
    },
  ],
};
