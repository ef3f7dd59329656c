import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/kysely.js';
import { adminActor, createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { getWorkCalendar, importWorkCalendar, loadWorkingDayCalendar, removeWorkCalendarDay, setWorkCalendarDay } from './work-calendar.usecases.js';
import { createWorkLogOrg, type WorkLogOrg } from '../worklogs/worklogs.fixtures.js';

async function xlsxOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('日历');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe.each(testDialects)('the working-day calendar on %s', (dialect) => {
  let handle: DatabaseHandle;
  const clock = createTestClock('2026-03-02T01:00:00.000Z');
  let deps: ReturnType<typeof depsFor>;
  let org: WorkLogOrg;

  beforeEach(async () => {
    handle = await createTestDatabase(dialect);
    deps = depsFor(handle, clock);
    org = await createWorkLogOrg(deps);
  });
  afterEach(() => handle.destroy());

  it('describes statutory holidays, adjusted working days (调休) and plain weekends', async () => {
    const { days } = await getWorkCalendar(deps, org.actors.zhang, { from: '2026-09-30', to: '2026-10-11' });
    const day = (d: string) => days.find((x) => x.date === d);
    expect(day('2026-09-30')).toEqual({ date: '2026-09-30', working: true, name: null, source: 'weekday' });
    expect(day('2026-10-01')).toEqual({ date: '2026-10-01', working: false, name: '国庆节', source: 'statutory' });
    expect(day('2026-10-10')).toEqual({ date: '2026-10-10', working: true, name: '国庆节调休', source: 'statutory' });
    expect(day('2026-10-11')).toEqual({ date: '2026-10-11', working: false, name: null, source: 'weekend' });
  });

  it('lets the admin set and remove his own days, audited, and nobody else', async () => {
    await expect(setWorkCalendarDay(deps, org.actors.leader, '2026-10-09', { kind: 'holiday' })).rejects.toMatchObject({ statusCode: 403 });
    expect(await setWorkCalendarDay(deps, adminActor, '2026-10-09', { kind: 'holiday', name: '区防汛放假' })).toMatchObject({ date: '2026-10-09', kind: 'holiday', name: '区防汛放假' });
    expect((await loadWorkingDayCalendar(handle.db, '2026-10-01', '2026-10-31')).isWorkingDay('2026-10-09')).toBe(false);
    await setWorkCalendarDay(deps, adminActor, '2026-10-09', { kind: 'workday' });
    expect((await loadWorkingDayCalendar(handle.db, '2026-10-01', '2026-10-31')).isWorkingDay('2026-10-09')).toBe(true);
    await removeWorkCalendarDay(deps, adminActor, '2026-10-09');
    await expect(removeWorkCalendarDay(deps, adminActor, '2026-10-09')).rejects.toMatchObject({ statusCode: 404 });
    const actions = (await handle.db.selectFrom('audit_log').select('action').where('entity', '=', 'work_calendar').orderBy('seq').execute()).map((a) => a.action);
    expect(actions).toEqual(['work_calendar.set', 'work_calendar.set', 'work_calendar.removed']);
  });

  it('imports an .xlsx calendar with Excel dates and text dates, replacing existing days', async () => {
    await setWorkCalendarDay(deps, adminActor, '2027-01-01', { kind: 'workday' });
    const file = await xlsxOf([
      ['日期', '类型', '名称'],
      [new Date(Date.UTC(2027, 0, 1)), '休息日', '元旦'],
      ['2027/2/6', '工作日', '春节调休'],
      ['2027年2月8日', '休息日', '春节'],
    ]);
    expect(await importWorkCalendar(deps, adminActor, file)).toEqual({ imported: 3, created: 2, updated: 1 });
    const calendar = await loadWorkingDayCalendar(handle.db, '2027-01-01', '2027-02-28');
    expect([calendar.isWorkingDay('2027-01-01'), calendar.isWorkingDay('2027-02-06'), calendar.isWorkingDay('2027-02-08')]).toEqual([false, true, false]);
  });

  it('imports a CSV saved by Excel in GB18030 as well as UTF-8 with a BOM', async () => {
    const csv = '日期,类型,名称\r\n2027-10-01,休息日,国庆节\r\n2027-10-09,工作日,"国庆调休, 上班"\r\n';
    expect(await importWorkCalendar(deps, adminActor, Buffer.from(`\uFEFF${csv}`, 'utf8'))).toMatchObject({ imported: 2 });
    const gbk = Buffer.from([
      ...Buffer.from('date,kind,name\n2027-10-02,'), 0xd0, 0xdd, 0xcf, 0xa2, 0xc8, 0xd5, ...Buffer.from(',\n'), // 休息日 in GB18030
    ]);
    expect(await importWorkCalendar(deps, adminActor, gbk)).toMatchObject({ imported: 1 });
    expect((await getWorkCalendar(deps, adminActor, { from: '2027-10-01', to: '2027-10-31' })).entries.map((e) => [e.date, e.kind, e.name])).toEqual([
      ['2027-10-01', 'holiday', '国庆节'], ['2027-10-02', 'holiday', null], ['2027-10-09', 'workday', '国庆调休, 上班'],
    ]);
  });

  it('reports every bad row with its row number and column, and imports nothing', async () => {
    const csv = ['日期,类型,名称', '2027-10-01,休息日,国庆节', '2027-13-01,休息日,', '2027-10-02,放风,', '2027-10-01,工作日,重复', ',,', `2027-10-03,休息日,${'长'.repeat(51)}`].join('\n');
    await expect(importWorkCalendar(deps, adminActor, Buffer.from(csv))).rejects.toMatchObject({
      statusCode: 400,
      code: 'calendar.import_invalid',
      details: [
        { row: 3, column: '日期', message: '"2027-13-01" is not a date YYYY-MM-DD' },
        { row: 4, column: '类型', message: '"放风" is not 工作日 or 休息日' },
        { row: 5, column: '日期', message: '2027-10-01 is already on row 2' },
        { row: 7, column: '名称', message: 'must have at most 50 characters' },
      ],
    });
    expect(await getWorkCalendar(deps, adminActor, { from: '2027-01-01', to: '2027-12-31' })).toMatchObject({ entries: [] });
  });

  it('names the missing header columns, and refuses a file that is neither .xlsx nor CSV', async () => {
    await expect(importWorkCalendar(deps, adminActor, Buffer.from('day,what\n2027-10-01,休息日\n'))).rejects.toMatchObject({
      code: 'calendar.import_invalid', details: [{ row: 1, column: '日期' }, { row: 1, column: '类型' }],
    });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    await expect(importWorkCalendar(deps, adminActor, png)).rejects.toMatchObject({ statusCode: 415, code: 'calendar.unsupported_file' });
    await expect(importWorkCalendar(deps, org.actors.leader, Buffer.from('日期,类型\n'))).rejects.toMatchObject({ statusCode: 403 });
  });
});
