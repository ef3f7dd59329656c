import { DEFAULT_LAGGING_PERIODS, findConsecutiveLaggards, type PeriodStanding } from '@baton/engine';
import type { PromotionList, PromotionListQuery, WarningList, WarningListQuery } from '@baton/contract/result-lists';
import type { AppDeps } from '../../app/deps.js';
import type { Actor } from '../../policies/index.js';
import { nameGroups, resultVisibilityOf } from '../results/index.js';
import { assertOverseesResults, centiToScore } from '../report-cards/index.js';
import { listClosedPublishedPeriods, listStandingsOfPeriods, type ClosedPeriodRow, type StandingRow } from './result-lists.repository.js';
import { isResultVisible } from '../../policies/index.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

function groupByKey<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const list = map.get(keyOf(item));
    if (list) list.push(item);
    else map.set(keyOf(item), [item]);
  }
  return map;
}

const presentPerson = (r: StandingRow) => ({ id: r.person_id, name: r.person_name, employeeNo: r.employee_no });

/**
 * The warning-talk list (约谈提醒, docs/product.md §4 连续末位预警): people last in their group in each of the
 * last `periods` (default 2) closed periods of one scheme code — the engine's findConsecutiveLaggards
 * on the published results in force. Periods are those of `scheme` (a code), or of every code of a
 * `routine` scheme, each code on its own (its periods in order of their end). Tied for last counts as
 * last; a group where nobody is ahead has no laggard; a period he was not assessed in breaks the streak.
 * Leaders see the people whose latest result on the list belongs to their subtrees.
 */
export async function listWarningTalks({ db }: Deps, actor: Actor, query: WarningListQuery): Promise<WarningList> {
  assertOverseesResults(actor);
  const needed = query.periods ?? DEFAULT_LAGGING_PERIODS;
  const visible = await resultVisibilityOf(db, actor);
  const closed = await listClosedPublishedPeriods(db, query.scheme !== undefined ? { schemeCode: query.scheme } : { schemeKinds: ['routine'] });
  const items = [];
  for (const [, periods] of groupByKey(closed, (p) => p.scheme_code)) {
    // The streak is counted back from the latest closed period: only the last `needed` periods matter.
    const recent = periods.slice(-needed);
    if (recent.length < needed) continue;
    const rows = await listStandingsOfPeriods(db, recent.map((p) => p.id));
    const rowsByPeriod = groupByKey(rows, (r) => r.period_id);
    const history: PeriodStanding[] = recent.map((p) => ({
      period: String(p.id),
      results: (rowsByPeriod.get(p.id) ?? []).map((r) => ({ subject: String(r.person_id), group: r.group_key, groupRank: r.group_rank })),
    }));
    const groupSizes = new Map<string, number>();
    for (const r of rows) groupSizes.set(`${r.period_id}/${r.group_key}`, (groupSizes.get(`${r.period_id}/${r.group_key}`) ?? 0) + 1);
    const alerts = findConsecutiveLaggards(history, { periods: needed }).filter((a) => query.group === undefined || a.group === query.group);
    const groupOf = await nameGroups(db, alerts.map((a) => a.group));
    const periodById = new Map<number, ClosedPeriodRow>(recent.map((p) => [p.id, p]));
    for (const alert of alerts) {
      const personId = Number(alert.subject);
      const own = alert.periods.map((id) => rows.find((r) => r.period_id === Number(id) && r.person_id === personId)!);
      const latest = own[own.length - 1]!;
      if (!isResultVisible(visible, { unitId: latest.unit_id, personId: latest.person_id })) continue;
      const scheme = periodById.get(latest.period_id)!;
      items.push({
        person: presentPerson(latest),
        unit: { id: latest.unit_id, name: latest.unit_name },
        group: groupOf(alert.group),
        scheme: { code: scheme.scheme_code, name: scheme.scheme_name },
        periods: own.map((r) => {
          const p = periodById.get(r.period_id)!;
          return {
            id: p.id, name: p.name, endsOn: p.ends_on, total: centiToScore(r.total_centi), grade: r.grade, groupRank: r.group_rank,
            groupSize: groupSizes.get(`${r.period_id}/${r.group_key}`) ?? 0,
          };
        }),
      });
    }
  }
  items.sort((a, b) => a.scheme.code.localeCompare(b.scheme.code) || a.group.key.localeCompare(b.group.key) || a.person.id - b.person.id);
  return { periods: needed, items };
}

export const DEFAULT_PROMOTION_GRADE = '优秀';
export const DEFAULT_PROMOTION_YEARS = 3;

const yearOf = (p: Pick<ClosedPeriodRow, 'ends_on'>) => Number(p.ends_on.slice(0, 4));

/**
 * People whose annual results (年度考核, schemes of kind `annual`) carry `grade` (default 优秀) in each of
 * the last `years` (default 3) consecutive years: the latest year with a closed annual period and the
 * years before it — an annual period belongs to the year it ends in; a year without a closed annual
 * period, or without his result carrying the grade, breaks the run. Only the published results in
 * force count (an accepted appeal's version, not the first one). Leaders see the people whose latest
 * annual result belongs to their subtrees.
 */
export async function listPromotionCandidates({ db }: Deps, actor: Actor, query: PromotionListQuery): Promise<PromotionList> {
  assertOverseesResults(actor);
  const grade = query.grade ?? DEFAULT_PROMOTION_GRADE;
  const yearCount = query.years ?? DEFAULT_PROMOTION_YEARS;
  const visible = await resultVisibilityOf(db, actor);
  const annual = await listClosedPublishedPeriods(db, { schemeKinds: ['annual'] });
  const latestYear = annual.length === 0 ? undefined : Math.max(...annual.map(yearOf));
  if (latestYear === undefined) return { grade, years: [], items: [] };
  const years = Array.from({ length: yearCount }, (_, i) => latestYear - yearCount + 1 + i);
  const periods = annual.filter((p) => years.includes(yearOf(p)));
  const periodById = new Map(periods.map((p) => [p.id, p]));
  const rows = (await listStandingsOfPeriods(db, periods.map((p) => p.id))).filter((r) => r.grade === grade);
  const items = [];
  for (const [, own] of groupByKey(rows, (r) => r.person_id)) {
    const byYear = years.map((year) => own.filter((r) => yearOf(periodById.get(r.period_id)!) === year).sort((a, b) => b.total_centi - a.total_centi)[0]);
    if (byYear.some((r) => r === undefined)) continue;
    const latest = byYear[byYear.length - 1]!;
    if (!isResultVisible(visible, { unitId: latest.unit_id, personId: latest.person_id })) continue;
    items.push({
      person: presentPerson(latest),
      unit: { id: latest.unit_id, name: latest.unit_name },
      results: byYear.map((r, i) => {
        const p = periodById.get(r!.period_id)!;
        return { year: years[i]!, period: { id: p.id, name: p.name }, total: centiToScore(r!.total_centi), grade: r!.grade };
      }),
      latestTotal: centiToScore(latest.total_centi),
    });
  }
  items.sort((a, b) => b.latestTotal - a.latestTotal || a.person.id - b.person.id);
  return { grade, years, items: items.map(({ latestTotal: _, ...item }) => item) };
}
