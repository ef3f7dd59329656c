import { evaluateInput } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { removeScratchDirs, scratchDir } from '../../testing/scratch-dirs.js';
import { testDialects } from '../../testing/test-database.js';
import { createCycleFixture, loginAll, type CycleFixture } from '../reviews/reviews.fixtures.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

interface Summary { total: number; grade: string; groupRank: number }
interface Appeal {
  id: number;
  status: string;
  reason: string;
  resultVersion: number;
  result: Summary | null;
  person: { id: number; name: string; unitId: number };
  period: { id: number; state: string; resultVersion: number | null };
  attachments: { id: number; fileName: string; url: string }[];
  decision: null | { note: string; decidedBy: string; resultVersion: number | null; result: Summary | null };
}
interface ResultRow { subject: { id: number; name: string }; total: number; grade: string; groupRank: number; flags: string[] }

/**
 * Appeals (申诉/复核, docs/product.md §4) through HTTP on both databases: 2026年第一季度 is reviewed and
 * published on 1 April; 张三 appeals with evidence, his leader re-rates him, the organization
 * department accepts and version 2 is published — each version reproduced by the engine from its
 * exported scenario; another appeal is rejected, one withdrawn; the period closes only once none
 * is pending.
 */
describe.each(testDialects)('appeals on %s', (dialect) => {
  let t: TestApp;
  let fx: CycleFixture;
  let cookies: Awaited<ReturnType<typeof loginAll>>;
  let periodId: number;
  let publicityEndsOn: string;
  let zhangAppeal: Appeal;

  beforeAll(async () => {
    // Evidence files go to a scratch data directory, not the repository's data/.
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000, dataDir: scratchDir('baton-appeals-') });
    t.clock.set('2026-03-31T02:00:00.000Z');
    fx = await createCycleFixture(t.deps, 'reviewing');
    periodId = fx.period.id;
    cookies = await loginAll(t, fx.org.password);
    const rate = async (who: 'leader' | 'leader2', person: keyof CycleFixture['org']['people'], duty: number, style: number) => {
      const res = await inject(who, 'PUT', `/api/periods/${periodId}/reviews/${fx.org.people[person].id}`, {
        ratings: [{ indicator: 'duty', rating: duty, comment: '认真负责' }, { indicator: 'style', rating: style }],
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await rate('leader', 'zhang', 80, 80);
    await rate('leader', 'li', 95, 95);
    await rate('leader', 'zhao', 90, 88);
    await rate('leader2', 'wang', 85, 85);
  });
  afterAll(async () => {
    await t.close();
    removeScratchDirs();
  });

  /** Moves the clock and signs everyone in again (sessions expire when idle). */
  async function setClock(iso: string) {
    t.clock.set(iso);
    cookies = await loginAll(t, fx.org.password);
  }
  type Who = keyof Awaited<ReturnType<typeof loginAll>>;
  function inject(who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    return t.app.inject({ method, url, headers: { cookie: cookies[who] }, ...(payload !== undefined && { payload }) });
  }
  const appeal = (who: Who, payload: object) => inject(who, 'POST', '/api/appeals', payload);
  const person = (key: keyof CycleFixture['org']['people']) => fx.org.people[key].id;
  const resultsOf = async (version?: number) => {
    const res = await inject('admin', 'GET', `/api/periods/${periodId}/results?limit=200${version ? `&version=${version}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as ResultRow[];
  };
  const attach = (who: Who, id: number, content: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), name);
    return inject(who, 'POST', `/api/appeals/${id}/attachments`, form as unknown as object);
  };

  it('takes no appeal before publicity', async () => {
    const res = await appeal('zhang', { periodId, reason: '评分偏低' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('period.state_invalid');
  });

  it('lets a participant appeal his own published result, once at a time, naming what is wrong otherwise', async () => {
    await setClock('2026-04-01T02:00:00.000Z');
    const published = await inject('admin', 'POST', `/api/periods/${periodId}/transition`, { to: 'publicity' });
    expect(published.statusCode, published.body).toBe(200);
    publicityEndsOn = published.json().publicityEndsOn;
    expect(publicityEndsOn > '2026-04-01').toBe(true);

    const bad: [Who, object, number, string, string | null][] = [
      ['zhang', { periodId, reason: '   ' }, 400, 'appeal.invalid', '/reason'],
      ['zhang', { periodId, reason: 'x'.repeat(2001) }, 400, 'request.invalid', '/reason'],
      ['zhang', { periodId, reason: '偏低', personId: person('li') }, 400, 'request.invalid', '/personId'],
      ['zhang', { periodId: 999999, reason: '偏低' }, 404, 'period.not_found', null],
      ['admin', { periodId, reason: '偏低' }, 403, 'auth.forbidden', null],
      ['auditor', { periodId, reason: '偏低' }, 403, 'auth.forbidden', null],
    ];
    for (const [who, payload, status, code, path] of bad) {
      const res = await appeal(who, payload);
      expect(res.statusCode, `${who} ${JSON.stringify(payload).slice(0, 80)}`).toBe(status);
      expect(res.json().error.code).toBe(code);
      if (path) expect(res.json().error.details[0].path).toBe(path);
    }
    expect((await inject('admin', 'GET', '/api/appeals')).json().items).toEqual([]);

    const res = await appeal('zhang', { periodId, reason: '  一季度牵头完成专项整治，领导评分未体现  ' });
    expect(res.statusCode, res.body).toBe(201);
    zhangAppeal = res.json();
    const before = (await resultsOf()).find((r) => r.subject.id === person('zhang'))!;
    expect(zhangAppeal).toMatchObject({
      status: 'pending', reason: '一季度牵头完成专项整治，领导评分未体现', resultVersion: 1, decision: null,
      person: { id: person('zhang'), name: '张三' }, period: { id: periodId, state: 'publicity', resultVersion: 1 },
      result: { total: before.total, grade: before.grade, groupRank: before.groupRank },
    });
    const again = await appeal('zhang', { periodId, reason: '补充' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('appeal.pending_exists');

    const notices = (await inject('admin', 'GET', '/api/notifications')).json().items as { kind: string; message: string }[];
    expect(notices.find((n) => n.kind === 'appeal.submitted')?.message).toContain('张三');
    // His leader, who rated him, is told too; another town's is not.
    const kindsOf = async (who: Who) => ((await inject(who, 'GET', '/api/notifications')).json().items as { kind: string }[]).map((n) => n.kind);
    expect(await kindsOf('leader')).toContain('appeal.submitted');
    expect(await kindsOf('leader2')).not.toContain('appeal.submitted');
    const audit = (await inject('admin', 'GET', '/api/audit?limit=20')).json().items as { action: string }[];
    expect(audit.map((a) => a.action)).toContain('appeal.submitted');
  });

  it('shows an appeal to the appellant, his leaders, the admin and the auditor only', async () => {
    const url = `/api/appeals/${zhangAppeal.id}`;
    const status: Record<string, number> = {};
    for (const who of ['zhang', 'leader', 'admin', 'auditor', 'li', 'leader2', 'wang'] as Who[]) status[who] = (await inject(who, 'GET', url)).statusCode;
    expect(status).toEqual({ zhang: 200, leader: 200, admin: 200, auditor: 200, li: 404, leader2: 404, wang: 404 });
    expect((await inject('li', 'GET', '/api/appeals')).json().items).toEqual([]);
    expect((await inject('leader2', 'GET', `/api/appeals?period=${periodId}`)).json().items).toEqual([]);
    expect((await inject('leader', 'GET', `/api/appeals?period=${periodId}&status=pending`)).json().items.map((a: Appeal) => a.id)).toEqual([zhangAppeal.id]);
    expect((await inject('leader', 'GET', `/api/appeals?status=accepted`)).json().items).toEqual([]);
    expect((await inject('zhang', 'GET', '/api/appeals?status=unknown')).statusCode).toBe(400);
  });

  it('takes evidence from the appellant only: images and PDF by content', async () => {
    const added = await attach('zhang', zhangAppeal.id, PNG, '表扬通报.png');
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ fileName: '表扬通报.png', mimeType: 'image/png', url: `/api/appeal-attachments/${added.json().id}` });
    expect((await attach('zhang', zhangAppeal.id, Buffer.from('just text'), 'fake.png')).statusCode).toBe(415);
    expect((await attach('zhang', zhangAppeal.id, Buffer.alloc(11 * 1024 * 1024), 'big.pdf')).statusCode).toBe(413);
    expect((await attach('leader', zhangAppeal.id, PNG, 'x.png')).statusCode).toBe(403);
    expect((await attach('li', zhangAppeal.id, PNG, 'x.png')).statusCode).toBe(404);
    expect((await attach('admin', zhangAppeal.id, PNG, 'x.png')).statusCode).toBe(403);
    const file = await inject('leader', 'GET', added.json().url);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect((await inject('li', 'GET', added.json().url)).statusCode).toBe(404);
    expect((await inject('zhang', 'GET', `/api/appeals/${zhangAppeal.id}`)).json().attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['表扬通报.png']);
  });

  it('reopens the ratings of the appellant only, to his leaders (复核)', async () => {
    const sheet = await inject('leader', 'GET', `/api/periods/${periodId}/reviews`);
    expect(sheet.statusCode, sheet.body).toBe(200);
    const pending = Object.fromEntries((sheet.json().people as { person: { name: string }; appealPending: boolean }[]).map((r) => [r.person.name, r.appealPending]));
    expect(pending).toEqual({ 张三: true, 李四: false, 赵六: false });

    const other = await inject('leader', 'PUT', `/api/periods/${periodId}/reviews/${person('li')}`, { ratings: [{ indicator: 'duty', rating: 60 }] });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('period.state_invalid');
    expect((await inject('leader2', 'PUT', `/api/periods/${periodId}/reviews/${person('zhang')}`, { ratings: [{ indicator: 'duty', rating: 99 }] })).statusCode).toBe(404);
    const rerated = await inject('leader', 'PUT', `/api/periods/${periodId}/reviews/${person('zhang')}`, {
      ratings: [{ indicator: 'duty', rating: 98, comment: '复核：专项整治成效显著' }, { indicator: 'style', rating: 96 }],
    });
    expect(rerated.statusCode, rerated.body).toBe(200);
    // Published results do not move until the appeal is decided.
    expect((await resultsOf()).find((r) => r.subject.id === person('zhang'))!.total).toBe(zhangAppeal.result!.total);
  });

  it('takes other appeals in the window: one is withdrawn, one stays pending', async () => {
    const li = await appeal('li', { periodId, reason: '自评未计入' });
    expect(li.statusCode).toBe(201);
    expect((await inject('zhang', 'POST', `/api/appeals/${li.json().id}/withdraw`)).statusCode).toBe(404);
    expect((await inject('leader', 'POST', `/api/appeals/${li.json().id}/withdraw`)).statusCode).toBe(403);
    const withdrawn = await inject('li', 'POST', `/api/appeals/${li.json().id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', decision: null });
    expect((await inject('li', 'POST', `/api/appeals/${li.json().id}/withdraw`)).json().error.code).toBe('appeal.not_pending');
    expect((await attach('li', li.json().id, PNG, 'x.png')).json().error.code).toBe('appeal.not_pending');
    // A withdrawn appeal leaves room for a new one (the rating stays closed to him: no appeal is pending).
    expect((await inject('leader', 'PUT', `/api/periods/${periodId}/reviews/${person('li')}`, { ratings: [{ indicator: 'duty', rating: 60 }] })).statusCode).toBe(409);
    expect((await appeal('wang', { periodId, reason: '作风评分与实际不符' })).statusCode).toBe(201);
  });

  it('refuses appeals after the window, and closing while appeals are pending', async () => {
    await setClock(`${publicityEndsOn}T17:00:00.000Z`); // the next day in Shanghai
    const late = await appeal('li', { periodId, reason: '补充申诉' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'appeal.window_closed', details: [{ path: '/periodId' }] });
    const close = await inject('admin', 'POST', `/api/periods/${periodId}/transition`, { to: 'closed' });
    expect(close.statusCode).toBe(409);
    expect(close.json().error.code).toBe('period.appeals_pending');
    expect(close.json().error.details).toHaveLength(2);
    expect((await inject('admin', 'GET', `/api/periods/${periodId}`)).json().state).toBe('publicity');
  });

  it('lets only the admin decide, with a note; accepting publishes version 2 from the corrected data', async () => {
    const url = `/api/appeals/${zhangAppeal.id}/decision`;
    expect((await inject('leader', 'POST', url, { outcome: 'accepted', note: '同意' })).statusCode).toBe(403);
    expect((await inject('auditor', 'POST', url, { outcome: 'accepted', note: '同意' })).statusCode).toBe(403);
    expect((await inject('zhang', 'POST', url, { outcome: 'accepted', note: '同意' })).statusCode).toBe(403);
    expect((await inject('admin', 'POST', url, { outcome: 'accepted', note: '  ' })).json().error.details[0].path).toBe('/note');
    expect((await inject('admin', 'POST', url, { outcome: 'maybe', note: 'x' })).statusCode).toBe(400);
    const v1 = await resultsOf();

    const decided = await inject('admin', 'POST', url, { outcome: 'accepted', note: '经复核，专项整治成效属实，评分予以调整' });
    expect(decided.statusCode, decided.body).toBe(200);
    const { appeal: accepted, changes } = decided.json() as { appeal: Appeal; changes: { personId: number; before: Summary; after: Summary }[] };
    expect(accepted).toMatchObject({ status: 'accepted', decision: { note: '经复核，专项整治成效属实，评分予以调整', decidedBy: 'admin', resultVersion: 2 }, period: { resultVersion: 2 } });
    const v2 = await resultsOf();
    const zhang2 = v2.find((r) => r.subject.id === person('zhang'))!;
    expect(zhang2.total).toBeGreaterThan(zhangAppeal.result!.total);
    expect(accepted.decision!.result).toEqual({ total: zhang2.total, grade: zhang2.grade, groupRank: zhang2.groupRank });
    // `changes` lists exactly the people whose total, grade or group rank moved.
    const moved = v2.filter((r) => {
      const old = v1.find((o) => o.subject.id === r.subject.id)!;
      return old.total !== r.total || old.grade !== r.grade || old.groupRank !== r.groupRank;
    });
    expect(changes.map((c) => c.personId).sort()).toEqual(moved.map((r) => r.subject.id).sort());
    expect(changes.find((c) => c.personId === person('zhang'))).toMatchObject({ before: zhangAppeal.result, after: accepted.decision!.result });
    // Version 1 stays as it was.
    expect(await resultsOf(1)).toEqual(v1);
    // What changed stays readable, each reader seeing the results he may see.
    const changesUrl = `/api/appeals/${zhangAppeal.id}/changes`;
    expect((await inject('auditor', 'GET', changesUrl)).json()).toEqual({ from: 1, to: 2, changes });
    const own = (await inject('zhang', 'GET', changesUrl)).json().changes as { personId: number }[];
    expect(own.map((c) => c.personId)).toEqual([person('zhang')]);
    const led = (await inject('leader', 'GET', changesUrl)).json().changes as { personId: number }[];
    expect(led.every((c) => c.personId !== person('wang'))).toBe(true);
    expect((await inject('leader2', 'GET', changesUrl)).statusCode).toBe(404);

    const versions = (await inject('auditor', 'GET', `/api/periods/${periodId}/results/versions`)).json() as { version: number; reason: string }[];
    expect(versions.map((v) => [v.version, v.reason])).toEqual([[2, 'appeal'], [1, 'publicity']]);
    for (const [version, rows] of [[1, v1], [2, v2]] as const) {
      const scenario = (await inject('auditor', 'GET', `/api/periods/${periodId}/scenario?version=${version}`)).json();
      const evaluated = evaluateInput(scenario);
      if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.errors));
      expect(rows.map((r) => [`p${r.subject.id}`, r.total, r.grade, r.groupRank])).toEqual(evaluated.results.map((r) => [r.subject, r.total, r.grade, r.groupRank]));
    }

    const audit = (await inject('admin', 'GET', '/api/audit?limit=50')).json().items as { action: string; before: { scenarioSha256?: string }; after: { scenarioSha256?: string; resultVersion?: number } }[];
    const record = audit.find((a) => a.action === 'appeal.decided')!;
    expect(record.after.resultVersion).toBe(2);
    expect(record.before.scenarioSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(record.after.scenarioSha256).not.toBe(record.before.scenarioSha256);
    const told = (await inject('zhang', 'GET', '/api/notifications')).json().items as { kind: string; message: string }[];
    expect(told.find((n) => n.kind === 'appeal.decided')?.message).toContain('第 2 版');
    const mine = (await inject('zhang', 'GET', `/api/periods/${periodId}/results`)).json().items as ResultRow[];
    expect(mine.map((r) => [r.subject.id, r.total])).toEqual([[person('zhang'), zhang2.total]]);

    expect((await inject('admin', 'POST', url, { outcome: 'rejected', note: '再议' })).json().error.code).toBe('appeal.not_pending');
    expect((await inject('leader', 'PUT', `/api/periods/${periodId}/reviews/${person('zhang')}`, { ratings: [{ indicator: 'duty', rating: 60 }] })).statusCode).toBe(409);
  });

  it('rejects without a new version, then closes; a closed period takes no appeal', async () => {
    const wang = (await inject('admin', 'GET', `/api/appeals?period=${periodId}&status=pending`)).json().items as Appeal[];
    expect(wang.map((a) => a.person.name)).toEqual(['王五']);
    const rejected = await inject('admin', 'POST', `/api/appeals/${wang[0]!.id}/decision`, { outcome: 'rejected', note: '评分依据充分，维持原结果' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ appeal: { status: 'rejected', decision: { resultVersion: null, result: null } }, changes: [] });
    expect((await inject('admin', 'GET', `/api/appeals/${wang[0]!.id}/changes`)).json()).toEqual({ from: 1, to: null, changes: [] });
    expect((await inject('admin', 'GET', `/api/periods/${periodId}`)).json().resultVersion).toBe(2);

    const closed = await inject('admin', 'POST', `/api/periods/${periodId}/transition`, { to: 'closed' });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = await appeal('zhang', { periodId, reason: '再次申诉' });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('period.closed');
    const all = (await inject('auditor', 'GET', `/api/appeals?period=${periodId}`)).json().items as Appeal[];
    expect(all.map((a) => [a.person.name, a.status])).toEqual([['王五', 'rejected'], ['李四', 'withdrawn'], ['张三', 'accepted']]);
  });
});
