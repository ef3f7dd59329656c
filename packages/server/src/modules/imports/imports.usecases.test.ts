import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../app/errors.js';
import type { DatabaseHandle } from '../../db/kysely.js';
import { adminActor, createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import type { Actor } from '../../policies/index.js';
import { verifyAuditChain } from '../audit/index.js';
import { verifyPassword } from '../auth/index.js';
import { waitForJob } from '../jobs/index.js';
import { createCategory } from '../org/index.js';
import { createPerson, findUnitOfPersonOn, listAssignmentsOfPerson } from '../people/index.js';
import { exportOrgRoster, startOrgImport, type OrgImportResult } from './imports.usecases.js';
import { buildWorkbook, generateOrgRoster, PEOPLE_HEADERS, smallOrgSheets, UNIT_HEADERS, type SheetRows } from './org-workbook.fixtures.js';
import { readOrgWorkbook, writeOrgWorkbook } from './org-workbook.js';

describe.each(testDialects)('organization import on %s', (dialect) => {
  let handle: DatabaseHandle;
  const clock = createTestClock('2026-03-02T01:00:00.000Z');
  let deps: ReturnType<typeof depsFor>;
  beforeEach(async () => {
    clock.set('2026-03-02T01:00:00.000Z');
    handle = await createTestDatabase(dialect);
    deps = depsFor(handle, clock);
  });
  afterEach(() => handle.destroy());

  async function runImport(content: Buffer, fileName = 'org.xlsx', actor: Actor = adminActor): Promise<OrgImportResult> {
    const { jobId } = await startOrgImport(deps, actor, { fileName, content });
    const job = await waitForJob(deps, jobId);
    expect(job.error, JSON.stringify(job.error)).toBeNull();
    expect(job.status).toBe('succeeded');
    return job.result as OrgImportResult;
  }

  /** Row counts of everything an import writes, to prove a rejected file wrote nothing. */
  async function countRows() {
    const out: Record<string, number> = {};
    for (const table of ['categories', 'units', 'post_types', 'posts', 'people', 'person_assignments', 'accounts', 'account_roles', 'audit_log'] as const) {
      const row = await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  async function rejection(content: Buffer): Promise<AppError> {
    try {
      await startOrgImport(deps, adminActor, { fileName: 'bad.xlsx', content });
    } catch (err) {
      return err as AppError;
    }
    throw new Error('the import was accepted');
  }

  /** The small district, then a file derived from it with `edit` applied to its sheets. */
  async function expectRejected(edit: (sheets: Record<string, SheetRows>) => void, expected: { status?: number; code?: string; details: object[] }) {
    await runImport(await buildWorkbook(smallOrgSheets()));
    const before = await countRows();
    const sheets = smallOrgSheets();
    edit(sheets);
    const error = await rejection(await buildWorkbook(sheets));
    expect(error.statusCode).toBe(expected.status ?? 400);
    expect(error.code).toBe(expected.code ?? 'import.invalid');
    for (const detail of expected.details) expect(error.details).toContainEqual(expect.objectContaining(detail));
    expect(await countRows()).toEqual(before);
    return error;
  }

  const person = (no: string, name: string, unit: string, extra: Partial<Record<string, string | null>> = {}) =>
    PEOPLE_HEADERS.map((h) => (h in extra ? extra[h]! : ({ 工号: no, 姓名: name, 单位编码: unit, 岗位: '科员', 岗位类别: '综合管理类', 状态: '在职' } as Record<string, string>)[h] ?? null));

  it('imports categories, units, people, posts and accounts, with one audit record for each', async () => {
    const result = await runImport(await buildWorkbook(smallOrgSheets()), '崇川区.xlsx');
    expect(result).toMatchObject({
      categories: { created: 2 }, units: { created: 4 }, people: { created: 3 }, accounts: { created: 2 }, postTypesCreated: 1, postsCreated: 2,
    });
    const counts = await countRows();
    expect(counts).toMatchObject({ categories: 2, units: 4, people: 3, person_assignments: 3, accounts: 2, account_roles: 3 });
    expect(counts.audit_log).toBe(result.auditRecords);
    expect(result.auditRecords).toBe(2 + 4 + 3 + 2 + 1 + 2);
    const reasons = await handle.db.selectFrom('audit_log').select('reason').distinct().execute();
    expect(reasons).toEqual([{ reason: 'import 崇川区.xlsx' }]);
    expect((await verifyAuditChain(deps)).ok).toBe(true);

    const jinsha = await handle.db.selectFrom('units').selectAll().where('code', '=', 'JS').executeTakeFirstOrThrow();
    const zhang = await handle.db.selectFrom('accounts').selectAll().where('username', '=', 'E001').executeTakeFirstOrThrow();
    expect(zhang.must_change_password).toBe(1);
    const roles = await handle.db.selectFrom('account_roles').select(['role', 'unit_id']).where('account_id', '=', zhang.id).orderBy('role').execute();
    expect(roles).toEqual([{ role: 'leader', unit_id: jinsha.id }, { role: 'member', unit_id: null }]);
    const temporary = result.temporaryPasswords.find((p) => p.username === 'E001')!;
    expect(temporary).toMatchObject({ employeeNo: 'E001', name: '张三' });
    expect(await verifyPassword(temporary.password, zhang.password_hash)).toBe(true);
    expect(await handle.db.selectFrom('accounts').select('id').where('username', '=', 'E003').executeTakeFirst()).toBeUndefined();
    const wang = await handle.db.selectFrom('people').selectAll().where('employee_no', '=', 'E003').executeTakeFirstOrThrow();
    expect(wang.search_text).toContain('ww');
    const category = await handle.db.selectFrom('categories').select('code').where('id', '=', (await handle.db.selectFrom('units').select('category_id').where('code', '=', 'EJ').executeTakeFirstOrThrow()).category_id!).executeTakeFirstOrThrow();
    expect(category.code).toBe('INDUSTRY');
  });

  it('changes nothing and writes no audit record when the same file is imported again', async () => {
    const file = await buildWorkbook(smallOrgSheets());
    await runImport(file);
    const before = await countRows();
    const again = await runImport(file);
    expect(again).toMatchObject({
      categories: { created: 0, updated: 0, unchanged: 2 }, units: { created: 0, updated: 0, unchanged: 4 },
      people: { created: 0, updated: 0, unchanged: 3 }, accounts: { created: 0, updated: 0, unchanged: 2 },
      postTypesCreated: 0, postsCreated: 0, auditRecords: 0, temporaryPasswords: [],
    });
    expect(await countRows()).toEqual(before);
  });

  it('moves a person to another unit on the effective date and keeps where he was before', async () => {
    await runImport(await buildWorkbook(smallOrgSheets()));
    clock.set('2026-04-10T02:00:00.000Z');
    const sheets = smallOrgSheets();
    sheets['人员']![3] = person('E003', '王五', 'JS-01', { 职级: '二级科员', 生效日期: '2026-04-01' });
    const result = await runImport(await buildWorkbook(sheets));
    expect(result.people).toEqual({ created: 0, updated: 1, unchanged: 2, moved: 1 });
    const wang = await handle.db.selectFrom('people').select(['id', 'unit_id']).where('employee_no', '=', 'E003').executeTakeFirstOrThrow();
    const units = new Map((await handle.db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
    expect(wang.unit_id).toBe(units.get('JS-01'));
    expect(await findUnitOfPersonOn(handle.db, wang.id, '2026-03-31')).toBe(units.get('EJ'));
    expect(await findUnitOfPersonOn(handle.db, wang.id, '2026-04-01')).toBe(units.get('JS-01'));
    const history = await listAssignmentsOfPerson(handle.db, wang.id);
    expect(history.map((a) => [a.unit_name, a.valid_from, a.valid_to])).toEqual([
      ['金沙街道党政办', '2026-04-01', null],
      ['二甲镇', '2026-01-05', '2026-04-01'],
    ]);
    const audit = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'person.updated').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ unitId: units.get('JS-01'), effectiveFrom: '2026-04-01' });
  });

  it("moves a leader's role with him and takes roles away when the cell is emptied", async () => {
    await runImport(await buildWorkbook(smallOrgSheets()));
    const sheets = smallOrgSheets();
    sheets['人员']![1] = person('E001', '张三', 'EJ', { 角色: '成员、负责人', 生效日期: '2026-03-02' });
    sheets['人员']![2] = person('E002', '李四', 'JS-01', { 角色: null });
    const result = await runImport(await buildWorkbook(sheets));
    expect(result.accounts).toEqual({ created: 0, updated: 2, unchanged: 0 });
    const ej = await handle.db.selectFrom('units').select('id').where('code', '=', 'EJ').executeTakeFirstOrThrow();
    const roleOf = async (username: string) => handle.db
      .selectFrom('account_roles as r').innerJoin('accounts as a', 'a.id', 'r.account_id').select(['r.role', 'r.unit_id'])
      .where('a.username', '=', username).orderBy('r.role').execute();
    expect(await roleOf('E001')).toEqual([{ role: 'leader', unit_id: ej.id }, { role: 'member', unit_id: null }]);
    expect(await roleOf('E002')).toEqual([]);
  });

  it('exports the roster in the import layout, and the export imports back to no change', async () => {
    await runImport(await buildWorkbook(smallOrgSheets()));
    // Records made elsewhere than in a file: an empty description, a person without post or account.
    await createCategory(deps, adminActor, { code: 'EMPTY', name: '空分类', description: '' });
    const ej = await handle.db.selectFrom('units').select('id').where('code', '=', 'EJ').executeTakeFirstOrThrow();
    await createPerson(deps, adminActor, { employeeNo: 'E004', name: '赵六', unitId: ej.id });
    const before = await countRows();
    const exported = await exportOrgRoster(deps, adminActor);
    expect(exported.fileName).toBe('组织人员-2026-03-02.xlsx');
    const parsed = await readOrgWorkbook(exported.content);
    expect(parsed.issues).toEqual([]);
    expect(parsed.units.map((u) => u.code)).toEqual(['DIST', 'JS', 'JS-01', 'EJ']);
    expect(parsed.people.find((p) => p.employeeNo === 'E001')).toMatchObject({ name: '张三', unitCode: 'JS', post: '街道办事处主任', roles: [{ role: 'member' }, { role: 'leader', unitCode: null }] });
    const result = await runImport(exported.content);
    expect(result).toMatchObject({
      categories: { created: 0, updated: 0, unchanged: 3 }, units: { created: 0, updated: 0, unchanged: 4 },
      people: { created: 0, updated: 0, unchanged: 4 }, accounts: { created: 0, updated: 0, unchanged: 2 }, auditRecords: 0,
    });
    expect(await countRows()).toEqual(before);
  });

  it('accepts headers in any order, English headers, and dates and numbers as Excel stores them', async () => {
    const content = await buildWorkbook({
      Units: [['parentCode', 'type', 'name', 'code'], [null, 'district', '崇川区', 'DIST'], ['DIST', '街道', '金沙街道', 'JS']],
      People: [['姓名', '生效日期', '单位编码', '工号', '手机', '角色'], ['张三', new Date(Date.UTC(2026, 0, 5)), 'JS', 10001, 13800000001, 'member, leader']],
    });
    const result = await runImport(content);
    expect(result.people.created).toBe(1);
    const zhang = await handle.db.selectFrom('people').selectAll().where('employee_no', '=', '10001').executeTakeFirstOrThrow();
    expect(zhang).toMatchObject({ phone: '13800000001', post_id: null, gender: null, status: 'active' });
    expect((await listAssignmentsOfPerson(handle.db, zhang.id))[0]!.valid_from).toBe('2026-01-05');
  });

  describe('rejects a bad file as a whole, naming every bad cell, and writes nothing', () => {
    it('a text file named .xlsx: 415', async () => {
      const error = await rejection(Buffer.from('工号,姓名\nE001,张三\n'));
      expect(error).toMatchObject({ statusCode: 415, code: 'import.not_xlsx' });
    });

    it('a damaged zip named .xlsx: 400 import.unreadable', async () => {
      const good = await buildWorkbook(smallOrgSheets());
      const before = await countRows();
      const truncated = await rejection(good.subarray(0, Math.floor(good.length / 2)));
      expect(truncated).toMatchObject({ statusCode: 400, code: 'import.unreadable' });
      const scrambled = Buffer.from(good);
      for (let i = 600; i < scrambled.length - 200; i += 7) scrambled[i] = 0x55;
      expect(await rejection(scrambled)).toMatchObject({ statusCode: 400, code: 'import.unreadable' });
      expect(await countRows()).toEqual(before);
    });

    it('a missing sheet and a missing column', () =>
      expectRejected((s) => {
        delete s['人员'];
        s['单位'] = s['单位']!.map((row) => row.filter((_, i) => i !== 2));
      }, { details: [{ sheet: '人员', message: expect.stringMatching(/missing/) }, { sheet: '单位', row: 1, column: '单位类型' }] }));

    it('empty required cells, an invalid date, an unknown role, an over-long name', () =>
      expectRejected((s) => {
        s['人员']![2] = person('E002', '', 'JS-01', { 生效日期: '2026-02-30' });
        s['人员']![3] = person('E003', '王'.repeat(51), 'EJ', { 角色: '成员、组长' });
        s['单位']![4] = ['EJ', '二甲镇', null, 'DIST', null];
      }, {
        details: [
          { sheet: '单位', row: 5, column: '单位类型', message: 'is required' },
          { sheet: '人员', row: 3, column: '姓名', message: 'is required' },
          { sheet: '人员', row: 3, column: '生效日期', message: expect.stringContaining('2026-02-30') },
          { sheet: '人员', row: 4, column: '姓名', message: expect.stringContaining('longer than 50') },
          { sheet: '人员', row: 4, column: '角色', message: expect.stringContaining('组长') },
        ],
      }));

    it('an employee number twice, naming both rows, and a unit code twice', () =>
      expectRejected((s) => {
        s['人员']!.push(person('E002', '李四四', 'EJ'));
        s['单位']!.push(['JS', '金沙街道（重复）', '街道', 'DIST', null]);
      }, {
        details: [
          { sheet: '人员', row: 3, column: '工号', message: expect.stringContaining('rows 3, 5') },
          { sheet: '人员', row: 5, column: '工号', message: expect.stringContaining('rows 3, 5') },
          { sheet: '单位', row: 3, column: '单位编码', message: expect.stringContaining('rows 3, 6') },
          { sheet: '单位', row: 6, column: '单位编码' },
        ],
      }));

    it('unknown parent units, unit codes and categories', () =>
      expectRejected((s) => {
        s['单位']!.push(['XF', '先锋街道', '街道', 'NOWHERE', '不存在的分类']);
        s['人员']!.push(person('E009', '钱九', 'MISSING'));
      }, {
        details: [
          { sheet: '单位', row: 6, column: '上级单位编码', message: expect.stringContaining('NOWHERE') },
          { sheet: '单位', row: 6, column: '单位分类', message: expect.stringContaining('不存在的分类') },
          { sheet: '人员', row: 5, column: '单位编码', message: expect.stringContaining('MISSING') },
        ],
      }));

    it('a cycle among new units', () =>
      expectRejected((s) => {
        s['单位']!.push(['A', '甲', '部门', 'B', null], ['B', '乙', '部门', 'A', null]);
      }, {
        details: [
          { sheet: '单位', row: 6, column: '上级单位编码', message: expect.stringContaining('cycle') },
          { sheet: '单位', row: 7, column: '上级单位编码', message: expect.stringContaining('cycle') },
        ],
      }));

    it('moving an existing unit under its own sub-unit', async () => {
      const error = await expectRejected((s) => {
        s['单位'] = [UNIT_HEADERS, ['JS', '金沙街道', '街道', 'JS-01', null]];
        s['人员'] = [PEOPLE_HEADERS];
        delete s['单位分类'];
      }, { details: [{ sheet: '单位', row: 2, column: '上级单位编码', message: expect.stringContaining('JS → JS-01 → JS') }] });
      expect(error.details).toHaveLength(1);
    });

    it('a change that takes effect before the current assignment began', () =>
      expectRejected((s) => {
        s['人员']![3] = person('E003', '王五', 'JS', { 生效日期: '2025-12-31' });
      }, { details: [{ sheet: '人员', row: 4, column: '生效日期', message: expect.stringContaining('2026-01-05') }] }));

    it('a list longer than 500 errors is cut, saying how many more there are', async () => {
      const rows: SheetRows = [PEOPLE_HEADERS];
      for (let i = 0; i < 600; i += 1) rows.push(person(`N${i}`, '某人', 'NOWHERE'));
      const error = await rejection(await buildWorkbook({ 单位: [UNIT_HEADERS], 人员: rows }));
      expect(error.details).toHaveLength(500);
      expect(error.message).toMatch(/600 errors.*100 more/);
      expect(await countRows()).toMatchObject({ people: 0, audit_log: 0 });
    });

    it('refuses people who may not import', async () => {
      const member: Actor = { accountId: 9, username: 'member', personId: null, unitId: null, roles: ['member'], leaderUnitIds: [] };
      await expect(startOrgImport(deps, member, { fileName: 'x.xlsx', content: await buildWorkbook(smallOrgSheets()) })).rejects.toMatchObject({ statusCode: 403 });
      await expect(exportOrgRoster(deps, member)).rejects.toMatchObject({ statusCode: 403 });
      const auditor: Actor = { ...member, roles: ['auditor'] };
      await expect(exportOrgRoster(deps, auditor)).resolves.toMatchObject({ fileName: expect.stringMatching(/\.xlsx$/) });
    });
  });

  it('imports a few thousand people in one job and re-imports them without change', async () => {
    const roster = generateOrgRoster({ units: 120, people: 3000 });
    const content = await writeOrgWorkbook(roster);
    const progress: number[] = [];
    const { jobId } = await startOrgImport(deps, adminActor, { fileName: 'big.xlsx', content });
    const job = await waitForJob(deps, jobId, (v) => progress.push(v.done));
    expect(job.status).toBe('succeeded');
    expect(job.total).toBe(2 + 120 + 3000);
    expect(job.result).toMatchObject({ units: { created: 120 }, people: { created: 3000 }, accounts: { created: 120 } });
    expect(await countRows()).toMatchObject({ units: 120, people: 3000, person_assignments: 3000, accounts: 120 });
    const before = await countRows();
    const again = await runImport(content, 'big.xlsx');
    expect(again).toMatchObject({ units: { unchanged: 120 }, people: { unchanged: 3000 }, accounts: { unchanged: 120 }, auditRecords: 0 });
    expect(await countRows()).toEqual(before);
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  }, 120_000);
});
