import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { commentOnWorkLog, writeWorkLog } from '../worklogs/index.js';
import { countRowsFixture, listNotificationsFixture, setPeriodDeadlinesFixture } from './reviews-fixtures.repository.js';
import { createCycleFixture, loginAll, type CycleFixture } from './reviews.fixtures.js';
import { remindMissingSummaries, runSummaryReminderJobOnce } from './summary-reminders.js';

type Method = 'GET' | 'PUT' | 'POST';

describe.each(testDialects)('personal summaries over HTTP on %s', (dialect) => {
  let t: TestApp;
  let f: CycleFixture;
  let c: Awaited<ReturnType<typeof loginAll>>;
  const call = (cookie: string, method: Method, url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const mine = (id = f.period.id) => `/api/periods/${id}/summaries/mine`;

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    t.clock.set('2026-03-02T01:00:00.000Z');
    f = await createCycleFixture(t.deps, 'open');
    // 张三's work log of the quarter: two entries linked to 履职尽责, one dynamic task, a leader's comment.
    t.clock.set('2026-03-04T02:00:00.000Z');
    const zhang = f.org.actors.zhang;
    const first = await writeWorkLog(t.deps, zhang, { date: '2026-03-02', kind: 'routine', content: '走访辖区企业三家，了解用工需求', indicator: 'routine:duty', minutes: 120 });
    await writeWorkLog(t.deps, zhang, { date: '2026-03-03', kind: 'key_task', content: '推进老旧小区改造项目', indicator: 'routine:duty', minutes: 240 });
    await writeWorkLog(t.deps, zhang, { date: '2026-03-03', kind: 'dynamic_task', content: '防汛值班' });
    await commentOnWorkLog(t.deps, f.org.actors.leader, first.id, { content: '走访扎实，继续保持' });
    c = await loginAll(t, f.org.password);
  });
  afterAll(async () => t.close());

  it('starts a member from a text written from his work-log digest of the period', async () => {
    const res = await call(c.zhang, 'GET', mine());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.summary).toBeNull();
    expect(body.digest).toMatchObject({ from: '2026-01-01', to: '2026-03-31', entries: 3, byKind: { routine: 1, key_task: 1, dynamic_task: 1 } });
    expect(body.prefill).toContain('2026年第一季度个人小结');
    expect(body.prefill).toContain('共记录工作纪实 3 条（日常工作 1 条、重点任务 1 条、动态任务 1 条）');
    expect(body.prefill).toContain('履职尽责 2 条');
    expect(body.prefill).toContain('陈镇长：“走访扎实，继续保持”');
    // 2026-03-02 … 03-03 logged; the 4th is today, not missed yet.
    expect(body.prefill).toMatch(/应填报工作日 3 天，无漏报/);
  });

  it('counts the working days missed in the prefill', async () => {
    const res = await call(c.li, 'GET', mine());
    expect(res.json().prefill).toContain('本期尚未记录工作纪实');
    expect(res.json().prefill).toContain('漏报 2 天（3月2日、3月3日）');
  });

  it('saves a draft, replaces it, then submits it as final', async () => {
    const draft = await call(c.zhang, 'PUT', mine(), { content: '一季度主要完成了……' });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({
      periodId: f.period.id, status: 'draft', submittedAt: null, late: false, content: '一季度主要完成了……',
      person: { id: f.org.people.zhang.id, name: '张三', unitName: '川姜镇' },
    });
    const again = await call(c.zhang, 'PUT', mine(), { content: '  一季度主要完成了走访和改造。\r\n下步打算……  ' });
    expect(again.json().content).toBe('一季度主要完成了走访和改造。\n下步打算……');
    const submitted = await call(c.zhang, 'POST', `${mine()}/submit`, {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedAt: '2026-03-04T02:00:00.000Z', content: '一季度主要完成了走访和改造。\n下步打算……' });
    const got = await call(c.zhang, 'GET', mine());
    expect(got.json().summary).toMatchObject({ status: 'submitted' });

    for (const [method, url, payload] of [['PUT', mine(), { content: '改' }], ['POST', `${mine()}/submit`, { content: '改' }], ['POST', `${mine()}/submit`, {}]] as const) {
      const res = await call(c.zhang, method, url, payload);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('summary.submitted');
    }
    const audit = await call(c.admin, 'GET', `/api/audit?entity=period&entityId=${f.period.id}&action=summary.submitted`);
    expect(audit.json().items).toHaveLength(1);
  });

  it('submits directly with the content given', async () => {
    const res = await call(c.zhao, 'POST', `${mine()}/submit`, { content: '党政办一季度小结' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', content: '党政办一季度小结' });
  });

  it('refuses blank, missing, too long and unknown content, writing nothing', async () => {
    const before = await countRowsFixture(t.deps.db, 'period_summaries', f.period.id);
    const cases: [Method, string, object, string][] = [
      ['PUT', mine(), { content: '' }, '/content'],
      ['PUT', mine(), { content: '   \n ' }, '/content'],
      ['PUT', mine(), {}, '/content'],
      ['PUT', mine(), { content: '好'.repeat(5001) }, '/content'],
      ['PUT', mine(), { content: '小结', extra: 1 }, '/extra'],
      ['POST', `${mine()}/submit`, {}, '/content'],
    ];
    for (const [method, url, payload, path] of cases) {
      const res = await call(c.li, method, url, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 40)).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect(await countRowsFixture(t.deps.db, 'period_summaries', f.period.id)).toBe(before);
    const ok = await call(c.li, 'PUT', mine(), { content: '好'.repeat(5000) });
    expect(ok.statusCode).toBe(200);
  });

  it('answers 404 to someone who does not take part, and to a missing period', async () => {
    // The admin has no person: he writes no summary.
    expect((await call(c.admin, 'GET', mine())).statusCode).toBe(403);
    expect((await call(c.zhang, 'GET', mine(999_999))).json().error.code).toBe('period.not_found');
    // A quarter scoped to 二甲镇: 张三 (川姜镇) does not take part.
    const scoped = await call(c.admin, 'POST', '/api/periods', { name: '二甲镇一季度', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: f.scheme.id, scopeUnitId: f.org.units.t2.id });
    await call(c.admin, 'POST', `/api/periods/${scoped.json().id}/transition`, { to: 'open' });
    const out = await call(c.zhang, 'GET', mine(scoped.json().id));
    expect(out.statusCode).toBe(404);
    expect(out.json().error.code).toBe('participant.not_found');
    expect((await call(c.zhang, 'PUT', mine(scoped.json().id), { content: '小结' })).statusCode).toBe(404);
    expect((await call(c.wang, 'GET', mine(scoped.json().id))).statusCode).toBe(200);
  });

  it('lists every participant with his summary or null: admin and auditor all, a leader his subtree', async () => {
    const all = await call(c.admin, 'GET', `/api/periods/${f.period.id}/summaries`);
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items.map((i: { person: { name: string } }) => i.person.name)).toEqual(['陈镇长', '张三', '李四', '赵六', '王五', '周镇长']);
    expect(all.json().items.find((i: { person: { name: string } }) => i.person.name === '王五').summary).toBeNull();
    expect((await call(c.auditor, 'GET', `/api/periods/${f.period.id}/summaries`)).json().items).toHaveLength(6);
    const led = await call(c.leader, 'GET', `/api/periods/${f.period.id}/summaries`);
    expect(led.json().items.map((i: { person: { name: string } }) => i.person.name)).toEqual(['陈镇长', '张三', '李四', '赵六']);
    const section = await call(c.leader, 'GET', `/api/periods/${f.period.id}/summaries?unit=${f.org.units.s1.id}`);
    expect(section.json().items.map((i: { person: { name: string } }) => i.person.name)).toEqual(['赵六']);
    const submitted = await call(c.leader, 'GET', `/api/periods/${f.period.id}/summaries?status=submitted`);
    expect(submitted.json().items.map((i: { person: { name: string } }) => i.person.name)).toEqual(['张三', '赵六']);
    const missing = await call(c.admin, 'GET', `/api/periods/${f.period.id}/summaries?status=missing`);
    expect(missing.json().items.map((i: { person: { name: string } }) => i.person.name)).toEqual(['陈镇长', '王五', '周镇长']);

    const otherTown = await call(c.leader, 'GET', `/api/periods/${f.period.id}/summaries?unit=${f.org.units.t2.id}`);
    const missingUnit = await call(c.leader, 'GET', `/api/periods/${f.period.id}/summaries?unit=999999`);
    expect(otherTown.statusCode).toBe(404);
    expect(missingUnit.statusCode).toBe(404);
    expect(otherTown.json().error.code).toBe(missingUnit.json().error.code);
    expect(otherTown.body).not.toContain('王五');
    expect((await call(c.zhang, 'GET', `/api/periods/${f.period.id}/summaries`)).statusCode).toBe(403);
  });

  it('pages the list by person', async () => {
    const first = await call(c.admin, 'GET', `/api/periods/${f.period.id}/summaries?limit=4`);
    expect(first.json().items).toHaveLength(4);
    const next = await call(c.admin, 'GET', `/api/periods/${f.period.id}/summaries?limit=4&cursor=${first.json().nextCursor}`);
    expect(next.json().items.map((i: { person: { name: string } }) => i.person.name)).toEqual(['王五', '周镇长']);
    expect(next.json().nextCursor).toBeNull();
  });

  it('marks a summary written after summaryDueOn late, and still accepts it', async () => {
    await setPeriodDeadlinesFixture(t.deps.db, f.period.id, { summaryDueOn: '2026-03-03' });
    const late = await call(c.wang, 'PUT', mine(), { content: '王五的小结' });
    expect(late.statusCode).toBe(200);
    expect(late.json().late).toBe(true);
    const submitted = await call(c.wang, 'POST', `${mine()}/submit`, {});
    expect(submitted.json()).toMatchObject({ status: 'submitted', late: true });
    const onTime = (await call(c.zhang, 'GET', mine())).json().summary;
    expect(onTime.late).toBe(true); // submitted on 03-04, after the deadline set afterwards
    await setPeriodDeadlinesFixture(t.deps.db, f.period.id, { summaryDueOn: '2026-03-31' });
    expect((await call(c.zhang, 'GET', mine())).json().summary.late).toBe(false);
  });

  it('reminds the participants without a submitted summary, on entering reviewing and the day before the deadline, once', async () => {
    const submittedBefore = new Set([f.org.actors.zhang.accountId, f.org.actors.zhao.accountId, f.org.actors.wang.accountId]);
    const reminded = await remindMissingSummaries(t.deps, f.period.id);
    expect(reminded.people).toBe(3); // 陈镇长, 李四 (a draft is not submitted), 周镇长
    const notes = await listNotificationsFixture(t.deps.db, 'summary.reminder');
    expect(notes.map((n) => n.account_id).sort()).toEqual([f.org.actors.leader.accountId, f.org.actors.li.accountId, f.org.actors.leader2.accountId].sort());
    expect(notes.every((n) => !submittedBefore.has(n.account_id) && n.entity_id === f.period.id)).toBe(true);
    expect(notes[0]!.message).toContain('2026年第一季度');

    // The daily job: nothing two days ahead; the day before, once however many passes run.
    t.clock.set('2026-03-29T01:00:00.000Z');
    expect((await runSummaryReminderJobOnce(t.deps, 'runner-a')).reminded).toEqual([]);
    t.clock.set('2026-03-30T01:00:00.000Z');
    expect((await runSummaryReminderJobOnce(t.deps, 'runner-a')).reminded).toEqual([`${f.period.id}:2026-03-31`]);
    expect((await runSummaryReminderJobOnce(t.deps, 'runner-b')).reminded).toEqual([]);
    const after = await listNotificationsFixture(t.deps.db, 'summary.reminder');
    expect(after).toHaveLength(6);
    expect(JSON.parse(after[5]!.data_json!)).toMatchObject({ periodId: f.period.id, reason: 'due_tomorrow', summaryDueOn: '2026-03-31' });
    const inbox = await call(await t.loginAs('li', f.org.password), 'GET', '/api/notifications');
    expect(inbox.json().items[0]).toMatchObject({ kind: 'summary.reminder', entity: 'period', entityId: f.period.id });
    t.clock.set('2026-03-04T02:00:00.000Z');
  });

  it('takes summaries while open and reviewing only: 409 in draft and publicity, period.closed when closed', async () => {
    const draftPeriod = await call(c.admin, 'POST', '/api/periods', { name: '草稿期', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: f.scheme.id });
    const id = draftPeriod.json().id as number;
    const expectState = async (code: string | null) => {
      const put = await call(c.li, 'PUT', mine(id), { content: '小结' });
      if (code === null) expect(put.statusCode, put.body).toBe(200);
      else expect(put.json().error?.code, put.body).toBe(code);
      // Reading stays possible in every state.
      expect((await call(c.li, 'GET', mine(id))).statusCode).toBe(200);
    };
    await expectState('period.state_invalid');
    for (const [to, code] of [['open', null], ['reviewing', null], ['publicity', 'period.state_invalid'], ['closed', 'period.closed']] as const) {
      if (to === 'closed') {
        // Past any publicity window; sessions last 12 hours, so sign in again.
        t.clock.set('2026-05-01T02:00:00.000Z');
        c.admin = await t.loginAs('admin');
        c.li = await t.loginAs('li', f.org.password);
      }
      const moved = await call(c.admin, 'POST', `/api/periods/${id}/transition`, { to });
      expect(moved.statusCode, moved.body).toBe(200);
      await expectState(code);
    }
    expect((await call(c.li, 'POST', `${mine(id)}/submit`, {})).json().error.code).toBe('period.closed');
    t.clock.set('2026-03-04T02:00:00.000Z');
  });
});
