import { ExactDecimal, toExact } from './exact-decimal.js';
import { gradeQuotaInGroup } from './quota-coupling.js';
import { computeQuotaCapacity } from './rounding.js';
import type {
  Grade,
  GradeRequirement,
  HistoryEntry,
  Indicator,
  MethodName,
  Scenario,
  Subject,
} from './scenario.types.js';

export const DEFAULT_SECTION_ID = 'main';

export interface CompiledIndicator {
  readonly definition: Indicator;
  readonly id: string;
  readonly index: number;
  readonly method: MethodName;
  /** -1 for extra and veto indicators, which belong to no section. */
  readonly sectionIndex: number;
}

export interface CompiledSection {
  readonly id: string;
  readonly weight: number;
  readonly indicatorIndexes: readonly number[];
}

export interface CompiledGrade {
  readonly name: string;
  readonly quota: number | undefined;
  /** The lowest total, in hundredths, that reaches the grade's minScore. */
  readonly minUnits: number;
  readonly requires: GradeRequirement | undefined;
}

/** A scenario turned into indexes and tables: everything of the scheme that does not change when facts arrive. */
export interface CompiledScenario {
  readonly subjects: readonly Subject[];
  readonly subjectIndex: ReadonlyMap<string, number>;
  /** The position of each subject when sorted by id (code units), the tie-break of result order. */
  readonly idRank: Int32Array;
  readonly categoryOf: Int32Array;
  readonly groupOf: Int32Array;
  readonly groupKeys: readonly string[];
  readonly groupMembers: readonly Int32Array[];
  readonly indicators: readonly CompiledIndicator[];
  readonly indicatorById: ReadonlyMap<string, CompiledIndicator>;
  /** weights[category × indicatorCount + indicator]: w for the category, NaN when the indicator has none. */
  readonly weights: Float64Array;
  readonly sections: readonly CompiledSection[];
  readonly extraIndexes: readonly number[];
  readonly vetoIndexes: readonly number[];
  readonly rankIndexes: readonly number[];
  readonly grades: readonly CompiledGrade[];
  /** capacities[group × gradeCount + grade]: seats of the grade in the group, Infinity without a quota. */
  readonly capacities: Float64Array;
  /** requirementsMet[subject × gradeCount + grade]: 1 when the subject meets the grade's `requires` (or it has none). */
  readonly requirementsMet: Uint8Array;
  readonly history: readonly HistoryEntry[];
  /** By subject: bit g set when a committee decision names the subject for grade g; null without decisions. */
  readonly decidedMasks: Int32Array | null;
}

function groupKeyOf(subject: Subject, grouping: string): string {
  if (grouping === 'category') return subject.category ?? '';
  if (grouping === 'unit') return subject.unit ?? '';
  return 'all';
}

/**
 * A grade's `requires`: more than `shareAbove` of the subject's history entries carry
 * `grade`, and none carries a grade in `noneOf`. A subject without history meets no `requires`.
 */
export function meetsGradeRequirement(entries: readonly HistoryEntry[], requirement: GradeRequirement): boolean {
  if (entries.length === 0) return false;
  if (requirement.grade !== undefined) {
    const carrying = entries.filter((entry) => entry.grade === requirement.grade).length;
    const needed = toExact(requirement.shareAbove ?? 0).times(entries.length);
    if (!new ExactDecimal(carrying).greaterThan(needed)) return false;
  }
  const excluded = requirement.noneOf ?? [];
  return !entries.some((entry) => entry.grade !== undefined && excluded.includes(entry.grade));
}

function compileGrades(grades: readonly Grade[]): CompiledGrade[] {
  return grades.map((grade) => ({
    name: grade.name,
    quota: grade.quota,
    minUnits:
      grade.minScore === undefined ? Number.NEGATIVE_INFINITY : toExact(grade.minScore).times(100).ceil().toNumber(),
    requires: grade.requires,
  }));
}

export function compileScenario(scenario: Scenario): CompiledScenario {
  const { scheme, subjects } = scenario;
  const history = scenario.history ?? [];
  const grouping = scheme.grouping ?? 'all';

  const subjectIndex = new Map<string, number>();
  subjects.forEach((subject, index) => subjectIndex.set(subject.id, index));
  const byId = subjects.map((_, index) => index).sort((a, b) => {
    const left = (subjects[a] as Subject).id;
    const right = (subjects[b] as Subject).id;
    return left < right ? -1 : left > right ? 1 : 0;
  });
  const idRank = new Int32Array(subjects.length);
  byId.forEach((subject, position) => (idRank[subject] = position));

  const categoryIndex = new Map<string | undefined, number>();
  const categoryKeys: (string | undefined)[] = [];
  const categoryOf = new Int32Array(subjects.length);
  const groupIndex = new Map<string, number>();
  const groupKeys: string[] = [];
  const groupLists: number[][] = [];
  const groupOf = new Int32Array(subjects.length);
  subjects.forEach((subject, s) => {
    let category = categoryIndex.get(subject.category);
    if (category === undefined) {
      category = categoryKeys.length;
      categoryIndex.set(subject.category, category);
      categoryKeys.push(subject.category);
    }
    categoryOf[s] = category;
    const key = groupKeyOf(subject, grouping);
    let group = groupIndex.get(key);
    if (group === undefined) {
      group = groupKeys.length;
      groupIndex.set(key, group);
      groupKeys.push(key);
      groupLists.push([]);
    }
    groupOf[s] = group;
    (groupLists[group] as number[]).push(s);
  });

  const sectionDefinitions = scheme.sections ?? [{ id: DEFAULT_SECTION_ID, weight: 1 }];
  const sectionLists: number[][] = sectionDefinitions.map(() => []);
  const sectionPosition = new Map(sectionDefinitions.map((section, index) => [section.id, index]));
  const extraIndexes: number[] = [];
  const vetoIndexes: number[] = [];
  const rankIndexes: number[] = [];
  const indicators: CompiledIndicator[] = scheme.indicators.map((definition, index) => {
    let sectionIndex = -1;
    if (definition.method === 'veto') vetoIndexes.push(index);
    else if (definition.extra === true) extraIndexes.push(index);
    else {
      sectionIndex = definition.section === undefined ? 0 : (sectionPosition.get(definition.section) ?? 0);
      (sectionLists[sectionIndex] as number[]).push(index);
    }
    if (definition.method === 'rank') rankIndexes.push(index);
    return { definition, id: definition.id, index, method: definition.method, sectionIndex };
  });

  const indicatorCount = indicators.length;
  const weights = new Float64Array(categoryKeys.length * indicatorCount).fill(Number.NaN);
  categoryKeys.forEach((category, c) => {
    indicators.forEach(({ definition }, i) => {
      if (definition.method === 'veto') return;
      const byCategory = category === undefined ? undefined : definition.weightsByCategory?.[category];
      weights[c * indicatorCount + i] = byCategory ?? definition.weight ?? Number.NaN;
    });
  });

  const grades = compileGrades(scheme.grades);
  const quotaRounding = scheme.quotaRounding ?? 'floor';
  const capacities = new Float64Array(groupKeys.length * grades.length);
  // 考用结合: the coupled grade's quota in a unit's group follows the unit's tier (grouping "unit": the group key is the unit).
  groupLists.forEach((members, g) => {
    grades.forEach((_grade, k) => {
      const quota = gradeQuotaInGroup(scenario, k, grouping === 'unit' ? groupKeys[g] : undefined);
      capacities[g * grades.length + k] = quota === undefined ? Number.POSITIVE_INFINITY : computeQuotaCapacity(quota, members.length, quotaRounding);
    });
  });

  const historyBySubject = new Map<string, HistoryEntry[]>();
  for (const entry of history) {
    const list = historyBySubject.get(entry.subject);
    if (list) list.push(entry);
    else historyBySubject.set(entry.subject, [entry]);
  }
  const requirementsMet = new Uint8Array(subjects.length * grades.length).fill(1);
  grades.forEach((grade, k) => {
    if (grade.requires === undefined) return;
    const requirement = grade.requires;
    subjects.forEach((subject, s) => {
      const entries = historyBySubject.get(subject.id) ?? [];
      requirementsMet[s * grades.length + k] = meetsGradeRequirement(entries, requirement) ? 1 : 0;
    });
  });

  let decidedMasks: Int32Array | null = null;
  for (const decision of scenario.decisions ?? []) {
    const grade = grades.findIndex((g) => g.name === decision.grade);
    decidedMasks ??= new Int32Array(subjects.length);
    for (const id of decision.subjects) {
      const s = subjectIndex.get(id) as number;
      decidedMasks[s] = (decidedMasks[s] as number) | (1 << grade);
    }
  }

  return {
    subjects,
    subjectIndex,
    idRank,
    categoryOf,
    groupOf,
    groupKeys,
    groupMembers: groupLists.map((members) => Int32Array.from(members)),
    indicators,
    indicatorById: new Map(indicators.map((indicator) => [indicator.id, indicator])),
    weights,
    sections: sectionDefinitions.map((section, index) => ({
      id: section.id,
      weight: section.weight,
      indicatorIndexes: sectionLists[index] as number[],
    })),
    extraIndexes,
    vetoIndexes,
    rankIndexes,
    grades,
    capacities,
    requirementsMet,
    history,
    decidedMasks,
  };
}

