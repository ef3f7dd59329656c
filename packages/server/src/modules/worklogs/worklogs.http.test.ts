import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { createWorkLogOrg, openLogIndicatorPeriod, type WorkLogOrg } from './worklogs.fixtures.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const XSS = '<script>alert(1)</script><img src=x onerror=alert(1)>';

function formWith(content: Buffer, fileName: string, type = 'application/octet-stream'): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type }), fileName);
  return form;
}

describe.each(testDialects)('work records over HTTP on %s', (dialect) => {
  let t: TestApp;
  let org: WorkLogOrg;
  let dataDir: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-worklogs-'));
    t = await createTestApp(dialect, { dataDir, loginRateLimitPerMinute: 1000 });
    t.clock.set('2026-02-02T01:00:00.000Z');
    org = await createWorkLogOrg(t.deps);
    // 川姜镇 (and its section) take part in an open quarter: its indicators are theirs to link; 二甲镇 has none.
    await openLogIndicatorPeriod(t.deps, org.units.t1.id);
    t.clock.set('2026-03-04T02:00:00.000Z');
    cookies.admin = await t.loginAs('admin');
    for (const name of ['leader', 'zhang', 'li', 'wang', 'leader2', 'auditor']) cookies[name] = await t.loginAs(name, org.password);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const as = (who: string) => ({ cookie: cookies[who]! });
  const count = async (table: 'work_logs' | 'work_log_attachments' | 'work_log_comments' | 'notifications' | 'audit_log' | 'work_calendar') =>
    Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const post = (who: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/logs', headers: as(who), payload });
  const writeAs = async (who: string, content = '走访辖区企业，了解用工需求') => {
    const res = await post(who, { kind: 'routine', content });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number; content: string };
  };

  it('stores and returns content as plain text, verbatim, never as HTML', async () => {
    const res = await post('zhang', { kind: 'routine', content: XSS });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const got = await t.app.inject({ method: 'GET', url: `/api/logs/${res.json().id}`, headers: as('li') });
    expect(got.json().content).toBe(XSS);
    expect(got.headers['content-type']).toMatch(/^application\/json/);
    const feed = await t.app.inject({ method: 'GET', url: '/api/logs?q=script', headers: as('leader') });
    expect(feed.json().items.map((i: { content: string }) => i.content)).toEqual([XSS]);
  });

  it('answers 400 naming the field for bad content, dates, references and minutes, writing nothing', async () => {
    const before = await Promise.all([count('work_logs'), count('audit_log')]);
    const cases: [object, string][] = [
      [{ kind: 'routine', content: '' }, '/content'],
      [{ kind: 'routine', content: '   \n  ' }, '/content'],
      [{ kind: 'routine', content: '字'.repeat(5001) }, '/content'],
      [{ kind: 'routine', content: '走访', date: '2026-03-05' }, '/date'],
      [{ kind: 'routine', content: '走访', date: '2026-02-24' }, '/date'],
      [{ kind: 'routine', content: '走访', date: '2026/03/01' }, '/date'],
      [{ kind: 'weekly', content: '走访' }, '/kind'],
      [{ kind: 'routine', content: '走访', indicator: '指标 一' }, '/indicator'],
      [{ kind: 'routine', content: '走访', minutes: 0 }, '/minutes'],
      [{ kind: 'routine', content: '走访', minutes: 1441 }, '/minutes'],
      [{ kind: 'routine', content: '走访', html: '<b>' }, '/html'],
    ];
    for (const [payload, path] of cases) {
      const res = await post('zhang', payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path), JSON.stringify(payload).slice(0, 80)).toContain(path);
    }
    expect(await Promise.all([count('work_logs'), count('audit_log')])).toEqual(before);
  });

  it('accepts a backfill of up to 7 days and marks it late', async () => {
    const res = await post('zhang', { kind: 'key_task', content: '补报防汛检查', date: '2026-02-25', minutes: 90, indicator: 'logs:safety' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ date: '2026-02-25', late: true, minutes: 90, indicator: 'logs:safety', indicatorName: '安全生产' });
  });

  it('offers a member the indicators of the current periods he takes part in, key ones first, and takes no other reference', async () => {
    const mine = await t.app.inject({ method: 'GET', url: '/api/logs/indicators', headers: as('zhang') });
    expect(mine.statusCode, mine.body).toBe(200);
    const scheme = { code: 'logs', name: '平时考核（纪实）' };
    // The veto is not work one could log against.
    expect(mine.json().items).toEqual([
      { ref: 'logs:key_jobs', id: 'key_jobs', name: '稳就业', kind: 'key', scheme },
      { ref: 'logs:safety', id: 'safety', name: '安全生产', kind: 'regular', scheme },
      { ref: 'logs:jobs', id: 'jobs', name: '专项任务', kind: 'dynamic', scheme },
    ]);
    // 王五 (二甲镇) takes part in no current period.
    expect((await t.app.inject({ method: 'GET', url: '/api/logs/indicators', headers: as('wang') })).json().items).toEqual([]);
    // The auditor keeps no work log.
    expect((await t.app.inject({ method: 'GET', url: '/api/logs/indicators', headers: as('auditor') })).statusCode).toBe(403);

    const before = await Promise.all([count('work_logs'), count('audit_log')]);
    for (const [who, indicator] of [['wang', 'logs:safety'], ['zhang', 'logs:nope'], ['zhang', 'logs:veto_safety'], ['zhang', '2026Q1:key_jobs']] as const) {
      const res = await post(who, { kind: 'routine', content: '走访', indicator });
      expect(res.statusCode, `${who} ${indicator}`).toBe(400);
      expect(res.json().error.details).toEqual([{ path: '/indicator', message: expect.stringContaining(indicator) }]);
    }
    expect(await Promise.all([count('work_logs'), count('audit_log')])).toEqual(before);
  });

  it("shows the indicator's name with the entry; an old reference is kept through other edits but cannot be set again", async () => {
    const res = await post('zhang', { kind: 'key_task', content: '走访企业稳岗', indicator: 'logs:key_jobs' });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();
    const feed = await t.app.inject({ method: 'GET', url: '/api/logs?indicator=logs:key_jobs', headers: as('leader') });
    expect(feed.json().items.map((i: { id: number; indicatorName: string }) => [i.id, i.indicatorName])).toEqual([[id, '稳就业']]);
    // An entry written before references named indicators (a free code) shows no name, and keeps its code when edited otherwise.
    await t.deps.db.updateTable('work_logs').set({ indicator_ref: '2026Q1:key_jobs' }).where('id', '=', id).execute();
    const edited = await t.app.inject({ method: 'PATCH', url: `/api/logs/${id}`, headers: as('zhang'), payload: { content: '走访企业稳岗 3 家', indicator: '2026Q1:key_jobs' } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ indicator: '2026Q1:key_jobs', indicatorName: null, content: '走访企业稳岗 3 家' });
    const other = await t.app.inject({ method: 'PATCH', url: `/api/logs/${id}`, headers: as('zhang'), payload: { indicator: '2026Q2:key_jobs' } });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.details[0].path).toBe('/indicator');
    const relinked = await t.app.inject({ method: 'PATCH', url: `/api/logs/${id}`, headers: as('zhang'), payload: { indicator: 'logs:jobs' } });
    expect(relinked.json()).toMatchObject({ indicator: 'logs:jobs', indicatorName: '专项任务' });
  });

  it('refuses to edit an entry after 7 days with log.frozen', async () => {
    const { id } = await writeAs('zhang', '参加培训');
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/logs/${id}`, headers: as('zhang'), payload: { content: '参加平时考核培训' } });
    expect(ok.statusCode).toBe(200);
    t.clock.set('2026-03-11T02:00:01.000Z');
    try {
      const cookie = await t.loginAs('zhang', org.password);
      const frozen = await t.app.inject({ method: 'PATCH', url: `/api/logs/${id}`, headers: { cookie }, payload: { content: '改写' } });
      expect(frozen.statusCode).toBe(409);
      expect(frozen.json().error.code).toBe('log.frozen');
    } finally {
      t.clock.set('2026-03-04T02:00:00.000Z');
    }
  });

  it("answers 404 to editing an entry out of scope and 403 to a visible colleague's", async () => {
    const { id } = await writeAs('zhang');
    const other = await t.app.inject({ method: 'PATCH', url: `/api/logs/${id}`, headers: as('wang'), payload: { content: 'x' } });
    expect([other.statusCode, other.json().error.code]).toEqual([404, 'log.not_found']);
    const colleague = await t.app.inject({ method: 'PATCH', url: `/api/logs/${id}`, headers: as('li'), payload: { content: 'x' } });
    expect([colleague.statusCode, colleague.json().error.code]).toEqual([403, 'log.not_author']);
  });

  it('answers 404 to a comment outside the scope and 403 to a member, writing nothing', async () => {
    const { id } = await writeAs('zhang');
    const before = await Promise.all([count('work_log_comments'), count('notifications')]);
    const outside = await t.app.inject({ method: 'POST', url: `/api/logs/${id}/comments`, headers: as('leader2'), payload: { content: '好' } });
    expect(outside.statusCode).toBe(404);
    const member = await t.app.inject({ method: 'POST', url: `/api/logs/${id}/comments`, headers: as('li'), payload: { content: '好' } });
    expect(member.statusCode).toBe(403);
    expect(await Promise.all([count('work_log_comments'), count('notifications')])).toEqual(before);
    const ok = await t.app.inject({ method: 'POST', url: `/api/logs/${id}/comments`, headers: as('leader'), payload: { content: '好，继续保持' } });
    expect(ok.statusCode).toBe(201);
  });

  it('tells the author of comments, likes and flags through the notifications API', async () => {
    await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: as('li') });
    const res = await post('li', { kind: 'routine', content: '整理台账' });
    const id = res.json().id as number;
    expect((await t.app.inject({ method: 'PUT', url: `/api/logs/${id}/like`, headers: as('zhang') })).json()).toEqual({ logId: id, likeCount: 1, likedByMe: true });
    expect((await t.app.inject({ method: 'POST', url: `/api/logs/${id}/flags`, headers: as('leader'), payload: { note: '请补充照片' } })).statusCode).toBe(201);
    const inbox = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: as('li') });
    expect(inbox.json()).toMatchObject({ unread: 2, items: [{ kind: 'log.flag', entityId: id }, { kind: 'log.like', entityId: id }] });
    const first = inbox.json().items[0].id as number;
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${first}/read`, headers: as('zhang') })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/notifications/${first}/read`, headers: as('li') })).json().readAt).not.toBeNull();
    expect((await t.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: as('li') })).json()).toEqual({ updated: 1 });
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications', headers: as('li') })).json().unread).toBe(0);
  });

  describe('attachments', () => {
    it('stores an image under dataDir/attachments with its sha256 and serves it with its type and name', async () => {
      const { id } = await writeAs('zhang');
      const res = await t.app.inject({ method: 'POST', url: `/api/logs/${id}/attachments`, headers: as('zhang'), payload: formWith(PNG, '走访现场.png', 'image/png') });
      expect(res.statusCode, res.body).toBe(201);
      const sha256 = createHash('sha256').update(PNG).digest('hex');
      expect(res.json()).toMatchObject({ fileName: '走访现场.png', mimeType: 'image/png', size: PNG.length, sha256 });
      expect(readFileSync(join(dataDir, 'attachments', sha256.slice(0, 2), sha256))).toEqual(PNG);
      const file = await t.app.inject({ method: 'GET', url: res.json().url, headers: as('li') });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(file.headers['content-disposition']).toBe(`inline; filename="____.png"; filename*=UTF-8''${encodeURIComponent('走访现场.png')}`);
      expect(file.headers['x-content-type-options']).toBe('nosniff');
      expect(file.rawPayload).toEqual(PNG);
      const download = await t.app.inject({ method: 'GET', url: `${res.json().url}?download=true`, headers: as('li') });
      expect(download.headers['content-disposition']).toMatch(/^attachment; /);
      expect((await t.app.inject({ method: 'GET', url: `/api/logs/${id}`, headers: as('li') })).json().attachments).toHaveLength(1);
    });

    it('names a PDF by its content, whatever the uploaded name says', async () => {
      const { id } = await writeAs('zhang');
      const res = await t.app.inject({ method: 'POST', url: `/api/logs/${id}/attachments`, headers: as('zhang'), payload: formWith(PDF, '../../etc/会议纪要.docx') });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ fileName: '会议纪要.pdf', mimeType: 'application/pdf' });
      const file = await t.app.inject({ method: 'GET', url: res.json().url, headers: as('zhang') });
      expect(file.headers['content-type']).toBe('application/pdf');
    });

    it('refuses a text file named .png (415) and a file over 10 MB (413), naming /file and storing nothing', async () => {
      const { id } = await writeAs('zhang');
      const before = await Promise.all([count('work_log_attachments'), count('audit_log')]);
      const text = await t.app.inject({ method: 'POST', url: `/api/logs/${id}/attachments`, headers: as('zhang'), payload: formWith(Buffer.from('just some text, really'), 'photo.png', 'image/png') });
      expect(text.statusCode).toBe(415);
      expect(text.json().error).toMatchObject({ code: 'attachment.type_not_allowed', details: [{ path: '/file' }] });
      const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
      const tooBig = await t.app.inject({ method: 'POST', url: `/api/logs/${id}/attachments`, headers: as('zhang'), payload: formWith(big, 'big.png', 'image/png') });
      expect(tooBig.statusCode).toBe(413);
      expect(tooBig.json().error).toMatchObject({ code: 'attachment.too_large', details: [{ path: '/file' }] });
      const none = await t.app.inject({ method: 'POST', url: `/api/logs/${id}/attachments`, headers: as('zhang'), payload: new FormData() });
      expect(none.statusCode).toBe(400);
      expect(await Promise.all([count('work_log_attachments'), count('audit_log')])).toEqual(before);
      expect(existsSync(join(dataDir, 'attachments', createHash('sha256').update(big).digest('hex').slice(0, 2), createHash('sha256').update(big).digest('hex')))).toBe(false);
    });

    it("scopes attachments like their entry: 404 out of scope, 403 on a colleague's entry", async () => {
      const { id } = await writeAs('zhang');
      const up = await t.app.inject({ method: 'POST', url: `/api/logs/${id}/attachments`, headers: as('zhang'), payload: formWith(PNG, 'a.png') });
      expect((await t.app.inject({ method: 'GET', url: up.json().url, headers: as('wang') })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: up.json().url, headers: as('auditor') })).statusCode).toBe(200);
      expect((await t.app.inject({ method: 'POST', url: `/api/logs/${id}/attachments`, headers: as('wang'), payload: formWith(PNG, 'a.png') })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'POST', url: `/api/logs/${id}/attachments`, headers: as('li'), payload: formWith(PNG, 'a.png') })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: up.json().url, headers: as('li') })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'DELETE', url: up.json().url, headers: as('zhang') })).statusCode).toBe(204);
      expect((await t.app.inject({ method: 'GET', url: up.json().url, headers: as('zhang') })).statusCode).toBe(404);
    });
  });

  describe("calendar, reports and the leader's view", () => {
    it('imports the admin calendar from a multipart CSV and shows it in the month view', async () => {
      const csv = Buffer.from('日期,类型,名称\n2026-03-06,休息日,区运动会\n');
      expect((await t.app.inject({ method: 'POST', url: '/api/work-calendar/import', headers: as('leader'), payload: formWith(csv, 'cal.csv') })).statusCode).toBe(403);
      const res = await t.app.inject({ method: 'POST', url: '/api/work-calendar/import', headers: as('admin'), payload: formWith(csv, 'cal.csv') });
      expect(res.json()).toEqual({ imported: 1, created: 1, updated: 0 });
      const month = await t.app.inject({ method: 'GET', url: '/api/logs/calendar?month=2026-03', headers: as('zhang') });
      expect(month.json().days.find((d: { date: string }) => d.date === '2026-03-06')).toMatchObject({ working: false, name: '区运动会', source: 'organization' });
      const bad = await t.app.inject({ method: 'POST', url: '/api/work-calendar/import', headers: as('admin'), payload: formWith(Buffer.from('日期,类型\n2026-03-07,加班\n'), 'cal.csv') });
      expect(bad.json().error).toMatchObject({ code: 'calendar.import_invalid', details: [{ row: 2, column: '类型' }] });
      const put = await t.app.inject({ method: 'PUT', url: '/api/work-calendar/2026-03-06', headers: as('admin'), payload: { kind: 'workday', name: null } });
      expect(put.json()).toMatchObject({ date: '2026-03-06', kind: 'workday' });
      expect((await t.app.inject({ method: 'DELETE', url: '/api/work-calendar/2026-03-06', headers: as('admin') })).statusCode).toBe(204);
    });

    it('serves reminders, summaries, statistics, spot checks and the .xlsx export', async () => {
      const reminders = await t.app.inject({ method: 'GET', url: '/api/logs/reminders', headers: as('li') });
      expect(reminders.json()).toMatchObject({ today: '2026-03-04', todayIsWorkingDay: true });
      const summary = await t.app.inject({ method: 'GET', url: '/api/logs/summary?period=month&date=2026-03-01', headers: as('zhang') });
      expect(summary.json()).toMatchObject({ from: '2026-03-01', to: '2026-03-31', person: { name: '张三' } });
      const stats = await t.app.inject({ method: 'GET', url: '/api/logs/stats?idleDays=5', headers: as('leader') });
      expect(stats.json()).toMatchObject({ unit: { name: '川姜镇' }, idleDays: 5 });
      const spot = await t.app.inject({ method: 'POST', url: '/api/logs/spot-checks', headers: as('leader'), payload: { unit: org.units.t1.id, count: 3, seed: 'http-seed' } });
      expect(spot.statusCode).toBe(201);
      expect(spot.json()).toMatchObject({ seed: 'http-seed', verification: { candidatesUnchanged: true, redrawMatches: true } });
      const again = await t.app.inject({ method: 'GET', url: `/api/logs/spot-checks/${spot.json().id}`, headers: as('auditor') });
      expect(again.json().drawnIds).toEqual(spot.json().drawnIds);
      const xlsx = await t.app.inject({ method: 'GET', url: '/api/logs/export?from=2026-02-01&to=2026-03-04', headers: as('leader') });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename=".*\.xlsx"; filename\*=UTF-8''/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['汇总', '日志明细']);
      // The linked indicator by name, and its reference beside it (names need not be unique across schemes).
      const detail = workbook.getWorksheet('日志明细')!;
      const header = (detail.getRow(1).values as unknown[]).slice(1);
      const [named, referenced] = [header.indexOf('关联指标') + 1, header.indexOf('指标编号') + 1];
      expect(referenced).toBe(named + 1);
      const linked: unknown[][] = [];
      detail.eachRow((row, n) => { if (n > 1 && row.getCell(referenced).value) linked.push([row.getCell(named).value, row.getCell(referenced).value]); });
      expect(linked).toContainEqual(['安全生产', 'logs:safety']);
    });
  });

  const roles = ['anonymous', 'admin', 'auditor', 'leader', 'zhang'] as const;
  const table: { route: string; request: () => { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: object }; expect: Record<(typeof roles)[number], number> }[] = [
    { route: 'GET /api/logs', request: () => ({ method: 'GET', url: '/api/logs' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, zhang: 200 } },
    { route: 'POST /api/logs', request: () => ({ method: 'POST', url: '/api/logs', payload: { kind: 'routine', content: '日志' } }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 201, zhang: 201 } },
    { route: 'GET /api/logs?unit= (二甲镇)', request: () => ({ method: 'GET', url: `/api/logs?unit=${org.units.t2.id}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 404, zhang: 404 } },
    { route: 'GET /api/logs/stats?unit= (川姜镇)', request: () => ({ method: 'GET', url: `/api/logs/stats?unit=${org.units.t1.id}` }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, zhang: 403 } },
    { route: 'POST /api/logs/spot-checks', request: () => ({ method: 'POST', url: '/api/logs/spot-checks', payload: { unit: org.units.t1.id, count: 1 } }), expect: { anonymous: 401, admin: 201, auditor: 403, leader: 201, zhang: 403 } },
    { route: 'PUT /api/work-calendar/:date', request: () => ({ method: 'PUT', url: '/api/work-calendar/2026-12-31', payload: { kind: 'holiday' } }), expect: { anonymous: 401, admin: 200, auditor: 403, leader: 403, zhang: 403 } },
    { route: 'GET /api/work-calendar', request: () => ({ method: 'GET', url: '/api/work-calendar?from=2026-01-01&to=2026-01-31' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, zhang: 200 } },
    { route: 'GET /api/notifications', request: () => ({ method: 'GET', url: '/api/notifications' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, zhang: 200 } },
    { route: 'GET /api/logs/indicators', request: () => ({ method: 'GET', url: '/api/logs/indicators' }), expect: { anonymous: 401, admin: 403, auditor: 403, leader: 200, zhang: 200 } },
    { route: 'GET /api/logs/reminders', request: () => ({ method: 'GET', url: '/api/logs/reminders' }), expect: { anonymous: 401, admin: 200, auditor: 200, leader: 200, zhang: 200 } },
  ];
  for (const row of table) {
    it.each(roles)(`${row.route} as %s`, async (role) => {
      const res = await t.app.inject({ ...row.request(), headers: role === 'anonymous' ? {} : as(role) });
      expect(res.statusCode, res.body).toBe(row.expect[role]);
    });
  }

  it('sends the work-record abilities to the UI', async () => {
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: as('zhang') });
    expect(me.json().abilities).toMatchObject({ 'log.write': true, 'log.like': true, 'log.review': false, 'log.oversee': false, 'calendar.manage': false });
  });
});
