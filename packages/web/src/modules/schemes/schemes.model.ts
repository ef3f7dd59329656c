import type { Scheme } from '@baton/contract/schemes';
import { isObject, num, str } from './definition-json';
import { toPercent } from './scheme-form.model';

/**
 * What a stored scheme says to the pages that show it: its versions grouped by code, its grade
 * names, the tiers a quota coupling may use and the coupling in brief for the period forms.
 */

/**
 * The tier names to suggest: the grades of the unit schemes (a tier period's grades are the tiers,
 * docs/api-cycles.md), newest scheme first, each name once.
 */
export function tierSuggestionsOf(schemes: readonly (Pick<Scheme, 'id' | 'subjectKind'> & { definition: { readonly grades?: unknown } })[]): string[] {
  const names: string[] = [];
  for (const scheme of [...schemes].filter((s) => s.subjectKind === 'unit').sort((a, b) => b.id - a.id)) {
    const grades = Array.isArray(scheme.definition.grades) ? scheme.definition.grades : [];
    for (const grade of grades) {
      const name = isObject(grade) ? str(grade.name).trim() : '';
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/**
 * A scheme's coupling in brief, for the period forms: the coupled grade (its own or the first) and the
 * quota of units without a tier (percent); null when the scheme couples nothing, so its periods need no tier period.
 */
export function couplingBriefOf(scheme: Pick<Scheme, 'definition'> | null | undefined): { grade: string; otherwisePercent: number | null } | null {
  const coupling = scheme?.definition.quotaCoupling;
  if (!scheme || !isObject(coupling)) return null;
  const grades = Array.isArray(scheme.definition.grades) ? scheme.definition.grades : [];
  const first = isObject(grades[0]) ? str(grades[0].name) : '';
  const otherwise = num(coupling.otherwise);
  return { grade: str(coupling.grade) || first, otherwisePercent: otherwise === null ? null : toPercent(otherwise) };
}

export interface SchemeFamily {
  code: string;
  latest: Scheme;
  /** Newest first. */
  versions: Scheme[];
}

/** Schemes grouped by code, newest version first; families ordered by their latest version, newest first. */
export function groupSchemesByCode(schemes: readonly Scheme[]): SchemeFamily[] {
  const byCode = new Map<string, Scheme[]>();
  for (const scheme of schemes) byCode.set(scheme.code, [...(byCode.get(scheme.code) ?? []), scheme]);
  return [...byCode.entries()]
    .map(([code, versions]) => {
      const sorted = [...versions].sort((a, b) => b.version - a.version);
      return { code, latest: sorted[0] as Scheme, versions: sorted };
    })
    .sort((a, b) => (a.latest.createdAt < b.latest.createdAt ? 1 : a.latest.createdAt > b.latest.createdAt ? -1 : b.latest.id - a.latest.id));
}

/** The grade names of a scheme definition, best first (the engine's `grades`). */
export function gradeNamesOf(definition: { readonly grades?: unknown } | null | undefined): string[] {
  const grades = definition?.grades;
  if (!Array.isArray(grades)) return [];
  return grades.map((g) => (g && typeof g === 'object' && typeof (g as { name?: unknown }).name === 'string' ? (g as { name: string }).name : '')).filter(Boolean);
}
