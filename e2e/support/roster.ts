import ExcelJS from 'exceljs';

/**
 * Fills in the server's own import template (GET /api/imports/org/template): its sheets and
 * header cells decide where each value goes, so the journey follows whatever layout the server
 * defines. Only the meaning of a header (单位编码, 姓名 …) is known here; the example rows of the
 * template are replaced by the roster below.
 */

type Row = Record<string, string | number | null>;

export interface RosterSheets {
  categories: Row[];
  units: Row[];
  people: Row[];
}

/** Header names (and their English alternatives) for each field, per sheet. */
const FIELDS: Record<keyof RosterSheets, { sheet: string[]; headers: Record<string, string[]> }> = {
  categories: {
    sheet: ['单位分类', 'categories'],
    headers: { code: ['分类编码', 'code'], name: ['分类名称', 'name'], description: ['说明', 'description'] },
  },
  units: {
    sheet: ['单位', 'units'],
    headers: {
      code: ['单位编码', 'code'],
      name: ['单位名称', 'name'],
      type: ['单位类型', 'type'],
      parentCode: ['上级单位编码', 'parentcode'],
      category: ['单位分类', 'category'],
      sort: ['排序', 'sort'],
    },
  },
  people: {
    sheet: ['人员', 'people'],
    headers: {
      employeeNo: ['工号', 'employeeno'],
      name: ['姓名', 'name'],
      gender: ['性别', 'gender'],
      unitCode: ['单位编码', 'unitcode'],
      post: ['岗位', 'post'],
      postType: ['岗位类别', 'posttype'],
      rank: ['职级', 'rank'],
      phone: ['手机', '电话', 'phone'],
      roles: ['角色', 'roles'],
      status: ['状态', 'status'],
      effectiveFrom: ['生效日期', 'effectivefrom'],
    },
  },
};

const normalise = (text: string) => text.replace(/[（(].*$/, '').replace(/[\s*＊]/g, '').toLowerCase();

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return String(value);
}

/** A small district: two streets, two towns, a department, sections, and 36 people. */
export function sampleRoster(): RosterSheets {
  const units: Row[] = [
    { code: 'E2E', name: '示范区', type: '区', parentCode: null, category: null, sort: 0 },
    { code: 'E2E-JS', name: '金沙街道', type: '街道', parentCode: 'E2E', category: 'URB', sort: 1 },
    { code: 'E2E-XF', name: '先锋街道', type: '街道', parentCode: 'E2E', category: 'URB', sort: 2 },
    { code: 'E2E-CJ', name: '川姜镇', type: '镇', parentCode: 'E2E', category: 'IND', sort: 3 },
    { code: 'E2E-EJ', name: '二甲镇', type: '镇', parentCode: 'E2E', category: 'IND', sort: 4 },
    { code: 'E2E-ZZB', name: '区委组织部', type: '部门', parentCode: 'E2E', category: 'DEP', sort: 5 },
    { code: 'E2E-JS-01', name: '金沙街道党政办公室', type: '科室', parentCode: 'E2E-JS', category: 'URB', sort: 1 },
    { code: 'E2E-CJ-01', name: '川姜镇经济发展局', type: '科室', parentCode: 'E2E-CJ', category: 'IND', sort: 1 },
  ];
  const names = [
    '张三', '李四', '王五', '赵敏', '刘洋', '陈静', '杨帆', '黄磊', '周杰', '吴芳', '徐明', '孙丽',
    '马超', '朱红', '胡军', '郭涛', '何平', '高远', '林峰', '罗娟', '郑洁', '梁宇', '谢婷', '宋刚',
    '唐敏', '许强', '韩雪', '冯亮', '邓华', '曹阳', '彭博', '曾琳', '肖鹏', '田甜', '董凯', '袁媛',
  ];
  const unitCodes = units.slice(1).map((u) => String(u.code));
  const people: Row[] = names.map((name, i) => ({
    employeeNo: `E${String(2001 + i)}`,
    name,
    gender: i % 3 === 0 ? '女' : '男',
    unitCode: unitCodes[i % unitCodes.length] ?? 'E2E',
    post: i % 4 === 0 ? '执法队员' : '科员',
    postType: i % 4 === 0 ? '行政执法类' : '综合管理类',
    rank: i % 5 === 0 ? '四级主任科员' : '一级科员',
    phone: `1380000${String(1000 + i)}`,
    roles: i === 1 ? '成员、负责人' : i < 6 ? '成员' : null,
    status: '在职',
    effectiveFrom: '2026-01-01',
  }));
  return {
    categories: [
      { code: 'URB', name: '城区街道', description: '城区街道' },
      { code: 'IND', name: '工业强镇', description: '工业强镇' },
      { code: 'DEP', name: '综合部门', description: '区级机关部门' },
    ],
    units,
    people,
  };
}

/** Replaces the data rows of the template's sheets with the roster; returns the .xlsx bytes. */
export async function fillTemplate(template: ArrayBuffer, roster: RosterSheets): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template);
  for (const key of Object.keys(FIELDS) as (keyof RosterSheets)[]) {
    const spec = FIELDS[key];
    const sheet = workbook.worksheets.find((ws) => spec.sheet.includes(normalise(ws.name)) || spec.sheet.includes(ws.name));
    if (!sheet) {
      if (key === 'categories') continue;
      throw new Error(`the template has no sheet ${spec.sheet[0]} (sheets: ${workbook.worksheets.map((w) => w.name).join(', ')})`);
    }
    const header = sheet.getRow(1);
    const columnOf = new Map<string, number>();
    header.eachCell((cell, col) => {
      const text = normalise(cellText(cell.value));
      for (const [field, names] of Object.entries(spec.headers)) {
        if (names.some((n) => normalise(n) === text) && !columnOf.has(field)) columnOf.set(field, col);
      }
    });
    for (const field of ['code', 'name', 'employeeNo', 'unitCode']) {
      if (field in spec.headers && !columnOf.has(field)) throw new Error(`the template's sheet ${sheet.name} has no column for ${field}`);
    }
    if (sheet.rowCount > 1) sheet.spliceRows(2, sheet.rowCount - 1);
    roster[key].forEach((record, index) => {
      const row = sheet.getRow(index + 2);
      for (const [field, col] of columnOf) {
        const value = record[field];
        row.getCell(col).value = value === undefined ? null : value;
      }
      row.commit();
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
