import type { AppDeps } from '../../app/deps.js';
import type { Role } from '../../db/schema.js';
import type { Actor } from '../../policies/index.js';
import { adminActor } from '../../testing/fixtures.js';
import { insertAccount, replaceRolesOfAccount } from '../accounts/index.js';
import { findAccountById, hashPassword } from '../auth/index.js';
import { createUnit } from '../org/index.js';
import { createPerson } from '../people/index.js';
import { createAssessmentPeriod } from '../periods/index.js';
import { indicatorRefOf } from './log-indicators.js';
import { createAssessmentScheme } from '../schemes/index.js';
import { transitionAssessmentPeriod } from '../period-transitions/index.js';

/** scrypt is slow on purpose: hash the test password once per process. */
let cachedHash: Promise<string> | undefined;
export const testPasswordHash = (password: string) => (cachedHash ??= hashPassword(password));

export type WorkLogOrg = Awaited<ReturnType<typeof createWorkLogOrg>>;

/**
 * The test organization of the work-record tests (created on the clock's current date, so that is
 * everyone's start date):
 *
 *     崇川区 ─┬─ 川姜镇 (led by 陈镇长) ── 党政办
 *             └─ 二甲镇 (led by 周镇长)
 *
 * 张三 and 李四 work in 川姜镇, 赵六 in its section 党政办, 王五 in 二甲镇. Accounts are named after
 * their roles (leader, zhang, li, zhao, wang, leader2, auditor) and share `password`.
 */
export async function createWorkLogOrg(deps: AppDeps, password = 'Demo-passw0rd') {
  const district = await createUnit(deps, adminActor, { code: 'D', name: '崇川区', type: 'district', parentId: null });
  const t1 = await createUnit(deps, adminActor, { code: 'T1', name: '川姜镇', type: 'town', parentId: district.id });
  const s1 = await createUnit(deps, adminActor, { code: 'T1S1', name: '党政办', type: 'section', parentId: t1.id });
  const t2 = await createUnit(deps, adminActor, { code: 'T2', name: '二甲镇', type: 'town', parentId: district.id });
  const person = (employeeNo: string, name: string, unitId: number) => createPerson(deps, adminActor, { employeeNo, name, unitId });
  const people = {
    leader: await person('L1', '陈镇长', t1.id),
    zhang: await person('M1', '张三', t1.id),
    li: await person('M2', '李四', t1.id),
    zhao: await person('M3', '赵六', s1.id),
    wang: await person('M4', '王五', t2.id),
    leader2: await person('L2', '周镇长', t2.id),
  };
  const hash = await testPasswordHash(password);
  const at = deps.now().toISOString();
  // `adminActor` is account 1: the bootstrap's admin in HTTP tests, created here for use-case tests.
  if (!(await findAccountById(deps.db, adminActor.accountId))) {
    const id = await insertAccount(deps.db, { username: 'admin', personId: null, passwordHash: hash, mustChangePassword: false, now: at });
    if (id !== adminActor.accountId) throw new Error('create the work-log org on an empty database');
    await replaceRolesOfAccount(deps.db, id, [{ role: 'admin', unitId: null }]);
  }
  const account = async (username: string, personId: number | null, unitId: number | null, roles: { role: Role; unitId: number | null }[]): Promise<Actor> => {
    const accountId = await insertAccount(deps.db, { username, personId, passwordHash: hash, mustChangePassword: false, now: at });
    await replaceRolesOfAccount(deps.db, accountId, roles);
    return {
      accountId, username, personId, unitId, roles: [...new Set(roles.map((r) => r.role))],
      leaderUnitIds: roles.filter((r) => r.role === 'leader').map((r) => r.unitId!),
    };
  };
  const actors = {
    admin: adminActor,
    leader: await account('leader', people.leader.id, t1.id, [{ role: 'leader', unitId: t1.id }, { role: 'member', unitId: null }]),
    zhang: await account('zhang', people.zhang.id, t1.id, [{ role: 'member', unitId: null }]),
    li: await account('li', people.li.id, t1.id, [{ role: 'member', unitId: null }]),
    zhao: await account('zhao', people.zhao.id, s1.id, [{ role: 'member', unitId: null }]),
    wang: await account('wang', people.wang.id, t2.id, [{ role: 'member', unitId: null }]),
    leader2: await account('leader2', people.leader2.id, t2.id, [{ role: 'leader', unitId: t2.id }, { role: 'member', unitId: null }]),
    auditor: await account('auditor', null, null, [{ role: 'auditor', unitId: null }]),
  };
  return { units: { district, t1, s1, t2 }, people, actors, password };
}

/** The scheme of the indicators work-log entries link to in the tests (openLogIndicatorPeriod). */
export const LOG_INDICATOR_SCHEME = {
  name: '平时考核（纪实）',
  kind: 'routine',
  indicators: [
    { id: 'safety', name: '安全生产', kind: 'regular', method: 'ledger', weight: 30 },
    { id: 'key_jobs', name: '稳就业', kind: 'key', method: 'rating', weight: 50, raterGroups: { leader: 1 } },
    { id: 'jobs', name: '专项任务', kind: 'dynamic', method: 'rating', weight: 20, raterGroups: { leader: 1 } },
    { id: 'veto_safety', name: '安全一票否决', method: 'veto', effect: 'noTop' },
  ],
  grouping: 'all',
  grades: [{ name: '好', quota: 0.4 }, { name: '较好' }],
  quotaRounding: 'floor',
};

/**
 * An OPEN quarter 2026-01-01 … 2026-03-31 of LOG_INDICATOR_SCHEME (code `logs`, the whole
 * organization): its indicators are those everyone of the work-log org may link entries to.
 * `ref('key_jobs')` is what an entry stores.
 */
export async function openLogIndicatorPeriod(deps: AppDeps, scopeUnitId: number | null = null) {
  const scheme = await createAssessmentScheme(deps, adminActor, { code: 'logs', name: LOG_INDICATOR_SCHEME.name, subjectKind: 'person', definition: LOG_INDICATOR_SCHEME });
  const period = await createAssessmentPeriod(deps, adminActor, {
    name: '2026年第一季度（纪实）', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: scheme.id, scopeUnitId,
  });
  await transitionAssessmentPeriod(deps, adminActor, period.id, { to: 'open' });
  return { scheme, period, ref: (indicatorId: string) => indicatorRefOf('logs', indicatorId) };
}
