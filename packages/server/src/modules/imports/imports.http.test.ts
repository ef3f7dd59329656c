import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { adminActor } from '../../testing/fixtures.js';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { createAccount } from '../accounts/index.js';
import { buildWorkbook, smallOrgSheets } from './org-workbook.fixtures.js';
import { XLSX_MIME } from '../../app/spreadsheets.js';
import { readOrgWorkbook } from './org-workbook.js';

function upload(content: Buffer, fileName = '组织人员.xlsx', field = 'file') {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(content)], { type: XLSX_MIME }), fileName);
  return form;
}

describe.each(testDialects)('organization import and export over HTTP on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let member: string;
  let auditor: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    admin = await t.loginAs('admin');
    for (const [username, role] of [['member1', 'member'], ['auditor1', 'auditor']] as const) {
      await createAccount(t.deps, adminActor, { username, roles: [{ role }], password: 'Passw0rd-test' });
    }
    member = await t.loginAs('member1', 'Passw0rd-test');
    auditor = await t.loginAs('auditor1', 'Passw0rd-test');
  });
  afterAll(() => t.close());

  const post = (payload: FormData, cookie = admin) => t.app.inject({ method: 'POST', url: '/api/imports/org', headers: { cookie }, payload });

  async function pollJob(jobId: string) {
    for (let i = 0; i < 300; i += 1) {
      const res = await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: { cookie: admin } });
      expect(res.statusCode).toBe(200);
      const job = res.json();
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the job did not finish');
  }

  function expectWorkbookDownload(res: LightMyRequestResponse, utf8Name: string) {
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(utf8Name)}`);
    expect(res.headers['content-disposition']).toMatch(/filename="baton-org[-\w]*\.xlsx"/);
  }

  it('serves the template, which reads back without errors', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/imports/org/template', headers: { cookie: admin } });
    expectWorkbookDownload(res, '组织人员导入模板.xlsx');
    const parsed = await readOrgWorkbook(res.rawPayload);
    expect(parsed.issues).toEqual([]);
    expect(parsed.people.length).toBeGreaterThan(0);
  });

  it('accepts an upload with 202 and a job that succeeds; the export re-imports to no change', async () => {
    const res = await post(upload(await buildWorkbook(smallOrgSheets())));
    expect(res.statusCode).toBe(202);
    const job = await pollJob(res.json().jobId);
    expect(job).toMatchObject({ kind: 'import.org', status: 'succeeded', done: job.total, result: { fileName: '组织人员.xlsx', people: { created: 3 } } });

    const exported = await t.app.inject({ method: 'GET', url: '/api/exports/org', headers: { cookie: auditor } });
    expectWorkbookDownload(exported, '组织人员-2026-03-02.xlsx');
    const again = await post(upload(exported.rawPayload, 'export.xlsx'));
    expect(again.statusCode).toBe(202);
    expect((await pollJob(again.json().jobId)).result).toMatchObject({ units: { unchanged: 4 }, people: { unchanged: 3 }, auditRecords: 0 });
  });

  it('answers an invalid file with 400 and the table of its errors', async () => {
    const sheets = smallOrgSheets();
    sheets['人员']![2]![0] = 'E001';
    const res = await post(upload(await buildWorkbook(sheets)));
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('import.invalid');
    expect(error.details).toEqual([
      { sheet: '人员', row: 2, column: '工号', message: expect.stringContaining('rows 2, 3') },
      { sheet: '人员', row: 3, column: '工号', message: expect.stringContaining('rows 2, 3') },
    ]);
  });

  it('answers a file that is not an .xlsx with 415, and a missing file field with 400', async () => {
    const text = await post(upload(Buffer.from('this is not a workbook'), 'renamed.xlsx'));
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('import.not_xlsx');
    const wrongField = await post(upload(await buildWorkbook(smallOrgSheets()), 'org.xlsx', 'document'));
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.code).toBe('import.no_file');
  });

  it('lets only admins import and download the template, admins and auditors export, and nobody without a session', async () => {
    const file = await buildWorkbook(smallOrgSheets());
    expect((await post(upload(file), member)).statusCode).toBe(403);
    expect((await post(upload(file), auditor)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/imports/org/template', headers: { cookie: member } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/exports/org', headers: { cookie: member } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/imports/org', payload: upload(file) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/exports/org' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/imports/org/template' })).statusCode).toBe(401);
  });
});

describe('an upload over the size limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { uploadLimitBytes: 4096 });
  });
  afterAll(() => t.close());

  it('is refused with 413 request.too_large and nothing imported', async () => {
    const admin = await t.loginAs('admin');
    const content = await buildWorkbook(smallOrgSheets());
    expect(content.length).toBeGreaterThan(4096);
    const res = await t.app.inject({ method: 'POST', url: '/api/imports/org', headers: { cookie: admin }, payload: upload(content) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('request.too_large');
    const people = await t.deps.db.selectFrom('people').select('id').execute();
    expect(people).toEqual([]);
  });
});
