import type { WarningItem } from '@baton/contract/result-lists';
import type { Scheme } from '@baton/contract/schemes';
import type { Id } from '../../shared/params';
import type { PromotionListQuery, WarningListQuery } from './result-lists.api';

/** The two lists of the page, in tab order; `?tab=` picks one. */
export const RESULT_LIST_TABS = ['warning', 'promotion'] as const;
export type ResultListTab = (typeof RESULT_LIST_TABS)[number];

/** The server's defaults and bounds (report-cards.schemas.ts WarningListQuery / PromotionListQuery). */
export const DEFAULT_WARNING_PERIODS = 2;
export const MAX_WARNING_PERIODS = 12;
export const DEFAULT_PROMOTION_GRADE = '优秀';
export const DEFAULT_PROMOTION_YEARS = 3;
export const MAX_PROMOTION_YEARS = 10;
const MAX_SCHEME_CODE = 100;
const MAX_GRADE = 20;

/** A ranking group key as the server accepts it (results/result-groups.ts GROUP_KEY_PATTERN). */
const GROUP_KEY = /^(all|category:(none|[1-9][0-9]{0,14})|unit:[1-9][0-9]{0,14})$/;

/** The grades of an annual scheme when no annual scheme defines its own (公务员年度考核: 优秀、称职、基本称职、不称职). */
const ANNUAL_GRADES = ['优秀', '称职', '基本称职', '不称职'];

type Params = Pick<URLSearchParams, 'get'>;

export function tabOf(value: string | null | undefined): ResultListTab {
  return value === 'promotion' ? 'promotion' : 'warning';
}

/** A whole number from the address within [min, max]; anything else gives the default. */
function boundedInt(value: string | null, min: number, max: number, fallback: number): number {
  if (value === null || !/^\d{1,3}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= min && n <= max ? n : fallback;
}

/**
 * The warning list's query from the address. A value the server would refuse with a 400 (a group
 * key of another shape, a period count out of 1–12) is dropped, so a hand-edited link still shows a list.
 */
export function readWarningQuery(params: Params): WarningListQuery {
  const scheme = params.get('scheme')?.trim() ?? '';
  const group = params.get('group') ?? '';
  return {
    scheme: scheme.length > 0 && scheme.length <= MAX_SCHEME_CODE ? scheme : null,
    group: GROUP_KEY.test(group) ? group : null,
    periods: boundedInt(params.get('periods'), 1, MAX_WARNING_PERIODS, DEFAULT_WARNING_PERIODS),
  };
}

/** The promotion list's query from the address (default: 优秀 in each of the last 3 years). */
export function readPromotionQuery(params: Params): PromotionListQuery {
  const grade = params.get('grade')?.trim() ?? '';
  return {
    grade: grade.length > 0 && grade.length <= MAX_GRADE ? grade : DEFAULT_PROMOTION_GRADE,
    years: boundedInt(params.get('years'), 1, MAX_PROMOTION_YEARS, DEFAULT_PROMOTION_YEARS),
  };
}

/** The address keeps only what differs from the default: `null` removes the parameter. */
export function paramUnlessDefault<T extends string | number>(value: T | null, fallback: T | null): string | null {
  return value === null || value === fallback ? null : String(value);
}

/** `1…n` for the count selects. */
export function countOptions(max: number): number[] {
  return Array.from({ length: max }, (_, i) => i + 1);
}

export interface SchemeCodeOption {
  code: string;
  /** The name of the code's latest version. */
  name: string;
  kind: string;
}

const KIND_ORDER: Record<string, number> = { routine: 0, annual: 1 };

function latestOfEachCode(schemes: readonly Scheme[]): Scheme[] {
  const latest = new Map<string, Scheme>();
  for (const s of schemes) {
    const seen = latest.get(s.code);
    if (!seen || s.version > seen.version) latest.set(s.code, s);
  }
  return [...latest.values()];
}

/**
 * The scheme codes a warning list can be asked for: person schemes only (unit schemes have no
 * published results), routine ones first (they are what the list covers by default), then by code.
 */
export function schemeCodeOptions(schemes: readonly Scheme[]): SchemeCodeOption[] {
  return latestOfEachCode(schemes.filter((s) => s.subjectKind === 'person'))
    .map((s) => ({ code: s.code, name: s.name, kind: s.kind }))
    .sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || a.code.localeCompare(b.code));
}

function gradeNames(definition: { readonly grades?: unknown } | undefined): string[] {
  const grades = definition?.grades;
  if (!Array.isArray(grades)) return [];
  return grades.flatMap((g) => (g && typeof g === 'object' && typeof (g as { name?: unknown }).name === 'string' ? [(g as { name: string }).name] : []));
}

/** The grade names of a scheme code's latest version, best first (for grade colours); [] when unknown. */
export function gradesOfCode(schemes: readonly Scheme[], code: string): string[] {
  const latest = latestOfEachCode(schemes.filter((s) => s.code === code))[0];
  return gradeNames(latest?.definition);
}

/**
 * The grades the promotion list can look for: those of the latest version of every annual person
 * scheme, best first and each once — the usual annual grades when there is none — and the grade
 * asked for, should no scheme name it (an old link).
 */
export function promotionGradeOptions(schemes: readonly Scheme[], current: string): string[] {
  const annual = latestOfEachCode(schemes.filter((s) => s.kind === 'annual' && s.subjectKind === 'person'));
  const names = [...new Set(annual.flatMap((s) => gradeNames(s.definition)))];
  const options = names.length > 0 ? names : [...ANNUAL_GRADES];
  return options.includes(current) ? options : [...options, current];
}

/** The grade scale for colouring the promotion list: the annual schemes' grades, best first. */
export function annualGrades(schemes: readonly Scheme[]): string[] {
  return promotionGradeOptions(schemes, DEFAULT_PROMOTION_GRADE);
}

/**
 * The ranking groups to filter the warning list by: those of the unfiltered list, by name; the group
 * of the address stays offered (by its key) when nobody of it is on the list any more.
 */
export function groupOptionsOf(items: readonly Pick<WarningItem, 'group'>[], selected: string | null): { key: string; name: string }[] {
  const groups = new Map<string, string>();
  for (const item of items) groups.set(item.group.key, item.group.name);
  if (selected !== null && !groups.has(selected)) groups.set(selected, selected);
  return [...groups].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.key.localeCompare(b.key));
}

/** The group worth naming beside a person: none when everybody is ranked together (the group `all`). */
export function groupWorthNaming(group: { key: string; name: string }): string | null {
  return group.key === 'all' ? null : group.name;
}

/** "2023–2025", "2025", or '' for no years. */
export function yearRangeText(years: readonly number[]): string {
  if (years.length === 0) return '';
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return first === last ? String(first) : `${first}–${last}`;
}

/** A person's report card, on a given period when one is named (else his latest). */
export function reportCardPath(personId: Id, periodId?: Id | null): string {
  const path = `/report-cards/${encodeURIComponent(String(personId))}`;
  return periodId === undefined || periodId === null ? path : `${path}?period=${encodeURIComponent(String(periodId))}`;
}

/** The latest period of a streak (the server lists them oldest first): the one his row's card opens on. */
export function latestPeriodOf<T extends { endsOn: string }>(periods: readonly T[]): T | null {
  return periods.length === 0 ? null : periods.reduce((a, b) => (b.endsOn >= a.endsOn ? b : a));
}

/** "12/12": his place in his group, for the tight cells of a phone card. */
export const rankInGroup = (p: { groupRank: number; groupSize: number }) => `${p.groupRank}/${p.groupSize}`;

/** How many of a list's people are in each scheme, in the list's order: "平时考核 3 人 · 专项考核 1 人". */
export function countBySchemes(items: readonly Pick<WarningItem, 'scheme'>[]): { code: string; name: string; count: number }[] {
  const counts = new Map<string, { code: string; name: string; count: number }>();
  for (const item of items) {
    const entry = counts.get(item.scheme.code);
    if (entry) entry.count += 1;
    else counts.set(item.scheme.code, { code: item.scheme.code, name: item.scheme.name, count: 1 });
  }
  return [...counts.values()];
}
