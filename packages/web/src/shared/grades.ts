/**
 * The one colour scale of grades (DESIGN §1: 好/较好/一般/较差, 优秀/称职/基本称职/不称职): by the grade's
 * place in its scheme's list, best first — the best green, the second blue, every other middle one
 * gold, the last one red (when there is more than one grade).
 */
export type GradeTone = 0 | 1 | 2 | 'last';

/** The tone of the grade at `index` of a list of `count` grades, best first. */
export function gradeToneAt(index: number, count: number): GradeTone {
  if (count > 1 && index === count - 1) return 'last';
  return Math.max(0, Math.min(index, 2)) as 0 | 1 | 2;
}

/** The tone of a grade by its place in the scheme's grades; null when it is missing or not among them. */
export function gradeTone(grade: string | null | undefined, grades: readonly string[]): GradeTone | null {
  if (!grade) return null;
  const index = grades.indexOf(grade);
  return index < 0 ? null : gradeToneAt(index, grades.length);
}

const TAG_COLORS: Record<GradeTone, string> = { 0: 'green', 1: 'blue', 2: 'gold', last: 'red' };
const CHART_COLORS: Record<GradeTone, string> = { 0: '#2f7d4f', 1: '#1f4e8c', 2: '#d48806', last: '#c8372d' };

/** The antd Tag colour of a grade: green, blue, gold … the last one red; 'default' for an unknown grade. */
export function gradeColor(grade: string | null | undefined, grades: readonly string[]): string {
  const tone = gradeTone(grade, grades);
  return tone === null ? 'default' : TAG_COLORS[tone];
}

/** The chart (hex) colour of the grade at `index` of `count` grades, on the same scale. */
export function gradeChartColor(index: number, count: number): string {
  return CHART_COLORS[gradeToneAt(index, count)];
}
