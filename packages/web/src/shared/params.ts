/**
 * A positive integer id from a route or query parameter (`/report-cards/12`, `?period=7`) → 12, 7;
 * anything else (missing, empty, `0`, `01`, `-1`, `1.5`, `x`, longer than 15 digits) → null.
 */
export function idOf(value: string | null | undefined): number | null {
  return value !== null && value !== undefined && /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null;
}

/**
 * A record's id as the pages pass it around: the server's integer (from an answer, or a parameter
 * read by `idOf`), or text where only a URL or a query key needs it (`id ?? ''` for "none yet").
 */
export type Id = number | string;
