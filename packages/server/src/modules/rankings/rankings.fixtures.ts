import type { AppDeps } from '../../app/deps.js';
import { adminActor } from '../../testing/fixtures.js';
import { changeUnit, createCategory } from '../org/index.js';
import { createAssessmentPeriod } from '../periods/index.js';
import { createWorkLogOrg } from '../worklogs/worklogs.fixtures.js';
import { insertApprovedLedgerFixture } from './rankings-fixtures.repository.js';
import { announceLedgerChange } from '../points/index.js';
import { createAssessmentScheme } from '../schemes/index.js';
import { transitionAssessmentPeriod } from '../period-transitions/index.js';

/**
 * A police-style points scheme (执法作风 · 岗位实绩 deduction ledgers of 50 each, a 工作质效 bonus
 * of ±10 on top), grouped by category. Deduction ledgers start at their weight: a person without
 * events totals 100.
 */
export const POLICE_POINTS_SCHEME = {
  name: '2026 动态积分',
  kind: 'routine',
  indicators: [
    { id: 'style', name: '执法作风', method: 'ledger', weight: 50, kind: 'dynamic' },
    { id: 'duty', name: '岗位实绩', method: 'ledger', weight: 50, weightsByCategory: { TOWN: 50 }, kind: 'dynamic' },
    { id: 'bonus', name: '工作质效', method: 'ledger', extra: true, base: 0, min: -10, max: 10, kind: 'dynamic' },
  ],
  grouping: 'category',
  grades: [{ name: '好', quota: 0.4, minScore: 100 }, { name: '较好', minScore: 95 }, { name: '一般', minScore: 60 }, { name: '较差' }],
};

export type RankingOrg = Awaited<ReturnType<typeof createRankingOrg>>;

/**
 * The work-record test organization (崇川区 ─ 川姜镇 (─ 党政办), 二甲镇; accounts leader, zhang, li,
 * zhao, wang, leader2, auditor) with the towns in the category 工业强镇 (code TOWN), plus the points
 * scheme and an open period for January–March 2026. Call on an empty database, at a date before 2026-01-01.
 */
export async function createRankingOrg(deps: AppDeps) {
  const org = await createWorkLogOrg(deps);
  const town = await createCategory(deps, adminActor, { code: 'TOWN', name: '工业强镇' });
  await changeUnit(deps, adminActor, org.units.t1.id, { categoryId: town.id });
  await changeUnit(deps, adminActor, org.units.s1.id, { categoryId: town.id });
  await changeUnit(deps, adminActor, org.units.t2.id, { categoryId: town.id });
  const scheme = await createAssessmentScheme(deps, adminActor, { code: 'police-points', name: '2026 动态积分', subjectKind: 'person', definition: POLICE_POINTS_SCHEME });
  const period = await createAssessmentPeriod(deps, adminActor, { name: '2026年第一季度', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: scheme.id });
  await transitionAssessmentPeriod(deps, adminActor, period.id, { to: 'open' });
  return { ...org, categories: { town }, scheme, period };
}

/** Writes an approved ledger movement of a person and announces it, as an approval does. */
export async function approvePoints(
  deps: AppDeps,
  org: Pick<RankingOrg, 'scheme'>,
  person: { id: number; unitId: number },
  indicator: string,
  points: number,
  occurredOn = '2026-02-10',
  options: { announce?: boolean; reversesEventId?: number } = {},
) {
  const row = await insertApprovedLedgerFixture(deps.db, {
    schemeId: org.scheme.id, indicator, personId: person.id, unitId: person.unitId, occurredOn, centi: Math.round(points * 100),
    accountId: adminActor.accountId, now: deps.now().toISOString(), reversesEventId: options.reversesEventId ?? null,
  });
  if (options.announce !== false) announceLedgerChange(deps, { schemeId: org.scheme.id, ledgerId: row.ledgerId });
  return row;
}
