import { validateScenario, type Scheme as EngineScheme, type Subject } from '@baton/engine';
import type { ErrorDetail } from '@baton/contract/common';
import { isObject } from './definition-json';
import { DEFAULT_SECTION_ID, SCHEME_CODE_PATTERN, couplableGrades, type FormIssue, type IndicatorForm, type SchemeForm } from './scheme-form.model';

/**
 * What the builder checks as the admin types — required fields, unique ids, every weight sum — with
 * the same rules the server applies, and where the engine's and the server's verdicts (validation
 * paths such as `definition.indicators[2].weight`) land on the form.
 */

/** Sums as micro-units, so 33.3 + 33.3 + 33.4 is exactly 100 (the engine sums exactly too). */
function sumExactly(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + Math.round(value * 1_000_000), 0) / 1_000_000;
}

// ——— weights ———

/** Whether an indicator's weight counts toward its section's 100 (DESIGN §3.2: non-extra, non-veto). */
export function countsInSection(indicator: Pick<IndicatorForm, 'method' | 'extra'>): boolean {
  return indicator.method !== 'veto' && !indicator.extra;
}

/** The weight an indicator has for a category (`null` = the default column): `weightsByCategory[cat]`, else `weight`. */
export function weightFor(indicator: Pick<IndicatorForm, 'weight' | 'weightsByCategory'>, category: string | null): number | null {
  if (category !== null && indicator.weightsByCategory[category] !== undefined) return indicator.weightsByCategory[category] ?? null;
  return indicator.weight;
}

export interface WeightSum {
  /** `null` = the default weights (subjects of a category without its own weights). */
  category: string | null;
  sum: number;
  /** Some counted indicator has no weight for this category. */
  incomplete: boolean;
  ok: boolean;
}

export interface SectionWeights {
  section: string;
  indicatorCount: number;
  sums: WeightSum[];
}

/** The categories of the grid: the organization's, then any other code the scheme names. */
export function weightCategories(form: Pick<SchemeForm, 'indicators'>, known: readonly string[]): string[] {
  const codes = [...known];
  for (const indicator of form.indicators) for (const code of Object.keys(indicator.weightsByCategory)) if (!codes.includes(code)) codes.push(code);
  return codes;
}

/**
 * Per section and per category (and the default column), the sum of the counted indicators'
 * weights: it must be exactly 100 (DESIGN §3.2).
 */
export function sectionWeightSums(form: Pick<SchemeForm, 'sections' | 'indicators'>, categories: readonly string[]): SectionWeights[] {
  const first = form.sections[0]?.id ?? DEFAULT_SECTION_ID;
  return form.sections.map((section) => {
    const members = form.indicators.filter((i) => countsInSection(i) && (i.section || first) === section.id);
    const sums = [null, ...categories].map((category): WeightSum => {
      const weights = members.map((i) => weightFor(i, category));
      const incomplete = weights.some((w) => w === null);
      const sum = sumExactly(weights.filter((w): w is number => w !== null));
      return { category, sum, incomplete, ok: !incomplete && sum === 100 };
    });
    return { section: section.id, indicatorCount: members.length, sums };
  });
}

/** Section weights (percent) sum to 100 — the engine's "section weights sum to 1". */
export function sectionPercentSum(form: Pick<SchemeForm, 'sections'>): number {
  return sumExactly(form.sections.map((s) => s.percent ?? 0));
}

// ——— checks ———

/**
 * What the form checks itself as the admin types: required fields, the code's pattern, unique ids,
 * and every weight sum — the same rules the server applies, named on the form's fields.
 */
export function checkSchemeForm(form: SchemeForm, categories: readonly string[] = []): FormIssue[] {
  const issues: FormIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!form.code.trim()) add('code', 'required');
  else if (!SCHEME_CODE_PATTERN.test(form.code.trim())) add('code', 'codePattern');
  if (!form.name.trim()) add('name', 'required');

  if (form.sections.length === 0) add('sections', 'noSections');
  const sectionIds = new Set<string>();
  form.sections.forEach((section, i) => {
    const id = section.id.trim();
    if (!id) add(`sections[${i}].id`, 'required');
    else if (sectionIds.has(id)) add(`sections[${i}].id`, 'duplicate');
    sectionIds.add(id);
    if (section.percent === null) add(`sections[${i}].weight`, 'required');
  });
  if (form.sections.length > 0 && form.sections.every((s) => s.percent !== null) && sectionPercentSum(form) !== 100) add('sections', 'sectionSum');

  if (form.indicators.length === 0) add('indicators', 'noIndicators');
  const indicatorIds = new Set<string>();
  form.indicators.forEach((indicator, i) => {
    const at = `indicators[${i}]`;
    const id = indicator.id.trim();
    if (!id) add(`${at}.id`, 'required');
    else if (indicatorIds.has(id)) add(`${at}.id`, 'duplicate');
    indicatorIds.add(id);
    if (countsInSection(indicator) && form.sections.length > 1 && !sectionIds.has(indicator.section)) add(`${at}.section`, 'required');
    if (indicator.method !== 'veto' && !(indicator.extra && indicator.method === 'ledger') && indicator.weight === null) add(`${at}.weight`, 'required');
    if (indicator.method === 'rating') {
      if (indicator.raterGroups.filter((g) => g.group.trim()).length === 0) add(`${at}.raterGroups`, 'required');
      else if (indicator.raterGroups.some((g) => !g.group.trim() || g.weight === null || g.weight <= 0)) add(`${at}.raterGroups`, 'raterGroupWeight');
    }
    if (indicator.method === 'veto' && !indicator.effect) add(`${at}.effect`, 'required');
  });
  const first = form.sections[0]?.id ?? DEFAULT_SECTION_ID;
  for (const section of sectionWeightSums(form, categories)) {
    const index = form.sections.findIndex((s) => s.id === section.section);
    const members = form.indicators.filter((i) => countsInSection(i) && (i.section || first) === section.section);
    for (const sum of section.sums) {
      // a category none of the section's indicators overrides repeats the default column: one issue is enough
      const overridden = sum.category === null || members.some((i) => sum.category !== null && i.weightsByCategory[sum.category] !== undefined);
      if (!sum.ok && !sum.incomplete && section.indicatorCount > 0 && overridden) add(weightCellPath(index, sum.category), 'weightSum');
    }
  }

  if (form.grades.length === 0) add('grades', 'noGrades');
  const gradeNames = new Set<string>();
  form.grades.forEach((grade, i) => {
    const name = grade.name.trim();
    if (!name) add(`grades[${i}].name`, 'required');
    else if (gradeNames.has(name)) add(`grades[${i}].name`, 'duplicate');
    gradeNames.add(name);
    if (grade.quotaPercent !== null && (grade.quotaPercent <= 0 || grade.quotaPercent > 100)) add(`grades[${i}].quota`, 'quotaRange');
    if ((grade.requiresGrade === null) !== (grade.shareAbovePercent === null)) add(`grades[${i}].requires`, 'requiresPair');
  });
  checkQuotaCouplingForm(form, add);
  return issues;
}

const inQuotaRange = (percent: number) => percent > 0 && percent <= 100;

/** The coupling's rules (engine `checkQuotaCoupling`), named on the coupling's own fields. */
function checkQuotaCouplingForm(form: SchemeForm, add: (path: string, message: string) => void) {
  const coupling = form.quotaCoupling;
  if (!coupling.enabled) return;
  if (form.grouping !== 'unit') add('quotaCoupling', 'couplingNeedsUnit');
  const grades = couplableGrades(form);
  if (coupling.grade !== null && !grades.includes(coupling.grade)) add('quotaCoupling.grade', 'couplingGradeUnknown');
  else if (coupling.grade === null && form.grades.length === 1) add('quotaCoupling.grade', 'couplingGradeUnknown');
  if (coupling.otherwisePercent === null) add('quotaCoupling.otherwise', 'required');
  else if (!inQuotaRange(coupling.otherwisePercent)) add('quotaCoupling.otherwise', 'couplingQuotaRange');
  if (!coupling.tiers.some((row) => row.tier.trim())) add('quotaCoupling.byTier', 'couplingNoTiers');
  const tiers = new Set<string>();
  coupling.tiers.forEach((row, i) => {
    const tier = row.tier.trim();
    if (!tier) add(`quotaCoupling.tiers[${i}].tier`, 'required');
    else if (tiers.has(tier)) add(`quotaCoupling.tiers[${i}].tier`, 'duplicate');
    tiers.add(tier);
    if (row.percent === null) add(`quotaCoupling.tiers[${i}].quota`, 'required');
    else if (!inQuotaRange(row.percent)) add(`quotaCoupling.tiers[${i}].quota`, 'couplingQuotaRange');
  });
}

/**
 * The engine's and the server's coupling issues name a tier's quota by the tier
 * (`quotaCoupling.byTier.第一等次`: a name may look like a number, so key order tells nothing):
 * moved onto the form's row of that tier (`quotaCoupling.tiers[1].quota`), where the form's own
 * issue of the same field takes precedence.
 */
export function onCouplingRows(issues: readonly FormIssue[], form: Pick<SchemeForm, 'quotaCoupling'>): FormIssue[] {
  return issues.map((issue) => {
    if (!issue.path.startsWith('quotaCoupling.byTier.')) return issue;
    const tier = issue.path.slice('quotaCoupling.byTier.'.length);
    const index = form.quotaCoupling.tiers.findIndex((row) => row.tier.trim() === tier);
    return index === -1 ? issue : { ...issue, path: `quotaCoupling.tiers[${index}].quota` };
  });
}

/** The path of a cell of the weight grid's sum row: the section and the category (`null` = default). */
export function weightCellPath(sectionIndex: number, category: string | null): string {
  return `weights[${sectionIndex}].${category ?? '*'}`;
}

/** A subject per category key plus one for everybody else: the engine checks weight sums only for the categories among the subjects. */
function standInSubjects(scheme: EngineScheme): Subject[] {
  const categories = new Set<string>();
  for (const indicator of scheme.indicators) for (const key of Object.keys(indicator.weightsByCategory ?? {})) categories.add(key);
  const grouped = (subject: Subject): Subject => (scheme.grouping === 'unit' ? { ...subject, unit: 'u' } : subject);
  return [
    grouped(scheme.grouping === 'category' ? { id: 'other', category: '(其他分类)' } : { id: 'other' }),
    ...[...categories].map((category, i) => grouped({ id: `c${i}`, category })),
  ];
}

/**
 * The engine's own verdict on a definition, as the server gives it (server
 * `checkSchemeDefinition`: stand-in subjects for every category), with the paths mapped to the form.
 */
export function checkDefinitionWithEngine(definition: unknown): FormIssue[] {
  const shape = validateScenario({ scheme: definition, subjects: [] });
  const outcome = shape.ok ? validateScenario({ scheme: definition, subjects: standInSubjects(shape.scenario.scheme) }) : shape;
  if (outcome.ok) return [];
  return outcome.errors.map((e) => ({ path: formPathOf(e.path.replace(/^scheme/, 'definition'), definition), message: e.message }));
}

/**
 * Where a validation path (the server's `definition.indicators[2].weight`, a request error's
 * `/code`) shows on the form. Section-sum errors (`definition.sections[1]`, or `definition.indicators`
 * without sections) land on the weight grid's sum cell; keys inside
 * raterGroups and entries of noneOf collapse onto their field.
 */
export function formPathOf(path: string, definition?: unknown): string {
  if (path.startsWith('/')) {
    const field = path.slice(1).split('/')[0] ?? '';
    return field === 'definition' ? 'definition' : field;
  }
  if (path === 'definition' || !path.startsWith('definition')) return 'definition';
  const rest = path.slice('definition'.length).replace(/^\./, '');
  if (rest === 'indicators' && !(isObject(definition) && Array.isArray(definition.sections))) return weightCellPath(0, null);
  const byCategory = /^indicators\[(\d+)\]\.weightsByCategory\.(.+)$/.exec(rest);
  if (byCategory) return `indicators[${byCategory[1]}].weightsByCategory.${byCategory[2]}`;
  // the engine names a section itself when its indicators' default weights do not sum to 100
  const section = /^sections\[(\d+)\]$/.exec(rest);
  if (section) return weightCellPath(Number(section[1]), null);
  const rater = /^(indicators\[\d+\]\.raterGroups)\..+$/.exec(rest);
  if (rater) return rater[1] ?? rest;
  const requires = /^(grades\[\d+\]\.requires)\.(noneOf)\[\d+\]$/.exec(rest);
  if (requires) return `${requires[1]}.${requires[2]}`;
  // the coupling's tier quotas keep the tier's name (it may look like a number; the form rows do not);
  // an unknown field of it, only possible through the JSON, lands on the coupling as a whole
  const coupling = /^quotaCoupling\.([^.]+)/.exec(rest);
  if (coupling && !['grade', 'otherwise', 'byTier'].includes(coupling[1] ?? '')) return 'quotaCoupling';
  return rest;
}

/** The server's 400 details, on the form. */
export function formIssuesOfDetails(details: readonly ErrorDetail[], definition?: unknown): FormIssue[] {
  return details.filter((d) => typeof d.path === 'string').map((d) => ({ path: formPathOf(d.path as string, definition), message: d.message }));
}

export function issuesAt(issues: readonly FormIssue[], path: string): FormIssue[] {
  return issues.filter((issue) => issue.path === path);
}

/** Issues on a row and its fields (`indicators[2]` covers `indicators[2].weight`). */
export function issuesUnder(issues: readonly FormIssue[], prefix: string): FormIssue[] {
  return issues.filter((issue) => issue.path === prefix || issue.path.startsWith(`${prefix}.`) || issue.path.startsWith(`${prefix}[`));
}

/** The parts of a form path: `indicators[2].weightsByCategory.A` → area indicators, index 2, field `weightsByCategory.A`. */
export function splitFormPath(path: string): { area: string; index: number | null; field: string } {
  const match = /^(\w+)(?:\[(\d+)\])?(?:\.(.+))?$/.exec(path);
  if (!match) return { area: path, index: null, field: '' };
  return { area: match[1] ?? path, index: match[2] === undefined ? null : Number(match[2]), field: match[3] ?? '' };
}

/** The section of the builder a path belongs to (for the summary's jump links). */
export function formAreaOf(path: string): 'basics' | 'sections' | 'indicators' | 'weights' | 'grades' | 'coupling' | 'definition' {
  if (path.startsWith('sections')) return 'sections';
  if (path.startsWith('weights') || /^indicators\[\d+\]\.weightsByCategory/.test(path)) return 'weights';
  if (path.startsWith('indicators')) return 'indicators';
  if (path.startsWith('grades')) return 'grades';
  if (path.startsWith('quotaCoupling')) return 'coupling';
  if (path === 'definition') return 'definition';
  return 'basics';
}
