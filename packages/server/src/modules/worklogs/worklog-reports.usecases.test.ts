import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/kysely.js';
import { adminActor, createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { drawSpotCheck } from './spot-check.draw.js';
import { setWorkCalendarDay } from '../work-calendar/index.js';
import {
  computeWorkLogSummary, drawWorkLogSpotCheck, exportWorkLogs, getWorkLogCalendar, getWorkLogSpotCheck, getWorkLogStats, listWorkLogReminders,
  listWorkLogSpotChecks, summarizeWorkLogs,
} from './worklog-reports.usecases.js';
import { createWorkLogOrg, openLogIndicatorPeriod, type WorkLogOrg } from './worklogs.fixtures.js';
import { commentOnWorkLog, flagWorkLog, writeWorkLog, type WorkLogInput } from './worklogs.usecases.js';

describe.each(testDialects)('work-log reports on %s', (dialect) => {
  let handle: DatabaseHandle;
  const clock = createTestClock();
  let deps: ReturnType<typeof depsFor>;
  let org: WorkLogOrg;

  beforeEach(async () => {
    handle = await createTestDatabase(dialect);
    deps = depsFor(handle, clock);
    clock.set('2026-02-02T01:00:00.000Z'); // everyone starts on Monday 2026-02-02
    org = await createWorkLogOrg(deps);
  });
  afterEach(() => handle.destroy());

  /** Writes as if on `day` at 10:00 Shanghai time. */
  async function writeOn(day: string, actor: WorkLogOrg['actors']['zhang'], input: Partial<WorkLogInput> = {}) {
    clock.set(`${day}T02:00:00.000Z`);
    return writeWorkLog(deps, actor, { kind: 'routine', content: `${day}的工作`, ...input });
  }
  const today = (day: string) => clock.set(`${day}T02:00:00.000Z`);

  describe('the month calendar and reminders', () => {
    beforeEach(async () => {
      await writeOn('2026-02-13', org.actors.zhang);
      await writeOn('2026-02-14', org.actors.zhang);
      await writeOn('2026-02-24', org.actors.zhang);
      await writeOn('2026-02-24', org.actors.zhang, { content: '第二条' });
      today('2026-03-04');
      await setWorkCalendarDay(deps, adminActor, '2026-02-27', { kind: 'holiday', name: '单位活动日' });
    });

    it('knows the Spring Festival holidays and the adjusted Saturday (调休) of chinese-days', async () => {
      const month = await getWorkLogCalendar(deps, org.actors.zhang, { month: '2026-02' });
      const day = (d: string) => month.days.find((x) => x.date === d)!;
      expect(day('2026-02-14')).toMatchObject({ working: true, name: '春节调休', source: 'statutory', entries: 1, missed: false });
      expect(day('2026-02-16')).toMatchObject({ working: false, name: '春节', source: 'statutory', missed: false });
      expect(day('2026-02-07')).toMatchObject({ working: false, source: 'weekend' });
      expect(day('2026-02-24')).toMatchObject({ working: true, entries: 2, missed: false });
    });

    it("lets the admin's own calendar override the statutory one", async () => {
      const month = await getWorkLogCalendar(deps, org.actors.zhang, { month: '2026-02' });
      expect(month.days.find((x) => x.date === '2026-02-27')).toMatchObject({ working: false, name: '单位活动日', source: 'organization', missed: false });
    });

    it('counts a past working day without entries as missed, from the start date on, but not today', async () => {
      const feb = await getWorkLogCalendar(deps, org.actors.zhang, { month: '2026-02' });
      expect(feb.days.filter((d) => d.missed).map((d) => d.date)).toEqual([
        '2026-02-02', '2026-02-03', '2026-02-04', '2026-02-05', '2026-02-06', '2026-02-09', '2026-02-10', '2026-02-11', '2026-02-12',
        '2026-02-25', '2026-02-26', '2026-02-28',
      ]);
      expect(feb.totals).toEqual({ workingDays: 15, daysLogged: 3, entries: 4, missedDays: 12 });
      const march = await getWorkLogCalendar(deps, org.actors.zhang, { month: '2026-03' });
      expect(march.days.filter((d) => d.missed).map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03']);
      expect(march.days.find((d) => d.date === '2026-03-04')).toMatchObject({ isToday: true, canWrite: true, missed: false });
      expect(march.days.find((d) => d.date === '2026-03-05')).toMatchObject({ canWrite: false });
    });

    it('does not count days before the person started', async () => {
      const jan = await getWorkLogCalendar(deps, org.actors.zhang, { month: '2026-01' });
      expect(jan.days.some((d) => d.missed)).toBe(false);
    });

    it('reminds of the missed working days of the last 7 days that can still be backfilled', async () => {
      expect(await listWorkLogReminders(deps, org.actors.zhang)).toEqual({
        today: '2026-03-04', todayIsWorkingDay: true, todayLogged: false, count: 5,
        missedDays: ['2026-02-25', '2026-02-26', '2026-02-28', '2026-03-02', '2026-03-03'].map((date) => ({
          date, name: date === '2026-02-28' ? '春节调休' : null, backfillUntil: { '2026-02-25': '2026-03-04', '2026-02-26': '2026-03-05', '2026-02-28': '2026-03-07', '2026-03-02': '2026-03-09', '2026-03-03': '2026-03-10' }[date],
        })),
      });
      await writeWorkLog(deps, org.actors.zhang, { kind: 'routine', content: '补报', date: '2026-02-25' });
      expect((await listWorkLogReminders(deps, org.actors.zhang)).missedDays.map((d) => d.date)).not.toContain('2026-02-25');
    });

    it("shows a colleague's calendar to his leader, not to another member", async () => {
      expect((await getWorkLogCalendar(deps, org.actors.leader, { month: '2026-02', person: org.people.zhang.id })).person.name).toBe('张三');
      await expect(getWorkLogCalendar(deps, org.actors.li, { month: '2026-02', person: org.people.zhang.id })).rejects.toMatchObject({ statusCode: 403 });
      await expect(getWorkLogCalendar(deps, org.actors.leader2, { month: '2026-02', person: org.people.zhang.id })).rejects.toMatchObject({ statusCode: 404 });
    });
  });

  describe('summaries (日报汇总)', () => {
    beforeEach(async () => {
      const { ref } = await openLogIndicatorPeriod(deps);
      await writeOn('2026-03-02', org.actors.zhang, { kind: 'key_task', indicator: ref('key_jobs'), minutes: 120 });
      await writeOn('2026-03-02', org.actors.zhang, { kind: 'routine', minutes: 30 });
      await writeOn('2026-03-03', org.actors.zhang, { kind: 'dynamic_task', indicator: ref('key_jobs'), minutes: 60, date: '2026-02-27' });
      const e = await writeOn('2026-03-05', org.actors.zhang, { kind: 'key_task', indicator: ref('safety') });
      await commentOnWorkLog(deps, org.actors.leader, e.id, { content: '安全工作抓得实' });
      await commentOnWorkLog(deps, org.actors.zhang, e.id, { content: '谢谢领导' });
      await flagWorkLog(deps, org.actors.leader, e.id, { note: '请附检查记录' });
      today('2026-03-06');
    });

    it('counts kinds, linked indicators, minutes, days, late entries, misses and the leaders’ comments', async () => {
      const s = await computeWorkLogSummary(deps, org.people.zhang.id, { from: '2026-02-23', to: '2026-03-08' });
      expect(s).toMatchObject({
        from: '2026-02-23', to: '2026-03-08', entries: 4, byKind: { routine: 1, key_task: 2, dynamic_task: 1 },
        indicators: [{ indicator: 'logs:key_jobs', name: '稳就业', entries: 2, minutes: 180 }, { indicator: 'logs:safety', name: '安全生产', entries: 1, minutes: 0 }],
        minutes: 210, daysLogged: 3, lateEntries: 1,
        // Working days so far, today (03-06) included (02-23 is the last Spring Festival day):
        // 24, 25, 26, 27, 28, 03-02 … 03-06. Today is not missed: it can still be logged.
        workingDays: 10, missedDays: ['2026-02-24', '2026-02-25', '2026-02-26', '2026-02-28', '2026-03-03', '2026-03-04'],
        comments: [{ author: { name: '陈镇长' }, content: '安全工作抓得实', logDate: '2026-03-05' }],
        openFlags: [{ note: '请附检查记录', flaggedBy: '陈镇长' }],
      });
    });

    it('offers week and month presets around a date', async () => {
      const week = await summarizeWorkLogs(deps, org.actors.zhang, { period: 'week', date: '2026-03-04' });
      expect([week.from, week.to, week.entries]).toEqual(['2026-03-02', '2026-03-08', 3]);
      const month = await summarizeWorkLogs(deps, org.actors.zhang, { period: 'month', date: '2026-02-10' });
      expect([month.from, month.to, month.entries]).toEqual(['2026-02-01', '2026-02-28', 1]);
      const thisWeek = await summarizeWorkLogs(deps, org.actors.zhang, {});
      expect(thisWeek.from).toBe('2026-03-02');
    });

    it("refuses a colleague's summary to a member and answers 404 out of scope", async () => {
      await expect(summarizeWorkLogs(deps, org.actors.li, { person: org.people.zhang.id })).rejects.toMatchObject({ statusCode: 403 });
      await expect(summarizeWorkLogs(deps, org.actors.leader2, { person: org.people.zhang.id })).rejects.toMatchObject({ statusCode: 404 });
      expect((await summarizeWorkLogs(deps, org.actors.auditor, { person: org.people.zhang.id })).entries).toBe(3);
      await expect(summarizeWorkLogs(deps, org.actors.zhang, { from: '2026-03-02', to: '2026-03-01' })).rejects.toMatchObject({ details: [{ path: '/to' }] });
    });
  });

  describe("the leader's view", () => {
    beforeEach(async () => {
      await writeOn('2026-03-02', org.actors.zhang, { kind: 'key_task' });
      await writeOn('2026-03-03', org.actors.zhang);
      await writeOn('2026-03-04', org.actors.zhao);
      await writeOn('2026-03-04', org.actors.wang);
      await writeOn('2026-02-24', org.actors.zhao, { content: '走访企业' });
      today('2026-03-04');
    });

    it('counts per person and per week, and lists who has not logged for N working days', async () => {
      const stats = await getWorkLogStats(deps, org.actors.leader, { idleDays: 3 });
      expect(stats).toMatchObject({ unit: { id: org.units.t1.id, name: '川姜镇' }, from: '2026-02-05', to: '2026-03-04', totals: { people: 4, entries: 4 } });
      const zhang = stats.people.find((p) => p.name === '张三')!;
      expect(zhang).toMatchObject({ entries: 2, byKind: { routine: 1, key_task: 1, dynamic_task: 0 }, daysLogged: 2, lastLogDate: '2026-03-03', idleWorkingDays: 0 });
      expect(stats.weeks.map((w) => [w.weekStart, w.entries])).toEqual([
        ['2026-02-02', 0], ['2026-02-09', 0], ['2026-02-16', 0], ['2026-02-23', 1], ['2026-03-02', 3],
      ]);
      // 2026-02-02 … 03-03: 16 working days in February (with 调休) and two in March.
      expect(stats.idle).toEqual([
        { personId: org.people.leader.id, name: '陈镇长', unitId: org.units.t1.id, unitName: '川姜镇', lastLogDate: null, idleWorkingDays: 18 },
        { personId: org.people.li.id, name: '李四', unitId: org.units.t1.id, unitName: '川姜镇', lastLogDate: null, idleWorkingDays: 18 },
      ]);
    });

    it('answers 404 for a unit outside the subtree and 403 to a member', async () => {
      await expect(getWorkLogStats(deps, org.actors.leader, { unit: org.units.t2.id })).rejects.toMatchObject({ statusCode: 404 });
      await expect(getWorkLogStats(deps, org.actors.zhang, { unit: org.units.t1.id })).rejects.toMatchObject({ statusCode: 403 });
      expect((await getWorkLogStats(deps, org.actors.auditor, { unit: org.units.t2.id })).totals.entries).toBe(1);
    });

    it('draws a spot check deterministically from the seed, records it and verifies it on reading', async () => {
      const audits = await handle.db.selectFrom('audit_log').select('seq').execute();
      const drawn = await drawWorkLogSpotCheck(deps, org.actors.leader, { unit: org.units.t1.id, count: 2, seed: 'check-2026-03', from: '2026-02-01', to: '2026-03-04' });
      const candidates = (await handle.db.selectFrom('work_logs').select('id').where('unit_id', 'in', [org.units.t1.id, org.units.s1.id]).execute()).map((r) => r.id);
      expect(drawn).toMatchObject({ seed: 'check-2026-03', candidateCount: 4, drawnIds: drawSpotCheck(candidates, 2, 'check-2026-03'), verification: { candidatesUnchanged: true, redrawMatches: true } });
      expect(drawn.entries.map((e) => e.id)).toEqual(drawn.drawnIds);
      const record = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'log.spot_check_drawn').executeTakeFirstOrThrow();
      expect(record.seq).toBe(audits.length + 1);
      expect(JSON.parse(record.after_json!)).toMatchObject({ seed: 'check-2026-03', drawnIds: drawn.drawnIds, candidateCount: 4 });
      // A backfill into the range changes the candidates: the check says so.
      await writeOn('2026-03-05', org.actors.li, { date: '2026-03-01' });
      expect((await getWorkLogSpotCheck(deps, org.actors.auditor, drawn.id)).verification.candidatesUnchanged).toBe(false);
    });

    it('generates and records a seed when none is given', async () => {
      const drawn = await drawWorkLogSpotCheck(deps, org.actors.leader, { unit: org.units.t1.id, count: 10 });
      expect(drawn.seed).toMatch(/^[0-9a-f]{32}$/);
      expect(drawn.drawnIds).toHaveLength(4);
      expect((await listWorkLogSpotChecks(deps, org.actors.leader, { limit: 10 })).map((s) => s.seed)).toEqual([drawn.seed]);
    });

    it('keeps spot checks inside the subtree', async () => {
      await expect(drawWorkLogSpotCheck(deps, org.actors.leader2, { unit: org.units.t1.id, count: 1 })).rejects.toMatchObject({ statusCode: 404 });
      await expect(drawWorkLogSpotCheck(deps, org.actors.zhang, { unit: org.units.t1.id, count: 1 })).rejects.toMatchObject({ statusCode: 403 });
      await expect(drawWorkLogSpotCheck(deps, org.actors.auditor, { unit: org.units.t1.id, count: 1 })).rejects.toMatchObject({ statusCode: 403 });
      const drawn = await drawWorkLogSpotCheck(deps, org.actors.leader, { unit: org.units.t1.id, count: 1 });
      await expect(getWorkLogSpotCheck(deps, org.actors.leader2, drawn.id)).rejects.toMatchObject({ statusCode: 404 });
      expect(await listWorkLogSpotChecks(deps, org.actors.leader2, { limit: 10 })).toEqual([]);
    });

    it('exports a unit as .xlsx: one row per person and every entry', async () => {
      const { fileName, stream } = await exportWorkLogs(deps, org.actors.leader, { from: '2026-02-01', to: '2026-03-04' });
      expect(fileName).toBe('工作日志_川姜镇_2026-02-01_2026-03-04.xlsx');
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '日志明细']);
      const summary = workbook.getWorksheet('汇总')!;
      expect(summary.getRow(1).values).toContain('漏报工作日');
      const zhangRow = summary.getRows(2, summary.rowCount - 1)!.find((r) => r.getCell(1).value === '张三')!;
      expect([zhangRow.getCell(4).value, zhangRow.getCell(5).value, zhangRow.getCell(7).value]).toEqual([1, 1, 2]);
      const detail = workbook.getWorksheet('日志明细')!;
      expect(detail.rowCount).toBe(5);
      expect(detail.getRow(2).getCell(6).value).toBe('走访企业');
    });
  });
});
