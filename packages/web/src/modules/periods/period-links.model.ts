import type { PeriodState } from '@baton/contract/periods';

/**
 * Which of a period's pages (summary, review, results) a caller is offered, from his abilities and
 * where he stands in the period's scope — as far as the units he can see tell.
 */

type UnitRef = { id: number | string; parentId: number | string | null };

/**
 * Whether a unit lies in the subtree of another, walking up the parents the caller can see:
 * `null` when the walk leaves the units he sees before it can tell (a member sees only his own unit).
 */
export function isUnitWithin(unitId: number | string, ancestorId: number | string, units: readonly UnitRef[]): boolean | null {
  const parentOf = new Map(units.map((u) => [String(u.id), u.parentId === null ? null : String(u.parentId)]));
  let current: string | null = String(unitId);
  for (let guard = 0; current !== null && guard < 64; guard++) {
    if (current === String(ancestorId)) return true;
    if (!parentOf.has(current)) return null;
    current = parentOf.get(current) ?? null;
  }
  return false;
}

/** The parent links of a unit's path (`GET /api/units/:id` → `path`, the root first): what a member, who sees only his unit, knows of his ancestors. */
export function unitRefsOfPath(path: readonly { id: number | string }[] | undefined): UnitRef[] {
  return (path ?? []).map((unit, i) => ({ id: unit.id, parentId: i === 0 ? null : (path?.[i - 1]?.id ?? null) }));
}

/**
 * Whether the caller takes part in a period (api-cycles.md "Who takes part": the people of the
 * scope's subtree) and whether he leads someone in it — as far as the units he sees tell;
 * unknown counts as yes (the period's page answers for itself).
 */
export function periodRolesOf(
  scope: { unitId: number | string } | null | undefined,
  me: { personUnitId: number | string | null; ledUnitIds: readonly (number | string)[] },
  units: readonly UnitRef[],
): { participant: boolean; reviewer: boolean } {
  if (!scope) return { participant: me.personUnitId !== null, reviewer: me.ledUnitIds.length > 0 };
  const participant = me.personUnitId !== null && isUnitWithin(me.personUnitId, scope.unitId, units) !== false;
  const reviewer = me.ledUnitIds.some((led) => isUnitWithin(led, scope.unitId, units) !== false || isUnitWithin(scope.unitId, led, units) === true);
  return { participant, reviewer };
}

export type PeriodLinkKind = 'summary' | 'review' | 'results' | 'preview';

export interface PeriodLink {
  kind: PeriodLinkKind;
  path: string;
}

/**
 * The cycle pages a caller can use on a period (api-cycles.md "Who may do what"): his summary
 * while open or reviewing, the review sheet while reviewing, the results — for admin and auditor
 * always (before publicity the live preview), for everyone in publicity and closed (but not for
 * someone outside the period's scope: `roles`, see periodRolesOf).
 */
export function periodLinksFor(
  period: { id: number | string; state: PeriodState },
  abilities: Partial<Record<string, boolean>>,
  roles: { participant: boolean; reviewer: boolean } = { participant: true, reviewer: true },
): PeriodLink[] {
  const links: PeriodLink[] = [];
  const id = encodeURIComponent(String(period.id));
  const published = period.state === 'publicity' || period.state === 'closed';
  const seesAll = abilities['results.export'] === true || abilities['period.manage'] === true;
  if (abilities['summary.write'] === true && roles.participant && (period.state === 'open' || period.state === 'reviewing')) links.push({ kind: 'summary', path: `/periods/${id}/summary` });
  // the organization department rates those no leader can (the head of the top unit); in publicity
  // the sheet is where an appellant is re-rated (复核)
  const reviewable = period.state === 'reviewing' || period.state === 'publicity';
  if (abilities['review.rate'] === true && (roles.reviewer || abilities['review.rate.unled'] === true) && reviewable) links.push({ kind: 'review', path: `/periods/${id}/review` });
  // members read their own result, leaders their subtrees: nothing to read outside the period's scope
  if (published && (seesAll || roles.participant || roles.reviewer)) links.push({ kind: 'results', path: `/periods/${id}/results` });
  else if (seesAll) links.push({ kind: 'preview', path: `/periods/${id}/results` });
  return links;
}
