export interface DiffRow {
  key: string;
  before: string;
  after: string;
  changed: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Field-by-field comparison of an audit record's before/after documents (objects),
 * changed fields first; null when either side is not an object (then show raw JSON).
 */
export function diffRecord(before: unknown, after: unknown): DiffRow[] | null {
  const b = before ?? {};
  const a = after ?? {};
  if (!isPlainObject(b) || !isPlainObject(a)) return null;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((key) => ({
    key,
    before: key in b ? show(b[key]) : '',
    after: key in a ? show(a[key]) : '',
    changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]),
  }));
  return rows.sort((x, y) => Number(y.changed) - Number(x.changed));
}
