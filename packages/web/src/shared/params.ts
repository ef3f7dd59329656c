/**
 * A positive integer id from a route or query parameter (`/report-cards/12`, `?period=7`) → 12, 7;
 * anything else (missing, empty, `0`, `01`, `-1`, `1.5`, `x`, longer than 15 digits) → null.
 */
export function idOf(value: string | null | undefined): number | null {
  return value !== null && value !== undefined && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}
