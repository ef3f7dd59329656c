import { describe, expect, it } from 'vitest';
import { buildWorkbook, PEOPLE_HEADERS, UNIT_HEADERS } from './org-workbook.fixtures.js';
import { formatRoles, readOrgWorkbook, TEMPLATE_EXAMPLE, writeOrgWorkbook } from './org-workbook.js';

const unitsSheet = [UNIT_HEADERS, ['DIST', '崇川区', '区', null, null]];

describe('the organization workbook', () => {
  it('reads back what it writes, the template included', async () => {
    const parsed = await readOrgWorkbook(await writeOrgWorkbook(TEMPLATE_EXAMPLE));
    expect(parsed.issues).toEqual([]);
    expect(parsed.units.map(({ row: _row, ...u }) => u)).toEqual(TEMPLATE_EXAMPLE.units);
    expect(parsed.people.map(({ row: _row, ...p }) => p)).toEqual(TEMPLATE_EXAMPLE.people);
  });

  it('matches headers marked as required or followed by the English name', async () => {
    const parsed = await readOrgWorkbook(await buildWorkbook({
      单位: unitsSheet,
      人员: [['工号*', '姓名 (name)', '单位编码（unitCode）'], ['E1', '张三', 'DIST']],
    }));
    expect(parsed.issues).toEqual([]);
    expect(parsed.people[0]).toMatchObject({ employeeNo: 'E1', name: '张三', unitCode: 'DIST', row: 2 });
    expect([...parsed.columns.people]).toEqual(['employeeNo', 'name', 'unitCode']);
  });

  it('reads dates written as text in the usual Chinese ways and as Excel serial numbers', async () => {
    const people = [['工号', '姓名', '单位编码', '生效日期'], ['E1', '甲', 'DIST', '2026/1/5'], ['E2', '乙', 'DIST', '2026年1月5日'], ['E3', '丙', 'DIST', 46027]];
    const parsed = await readOrgWorkbook(await buildWorkbook({ 单位: unitsSheet, 人员: people }));
    expect(parsed.issues).toEqual([]);
    expect(parsed.people.map((p) => p.effectiveFrom)).toEqual(['2026-01-05', '2026-01-05', '2026-01-05']);
  });

  it('reads roles in Chinese or English, with a led unit, and refuses what is no label', async () => {
    const row = (no: string, roles: string, gender: string | null = null) => PEOPLE_HEADERS.map((h) => ({ 工号: no, 姓名: '某', 单位编码: 'DIST', 角色: roles, 性别: gender } as Record<string, string | null>)[h] ?? null);
    const parsed = await readOrgWorkbook(await buildWorkbook({
      单位: unitsSheet,
      人员: [PEOPLE_HEADERS, row('E1', '成员，负责人:JS、auditor'), row('E2', 'toString'), row('E3', '成员:JS'), row('E4', '成员', 'constructor')],
    }));
    expect(parsed.people[0]!.roles).toEqual([{ role: 'member', unitCode: null }, { role: 'leader', unitCode: 'JS' }, { role: 'auditor', unitCode: null }]);
    expect(parsed.issues).toEqual([
      { sheet: '人员', row: 3, column: '角色', message: expect.stringContaining('unknown role "toString"') },
      { sheet: '人员', row: 4, column: '角色', message: expect.stringContaining('only 负责人 takes a unit code') },
      { sheet: '人员', row: 5, column: '性别', message: '"constructor" is not one of 男, 女' },
    ]);
    expect(formatRoles(parsed.people[0]!.roles)).toBe('成员、负责人:JS、审计员');
  });

  it('names a cell that holds an Excel error', async () => {
    const parsed = await readOrgWorkbook(await buildWorkbook({
      单位: unitsSheet,
      人员: [['工号', '姓名', '单位编码'], ['E1', { error: '#N/A' } as unknown as string, 'DIST']],
    }));
    expect(parsed.issues).toEqual([{ sheet: '人员', row: 2, column: '姓名', message: 'the cell holds an Excel error (#N/A)' }]);
  });
});
