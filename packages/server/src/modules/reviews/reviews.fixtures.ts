import type { AppDeps } from '../../app/deps.js';
import { adminActor } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/http.js';
import { createAssessmentPeriod } from '../periods/index.js';
import { createWorkLogOrg } from '../worklogs/worklogs.fixtures.js';
import { createAssessmentScheme } from '../schemes/index.js';
import { transitionAssessmentPeriod } from '../period-transitions/index.js';

/**
 * A routine scheme (平时考核) whose leader review rates two indicators — 履职尽责 (key, leaders only)
 * and 工作作风 (leaders and peers) — besides a self-rating and a deduction ledger, graded within the
 * whole organization with 好 capped at 40 %.
 */
export const ROUTINE_REVIEW_SCHEME = {
  name: '平时考核',
  kind: 'routine',
  indicators: [
    { id: 'duty', name: '履职尽责', kind: 'key', method: 'rating', weight: 50, raterGroups: { leader: 1 } },
    { id: 'style', name: '工作作风', kind: 'regular', method: 'rating', weight: 30, raterGroups: { leader: 0.7, peer: 0.3 } },
    { id: 'self', name: '自我评价', method: 'rating', weight: 10, raterGroups: { self: 1 } },
    { id: 'conduct', name: '执法作风', method: 'ledger', weight: 10 },
  ],
  grouping: 'all',
  grades: [{ name: '好', quota: 0.4, minScore: 90 }, { name: '较好', minScore: 80 }, { name: '一般', minScore: 60 }, { name: '较差' }],
  quotaRounding: 'floor',
};

export type CycleFixture = Awaited<ReturnType<typeof createCycleFixture>>;

/**
 * The work-log test organization (川姜镇 led by 陈镇长 with 张三, 李四 and 赵六 in its section; 二甲镇 led
 * by 周镇长 with 王五) and a quarter 2026-01-01 … 2026-03-31 on the routine scheme, moved to `state`
 * through the real transitions.
 */
export async function createCycleFixture(deps: AppDeps, state: 'draft' | 'open' | 'reviewing' = 'open') {
  const org = await createWorkLogOrg(deps);
  const scheme = await createAssessmentScheme(deps, adminActor, { code: 'routine', name: '平时考核', subjectKind: 'person', definition: ROUTINE_REVIEW_SCHEME });
  const period = await createAssessmentPeriod(deps, adminActor, { name: '2026年第一季度', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: scheme.id });
  const steps = { draft: [], open: ['open'], reviewing: ['open', 'reviewing'] } as const;
  for (const to of steps[state]) await transitionAssessmentPeriod(deps, adminActor, period.id, { to });
  return { org, scheme, period };
}

/** Signs in every account of the organization: cookies by name. */
export async function loginAll(t: TestApp, password: string) {
  const names = ['leader', 'zhang', 'li', 'zhao', 'wang', 'leader2', 'auditor'] as const;
  const cookies = { admin: await t.loginAs('admin') } as Record<(typeof names)[number] | 'admin', string>;
  for (const n of names) cookies[n] = await t.loginAs(n, password);
  return cookies;
}
