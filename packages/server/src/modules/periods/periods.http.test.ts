import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { createWorkLogOrg } from '../worklogs/worklogs.fixtures.js';

const definition = {
  name: '平时考核',
  kind: 'routine',
  sections: [{ id: 'process', weight: 0.5 }, { id: 'result', weight: 0.5 }],
  indicators: [
    { id: 'style', section: 'process', method: 'ledger', weight: 100 },
    { id: 'gdp', section: 'result', method: 'target', weight: 60, weightsByCategory: { A: 70 } },
    { id: 'tax', section: 'result', method: 'target', weight: 40, weightsByCategory: { A: 30 } },
  ],
  grouping: 'all',
  grades: [{ name: '好', quota: 0.4, minScore: 90 }, { name: '较差' }],
};

describe.each(testDialects)('schemes and periods over HTTP on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let member: string;
  let password: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    const org = await createWorkLogOrg(t.deps);
    password = org.password;
    admin = await t.loginAs('admin');
    member = await t.loginAs('zhang', org.password);
  });

  /** Moves the clock and signs in again (sessions expire after 12 idle hours). */
  const setClock = async (iso: string) => {
    t.clock.set(iso);
    admin = await t.loginAs('admin');
    member = await t.loginAs('zhang', password);
  };
  afterAll(async () => t.close());

  const post = (cookie: string, url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { cookie }, payload });

  it('versions a scheme by its code: each new one replaces the latest', async () => {
    const first = await post(admin, '/api/schemes', { code: 'routine-2026', name: '平时考核', subjectKind: 'person', definition });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ code: 'routine-2026', version: 1, replacesId: null, kind: 'routine', subjectKind: 'person', periodCount: 0 });
    const second = await post(admin, '/api/schemes', { code: 'routine-2026', name: '平时考核 v2', subjectKind: 'person', definition });
    expect(second.json()).toMatchObject({ version: 2, replacesId: first.json().id });
    const list = await t.app.inject({ method: 'GET', url: '/api/schemes?code=routine-2026', headers: { cookie: member } });
    expect(list.json().items.map((s: { version: number }) => s.version)).toEqual([2, 1]);
    const one = await t.app.inject({ method: 'GET', url: `/api/schemes/${first.json().id}`, headers: { cookie: member } });
    expect(one.json().definition).toEqual(definition);
  });

  it('accepts a scheme ranked and graded within each unit, and one within each category', async () => {
    for (const grouping of ['unit', 'category'] as const) {
      const res = await post(admin, '/api/schemes', { code: `by-${grouping}`, name: `按${grouping}`, subjectKind: 'person', definition: { ...definition, grouping } });
      expect(res.statusCode, res.body).toBe(201);
    }
  });

  it('rejects a section whose weights do not sum to 100 for a category, naming the definition path', async () => {
    const bad = structuredClone(definition);
    bad.indicators[2]!.weightsByCategory = { A: 20 };
    const res = await post(admin, '/api/schemes', { code: 'bad', name: 'bad', subjectKind: 'person', definition: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('scheme.invalid');
    expect(res.json().error.details[0].path).toMatch(/^definition\.indicators\[\d\]\.weightsByCategory\.A$/);
  });

  it('rejects a section whose default weights do not sum to 100', async () => {
    const bad = structuredClone(definition);
    bad.indicators[1]!.weight = 50;
    const res = await post(admin, '/api/schemes', { code: 'bad', name: 'bad', subjectKind: 'person', definition: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toMatch(/sums to 90/);
  });

  it('rejects unknown fields of a definition, as the engine does', async () => {
    const res = await post(admin, '/api/schemes', { code: 'bad', name: 'bad', subjectKind: 'person', definition: { ...definition, colour: 'red' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('definition.colour');
  });

  it('lets only the admin create schemes and periods', async () => {
    expect((await post(member, '/api/schemes', { code: 'x', name: 'x', subjectKind: 'person', definition })).statusCode).toBe(403);
    expect((await post(member, '/api/periods', { name: 'x', kind: 'month', startsOn: '2026-01-01', endsOn: '2026-01-31', schemeId: 1 })).statusCode).toBe(403);
  });

  it('walks a period draft → open → reviewing → publicity → closed one step at a time, audited', async () => {
    await setClock('2026-03-02T01:00:00.000Z');
    const scheme = (await post(admin, '/api/schemes', { code: 'q', name: 'Q', subjectKind: 'person', definition })).json();
    const created = await post(admin, '/api/periods', { name: '2026年一季度', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: scheme.id });
    expect(created.statusCode, created.body).toBe(201);
    const period = created.json();
    expect(period).toMatchObject({
      state: 'draft', publicityDays: 5, schemeName: 'Q', summaryDueOn: null, reviewDueOn: null, publicityStartsOn: null, publicityEndsOn: null, resultVersion: null,
    });
    const skip = await post(admin, `/api/periods/${period.id}/transition`, { to: 'reviewing' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('period.transition_invalid');
    for (const to of ['open', 'reviewing', 'publicity']) {
      const res = await post(admin, `/api/periods/${period.id}/transition`, { to, reason: 'schedule' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().state).toBe(to);
    }
    // Monday 2 March: five working days from Tuesday.
    await setClock('2026-03-09T15:59:00.000Z');
    const early = await post(admin, `/api/periods/${period.id}/transition`, { to: 'closed' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'period.publicity_running', message: expect.stringContaining('2026-03-09') });
    await setClock('2026-03-09T16:00:00.000Z'); // 10 March in Asia/Shanghai
    const closed = await post(admin, `/api/periods/${period.id}/transition`, { to: 'closed', reason: 'schedule' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', publicityStartsOn: '2026-03-03', publicityEndsOn: '2026-03-09', resultVersion: 1 });
    const after = await post(admin, `/api/periods/${period.id}/transition`, { to: 'open' });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('period.closed');
    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?entity=period&entityId=${period.id}`, headers: { cookie: admin } });
    const transitions = audit.json().items.filter((r: { action: string }) => r.action === 'period.transitioned');
    expect(transitions).toHaveLength(4);
    const published = transitions.find((r: { after: { state: string } }) => r.after.state === 'publicity');
    expect(published.after).toMatchObject({
      resultVersion: 1, scenarioSha256: expect.stringMatching(/^[0-9a-f]{64}$/), subjects: 6, gradeCounts: { 好: 0, 较差: 6 },
      publicityStartsOn: '2026-03-03', publicityEndsOn: '2026-03-09',
    });
    const listed = await t.app.inject({ method: 'GET', url: `/api/periods?state=closed&scheme=${scheme.id}`, headers: { cookie: member } });
    expect(listed.json().items.map((p: { id: number }) => p.id)).toEqual([period.id]);
  });

  it("presents with each period what the caller may do with it, as the server decides it", async () => {
    await setClock('2026-03-02T01:00:00.000Z');
    const scheme = (await post(admin, '/api/schemes', { code: 'can', name: 'C', subjectKind: 'person', definition })).json();
    const period = (await post(admin, '/api/periods', { name: '能力', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: scheme.id })).json();
    expect(period.can).toEqual({ summary: false, review: false, results: false, preview: true, committee: true, edit: true, advance: true });
    await post(admin, `/api/periods/${period.id}/transition`, { to: 'open' });
    const asMember = await t.app.inject({ method: 'GET', url: `/api/periods/${period.id}`, headers: { cookie: member } });
    expect(asMember.json().can).toEqual({ summary: true, review: false, results: false, preview: false, committee: false, edit: false, advance: false });
    const listed = await t.app.inject({ method: 'GET', url: `/api/periods?scheme=${scheme.id}`, headers: { cookie: member } });
    expect(listed.json().items[0].can.summary).toBe(true);
  });

  it("counts the publicity window in working days of the organization's calendar, from the first working day after the transition", async () => {
    const scheme = (await post(admin, '/api/schemes', { code: 'w', name: 'W', subjectKind: 'person', definition })).json();
    const period = (await post(admin, '/api/periods', { name: '2026年4月', kind: 'month', startsOn: '2026-04-01', endsOn: '2026-04-30', schemeId: scheme.id, publicityDays: 3 })).json();
    const holiday = await t.app.inject({ method: 'PUT', url: '/api/work-calendar/2026-06-09', headers: { cookie: admin }, payload: { kind: 'holiday', name: '单位调休' } });
    expect(holiday.statusCode, holiday.body).toBe(200);
    await setClock('2026-06-05T02:00:00.000Z'); // Friday 5 June
    for (const to of ['open', 'reviewing']) await post(admin, `/api/periods/${period.id}/transition`, { to });
    const res = await post(admin, `/api/periods/${period.id}/transition`, { to: 'publicity' });
    expect(res.statusCode, res.body).toBe(200);
    // Monday 8, (Tuesday 9 is the organization's day off), Wednesday 10, Thursday 11.
    expect(res.json()).toMatchObject({ publicityStartsOn: '2026-06-08', publicityEndsOn: '2026-06-11', resultVersion: 1 });
  });

  it('takes deadlines on creation, within or after the period, naming a bad field', async () => {
    const body = { name: '2026年5月', kind: 'month', startsOn: '2026-05-01', endsOn: '2026-05-31', schemeId: 1 };
    const ok = await post(admin, '/api/periods', { ...body, summaryDueOn: '2026-06-03', reviewDueOn: '2026-06-10' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ summaryDueOn: '2026-06-03', reviewDueOn: '2026-06-10' });
    const notADate = await post(admin, '/api/periods', { ...body, summaryDueOn: '2026-02-30' });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().error.details[0].path).toBe('/summaryDueOn');
    const early = await post(admin, '/api/periods', { ...body, reviewDueOn: '2026-04-30' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details[0].path).toBe('/reviewDueOn');
    const badShape = await post(admin, '/api/periods', { ...body, summaryDueOn: '3 June' });
    expect(badShape.statusCode).toBe(400);
  });

  it('edits name and deadlines with PATCH (audited), publicityDays only before publicity, nothing once closed', async () => {
    await setClock('2026-07-01T02:00:00.000Z');
    const patch = (cookie: string, id: number, payload: object) => t.app.inject({ method: 'PATCH', url: `/api/periods/${id}`, headers: { cookie }, payload });
    const period = (await post(admin, '/api/periods', { name: '六月', kind: 'month', startsOn: '2026-06-01', endsOn: '2026-06-30', schemeId: 1 })).json();
    const edited = await patch(admin, period.id, { name: '2026年6月', summaryDueOn: '2026-07-03', reviewDueOn: '2026-07-08', publicityDays: 7 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: '2026年6月', summaryDueOn: '2026-07-03', reviewDueOn: '2026-07-08', publicityDays: 7 });
    const cleared = await patch(admin, period.id, { reviewDueOn: null });
    expect(cleared.json()).toMatchObject({ reviewDueOn: null, summaryDueOn: '2026-07-03' });
    expect((await patch(member, period.id, { name: 'x' })).statusCode).toBe(403);
    const unknown = await patch(admin, period.id, { colour: 'red' });
    expect(unknown.statusCode).toBe(400);
    const badDate = await patch(admin, period.id, { summaryDueOn: '2026-05-31' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details[0].path).toBe('/summaryDueOn');
    expect((await patch(admin, 999_999, { name: 'x' })).statusCode).toBe(404);

    for (const to of ['open', 'reviewing', 'publicity']) expect((await post(admin, `/api/periods/${period.id}/transition`, { to })).statusCode).toBe(200);
    const late = await patch(admin, period.id, { publicityDays: 3 });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('period.state_invalid');
    expect((await patch(admin, period.id, { reviewDueOn: '2026-07-09' })).statusCode).toBe(200);
    const publicity = (await t.app.inject({ method: 'GET', url: `/api/periods/${period.id}`, headers: { cookie: member } })).json();
    expect(publicity.publicityEndsOn).toBe('2026-07-10'); // seven working days from Thursday 2 July

    await setClock('2026-07-20T02:00:00.000Z');
    expect((await post(admin, `/api/periods/${period.id}/transition`, { to: 'closed' })).statusCode).toBe(200);
    const closed = await patch(admin, period.id, { name: '改名' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('period.closed');
    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?entity=period&entityId=${period.id}`, headers: { cookie: admin } });
    const updates = audit.json().items.filter((r: { action: string }) => r.action === 'period.updated');
    expect(updates).toHaveLength(3);
    expect(updates.map((r: { after: object }) => r.after)).toEqual(expect.arrayContaining([{ reviewDueOn: null }]));
  });

  it('rejects a period that ends before it starts or names an unknown scheme', async () => {
    const backwards = await post(admin, '/api/periods', { name: 'x', kind: 'month', startsOn: '2026-02-01', endsOn: '2026-01-31', schemeId: 1 });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details[0].path).toBe('/endsOn');
    const unknown = await post(admin, '/api/periods', { name: 'x', kind: 'month', startsOn: '2026-01-01', endsOn: '2026-01-31', schemeId: 999 });
    expect(unknown.json().error.details[0].path).toBe('/schemeId');
    expect((await t.app.inject({ method: 'GET', url: '/api/periods/999', headers: { cookie: member } })).statusCode).toBe(404);
  });
});
