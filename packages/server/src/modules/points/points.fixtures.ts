import ExcelJS from 'exceljs';
import type { AppDeps } from '../../app/deps.js';
import type { PeriodState, SubjectKind } from '../../db/schema.js';
import type { Actor } from '../../policies/index.js';
import { adminActor } from '../../testing/fixtures.js';
import { insertAccount, replaceRolesOfAccount } from '../accounts/index.js';
import { createWorkLogOrg, testPasswordHash } from '../worklogs/worklogs.fixtures.js';
import { createRule } from './point-rules.usecases.js';

/**
 * A police-style points scheme (执法作风 as a ledger indicator, 加分 as an extra one). Schemes and
 * periods are inserted directly: their API belongs to modules/periods.
 */
export const POLICE_SCHEME_DEFINITION = {
  name: '2026 民警动态积分',
  kind: 'routine',
  indicators: [
    { id: 'work', method: 'rating', weight: 50, raterGroups: { leader: 1 } },
    { id: 'style', method: 'ledger', weight: 50 },
    { id: 'bonus', method: 'ledger', extra: true, base: 0, min: 0, max: 5 },
  ],
  grouping: 'unit',
  grades: [{ name: '好', quota: 0.4, minScore: 90 }, { name: '较好', minScore: 80 }, { name: '一般', minScore: 60 }, { name: '较差' }],
};

export async function insertScheme(deps: Pick<AppDeps, 'db' | 'now'>, s: { code: string; name: string; subjectKind: SubjectKind; definition?: unknown }) {
  const { id } = await deps.db
    .insertInto('schemes')
    .values({
      code: s.code, version: 1, name: s.name, kind: s.subjectKind === 'unit' ? 'unit' : 'routine', subject_kind: s.subjectKind,
      definition_json: JSON.stringify(s.definition ?? POLICE_SCHEME_DEFINITION), replaces_id: null, created_by: null, created_at: deps.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertPeriod(deps: Pick<AppDeps, 'db' | 'now'>, p: { schemeId: number; name: string; startsOn: string; endsOn: string; state: PeriodState }) {
  const at = deps.now().toISOString();
  const { id } = await deps.db
    .insertInto('periods')
    .values({ name: p.name, kind: 'month', starts_on: p.startsOn, ends_on: p.endsOn, scheme_id: p.schemeId, state: p.state, created_by: null, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export type PointsOrg = Awaited<ReturnType<typeof createPointsOrg>>;

/**
 * The work-record test organization (worklogs.fixtures.ts: 川姜镇 led by `leader` with 张三, 李四 and
 * the section 党政办 with 赵六; 二甲镇 led by `leader2` with 王五; `auditor`) plus a second admin
 * `admin2`, a person scheme with three rules and a unit scheme with one:
 *
 * - TB-PP 通报批评 −3 (−5..−1), TB-BY 通报表扬 +2 (+1..+5, indicator bonus), DB-CS 督办超时 −1 per occurrence (−2..−0.5);
 * - UNIT-AQ 安全生产 −2 (−10..0) on the unit scheme.
 */
export async function createPointsOrg(deps: AppDeps) {
  const org = await createWorkLogOrg(deps);
  const hash = await testPasswordHash(org.password);
  const at = deps.now().toISOString();
  const admin2Id = await insertAccount(deps.db, { username: 'admin2', personId: null, passwordHash: hash, mustChangePassword: false, now: at });
  await replaceRolesOfAccount(deps.db, admin2Id, [{ role: 'admin', unitId: null }]);
  const admin2: Actor = { accountId: admin2Id, username: 'admin2', personId: null, unitId: null, roles: ['admin'], leaderUnitIds: [] };

  const schemeId = await insertScheme(deps, { code: 'police-2026', name: '2026 民警动态积分', subjectKind: 'person' });
  const unitSchemeId = await insertScheme(deps, {
    code: 'towns-2026', name: '2026 镇街综合考核', subjectKind: 'unit',
    definition: { name: '镇街', kind: 'unit', indicators: [{ id: 'gdp', method: 'target', weight: 50 }, { id: 'safety', method: 'ledger', weight: 50 }] },
  });
  const rules = {
    criticism: await createRule(deps, adminActor, { schemeId, code: 'TB-PP', name: '通报批评', indicator: 'style', defaultDelta: -3, minDelta: -5, maxDelta: -1, defaultSource: 'superior_notice' }),
    praise: await createRule(deps, adminActor, { schemeId, code: 'TB-BY', name: '通报表扬', indicator: 'bonus', defaultDelta: 2, minDelta: 1, maxDelta: 5, defaultSource: 'superior_notice' }),
    overdue: await createRule(deps, adminActor, { schemeId, code: 'DB-CS', name: '督办超时', indicator: 'style', defaultDelta: -1, minDelta: -2, maxDelta: -0.5, perOccurrence: true, defaultSource: 'task' }),
    unitSafety: await createRule(deps, adminActor, { schemeId: unitSchemeId, code: 'UNIT-AQ', name: '安全生产', indicator: 'safety', defaultDelta: -2, minDelta: -10, maxDelta: 0 }),
  };
  return { ...org, actors: { ...org.actors, admin2 }, schemeId, unitSchemeId, rules };
}

/** A real .xlsx of point events (exceljs), on the sheet 积分事件 with the given headers. */
export async function pointsWorkbook(rows: (string | number | Date | null)[][], headers = ['规则编码', '工号', '发生日期', '次数', '分值', '来源', '依据说明', '链接']): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('积分事件');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
