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

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    const org = await createWorkLogOrg(t.deps);
    admin = await t.loginAs('admin');
    member = await t.loginAs('zhang', org.password);
  });
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
    const scheme = (await post(admin, '/api/schemes', { code: 'q', name: 'Q', subjectKind: 'person', definition })).json();
    const created = await post(admin, '/api/periods', { name: '2026年一季度', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: scheme.id });
    expect(created.statusCode, created.body).toBe(201);
    const period = created.json();
    expect(period).toMatchObject({ state: 'draft', publicityDays: 5, schemeName: 'Q' });
    const skip = await post(admin, `/api/periods/${period.id}/transition`, { to: 'reviewing' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('period.transition_invalid');
    for (const to of ['open', 'reviewing', 'publicity', 'closed']) {
      const res = await post(admin, `/api/periods/${period.id}/transition`, { to, reason: 'schedule' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().state).toBe(to);
    }
    const after = await post(admin, `/api/periods/${period.id}/transition`, { to: 'open' });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('period.closed');
    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?entity=period&entityId=${period.id}`, headers: { cookie: admin } });
    expect(audit.json().items.filter((r: { action: string }) => r.action === 'period.transitioned')).toHaveLength(4);
    const listed = await t.app.inject({ method: 'GET', url: `/api/periods?state=closed&scheme=${scheme.id}`, headers: { cookie: member } });
    expect(listed.json().items.map((p: { id: number }) => p.id)).toEqual([period.id]);
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
