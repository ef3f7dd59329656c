import { fileTypeFromBuffer } from 'file-type';
import { parseDateCell, readCsvRows, readXlsxRows, textOf, writeWorkbook, type Cell, type SheetRow } from '../../app/spreadsheets.js';
import type { ErrorDetail } from '../../app/errors.js';
import type { PointSource } from '../../db/schema.js';
import { createUnreadableWorkbookError } from '../imports/index.js';
import { createUnsupportedImportFileError } from './points.errors.js';
import {
  checkEvidenceLink, checkEvidenceText, FILE_BATCH_COLUMNS, normalizeText, POINT_SOURCE_LABELS, POINT_SOURCES, toCenti, type BatchColumn, type BatchRow,
} from './points.values.js';

/**
 * The points import file (业务数据监测): an .xlsx (the sheet 积分事件, else the first sheet) or a CSV,
 * decided by the content. Headers are matched by name (Chinese or the JSON field names, any order):
 * 规则编码 | 工号 | 单位编码 | 发生日期 | 次数 | 分值 | 来源 | 依据说明 | 链接. Every bad cell is reported
 * with its row and column; what needs the database (rules, people, bounds) is checked by the batch.
 */

export const POINT_SHEET = '积分事件';
export const MAX_BATCH_ROWS = 50_000;

export interface ParsedPointFile {
  channel: 'xlsx' | 'csv';
  rows: BatchRow[];
  issues: ErrorDetail[];
  /** The headers as the file spells them, for messages about its columns. */
  columns: Record<BatchColumn, string>;
  sheet: string | undefined;
}

const ALIASES: Record<BatchColumn, string[]> = {
  rule: ['规则编码', '规则', 'rule', 'rulecode'],
  employeeNo: ['工号', 'employeeno'],
  unitCode: ['单位编码', 'unitcode'],
  occurredOn: ['发生日期', '日期', 'occurredon', 'date'],
  occurrences: ['次数', 'occurrences'],
  delta: ['分值', '分数', 'delta', 'points'],
  source: ['来源', 'source'],
  evidenceText: ['依据说明', '依据', '说明', 'evidencetext', 'evidence'],
  evidenceLink: ['链接', 'evidencelink', 'link'],
};

const REQUIRED_HEADERS: BatchColumn[] = ['rule', 'occurredOn', 'evidenceText'];

const SOURCE_BY_LABEL: Record<string, PointSource> = {
  ...Object.fromEntries(POINT_SOURCES.map((s) => [s, s])),
  ...Object.fromEntries(Object.entries(POINT_SOURCE_LABELS).map(([k, v]) => [v, k as PointSource])),
  上级通报: 'superior_notice', 业务数据: 'business_data', 监督检查: 'supervision', 督办: 'task',
};

/**
 * Reads an uploaded points file: 415 when it is neither an .xlsx nor text, 400 `import.unreadable`
 * for a damaged workbook; every cell-level problem comes back in `issues` (nothing thrown).
 */
export async function readPointImportFile(content: Buffer): Promise<ParsedPointFile> {
  const type = await fileTypeFromBuffer(content);
  let channel: 'xlsx' | 'csv';
  let raw: SheetRow[];
  let sheet: string | undefined;
  if (type && (type.ext === 'xlsx' || type.ext === 'zip')) {
    channel = 'xlsx';
    ({ sheet, rows: raw } = await readXlsxRows(content, { sheet: POINT_SHEET, links: 'target', unreadable: createUnreadableWorkbookError }));
  } else if (type || content.length === 0 || content.subarray(0, 4096).includes(0)) {
    throw createUnsupportedImportFileError(type?.mime ?? (content.length === 0 ? 'empty' : undefined));
  } else {
    channel = 'csv';
    raw = await readCsvRows(content, { links: 'target' });
  }
  return { channel, sheet, ...parsePointRows(raw, sheet) };
}

export function parsePointRows(raw: SheetRow[], sheet: string | undefined): { rows: BatchRow[]; issues: ErrorDetail[]; columns: Record<BatchColumn, string> } {
  const issues: ErrorDetail[] = [];
  const at = (detail: Omit<ErrorDetail, 'sheet'>) => issues.push(sheet ? { sheet, ...detail } : detail);
  const [header, ...body] = raw;
  const index = new Map<BatchColumn, number>();
  const columns = { ...FILE_BATCH_COLUMNS };
  (header?.cells ?? []).forEach((cell, i) => {
    const text = textOf(cell);
    const wanted = text.replace(/[（(].*$/, '').replace(/[\s*＊]/g, '').toLowerCase();
    const key = (Object.keys(ALIASES) as BatchColumn[]).find((k) => ALIASES[k].includes(wanted));
    if (!key) return;
    if (index.has(key)) {
      at({ row: header!.row, column: text, message: `the column ${FILE_BATCH_COLUMNS[key]} appears twice` });
      return;
    }
    index.set(key, i);
    columns[key] = text;
  });
  const headerRow = header?.row ?? 1;
  for (const key of REQUIRED_HEADERS) {
    if (!index.has(key)) at({ row: headerRow, column: FILE_BATCH_COLUMNS[key], message: `the header row has no column ${FILE_BATCH_COLUMNS[key]}` });
  }
  if (!index.has('employeeNo') && !index.has('unitCode')) {
    at({ row: headerRow, column: FILE_BATCH_COLUMNS.employeeNo, message: `the header row needs a column ${FILE_BATCH_COLUMNS.employeeNo} (people) or ${FILE_BATCH_COLUMNS.unitCode} (units)` });
  }
  if (issues.length) return { rows: [], issues, columns };

  const rows: BatchRow[] = [];
  let count = 0;
  for (const { row, cells } of body) {
    const cell = (key: BatchColumn): Cell => (index.has(key) ? cells[index.get(key)!] ?? null : null);
    if (cells.every((c) => textOf(c) === '')) continue;
    count += 1;
    if (count > MAX_BATCH_ROWS) {
      at({ row, message: `more than ${MAX_BATCH_ROWS} rows: split the file` });
      break;
    }
    const before = issues.length;
    const bad = (key: BatchColumn, message: string) => at({ row, column: columns[key], message });
    const text = (key: BatchColumn, max: number, required = false): string | null => {
      const value = textOf(cell(key));
      if (value === '') {
        if (required) bad(key, 'is required');
        return null;
      }
      if ([...value].length > max) {
        bad(key, `is longer than ${max} characters`);
        return null;
      }
      return value;
    };
    const rule = text('rule', 64, true);
    const employeeNo = text('employeeNo', 32);
    const unitCode = text('unitCode', 64);
    const dateCell = cell('occurredOn');
    const occurredOn = textOf(dateCell) === '' ? null : parseDateCell(dateCell);
    if (textOf(dateCell) === '') bad('occurredOn', 'is required');
    else if (occurredOn === null) bad('occurredOn', `"${textOf(dateCell)}" is not a date YYYY-MM-DD`);
    let occurrences: number | null = null;
    const occurrencesText = textOf(cell('occurrences'));
    if (occurrencesText !== '') {
      const n = Number(occurrencesText);
      if (!Number.isInteger(n)) bad('occurrences', `"${occurrencesText}" is not a whole number`);
      else occurrences = n;
    }
    let deltaCenti: number | null = null;
    const deltaText = textOf(cell('delta'));
    if (deltaText !== '') {
      const n = Number(deltaText);
      const c = deltaText.length > 30 || Number.isNaN(n) ? { error: `"${deltaText}" is not a number` } : toCenti(n);
      if ('error' in c) bad('delta', c.error);
      else deltaCenti = c.centi;
    }
    let source: PointSource | null = null;
    const sourceText = textOf(cell('source'));
    if (sourceText !== '') {
      source = Object.hasOwn(SOURCE_BY_LABEL, sourceText) ? SOURCE_BY_LABEL[sourceText]! : null;
      if (source === null) bad('source', `"${sourceText}" is not one of ${Object.values(POINT_SOURCE_LABELS).join(', ')}`);
    }
    const evidenceText = normalizeText(textOf(cell('evidenceText')));
    const textProblem = checkEvidenceText(evidenceText);
    if (textProblem) bad('evidenceText', textProblem);
    const evidenceLink = textOf(cell('evidenceLink')) || null;
    const linkProblem = evidenceLink ? checkEvidenceLink(evidenceLink) : null;
    if (linkProblem) bad('evidenceLink', linkProblem);
    if (issues.length === before) {
      rows.push({ row, rule: rule!, employeeNo, unitCode, occurredOn: occurredOn!, occurrences, deltaCenti, source, evidenceText, evidenceLink });
    }
  }
  if (count === 0) at({ row: headerRow + 1, message: 'the file has no rows below its header' });
  return { rows, issues, columns };
}

// ---------------------------------------------------------------------------------------------
// The template.

export interface TemplateRule { code: string; name: string; indicator: string; defaultDelta: number; minDelta: number; maxDelta: number; perOccurrence: boolean; defaultSource: PointSource | null; description: string | null }

const NOTES: Record<BatchColumn, string> = {
  rule: '必填：规则编码（见“规则”表）',
  employeeNo: '人员考核方案必填：被考核人工号',
  unitCode: '单位考核方案必填：被考核单位编码',
  occurredOn: '必填：发生日期 YYYY-MM-DD，不得晚于今天，不得落在已关闭的考核周期内',
  occurrences: '可选：次数（默认 1；仅“按次计分”的规则可大于 1）',
  delta: '可选：分值（最多两位小数；按次计分的规则为每次分值；默认规则的默认分值）',
  source: `可选：${Object.values(POINT_SOURCE_LABELS).join(' / ')}（默认规则的来源）`,
  evidenceText: '必填：依据说明（1–2000 字）',
  evidenceLink: '可选：http(s) 链接',
};

/** The import template: headers with notes, one example row, the scheme's active rules on a second sheet. */
export async function writePointTemplate(subject: 'person' | 'unit', rules: TemplateRule[], today: string): Promise<Buffer> {
  return writeWorkbook(async (workbook) => {
    const keys: BatchColumn[] = ['rule', subject === 'person' ? 'employeeNo' : 'unitCode', 'occurredOn', 'occurrences', 'delta', 'source', 'evidenceText', 'evidenceLink'];
    const events = workbook.addWorksheet(POINT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    events.columns = keys.map((k) => ({ key: k, width: k === 'evidenceText' ? 40 : 14, style: { numFmt: '@' } }));
    const header = events.addRow(keys.map((k) => FILE_BATCH_COLUMNS[k]));
    header.font = { bold: true };
    keys.forEach((k, i) => { header.getCell(i + 1).note = NOTES[k]; });
    header.commit();
    const example = rules[0];
    if (example) {
      const values: Record<BatchColumn, string> = {
        rule: example.code, employeeNo: '100001', unitCode: 'JINSHA', occurredOn: today, occurrences: '1', delta: String(example.defaultDelta),
        source: example.defaultSource ? POINT_SOURCE_LABELS[example.defaultSource] : POINT_SOURCE_LABELS.business_data,
        evidenceText: '示例：市局通报，接处警超时（导入前请删除本行）', evidenceLink: '',
      };
      events.addRow(keys.map((k) => values[k])).commit();
    }
    await events.commit();
    const ruleSheet = workbook.addWorksheet('规则');
    ruleSheet.columns = [{ width: 14 }, { width: 20 }, { width: 14 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 14 }, { width: 40 }];
    const ruleHeader = ruleSheet.addRow(['规则编码', '规则名称', '指标', '默认分值', '最低分值', '最高分值', '按次计分', '默认来源', '说明']);
    ruleHeader.font = { bold: true };
    ruleHeader.commit();
    for (const r of rules) {
      ruleSheet.addRow([
        r.code, r.name, r.indicator, r.defaultDelta, r.minDelta, r.maxDelta, r.perOccurrence ? '是' : '否',
        r.defaultSource ? POINT_SOURCE_LABELS[r.defaultSource] : '', r.description ?? '',
      ]).commit();
    }
    await ruleSheet.commit();
  });
}
