import ExcelJS from 'exceljs';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from '../../db/seed/demo-org.data.js';
import { createSeededRandom } from '../../db/seed/seeded-random.js';
import type { OrgRoster, PersonRecord, UnitRecord } from './org-workbook.js';

/**
 * Workbooks for tests and the import benchmark: small hand-written sheets (built with the regular
 * exceljs writer, as a person's spreadsheet program would) and large generated rosters.
 */

export type SheetRows = (string | number | Date | null)[][];

export const CATEGORY_HEADERS = ['分类编码', '分类名称', '说明'];
export const UNIT_HEADERS = ['单位编码', '单位名称', '单位类型', '上级单位编码', '单位分类'];
export const PEOPLE_HEADERS = ['工号', '姓名', '性别', '单位编码', '岗位', '岗位类别', '职级', '手机', '角色', '状态', '生效日期'];

/** An .xlsx with the given sheets, each a list of rows (the first is the header row). */
export async function buildWorkbook(sheets: Record<string, SheetRows>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A small district: 崇川区 (DIST) with 金沙街道 (JS, 城区街道) and its 党政办 (JS-01), 二甲镇 (EJ,
 * 工业强镇); 张三 leads 金沙街道, 李四 works in its office, 王五 in 二甲镇 (no account).
 */
export function smallOrgSheets(): Record<string, SheetRows> {
  return {
    单位分类: [CATEGORY_HEADERS, ['URBAN', '城区街道', '城区'], ['INDUSTRY', '工业强镇', null]],
    单位: [
      UNIT_HEADERS,
      ['DIST', '崇川区', '区', null, null],
      ['JS', '金沙街道', '街道', 'DIST', 'URBAN'],
      ['JS-01', '金沙街道党政办', '科室', 'JS', null],
      ['EJ', '二甲镇', '镇', 'DIST', '工业强镇'],
    ],
    人员: [
      PEOPLE_HEADERS,
      ['E001', '张三', '男', 'JS', '街道办事处主任', '综合管理类', '四级调研员', '13800000001', '成员、负责人', '在职', '2026-01-05'],
      ['E002', '李四', '女', 'JS-01', '科员', '综合管理类', '一级科员', '13800000002', '成员', '在职', '2026-01-05'],
      ['E003', '王五', '男', 'EJ', '科员', '综合管理类', '二级科员', null, null, '在职', '2026-01-05'],
    ],
  };
}

/**
 * A generated organization of `units` units (a district, 2 % top units, sections under them) and
 * `people` people spread over them; every unit's first person leads it. `rolesForAll` gives every
 * person the member role (an account each) — realistic, and the expensive case.
 */
export function generateOrgRoster({ units: unitCount, people: peopleCount, rolesForAll = false, seed = 7 }: {
  units: number; people: number; rolesForAll?: boolean; seed?: number;
}): OrgRoster {
  const random = createSeededRandom(seed);
  const units: UnitRecord[] = [{ code: 'G', name: '生成区', type: 'district', parentCode: null, category: null, sort: 0 }];
  const tops = Math.max(1, Math.round(unitCount * 0.02));
  for (let t = 1; t <= tops && units.length < unitCount; t += 1) {
    units.push({ code: `G${t}`, name: `第${t}镇`, type: t % 2 ? 'town' : 'department', parentCode: 'G', category: t % 2 ? 'GEN-T' : 'GEN-D', sort: t });
  }
  for (let s = 1; units.length < unitCount; s += 1) {
    const top = 1 + (s % tops);
    units.push({ code: `G${top}-${s}`, name: `第${top}镇第${s}科`, type: 'section', parentCode: `G${top}`, category: null, sort: s });
  }
  const posts = [['科员', '综合管理类'], ['科长', '综合管理类'], ['执法队员', '行政执法类'], ['民警', '行政执法类'], ['工程师', '专业技术类']] as const;
  const ranks = ['二级科员', '一级科员', '四级主任科员', '三级主任科员'];
  const people: PersonRecord[] = [];
  for (let i = 0; i < peopleCount; i += 1) {
    const unit = units[i % units.length]!;
    const leads = i < units.length;
    const male = random.next() < 0.6;
    const pool = male ? GIVEN_MALE : GIVEN_FEMALE;
    const [post, postType] = leads ? posts[1] : random.pick(posts);
    people.push({
      employeeNo: `P${String(i + 1).padStart(6, '0')}`,
      name: random.pickSkewed(SURNAMES) + random.pick(pool) + (random.next() < 0.7 ? random.pick(pool) : ''),
      gender: male ? '男' : '女',
      unitCode: unit.code,
      post, postType,
      rank: random.pick(ranks),
      phone: `139${String(i).padStart(8, '0')}`,
      roles: leads ? [{ role: 'member', unitCode: null }, { role: 'leader', unitCode: null }] : rolesForAll ? [{ role: 'member', unitCode: null }] : [],
      status: 'active',
      effectiveFrom: '2025-01-01',
    });
  }
  return {
    categories: [{ code: 'GEN-T', name: '生成镇', description: null }, { code: 'GEN-D', name: '生成部门', description: null }],
    units,
    people,
  };
}
