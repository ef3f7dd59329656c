import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { XLSX_MIME } from '../../app/spreadsheets.js';
import { createPointsOrg, pointsWorkbook, type PointsOrg } from './points.fixtures.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

function importForm(content: Buffer, fileName: string, fields: Record<string, string>, type = XLSX_MIME): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(content)], { type }), fileName);
  return form;
}

describe.each(testDialects)('points over HTTP on %s', (dialect) => {
  let t: TestApp;
  let org: PointsOrg;
  let dataDir: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'baton-points-'));
    // A small upload limit, so the oversized upload is cheap to send.
    t = await createTestApp(dialect, { dataDir, loginRateLimitPerMinute: 1000, uploadLimitBytes: 256 * 1024 });
    t.clock.set('2026-02-02T01:00:00.000Z');
    org = await createPointsOrg(t.deps);
    t.clock.set('2026-03-04T02:00:00.000Z');
    cookies.admin = await t.loginAs('admin');
    for (const name of ['admin2', 'leader', 'zhang', 'li', 'wang']) cookies[name] = await t.loginAs(name, org.password);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const as = (who: string) => ({ cookie: cookies[who]! });
  const inject = (who: string, method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, headers: { ...as(who), ...headers }, ...(payload !== undefined && { payload }) });
  async function pollJob(jobId: string) {
    for (let i = 0; i < 300; i += 1) {
      const res = await inject('admin', 'GET', `/api/jobs/${jobId}`);
      expect(res.statusCode).toBe(200);
      const job = res.json();
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the job did not finish');
  }

  it('manages rules: 201 on create, unknown fields are 400, GET lists them for everyone', async () => {
    const body = { schemeId: org.schemeId, code: 'ZF-HTTP', name: '执法记录仪未开启', indicator: 'style', defaultDelta: -1, minDelta: -2, maxDelta: -0.5 };
    expect((await inject('admin', 'POST', '/api/point-rules', { ...body, color: 'red' })).json().error.details).toEqual([{ path: '/color', message: 'unknown field' }]);
    const created = await inject('admin', 'POST', '/api/point-rules', body);
    expect(created.statusCode).toBe(201);
    expect((await inject('leader', 'POST', '/api/point-rules', { ...body, code: 'X' })).statusCode).toBe(403);
    const replaced = await inject('admin', 'POST', `/api/point-rules/${created.json().id}/replace`, { maxDelta: -1, reason: '调整' });
    expect(replaced.statusCode).toBe(201);
    expect(replaced.json()).toMatchObject({ version: 2, maxDelta: -1, replacesRuleId: created.json().id });
    const list = await inject('zhang', 'GET', `/api/point-rules?scheme=${org.schemeId}&status=active`);
    expect(list.json().items.map((r: { code: string }) => r.code).sort()).toEqual(['DB-CS', 'TB-BY', 'TB-PP', 'ZF-HTTP']);
    expect((await inject('admin', 'POST', `/api/point-rules/${created.json().id}/disable`, { reason: 'x' })).json().error.code).toBe('pointRule.disabled');
  });

  it('runs the proposal workflow: propose, evidence, approve by another, reverse; members see their own with evidence', async () => {
    const proposed = await inject('leader', 'POST', '/api/point-events', { ruleId: org.rules.criticism.id, personId: org.people.zhang.id, occurredOn: '2026-03-02', evidenceText: '市局通报' });
    expect(proposed.statusCode).toBe(201);
    const id = proposed.json().id as number;
    const third = await inject('leader', 'POST', '/api/point-events', { ruleId: org.rules.criticism.id, personId: org.people.zhang.id, occurredOn: '2026-03-02', delta: -1.005, evidenceText: 'x' });
    expect(third.json().error).toMatchObject({ code: 'request.invalid', details: [{ path: '/delta', message: 'has more than two decimals' }] });

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)], { type: 'image/png' }), '通报截图.png');
    const attached = await inject('leader', 'POST', `/api/point-events/${id}/attachments`, form as unknown as object);
    expect(attached.statusCode).toBe(201);
    const notImage = new FormData();
    notImage.append('file', new Blob(['just text'], { type: 'image/png' }), 'fake.png');
    expect((await inject('leader', 'POST', `/api/point-events/${id}/attachments`, notImage as unknown as object)).statusCode).toBe(415);
    const big = new FormData();
    big.append('file', new Blob([new Uint8Array(11 * 1024 * 1024)]), 'big.pdf');
    expect((await inject('leader', 'POST', `/api/point-events/${id}/attachments`, big as unknown as object)).statusCode).toBe(413);

    expect((await inject('leader', 'POST', `/api/point-events/${id}/approve`, {})).json().error.code).toBe('points.own_proposal');
    expect((await inject('wang', 'GET', `/api/point-events/${id}`)).statusCode).toBe(404);
    const approved = await inject('admin', 'POST', `/api/point-events/${id}/approve`, { note: '属实' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', can: { reverse: true } });

    const mine = await inject('zhang', 'GET', '/api/point-events');
    expect(mine.json().items).toHaveLength(1);
    const [event] = mine.json().items;
    expect(event).toMatchObject({ id, delta: -3, evidenceText: '市局通报', attachments: [{ fileName: '通报截图.png', mimeType: 'image/png' }], can: { approve: false, reverse: false } });
    const file = await inject('zhang', 'GET', event.attachments[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect((await inject('li', 'GET', event.attachments[0].url)).statusCode).toBe(404);

    const reversed = await inject('admin2', 'POST', `/api/point-events/${id}/reverse`, { reason: '核实有误' });
    expect(reversed.statusCode).toBe(201);
    expect(reversed.json()).toMatchObject({ delta: 3, reversesEventId: id });
    expect((await inject('admin2', 'POST', `/api/point-events/${id}/reverse`, { reason: '再次' })).json().error.code).toBe('points.already_reversed');
  });

  it('takes JSON batches with an Idempotency-Key: 201, then 200 replayed, 409 for other content; approved by another admin', async () => {
    const body = { schemeId: org.schemeId, events: [{ rule: 'TB-BY', employeeNo: 'M2', occurredOn: '2026-03-03', evidenceText: '表扬' }] };
    expect((await inject('admin', 'POST', '/api/point-batches', body)).json().error.details).toEqual([{ path: '/headers/idempotency-key', message: 'is required (1–200 characters)' }]);
    const first = await inject('admin', 'POST', '/api/point-batches', body, { 'idempotency-key': 'sys-1' });
    expect(first.statusCode).toBe(201);
    const again = await inject('admin', 'POST', '/api/point-batches', body, { 'idempotency-key': 'sys-1' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ replayed: true, batch: { id: first.json().batch.id } });
    const conflict = await inject('admin', 'POST', '/api/point-batches', { ...body, events: [{ ...body.events[0], delta: 3 }] }, { 'idempotency-key': 'sys-1' });
    expect(conflict.statusCode).toBe(409);
    const invalid = await inject('admin', 'POST', '/api/point-batches', { ...body, events: [{ ...body.events[0], employeeNo: 'NOBODY' }] }, { 'idempotency-key': 'sys-2' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toMatchObject({ code: 'points.batch_invalid', details: [{ row: 1, column: 'employeeNo', message: 'unknown employee number NOBODY' }] });
    const batchId = first.json().batch.id as number;
    expect((await inject('admin', 'POST', `/api/point-batches/${batchId}/approve`, {})).statusCode).toBe(403);
    const approved = await inject('admin2', 'POST', `/api/point-batches/${batchId}/approve`, {});
    expect(approved.json()).toEqual({ approved: 1 });
    expect((await inject('admin', 'GET', `/api/point-batches/${batchId}`)).json()).toMatchObject({ approvedCount: 1, proposedCount: 0 });
  });

  it('imports a real .xlsx and a .csv through multipart uploads as jobs', async () => {
    const xlsx = await pointsWorkbook([['DB-CS', 'M3', '2026-03-02', 2, -1, '任务督办', '督办超时两次', null]]);
    const res = await inject('admin', 'POST', '/api/imports/points', importForm(xlsx, '积分.xlsx', { schemeId: String(org.schemeId) }) as unknown as object);
    expect(res.statusCode, res.body).toBe(202);
    const job = await pollJob(res.json().jobId);
    expect(job).toMatchObject({ kind: 'import.points', status: 'succeeded', result: { replayed: false, batch: { channel: 'xlsx', eventCount: 1 } } });
    expect(job.result.batch.idempotencyKey).toMatch(/^[0-9a-f]{64}$/);

    const csv = Buffer.from('规则编码,工号,发生日期,依据说明\nTB-PP,M4,2026-03-01,通报\n');
    const res2 = await inject('admin', 'POST', '/api/imports/points', importForm(csv, 'p.csv', { schemeId: String(org.schemeId), idempotencyKey: 'csv-1' }, 'text/csv') as unknown as object);
    expect(res2.statusCode).toBe(202);
    expect(await pollJob(res2.json().jobId)).toMatchObject({ status: 'succeeded', result: { batch: { channel: 'csv', idempotencyKey: 'csv-1' } } });

    const bad = Buffer.from('规则编码,工号,发生日期,依据说明\nTB-PP,NOBODY,2026-03-01,通报\n');
    const res3 = await inject('admin', 'POST', '/api/imports/points', importForm(bad, 'bad.csv', { schemeId: String(org.schemeId) }, 'text/csv') as unknown as object);
    expect(await pollJob(res3.json().jobId)).toMatchObject({ status: 'failed', error: { code: 'points.batch_invalid', details: [{ row: 2, column: '工号', message: 'unknown employee number NOBODY' }] } });
  });

  it('answers 415, 400 and 413 for uploads that are not a points file, and 403 to others than admin', async () => {
    const scheme = { schemeId: String(org.schemeId) };
    const png = await inject('admin', 'POST', '/api/imports/points', importForm(PNG, 'x.xlsx', scheme) as unknown as object);
    expect(png.statusCode).toBe(415);
    // A zip signature with garbage behind it: an .xlsx that cannot be read.
    const damaged = Buffer.concat([Buffer.from('504b0304140000000800', 'hex'), Buffer.alloc(200, 7)]);
    const res = await inject('admin', 'POST', '/api/imports/points', importForm(damaged, 'x.xlsx', scheme) as unknown as object);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('import.unreadable');
    const noScheme = await inject('admin', 'POST', '/api/imports/points', importForm(Buffer.from('a,b\n'), 'x.csv', {}) as unknown as object);
    expect(noScheme.json().error).toMatchObject({ code: 'request.invalid', details: [{ path: '/schemeId' }] });
    const noFile = new FormData();
    noFile.append('schemeId', String(org.schemeId));
    expect((await inject('admin', 'POST', '/api/imports/points', noFile as unknown as object)).json().error.code).toBe('import.no_file');
    const huge = await inject('admin', 'POST', '/api/imports/points', importForm(Buffer.alloc(300 * 1024, 65), 'big.csv', scheme, 'text/csv') as unknown as object);
    expect(huge.statusCode).toBe(413);
    const asLeader = await inject('leader', 'POST', '/api/imports/points', importForm(Buffer.from('x'), 'x.csv', scheme) as unknown as object);
    expect(asLeader.statusCode).toBe(403);
  });

  it('serves the import template with the scheme\'s active rules on a second sheet', async () => {
    const res = await inject('admin', 'GET', `/api/imports/points/template?scheme=${org.schemeId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['积分事件', '规则']);
    expect((workbook.getWorksheet('积分事件')!.getRow(1).values as string[]).slice(1)).toEqual(['规则编码', '工号', '发生日期', '次数', '分值', '来源', '依据说明', '链接']);
    const codes = workbook.getWorksheet('规则')!.getColumn(1).values.slice(2);
    expect(codes).toContain('TB-PP');
    expect((await inject('zhang', 'GET', `/api/imports/points/template?scheme=${org.schemeId}`)).statusCode).toBe(403);
  });
});
