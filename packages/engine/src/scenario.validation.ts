import { ExactDecimal, toExact } from './exact-decimal.js';
import type { Indicator, MethodName, Scenario, ValidationIssue, ValidationOutcome } from './scenario.types.js';

/** Thrown where validation cannot return its issues (e.g. applyFacts on an evaluation state). */
export class ScenarioValidationError extends Error {
  readonly errors: ValidationIssue[];

  constructor(errors: ValidationIssue[]) {
    super(errors.map((issue) => `${issue.path}: ${issue.message}`).join('\n'));
    this.name = 'ScenarioValidationError';
    this.errors = errors;
  }
}

const MAX_REPORTED_ISSUES = 200;
const MAX_GRADES = 30;

const METHODS: readonly MethodName[] = ['target', 'rank', 'rating', 'ledger', 'periods', 'veto'];
const COMMON_INDICATOR_FIELDS = ['id', 'name', 'section', 'kind', 'method', 'extra'];
const WEIGHT_FIELDS = ['weight', 'weightsByCategory'];
const INDICATOR_FIELDS_BY_METHOD: Readonly<Record<MethodName, ReadonlySet<string>>> = {
  target: new Set([...COMMON_INDICATOR_FIELDS, ...WEIGHT_FIELDS, 'direction', 'cap', 'floor']),
  rank: new Set([...COMMON_INDICATOR_FIELDS, ...WEIGHT_FIELDS, 'direction', 'minRatio', 'step']),
  rating: new Set([...COMMON_INDICATOR_FIELDS, ...WEIGHT_FIELDS, 'raterGroups']),
  ledger: new Set([...COMMON_INDICATOR_FIELDS, ...WEIGHT_FIELDS, 'base', 'min', 'max']),
  periods: new Set([...COMMON_INDICATOR_FIELDS, ...WEIGHT_FIELDS]),
  veto: new Set(['id', 'name', 'section', 'kind', 'method', 'effect']),
};
const COMMON_FACT_FIELDS = ['subject', 'indicator', 'id', 'note'];
const FACT_FIELDS_BY_METHOD: Readonly<Record<MethodName, ReadonlySet<string>>> = {
  target: new Set([...COMMON_FACT_FIELDS, 'actual', 'target']),
  rank: new Set([...COMMON_FACT_FIELDS, 'actual']),
  rating: new Set([...COMMON_FACT_FIELDS, 'group', 'rating']),
  ledger: new Set([...COMMON_FACT_FIELDS, 'delta']),
  periods: new Set(COMMON_FACT_FIELDS),
  veto: new Set([...COMMON_FACT_FIELDS, 'triggered']),
};
const ANY_FACT_FIELDS = new Set(Object.values(FACT_FIELDS_BY_METHOD).flatMap((fields) => [...fields]));
const ANY_INDICATOR_FIELDS = new Set(Object.values(INDICATOR_FIELDS_BY_METHOD).flatMap((fields) => [...fields]));
const SINGLE_FACT_METHODS = new Set<MethodName>(['target', 'rank', 'veto']);

type JsonObject = Record<string, unknown>;

class IssueList {
  readonly issues: ValidationIssue[] = [];
  private dropped = 0;

  add(path: string, message: string): void {
    if (this.issues.length < MAX_REPORTED_ISSUES) this.issues.push({ path, message });
    else this.dropped += 1;
  }

  get count(): number {
    return this.issues.length + this.dropped;
  }

  finish(): ValidationIssue[] {
    if (this.dropped > 0) this.issues.push({ path: 'scenario', message: `… and ${this.dropped} more errors` });
    return this.issues;
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function joinPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function reportUnknownFields(value: JsonObject, allowed: ReadonlySet<string>, path: string, issues: IssueList, why = 'unknown field'): void {
  for (const key in value) {
    if (!allowed.has(key)) issues.add(joinPath(path, key), why);
  }
}

function requireObject(value: unknown, path: string, issues: IssueList): value is JsonObject {
  if (isObject(value)) return true;
  issues.add(path, value === undefined ? 'is required' : 'must be an object');
  return false;
}

function readString(object: JsonObject, key: string, path: string, issues: IssueList, required = false): string | undefined {
  const value = object[key];
  if (value === undefined) {
    if (required) issues.add(joinPath(path, key), 'is required');
    return undefined;
  }
  if (typeof value !== 'string' || value.length === 0) {
    issues.add(joinPath(path, key), 'must be a non-empty string');
    return undefined;
  }
  return value;
}

interface NumberBounds {
  required?: boolean;
  min?: number;
  above?: number;
  max?: number;
  below?: number;
}

function readNumber(object: JsonObject, key: string, path: string, issues: IssueList, bounds: NumberBounds = {}): number | undefined {
  const value = object[key];
  const at = joinPath(path, key);
  if (value === undefined) {
    if (bounds.required === true) issues.add(at, 'is required');
    return undefined;
  }
  if (!isFiniteNumber(value)) {
    issues.add(at, 'must be a number');
    return undefined;
  }
  if (bounds.min !== undefined && value < bounds.min) return void issues.add(at, `must be ≥ ${bounds.min}`);
  if (bounds.above !== undefined && value <= bounds.above) return void issues.add(at, `must be > ${bounds.above}`);
  if (bounds.max !== undefined && value > bounds.max) return void issues.add(at, `must be ≤ ${bounds.max}`);
  if (bounds.below !== undefined && value >= bounds.below) return void issues.add(at, `must be < ${bounds.below}`);
  return value;
}

function readEnum<T extends string>(object: JsonObject, key: string, values: readonly T[], path: string, issues: IssueList, required = false): T | undefined {
  const value = object[key];
  if (value === undefined) {
    if (required) issues.add(joinPath(path, key), `is required (one of: ${values.join(', ')})`);
    return undefined;
  }
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    issues.add(joinPath(path, key), `must be one of: ${values.join(', ')}`);
    return undefined;
  }
  return value as T;
}

function readBoolean(object: JsonObject, key: string, path: string, issues: IssueList, required = false): boolean | undefined {
  const value = object[key];
  if (value === undefined) {
    if (required) issues.add(joinPath(path, key), 'is required');
    return undefined;
  }
  if (typeof value !== 'boolean') {
    issues.add(joinPath(path, key), 'must be true or false');
    return undefined;
  }
  return value;
}

function readArray(object: JsonObject, key: string, path: string, issues: IssueList, required = false): unknown[] | undefined {
  const value = object[key];
  if (value === undefined) {
    if (required) issues.add(joinPath(path, key), 'is required');
    return undefined;
  }
  if (!Array.isArray(value)) {
    issues.add(joinPath(path, key), 'must be an array');
    return undefined;
  }
  return value;
}

/** Reads an object of numbers (weightsByCategory, raterGroups). */
function readNumberMap(object: JsonObject, key: string, path: string, issues: IssueList, bounds: NumberBounds): Record<string, number> | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  const at = joinPath(path, key);
  if (!isObject(value)) {
    issues.add(at, 'must be an object of numbers');
    return undefined;
  }
  let valid = true;
  for (const entry in value) {
    if (readNumber(value, entry, at, issues, { ...bounds, required: true }) === undefined) valid = false;
  }
  return valid ? (value as Record<string, number>) : undefined;
}

/** What fact checking needs to know of the scenario; the compiled scenario of an evaluation state has the same shape. */
export interface FactCheckContext {
  readonly subjectIndex: ReadonlyMap<string, number>;
  readonly indicatorById: ReadonlyMap<string, { readonly definition: Indicator; readonly index: number }>;
}

function checkFact(fact: unknown, path: string, context: FactCheckContext, issues: IssueList): void {
  if (!requireObject(fact, path, issues)) return;
  const subjectId = readString(fact, 'subject', path, issues, true);
  if (subjectId !== undefined && !context.subjectIndex.has(subjectId)) {
    issues.add(joinPath(path, 'subject'), `unknown subject ${describe(subjectId)}`);
  }
  readString(fact, 'id', path, issues);
  readString(fact, 'note', path, issues);
  const indicatorId = readString(fact, 'indicator', path, issues, true);
  const indicator = indicatorId === undefined ? undefined : context.indicatorById.get(indicatorId)?.definition;
  if (indicator === undefined) {
    if (indicatorId !== undefined) issues.add(joinPath(path, 'indicator'), `unknown indicator ${describe(indicatorId)}`);
    reportUnknownFields(fact, ANY_FACT_FIELDS, path, issues);
    return;
  }
  const method = indicator.method;
  reportUnknownFields(fact, FACT_FIELDS_BY_METHOD[method] ?? ANY_FACT_FIELDS, path, issues, `unknown field for a ${method} indicator`);
  if (method === 'target') {
    const lowerIsBetter = indicator.direction === 'lower';
    readNumber(fact, 'actual', path, issues, lowerIsBetter ? { required: true, min: 0 } : { required: true });
    readNumber(fact, 'target', path, issues, { required: true, above: 0 });
  } else if (method === 'rank') {
    readNumber(fact, 'actual', path, issues, { required: true });
  } else if (method === 'rating') {
    const group = readString(fact, 'group', path, issues, true);
    if (group !== undefined && !Object.hasOwn(indicator.raterGroups ?? {}, group)) {
      issues.add(joinPath(path, 'group'), `rater group ${describe(group)} is not in raterGroups of ${indicator.id}`);
    }
    readNumber(fact, 'rating', path, issues, { required: true, min: 0, max: 100 });
  } else if (method === 'ledger') {
    readNumber(fact, 'delta', path, issues, { required: true });
  } else if (method === 'veto') {
    readBoolean(fact, 'triggered', path, issues, true);
  } else if (method === 'periods') {
    issues.add(joinPath(path, 'indicator'), `${indicator.id} is a periods indicator: it reads history and takes no facts`);
  }
}

function collectFactIssuesInto(facts: readonly unknown[], context: FactCheckContext, issues: IssueList, allowRepeatedSingleFacts: boolean, pathPrefix: string): void {
  const firstFactAt = new Map<number, Int32Array>();
  for (let f = 0; f < facts.length; f += 1) {
    const fact = facts[f];
    const before = issues.count;
    const path = `${pathPrefix}[${f}]`;
    checkFact(fact, path, context, issues);
    if (allowRepeatedSingleFacts || issues.count !== before) continue;
    const { subject, indicator } = fact as { subject: string; indicator: string };
    const compiled = context.indicatorById.get(indicator);
    if (compiled === undefined || !SINGLE_FACT_METHODS.has(compiled.definition.method)) continue;
    let firsts = firstFactAt.get(compiled.index);
    if (firsts === undefined) {
      firsts = new Int32Array(context.subjectIndex.size).fill(-1);
      firstFactAt.set(compiled.index, firsts);
    }
    const s = context.subjectIndex.get(subject) as number;
    const first = firsts[s] as number;
    if (first === -1) firsts[s] = f;
    else issues.add(path, `a second ${compiled.definition.method} fact of subject ${describe(subject)} for ${indicator} (the first is ${pathPrefix}[${first}]); give one fact`);
  }
}

/** Checks facts against a scenario's subjects and indicators; paths read `facts[3].target`. */
export function collectFactIssues(
  facts: readonly unknown[],
  context: FactCheckContext,
  options: { allowRepeatedSingleFacts?: boolean } = {},
): ValidationIssue[] {
  const issues = new IssueList();
  if (!Array.isArray(facts)) issues.add('facts', 'must be an array');
  else collectFactIssuesInto(facts, context, issues, options.allowRepeatedSingleFacts === true, 'facts');
  return issues.finish();
}

interface SchemeFacts {
  indicators: { definition: Indicator; index: number; path: string }[];
  sectionIds: string[];
}

function checkIndicator(value: unknown, path: string, issues: IssueList, sectionIds: readonly string[]): Indicator | undefined {
  if (!requireObject(value, path, issues)) return undefined;
  const before = issues.count;
  readString(value, 'id', path, issues, true);
  readString(value, 'name', path, issues);
  readEnum(value, 'kind', ['key', 'regular', 'dynamic'], path, issues);
  const method = readEnum(value, 'method', METHODS, path, issues, true);
  const extra = readBoolean(value, 'extra', path, issues) === true;
  if (method === undefined) {
    reportUnknownFields(value, ANY_INDICATOR_FIELDS, path, issues);
    return undefined;
  }
  reportUnknownFields(value, INDICATOR_FIELDS_BY_METHOD[method], path, issues, `not a field of a ${method} indicator`);
  const section = readString(value, 'section', path, issues);
  if (section !== undefined) {
    if (extra) issues.add(joinPath(path, 'section'), 'an extra indicator belongs to no section: it adds straight to the total');
    else if (!sectionIds.includes(section)) issues.add(joinPath(path, 'section'), `unknown section ${describe(section)}`);
  } else if (!extra && method !== 'veto' && sectionIds.length > 1) {
    issues.add(joinPath(path, 'section'), `is required: the scheme has ${sectionIds.length} sections`);
  }
  if (method !== 'veto') {
    readNumber(value, 'weight', path, issues, { min: 0 });
    readNumberMap(value, 'weightsByCategory', path, issues, { min: 0 });
  }
  if (method === 'target' || method === 'rank') readEnum(value, 'direction', ['higher', 'lower'], path, issues);
  if (method === 'target') {
    const cap = readNumber(value, 'cap', path, issues);
    const floor = readNumber(value, 'floor', path, issues);
    if ((floor ?? 0) > (cap ?? 1)) issues.add(joinPath(path, 'floor'), `floor ${floor ?? 0} is above cap ${cap ?? 1}`);
  }
  if (method === 'rank') {
    readNumber(value, 'minRatio', path, issues, { min: 0, max: 1 });
    readNumber(value, 'step', path, issues, { above: 0 });
  }
  if (method === 'rating') {
    const groups = readNumberMap(value, 'raterGroups', path, issues, { above: 0 });
    if (value.raterGroups === undefined) issues.add(joinPath(path, 'raterGroups'), 'is required');
    else if (groups !== undefined && Object.keys(groups).length === 0) issues.add(joinPath(path, 'raterGroups'), 'must name at least one rater group');
  }
  if (method === 'ledger') {
    readNumber(value, 'base', path, issues);
    const min = readNumber(value, 'min', path, issues);
    const max = readNumber(value, 'max', path, issues);
    if (min !== undefined && max !== undefined && min > max) issues.add(joinPath(path, 'min'), `min ${min} is above max ${max}`);
  }
  if (method === 'veto') readEnum(value, 'effect', ['noTop', 'lowest'], path, issues, true);
  return issues.count === before ? (value as unknown as Indicator) : undefined;
}

function sumExactly(values: readonly number[]): ExactDecimal {
  return values.reduce((sum, value) => sum.plus(toExact(value)), new ExactDecimal(0));
}

function categoryLabel(category: string | undefined): string {
  return category === undefined ? 'subjects without a category' : `category ${category}`;
}

/** Weights of each section's non-extra, non-veto indicators sum to 100 for every category among the subjects; ledgers keep min ≤ max. */
function checkWeights(scheme: SchemeFacts, categories: ReadonlySet<string | undefined>, issues: IssueList, sectionsPath: string | undefined): void {
  for (const category of categories) {
    const weightOf = (indicator: Indicator): number | undefined =>
      (category === undefined ? undefined : indicator.weightsByCategory?.[category]) ?? indicator.weight;
    for (const { definition, path } of scheme.indicators) {
      if (definition.method === 'veto') continue;
      const weight = weightOf(definition);
      if (weight === undefined) {
        if (!(definition.extra === true && definition.method === 'ledger')) {
          issues.add(joinPath(path, 'weight'), `is required: no weight for ${categoryLabel(category)}`);
        }
        continue;
      }
      if (definition.method === 'ledger' && definition.max === undefined && (definition.min ?? 0) > weight) {
        issues.add(joinPath(path, 'min'), `min ${definition.min} is above max ${weight} (the weight for ${categoryLabel(category)})`);
      }
    }
    scheme.sectionIds.forEach((sectionId, k) => {
      const members = scheme.indicators.filter(
        ({ definition }) =>
          definition.method !== 'veto' &&
          definition.extra !== true &&
          (definition.section ?? scheme.sectionIds[0]) === sectionId,
      );
      const memberWeights = members.map(({ definition }) => weightOf(definition));
      if (memberWeights.some((weight) => weight === undefined)) return;
      const sum = sumExactly(memberWeights as number[]);
      if (sum.equals(100)) return;
      const overriding = members.findLast(({ definition }) => category !== undefined && definition.weightsByCategory?.[category] !== undefined);
      const path =
        overriding !== undefined && category !== undefined
          ? `${overriding.path}.weightsByCategory.${category}`
          : sectionsPath === undefined
            ? 'scheme.indicators'
            : `${sectionsPath}[${k}]`;
      issues.add(path, `section ${sectionId} sums to ${sum.toString()} for ${categoryLabel(category)}, not 100`);
    });
  }
}

function checkGrades(scheme: JsonObject, issues: IssueList): void {
  const grades = readArray(scheme, 'grades', 'scheme', issues, true);
  if (grades === undefined) return;
  if (grades.length === 0) issues.add('scheme.grades', 'must name at least one grade');
  if (grades.length > MAX_GRADES) issues.add('scheme.grades', `at most ${MAX_GRADES} grades`);
  const seen = new Map<string, number>();
  grades.forEach((grade, index) => {
    const path = `scheme.grades[${index}]`;
    if (!requireObject(grade, path, issues)) return;
    reportUnknownFields(grade, new Set(['name', 'quota', 'minScore', 'requires']), path, issues);
    const name = readString(grade, 'name', path, issues, true);
    if (name !== undefined) {
      const first = seen.get(name);
      if (first !== undefined) issues.add(joinPath(path, 'name'), `duplicate grade ${describe(name)} (also scheme.grades[${first}])`);
      else seen.set(name, index);
    }
    readNumber(grade, 'quota', path, issues, { above: 0, max: 1 });
    readNumber(grade, 'minScore', path, issues);
    const requires = grade.requires;
    if (requires !== undefined) {
      const at = joinPath(path, 'requires');
      if (requireObject(requires, at, issues)) {
        reportUnknownFields(requires, new Set(['grade', 'shareAbove', 'noneOf']), at, issues);
        readString(requires, 'grade', at, issues);
        readNumber(requires, 'shareAbove', at, issues, { min: 0, below: 1 });
        if ((requires.grade === undefined) !== (requires.shareAbove === undefined)) {
          issues.add(at, 'grade and shareAbove go together: more than shareAbove of the history entries carry grade');
        }
        const noneOf = readArray(requires, 'noneOf', at, issues);
        noneOf?.forEach((entry, i) => {
          if (typeof entry !== 'string' || entry.length === 0) issues.add(`${at}.noneOf[${i}]`, 'must be a non-empty string');
        });
        if (requires.grade === undefined && requires.noneOf === undefined) issues.add(at, 'must state grade and shareAbove, or noneOf');
      }
    }
    if (index === grades.length - 1 && index > 0) {
      for (const key of ['quota', 'minScore', 'requires']) {
        if (grade[key] !== undefined) issues.add(joinPath(path, key), 'not allowed on the last grade, which takes everyone left');
      }
    }
  });
}

/**
 * Checks a scenario (docs/product.md §3.1–3.2) and names the path of every bad field, e.g.
 * `facts[3].target: must be > 0`. Unknown fields are errors. On success the input
 * itself is returned, typed.
 */
export function validateScenario(input: unknown): ValidationOutcome {
  const issues = new IssueList();
  if (!requireObject(input, 'scenario', issues)) return { ok: false, errors: issues.finish() };
  reportUnknownFields(input, new Set(['scheme', 'subjects', 'facts', 'history', 'decisions', 'unitTiers']), '', issues);

  const scheme = input.scheme;
  const schemeFacts: SchemeFacts = { indicators: [], sectionIds: [] };
  let sectionsPath: string | undefined;
  let grouping: string | undefined;
  if (requireObject(scheme, 'scheme', issues)) {
    reportUnknownFields(scheme, new Set(['name', 'kind', 'sections', 'indicators', 'grouping', 'grades', 'quotaRounding', 'quotaCoupling']), 'scheme', issues);
    readString(scheme, 'name', 'scheme', issues);
    readEnum(scheme, 'kind', ['routine', 'annual', 'unit'], 'scheme', issues);
    grouping = readEnum(scheme, 'grouping', ['all', 'category', 'unit'], 'scheme', issues);
    readEnum(scheme, 'quotaRounding', ['floor', 'round', 'ceil'], 'scheme', issues);

    const sections = readArray(scheme, 'sections', 'scheme', issues);
    if (sections === undefined) schemeFacts.sectionIds.push('main');
    else {
      sectionsPath = 'scheme.sections';
      if (sections.length === 0) issues.add('scheme.sections', 'must name at least one section (or be left out for one section "main")');
      const sectionWeights: number[] = [];
      sections.forEach((section, index) => {
        const path = `scheme.sections[${index}]`;
        if (!requireObject(section, path, issues)) return;
        reportUnknownFields(section, new Set(['id', 'weight']), path, issues);
        const id = readString(section, 'id', path, issues, true);
        const weight = readNumber(section, 'weight', path, issues, { required: true, min: 0 });
        if (id !== undefined) {
          if (schemeFacts.sectionIds.includes(id)) issues.add(joinPath(path, 'id'), `duplicate section ${describe(id)}`);
          else schemeFacts.sectionIds.push(id);
        }
        if (weight !== undefined) sectionWeights.push(weight);
      });
      if (sectionWeights.length === sections.length && sections.length > 0) {
        const sum = sumExactly(sectionWeights);
        if (!sum.equals(1)) issues.add('scheme.sections', `section weights sum to ${sum.toString()}, not 1`);
      }
    }

    const indicators = readArray(scheme, 'indicators', 'scheme', issues, true);
    const seenIds = new Map<string, string>();
    indicators?.forEach((value, index) => {
      const path = `scheme.indicators[${index}]`;
      const definition = checkIndicator(value, path, issues, schemeFacts.sectionIds);
      const id = isObject(value) && typeof value.id === 'string' ? value.id : undefined;
      if (id !== undefined) {
        const first = seenIds.get(id);
        if (first !== undefined) issues.add(joinPath(path, 'id'), `duplicate indicator ${describe(id)} (also ${first})`);
        else seenIds.set(id, path);
      }
      if (definition !== undefined) schemeFacts.indicators.push({ definition, index, path });
    });
    checkGrades(scheme, issues);
    checkQuotaCoupling(scheme, grouping, issues);
  }

  const subjectIndex = new Map<string, number>();
  const categories = new Set<string | undefined>();
  const subjects = readArray(input, 'subjects', '', issues, true);
  subjects?.forEach((subject, index) => {
    const path = `subjects[${index}]`;
    if (!requireObject(subject, path, issues)) return;
    reportUnknownFields(subject, new Set(['id', 'name', 'category', 'unit']), path, issues);
    const id = readString(subject, 'id', path, issues, true);
    readString(subject, 'name', path, issues);
    const category = readString(subject, 'category', path, issues, grouping === 'category');
    readString(subject, 'unit', path, issues, grouping === 'unit');
    if (subject.category === undefined || category !== undefined) categories.add(category);
    if (id === undefined) return;
    if (subjectIndex.has(id)) issues.add(joinPath(path, 'id'), `duplicate subject ${describe(id)} (also subjects[${subjectIndex.get(id)}])`);
    else subjectIndex.set(id, index);
  });

  if (issues.count === 0) checkWeights(schemeFacts, categories, issues, sectionsPath);

  const indicatorById = new Map(schemeFacts.indicators.map(({ definition, index }) => [definition.id, { definition, index }]));
  const schemeIsSound = issues.count === 0;
  const facts = readArray(input, 'facts', '', issues);
  if (facts !== undefined && schemeIsSound) collectFactIssuesInto(facts, { subjectIndex, indicatorById }, issues, false, 'facts');

  const history = readArray(input, 'history', '', issues);
  const periodsSeen = new Set<string>();
  history?.forEach((entry, index) => {
    const path = `history[${index}]`;
    if (!requireObject(entry, path, issues)) return;
    reportUnknownFields(entry, new Set(['subject', 'period', 'score', 'grade']), path, issues);
    const subject = readString(entry, 'subject', path, issues, true);
    const period = readString(entry, 'period', path, issues, true);
    readNumber(entry, 'score', path, issues, { required: true });
    readString(entry, 'grade', path, issues);
    if (subject !== undefined && subjects !== undefined && !subjectIndex.has(subject)) {
      issues.add(joinPath(path, 'subject'), `unknown subject ${describe(subject)}`);
    }
    if (subject !== undefined && period !== undefined) {
      const key = `${subject}\u0000${period}`;
      if (periodsSeen.has(key)) issues.add(path, `a second history entry of subject ${describe(subject)} for period ${describe(period)}`);
      periodsSeen.add(key);
    }
  });

  const decisions = readArray(input, 'decisions', '', issues);
  const schemeGrades = isObject(scheme) && Array.isArray(scheme.grades) ? (scheme.grades as unknown[]) : [];
  const gradeNames = schemeGrades.map((g) => (isObject(g) ? g.name : undefined));
  const decided = new Map<string, string>();
  decisions?.forEach((entry, index) => {
    const path = `decisions[${index}]`;
    if (!requireObject(entry, path, issues)) return;
    reportUnknownFields(entry, new Set(['grade', 'subjects', 'note']), path, issues);
    const grade = readString(entry, 'grade', path, issues, true);
    readString(entry, 'note', path, issues);
    if (grade !== undefined && gradeNames.length > 0) {
      const at = gradeNames.indexOf(grade);
      if (at === -1) issues.add(joinPath(path, 'grade'), `unknown grade ${describe(grade)}`);
      else if (at === gradeNames.length - 1) issues.add(joinPath(path, 'grade'), `${describe(grade)} is the last grade: it has no quota line to decide`);
    }
    const named = readArray(entry, 'subjects', path, issues, true);
    if (named !== undefined && named.length === 0) issues.add(joinPath(path, 'subjects'), 'must name at least one subject');
    named?.forEach((subject, k) => {
      const at = `${joinPath(path, 'subjects')}[${k}]`;
      if (typeof subject !== 'string') return issues.add(at, `must be a string, got ${describe(subject)}`);
      if (subjects !== undefined && !subjectIndex.has(subject)) return issues.add(at, `unknown subject ${describe(subject)}`);
      if (grade === undefined) return;
      const key = `${grade}\u0000${subject}`;
      if (decided.has(key)) issues.add(at, `subject ${describe(subject)} is already named for ${describe(grade)} (${decided.get(key)})`);
      else decided.set(key, at);
    });
  });

  const unitTiers = input.unitTiers;
  if (unitTiers !== undefined && requireObject(unitTiers, 'unitTiers', issues)) {
    for (const [unit, tier] of Object.entries(unitTiers)) {
      if (typeof tier !== 'string' || tier.length === 0) issues.add(`unitTiers.${unit}`, `must be a non-empty string, got ${describe(tier)}`);
    }
  }

  if (issues.count > 0) return { ok: false, errors: issues.finish() };
  return { ok: true, scenario: input as unknown as Scenario };
}

/** `scheme.quotaCoupling`: a grade with a quota line (not the last), quotas in (0, 1], groups by unit. */
function checkQuotaCoupling(scheme: JsonObject, grouping: string | undefined, issues: IssueList): void {
  const coupling = scheme.quotaCoupling;
  if (coupling === undefined) return;
  const path = 'scheme.quotaCoupling';
  if (!requireObject(coupling, path, issues)) return;
  reportUnknownFields(coupling, new Set(['grade', 'byTier', 'otherwise']), path, issues);
  if (grouping !== 'unit') issues.add(path, 'couples quotas to the unit\'s tier: it needs grouping "unit"');
  const grade = readString(coupling, 'grade', path, issues);
  const grades = Array.isArray(scheme.grades) ? (scheme.grades as unknown[]).map((g) => (isObject(g) ? g.name : undefined)) : [];
  if (grade !== undefined && grades.length > 0) {
    const at = grades.indexOf(grade);
    if (at === -1) issues.add(joinPath(path, 'grade'), `unknown grade ${describe(grade)}`);
    else if (at === grades.length - 1) issues.add(joinPath(path, 'grade'), `${describe(grade)} is the last grade: it has no quota`);
  } else if (grade === undefined && grades.length === 1) issues.add(path, 'the only grade has no quota to couple');
  readNumber(coupling, 'otherwise', path, issues, { required: true, above: 0, max: 1 });
  if (coupling.byTier === undefined) issues.add(joinPath(path, 'byTier'), 'is required');
  else if (requireObject(coupling.byTier, joinPath(path, 'byTier'), issues)) {
    const byTier = coupling.byTier;
    for (const tier of Object.keys(byTier)) readNumber(byTier, tier, joinPath(path, 'byTier'), issues, { required: true, above: 0, max: 1 });
  }
}
