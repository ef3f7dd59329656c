import {
  createEvaluationState, engineCategoryOf, GroupStanding, histogramOfCenti, groupNameOf, ledgerFactsOfMovements, ledgerFactsOfSums, ledgerIndicatorIds, parseGroupKey,
  rankingGroupKeysOf, type EvaluationState, type HistogramBin, type Result, type Scheme, type Subject,
} from '@baton/engine';

export type RankingSubjectKind = 'person' | 'unit';

export interface RankingSubject {
  id: number;
  name: string;
  employeeNo: string | null;
  /** The person's unit (his last assignment in the period), or for a unit subject its parent unit (itself at the top). */
  unitId: number;
}

export interface RankingUnit {
  id: number;
  name: string;
  parentId: number | null;
  categoryId: number | null;
}

export interface RankingCategory {
  id: number;
  code: string;
  name: string;
}

/** One approved movement of the ledger, as the ranking sees it. */
export interface LedgerDelta {
  id: number;
  subjectId: number;
  indicator: string;
  centi: number;
}

export interface PeriodRankingInput {
  scheme: Scheme;
  subjectKind: RankingSubjectKind;
  /** Sorted by id: the tie order within equal totals. */
  subjects: RankingSubject[];
  units: RankingUnit[];
  categories: RankingCategory[];
  /** Σ delta per subject and indicator of the period's ledger up to `version`. */
  sums: { subjectId: number; indicator: string; centi: number }[];
  version: number;
}

export interface RankingRowData {
  rank: number;
  subject: { kind: RankingSubjectKind; id: number; name: string; employeeNo?: string; unitId: number; unitName: string };
  points: number;
  total: number;
  grade: string;
  flags: string[];
}

/**
 * The live ranking of one period (docs/product.md §3, issue 5): the engine's EvaluationState over the period's
 * subjects, fed by the ledger (ledger facts are additive deltas), plus per group — `all`,
 * `category:<id>`, `unit:<id>` (the unit's subtree) — a standing kept sorted by the rounded total.
 * Group standings are built on first use and then only moved, subject by subject.
 */
export class PeriodRanking {
  readonly subjectKind: RankingSubjectKind;
  version: number;
  /** A ledger row named a subject this ranking does not have (someone joined): rebuild it. */
  stale = false;

  private readonly state: EvaluationState;
  private readonly subjects: RankingSubject[];
  private readonly indexOf = new Map<number, number>();
  private readonly indexOfEngineId = new Map<string, number>();
  private readonly ledgerIndicators: Set<string>;
  /**
   * By subject index, what a row shows besides its rank: the flags (of the last result whose flags,
   * sections or indicators were new objects, kept as `parts`) and the grade. The engine is asked for
   * score changes only (`report: 'scores'`): a subject passed by another changes rank alone, and
   * ranks come from this ranking's own orders (pages, rankIn) or from the engine on demand
   * (resultAt) — so an approval that lifts one subject past 20 000 others builds no result for
   * each of them, and the few results kept are those of re-scored or re-graded subjects.
   */
  private readonly parts: Result[];
  private readonly grades: string[];
  /** By subject index: rounded total in hundredths (the sort key) and net points in hundredths. */
  private readonly totalKeys: Float64Array;
  private readonly pointsCenti: Float64Array;
  private readonly units = new Map<number, RankingUnit>();
  private readonly categories = new Map<number, RankingCategory>();
  private readonly orders = new Map<string, GroupStanding>();
  /**
   * Pages built since the last change (a few, keyed by group, offset and limit): every open ranking
   * page reads the same top 50, so between approvals they are built once and shared (read-only).
   */
  private readonly pages = new Map<string, RankingRowData[]>();

  constructor(input: PeriodRankingInput) {
    this.subjectKind = input.subjectKind;
    this.version = input.version;
    this.subjects = input.subjects;
    for (const unit of input.units) this.units.set(unit.id, unit);
    for (const category of input.categories) this.categories.set(category.id, category);
    this.ledgerIndicators = new Set(ledgerIndicatorIds(input.scheme));
    const engineSubjects: Subject[] = input.subjects.map((subject, index) => {
      this.indexOf.set(subject.id, index);
      // The very string the engine keeps: its results carry it back, and a look-up of the same string is the cheapest.
      const engineId = String(subject.id);
      this.indexOfEngineId.set(engineId, index);
      const categoryId = this.categoryIdOf(index);
      const code = categoryId === null ? undefined : this.categories.get(categoryId)?.code;
      const engineSubject: Subject = { id: engineId, unit: String(subject.unitId) };
      const category = engineCategoryOf(input.scheme.grouping, code);
      if (category !== undefined) engineSubject.category = category;
      return engineSubject;
    });
    this.pointsCenti = new Float64Array(input.subjects.length);
    const known = input.sums.filter((sum) => this.indexOf.has(sum.subjectId));
    for (const sum of known) {
      const index = this.indexOf.get(sum.subjectId)!;
      this.pointsCenti[index] = (this.pointsCenti[index] as number) + sum.centi;
    }
    const facts = ledgerFactsOfSums(this.ledgerIndicators, known.map((sum) => ({ subject: String(sum.subjectId), indicator: sum.indicator, centi: sum.centi })));
    this.state = createEvaluationState({ scheme: input.scheme, subjects: engineSubjects, facts });
    this.parts = new Array<Result>(input.subjects.length);
    this.grades = new Array<string>(input.subjects.length);
    this.totalKeys = new Float64Array(input.subjects.length);
    for (const result of this.state.results()) {
      const index = this.indexOfEngineId.get(result.subject)!;
      this.parts[index] = result;
      this.grades[index] = result.grade;
      this.totalKeys[index] = Math.round(result.total * 100);
    }
  }

  get subjectCount(): number {
    return this.subjects.length;
  }

  /**
   * Applies ledger rows newer than this ranking's version; returns the indexes of the subjects whose
   * points or total changed (others may change rank only).
   */
  apply(rows: readonly LedgerDelta[]): Set<number> {
    const changed = new Set<number>();
    const movements: { subject: string; indicator: string; centi: number }[] = [];
    let version = this.version;
    for (const row of rows) {
      if (row.id <= this.version) continue;
      version = Math.max(version, row.id);
      const index = this.indexOf.get(row.subjectId);
      if (index === undefined) {
        this.stale = true;
        continue;
      }
      this.pointsCenti[index] = (this.pointsCenti[index] as number) + row.centi;
      changed.add(index);
      movements.push({ subject: String(row.subjectId), indicator: row.indicator, centi: row.centi });
    }
    this.version = version;
    const facts = ledgerFactsOfMovements(this.ledgerIndicators, movements);
    if (changed.size > 0) this.pages.clear();
    if (facts.length === 0) return changed;
    // Only the results whose total, scores, grade or flags changed: the orders below give the ranks.
    for (const result of this.state.applyFacts(facts, { report: 'scores' })) {
      const index = this.indexOfEngineId.get(result.subject)!;
      const kept = this.parts[index]!;
      if (kept.flags !== result.flags || kept.sections !== result.sections || kept.indicators !== result.indicators) this.parts[index] = result;
      this.grades[index] = result.grade;
      const oldKey = this.totalKeys[index] as number;
      const newKey = Math.round(result.total * 100);
      if (oldKey === newKey) continue;
      for (const key of this.groupKeysOf(index)) this.orders.get(key)?.move(index, oldKey, newKey);
      this.totalKeys[index] = newKey;
      changed.add(index);
    }
    return changed;
  }

  /** Advances the version past rows that concern other periods. */
  advanceTo(version: number): void {
    if (version > this.version) this.version = version;
  }

  indexOfSubject(subjectId: number): number | undefined {
    return this.indexOf.get(subjectId);
  }

  subjectAt(index: number): RankingSubject {
    return this.subjects[index]!;
  }

  /** The engine's current result of a subject, its overall rank and rank in the scheme's group included. */
  resultAt(index: number): Result {
    return this.state.resultOf(String(this.subjects[index]!.id))!;
  }

  pointsAt(index: number): number {
    return (this.pointsCenti[index] as number) / 100;
  }

  unit(id: number): RankingUnit | undefined {
    return this.units.get(id);
  }

  category(id: number): RankingCategory | undefined {
    return this.categories.get(id);
  }

  /** Every unit of the organisation the ranking was built with, by id. */
  allUnits(): RankingUnit[] {
    return [...this.units.values()].sort((a, b) => a.id - b.id);
  }

  /** Every category, by id. */
  allCategories(): RankingCategory[] {
    return [...this.categories.values()].sort((a, b) => a.id - b.id);
  }

  /** A unit's category (the ranking policies' view of the organisation, with unitChain). */
  categoryOfUnit(unitId: number): number | null {
    return this.units.get(unitId)?.categoryId ?? null;
  }

  categoryIdOf(index: number): number | null {
    const subject = this.subjects[index]!;
    // A unit subject's category is its own, not its parent's.
    const unitId = this.subjectKind === 'unit' ? subject.id : subject.unitId;
    return this.units.get(unitId)?.categoryId ?? null;
  }

  /** The unit and its ancestors, nearest first. */
  unitChain(unitId: number): number[] {
    const chain: number[] = [];
    let current: number | null | undefined = unitId;
    while (current !== null && current !== undefined && !chain.includes(current)) {
      chain.push(current);
      current = this.units.get(current)?.parentId;
    }
    return chain;
  }

  /** Every group a subject belongs to: all, its category, and each unit whose subtree holds it. */
  groupKeysOf(index: number): string[] {
    const subject = this.subjects[index]!;
    return rankingGroupKeysOf({ categoryId: this.categoryIdOf(index), unitChain: this.unitChain(this.subjectKind === 'unit' ? subject.id : subject.unitId) });
  }

  /** Whether a group key names a group of this ranking (a known category or unit). */
  hasGroup(key: string): boolean {
    const group = parseGroupKey(key);
    if (group === undefined) return false;
    if (group.kind === 'all') return true;
    if (group.kind === 'category') return group.id !== null && this.categories.has(group.id);
    return this.units.has(group.id);
  }

  groupName(key: string): string {
    return groupNameOf(key, { unitName: (id) => this.units.get(id)?.name, categoryName: (id) => this.categories.get(id)?.name });
  }

  isInGroup(index: number, key: string): boolean {
    return key === 'all' || this.groupKeysOf(index).includes(key);
  }

  /** The standing of a group, sorted once on first use and kept sorted afterwards. */
  order(key: string): GroupStanding {
    let order = this.orders.get(key);
    if (order === undefined) {
      const members: number[] = [];
      for (let index = 0; index < this.subjects.length; index += 1) if (key === 'all' || this.isInGroup(index, key)) members.push(index);
      order = new GroupStanding(Int32Array.from(members), this.totalKeys);
      this.orders.set(key, order);
    }
    return order;
  }

  /** The distribution of the group's net points (the engine's round bins), for the rankings page's chart. */
  pointsHistogram(key: string, maxBins: number): HistogramBin[] {
    const members = this.order(key).members;
    const points = new Float64Array(members.length);
    for (let i = 0; i < members.length; i += 1) points[i] = this.pointsCenti[members[i]!] as number;
    return histogramOfCenti(points, maxBins);
  }

  rankIn(key: string, index: number): number {
    return this.order(key).rankOfKey(this.totalKeys[index] as number);
  }

  /** Rows `offset … offset + limit − 1` of a group, best first. */
  page(key: string, offset: number, limit: number): RankingRowData[] {
    const pageKey = `${key} ${offset} ${limit}`;
    let page = this.pages.get(pageKey);
    if (page === undefined) {
      page = this.buildPage(key, offset, limit);
      if (this.pages.size >= 64) this.pages.clear();
      this.pages.set(pageKey, page);
    }
    return page;
  }

  private buildPage(key: string, offset: number, limit: number): RankingRowData[] {
    const order = this.order(key);
    const rows: RankingRowData[] = [];
    const end = Math.min(order.size, offset + limit);
    let rank = 0;
    let previousKey = Number.NaN;
    for (let position = offset; position < end; position += 1) {
      const index = order.members[position]!;
      const totalKey = this.totalKeys[index] as number;
      // Competition rank: the first of a block of equal totals sets it; the block shares it.
      if (totalKey !== previousKey) rank = position === offset ? order.rankOfKey(totalKey) : position + 1;
      previousKey = totalKey;
      rows.push(this.rowAt(index, rank));
    }
    return rows;
  }

  rowAt(index: number, rank: number): RankingRowData {
    const subject = this.subjects[index]!;
    const parts = this.parts[index]!;
    const unitName = this.units.get(subject.unitId)?.name ?? '';
    return {
      rank,
      subject: {
        kind: this.subjectKind, id: subject.id, name: subject.name,
        ...(subject.employeeNo !== null ? { employeeNo: subject.employeeNo } : {}),
        unitId: subject.unitId, unitName,
      },
      points: this.pointsAt(index),
      total: (this.totalKeys[index] as number) / 100,
      grade: this.grades[index]!,
      flags: parts.flags,
    };
  }
}
