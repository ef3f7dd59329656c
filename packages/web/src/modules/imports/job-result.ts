/**
 * A job's `result` is a small JSON object, e.g. an org import's
 * `{ fileName, units: { created, updated, unchanged }, …, postsCreated, temporaryPasswords: [...] }`.
 * These helpers split it into what the page can show without knowing every job kind:
 * count groups (a table), single numbers (a list) and lists of records (tables).
 */

export interface CountRow {
  key: string;
  counts: Record<string, number>;
}

export interface ResultShape {
  counts: CountRow[];
  countColumns: string[];
  numbers: { key: string; value: number | string | boolean }[];
  tables: ResultTable[];
}

export interface ResultTable {
  key: string;
  columns: string[];
  rows: Record<string, unknown>[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function shapeResult(result: unknown): ResultShape {
  const shape: ResultShape = { counts: [], countColumns: [], numbers: [], tables: [] };
  if (!isRecord(result)) {
    if (result !== null && result !== undefined) shape.numbers.push({ key: 'value', value: JSON.stringify(result) });
    return shape;
  }
  const columns = new Set<string>();
  for (const [key, value] of Object.entries(result)) {
    if (isRecord(value) && Object.values(value).every((v) => typeof v === 'number')) {
      shape.counts.push({ key, counts: value as Record<string, number> });
      Object.keys(value).forEach((c) => columns.add(c));
    } else if (Array.isArray(value)) {
      const rows = value.filter(isRecord);
      if (rows.length > 0) shape.tables.push({ key, columns: [...new Set(rows.flatMap((r) => Object.keys(r)))], rows });
      else if (value.length > 0) shape.numbers.push({ key, value: value.length });
    } else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      shape.numbers.push({ key, value });
    } else if (value !== null && value !== undefined) {
      shape.numbers.push({ key, value: JSON.stringify(value) });
    }
  }
  shape.countColumns = [...columns];
  return shape;
}

/** True when a table carries passwords: they are shown once and must be copied now. */
export function hasPasswords(table: ResultTable): boolean {
  return table.columns.some((c) => /password/i.test(c));
}

/** `details` of a failed job's error, when it carries row errors like a 400 `import.invalid`. */
export function errorDetailsOf(error: unknown): { sheet?: string; row?: number; column?: string; message: string }[] {
  const details = (error as { details?: unknown } | null)?.details;
  return Array.isArray(details) ? (details as { message: string }[]) : [];
}

export function errorMessageOf(error: unknown): string | null {
  if (!error) return null;
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' ? message : JSON.stringify(error);
}
