import type { Result } from './scenario.types.js';

/** Terminal columns a string takes: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, alignRight: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return alignRight ? fill + text : text + fill;
}

function formatScore(value: number): string {
  return value.toFixed(2);
}

/** A fixed-width text table of results, one line per subject, for `baton evaluate --format table` (no final newline). */
export function formatResultsTable(results: readonly Result[]): string {
  const sectionIds = [...new Set(results.flatMap((result) => Object.keys(result.sections)))];
  const header = ['rank', 'group rank', 'subject', 'group', 'total', 'grade', ...sectionIds, 'flags'];
  const numeric = new Set([0, 1, 4, ...sectionIds.map((_, k) => 6 + k)]);
  const rows = results.map((result) => [
    String(result.rank),
    String(result.groupRank),
    result.subject,
    result.group,
    formatScore(result.total),
    result.grade,
    ...sectionIds.map((id) => {
      const score = result.sections[id];
      return score === undefined ? '' : formatScore(score);
    }),
    result.flags.join(' '),
  ]);
  const widths = header.map((title, column) =>
    Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column] ?? ''))),
  );
  const lastColumn = header.length - 1;
  const formatRow = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === lastColumn ? cell : pad(cell, widths[column] ?? 0, numeric.has(column))))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width, column) => '-'.repeat(column === lastColumn ? Math.max(width, 5) : width)).join('  ');
  return [formatRow(header), rule, ...rows.map(formatRow)].join('\n');
}
