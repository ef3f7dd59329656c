import type { AssertTrue, SameType } from '@baton/contract/common';
import { MAX_EVIDENCE_CHARS, MAX_LINK_CHARS, MAX_OCCURRENCES, MAX_POINTS, POINT_SOURCES } from '@baton/contract/vocabulary';
import type { PointSource } from '../../db/schema.js';

/**
 * Values of the points domain, pure: amounts, sources, evidence. Points are numbers with at most two
 * decimals, stored as integer hundredths (`*_centi`), so sums stay exact in SQL on both databases.
 */

/** The sources and limits are the API contract's (the request schemas say the same). */
export { MAX_EVIDENCE_CHARS, MAX_LINK_CHARS, MAX_OCCURRENCES, MAX_POINTS, POINT_SOURCES };
type _SourcesAreTheDatabases = AssertTrue<SameType<(typeof POINT_SOURCES)[number], PointSource>>;

export const POINT_SOURCE_LABELS: Record<PointSource, string> = {
  superior_notice: '上级通报反馈', business_data: '业务数据监测', supervision: '日常监督检查', task: '任务督办', other: '其他',
};

/**
 * Hundredths of a number given with at most two decimals, exactly (no float rounding: `0.29` is 29,
 * and `1.005` is refused rather than rounded). Returns an error message for anything else.
 */
export function toCenti(value: number): { centi: number } | { error: string } {
  if (!Number.isFinite(value)) return { error: 'must be a number' };
  const text = String(value);
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return { error: /^-?\d+\.\d{3,}$/.test(text) || /e-/.test(text) ? 'has more than two decimals' : 'must be a number' };
  if (Math.abs(value) > MAX_POINTS) return { error: `must be between -${MAX_POINTS} and ${MAX_POINTS}` };
  const centi = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return { centi: m[1] === '-' ? -centi : centi };
}

/** A number of hundredths as the API shows it (`-300` → `-3`, `150` → `1.5`). */
export function fromCenti(centi: number): number {
  return centi / 100;
}

/** Plain text, line breaks kept (CRLF → LF), surrounding blanks dropped. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/** Evidence links are web addresses only: a `javascript:` link must never reach a page. */
export function checkEvidenceLink(link: string): string | null {
  if (link.length > MAX_LINK_CHARS) return `must have at most ${MAX_LINK_CHARS} characters`;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? null : 'must be an http(s) address';
  } catch {
    return 'is not a web address';
  }
}

export function checkEvidenceText(text: string): string | null {
  if (text.length === 0) return 'is required';
  if ([...text].length > MAX_EVIDENCE_CHARS) return `must have at most ${MAX_EVIDENCE_CHARS} characters`;
  return null;
}

export interface RuleBounds {
  min_delta_centi: number;
  max_delta_centi: number;
  default_delta_centi: number;
  per_occurrence: number;
}

/**
 * The whole delta of an event under a rule (docs/api-points.md): for a per-occurrence rule the given
 * delta (default the rule's) counts once per occurrence; otherwise `occurrences` must be 1. The
 * per-occurrence delta must lie within the rule's bounds. Problems come back keyed by field.
 */
export function computeEventDelta(
  rule: RuleBounds,
  input: { deltaCenti?: number | null | undefined; occurrences?: number | null | undefined },
): { deltaCenti: number; occurrences: number } | { field: 'delta' | 'occurrences'; message: string } {
  const occurrences = input.occurrences ?? 1;
  if (!Number.isInteger(occurrences) || occurrences < 1 || occurrences > MAX_OCCURRENCES) {
    return { field: 'occurrences', message: `must be a whole number from 1 to ${MAX_OCCURRENCES}` };
  }
  if (rule.per_occurrence !== 1 && occurrences !== 1) {
    return { field: 'occurrences', message: 'must be 1: the rule is not counted per occurrence' };
  }
  const each = input.deltaCenti ?? rule.default_delta_centi;
  if (each < rule.min_delta_centi || each > rule.max_delta_centi) {
    return {
      field: 'delta',
      message: `${fromCenti(each)} is outside the rule's bounds ${fromCenti(rule.min_delta_centi)} to ${fromCenti(rule.max_delta_centi)}${rule.per_occurrence === 1 ? ' (per occurrence)' : ''}`,
    };
  }
  return { deltaCenti: each * occurrences, occurrences };
}

/** One event of a batch (JSON or file) after its cells were read, before the database is consulted. */
export interface BatchRow {
  /** 1-based position in a JSON batch; the Excel/CSV row number in a file. */
  row: number;
  rule: string;
  employeeNo: string | null;
  unitCode: string | null;
  occurredOn: string;
  occurrences: number | null;
  /** Per occurrence for per-occurrence rules (as `delta` of POST /api/point-events), in hundredths. */
  deltaCenti: number | null;
  source: PointSource | null;
  evidenceText: string;
  evidenceLink: string | null;
}

export type BatchColumn = Exclude<keyof BatchRow, 'row' | 'deltaCenti'> | 'delta';

/** Column names of a JSON batch: its field names. */
export const JSON_BATCH_COLUMNS: Record<BatchColumn, string> = {
  rule: 'rule', employeeNo: 'employeeNo', unitCode: 'unitCode', occurredOn: 'occurredOn', occurrences: 'occurrences', delta: 'delta',
  source: 'source', evidenceText: 'evidenceText', evidenceLink: 'evidenceLink',
};

/** Column headers of the import file (docs/api-points.md). */
export const FILE_BATCH_COLUMNS: Record<BatchColumn, string> = {
  rule: '规则编码', employeeNo: '工号', unitCode: '单位编码', occurredOn: '发生日期', occurrences: '次数', delta: '分值',
  source: '来源', evidenceText: '依据说明', evidenceLink: '链接',
};
