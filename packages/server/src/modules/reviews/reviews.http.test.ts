import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';
import { testDialects } from '../../testing/test-database.js';
import { countRowsFixture, setPeriodDeadlinesFixture } from './reviews-fixtures.repository.js';
import { createCycleFixture, loginAll, ROUTINE_REVIEW_SCHEME, type CycleFixture } from './reviews.fixtures.js';

type Method = 'GET' | 'PUT' | 'POST';
interface Row { person: { id: number; name: string }; ratings: Record<string, { rating: number; ratedBy: string; mine: boolean }>; allRatings: { indicator: string; ratedBy: string }[]; preview: { total: number; grade: string } }

describe.each(testDialects)('leader review (审核评鉴) over HTTP on %s', (dialect) => {
  let t: TestApp;
  let f: CycleFixture;
  let c: Awaited<ReturnType<typeof loginAll>> & { chief: string };
  const call = (cookie: string, method: Method, url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const sheetUrl = (query = '') => `/api/periods/${f.period.id}/reviews${query}`;
  const rateUrl = (personId: number, periodId = f.period.id) => `/api/periods/${periodId}/reviews/${personId}`;
  const names = (rows: Row[]) => rows.map((r) => r.person.name);
  const rowOf = (rows: Row[], name: string) => rows.find((r) => r.person.name === name)!;

  beforeAll(async () => {
    t = await createTestApp(dialect, { loginRateLimitPerMinute: 1000 });
    t.clock.set('2026-03-20T02:00:00.000Z');
    f = await createCycleFixture(t.deps, 'reviewing');
    const admin = await t.loginAs('admin');
    // A district leader (no person of his own) over both towns: a second leader rating the same people.
    const chief = await call(admin, 'POST', '/api/accounts', { username: 'chief', roles: [{ role: 'leader', unitId: f.org.units.district.id }], password: 'Chief-passw0rd1' });
    expect(chief.statusCode, chief.body).toBe(201);
    c = { ...(await loginAll(t, f.org.password)), chief: await t.loginAs('chief', 'Chief-passw0rd1') };
  });
  afterAll(async () => t.close());

  it("shows a leader his subtree's participants, himself left out, with the indicators leaders rate and the quota", async () => {
    const res = await call(c.leader, 'GET', sheetUrl());
    expect(res.statusCode, res.body).toBe(200);
    const sheet = res.json();
    expect(sheet.period).toMatchObject({ id: f.period.id, state: 'reviewing' });
    expect(sheet.unit).toEqual({ id: f.org.units.t1.id, name: '川姜镇' });
    expect(sheet.indicators).toEqual([
      { id: 'duty', name: '履职尽责', kind: 'key', section: null, weight: 50, weightsByCategory: null },
      { id: 'style', name: '工作作风', kind: 'regular', section: null, weight: 30, weightsByCategory: null },
    ]);
    expect(names(sheet.people)).toEqual(['张三', '李四', '赵六']);
    // No rating yet: 10 ledger points each, flagged.
    expect(rowOf(sheet.people, '赵六')).toMatchObject({
      person: { unitName: '党政办' }, summary: null, ratings: {}, allRatings: [],
      preview: { total: 10, grade: '较差', group: { key: 'all', name: '全部' }, flags: ['no-rating:duty', 'no-rating:self', 'no-rating:style'] },
    });
    expect(sheet.quota).toEqual([{
      group: { key: 'all', name: '全部' }, size: 6,
      grades: [
        { name: '好', quota: 0.4, capacity: 2, used: 0 }, { name: '较好', quota: null, capacity: null, used: 0 },
        { name: '一般', quota: null, capacity: null, used: 0 }, { name: '较差', quota: null, capacity: null, used: 6 },
      ],
    }]);
  });

  it("saves a leader's ratings of a person and answers the person's row with the new preview, audited", async () => {
    const res = await call(c.leader, 'PUT', rateUrl(f.org.people.zhang.id), {
      ratings: [{ indicator: 'duty', rating: 100, comment: '履职尽责，表现突出' }, { indicator: 'style', rating: 100, task: null }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      person: { id: f.org.people.zhang.id, name: '张三' },
      ratings: { duty: { rating: 100, comment: '履职尽责，表现突出', ratedBy: 'leader', raterName: '陈镇长', mine: true }, style: { rating: 100, comment: null } },
      preview: { total: 90, grade: '好', groupRank: 1, flags: ['no-rating:self'] },
    });
    const audit = await call(c.admin, 'GET', `/api/audit?entity=period&entityId=${f.period.id}&action=review.rated`);
    expect(audit.json().items[0]).toMatchObject({
      actorLabel: 'leader',
      before: { personId: f.org.people.zhang.id, ratings: [] },
      after: { personId: f.org.people.zhang.id, ratings: [{ indicator: 'duty', rating: 100, comment: '履职尽责，表现突出' }, { indicator: 'style', rating: 100 }] },
    });
  });

  it("replaces the caller's own ratings of the person on a second PUT", async () => {
    const res = await call(c.leader, 'PUT', rateUrl(f.org.people.zhang.id), { ratings: [{ indicator: 'duty', rating: 95.5 }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json().ratings)).toEqual(['duty']);
    // 50 × 0.955 + 0 (no 工作作风 rating) + 10 = 57.75
    expect(res.json().preview).toMatchObject({ total: 57.75, grade: '较差', flags: ['no-rating:self', 'no-rating:style'] });
    const audit = await call(c.admin, 'GET', `/api/audit?entity=period&entityId=${f.period.id}&action=review.rated`);
    expect(audit.json().items[0].before.ratings).toHaveLength(2);
    expect(audit.json().items[0].after.ratings).toEqual([{ indicator: 'duty', rating: 95.5, comment: null, task: null }]);
    expect(await countRowsFixture(t.deps.db, 'period_ratings', f.period.id)).toBe(1);
  });

  it('shows the ratings of every leader with who gave them; a leader sees his own first', async () => {
    const chief = await call(c.chief, 'PUT', rateUrl(f.org.people.zhang.id), { ratings: [{ indicator: 'duty', rating: 80 }, { indicator: 'style', rating: 70 }] });
    expect(chief.statusCode, chief.body).toBe(200);
    await call(c.chief, 'PUT', rateUrl(f.org.people.li.id), { ratings: [{ indicator: 'duty', rating: 88 }] });
    const sheet = (await call(c.leader, 'GET', sheetUrl())).json();
    const zhang = rowOf(sheet.people, '张三');
    expect(zhang.ratings.duty).toMatchObject({ rating: 95.5, ratedBy: 'leader', mine: true });
    expect(zhang.ratings.style).toMatchObject({ rating: 70, ratedBy: 'chief', mine: false });
    expect(zhang.allRatings.map((r) => `${r.indicator}:${r.ratedBy}`).sort()).toEqual(['duty:chief', 'duty:leader', 'style:chief']);
    // Leader means: duty (95.5 + 80) / 2 = 87.75 → 43.875; style 70 → 21; + 10 = 74.875 → 74.88
    expect(zhang.preview.total).toBe(74.88);
    expect(rowOf(sheet.people, '李四').ratings.duty).toMatchObject({ rating: 88, ratedBy: 'chief', mine: false });
    // The chief's own sheet of the district: everyone but himself (he has no person).
    const chiefSheet = (await call(c.chief, 'GET', sheetUrl())).json();
    expect(names(chiefSheet.people)).toEqual(['陈镇长', '张三', '李四', '赵六', '王五', '周镇长']);
    expect(rowOf(chiefSheet.people, '张三').ratings.duty).toMatchObject({ ratedBy: 'chief', mine: true });
  });

  it('previews exactly what saving the same ratings gives, writing nothing', async () => {
    const before = await countRowsFixture(t.deps.db, 'period_ratings', f.period.id);
    const ratings = [{ indicator: 'duty', rating: 99.99 }, { indicator: 'style', rating: 88 }];
    const preview = await call(c.leader, 'POST', `/api/periods/${f.period.id}/reviews/preview`, {
      ratings: ratings.map((r) => ({ personId: f.org.people.li.id, ...r })),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(await countRowsFixture(t.deps.db, 'period_ratings', f.period.id)).toBe(before);
    expect(preview.json().people.map((p: { personId: number }) => p.personId)).toEqual([f.org.people.zhang.id, f.org.people.li.id, f.org.people.zhao.id]);

    const saved = await call(c.leader, 'PUT', rateUrl(f.org.people.li.id), { ratings });
    expect(saved.statusCode).toBe(200);
    const sheet = (await call(c.leader, 'GET', sheetUrl())).json();
    expect(preview.json()).toEqual({ people: sheet.people.map((p: Row) => ({ personId: p.person.id, preview: p.preview })), quota: sheet.quota });
    // (99.99 + 88) / 2 = 93.995 → 46.9975; 88 × 0.3 = 26.4; + 10 = 83.3975 → 83.4
    expect(rowOf(sheet.people, '李四').preview).toMatchObject({ total: 83.4, grade: '较好' });
  });

  it("overrides only the caller's own ratings in a preview", async () => {
    // The chief's 80 on 张三's duty stays; the leader's 95.5 becomes 60: (60 + 80) / 2 = 70 → 35 + 21 + 10 = 66.
    const res = await call(c.leader, 'POST', `/api/periods/${f.period.id}/reviews/preview`, { ratings: [{ personId: f.org.people.zhang.id, indicator: 'duty', rating: 60 }] });
    expect(res.json().people[0]).toMatchObject({ personId: f.org.people.zhang.id, preview: { total: 66, grade: '一般' } });
  });

  describe('refuses bad input, naming the field, and writes nothing', () => {
    let before: number;
    beforeEach(async () => { before = await countRowsFixture(t.deps.db, 'period_ratings', f.period.id); });

    const cases: [string, object, string][] = [
      ['a rating above 100', { ratings: [{ indicator: 'duty', rating: 100.01 }] }, '/ratings/0/rating'],
      ['a negative rating', { ratings: [{ indicator: 'duty', rating: -1 }] }, '/ratings/0/rating'],
      ['three decimals', { ratings: [{ indicator: 'duty', rating: 90.125 }] }, '/ratings/0/rating'],
      ['a rating that is not a number', { ratings: [{ indicator: 'duty', rating: '90' + 'x' }] }, '/ratings/0/rating'],
      ['an unknown indicator', { ratings: [{ indicator: 'duty', rating: 90 }, { indicator: 'nope', rating: 90 }] }, '/ratings/1/indicator'],
      ['an indicator leaders do not rate', { ratings: [{ indicator: 'duty', rating: 90 }, { indicator: 'self', rating: 90 }] }, '/ratings/1/indicator'],
      ['a ledger indicator', { ratings: [{ indicator: 'duty', rating: 90 }, { indicator: 'conduct', rating: 90 }] }, '/ratings/1/indicator'],
      ['an indicator twice', { ratings: [{ indicator: 'duty', rating: 90 }, { indicator: 'duty', rating: 80 }] }, '/ratings/1/indicator'],
      ['an unknown field', { ratings: [{ indicator: 'duty', rating: 90, score: 1 }] }, '/ratings/0/score'],
      ['a missing rating', { ratings: [{ indicator: 'duty' }] }, '/ratings/0/rating'],
      ['a comment too long', { ratings: [{ indicator: 'duty', rating: 90, comment: '好'.repeat(2001) }] }, '/ratings/0/comment'],
      ['no ratings array', {}, '/ratings'],
    ];
    for (const [what, payload, path] of cases) {
      it(`PUT with ${what}`, async () => {
        const res = await call(c.leader, 'PUT', rateUrl(f.org.people.zhao.id), payload);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.code).toBe('request.invalid');
        expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
        expect(await countRowsFixture(t.deps.db, 'period_ratings', f.period.id)).toBe(before);
      });
    }

    it('a preview with the same mistakes, or with someone off the sheet', async () => {
      const url = `/api/periods/${f.period.id}/reviews/preview`;
      const zhao = f.org.people.zhao.id;
      const previews: [object, string][] = [
        [{ ratings: [{ personId: zhao, indicator: 'duty', rating: 90.001 }] }, '/ratings/0/rating'],
        [{ ratings: [{ personId: zhao, indicator: 'duty', rating: 90 }, { personId: zhao, indicator: 'self', rating: 90 }] }, '/ratings/1/indicator'],
        [{ ratings: [{ personId: zhao, indicator: 'duty', rating: 90 }, { personId: zhao, indicator: 'duty', rating: 91 }] }, '/ratings/1/indicator'],
        [{ ratings: [{ personId: zhao, indicator: 'duty', rating: 90 }, { personId: f.org.people.wang.id, indicator: 'duty', rating: 90 }] }, '/ratings/1/personId'],
        [{ ratings: [{ personId: f.org.people.leader.id, indicator: 'duty', rating: 90 }] }, '/ratings/0/personId'],
        [{ ratings: [{ personId: 999_999, indicator: 'duty', rating: 90 }] }, '/ratings/0/personId'],
      ];
      for (const [payload, path] of previews) {
        const res = await call(c.leader, 'POST', url, payload);
        expect(res.statusCode, res.body).toBe(400);
        expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual([path]);
      }
      expect(await countRowsFixture(t.deps.db, 'period_ratings', f.period.id)).toBe(before);
    });
  });

  it('answers a person outside his subtree exactly like a missing one, and refuses to let him rate himself', async () => {
    const payload = { ratings: [{ indicator: 'duty', rating: 90 }] };
    const outside = await call(c.leader, 'PUT', rateUrl(f.org.people.wang.id), payload);
    const missing = await call(c.leader, 'PUT', rateUrl(999_999), payload);
    expect(outside.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(outside.json().error.code).toBe(missing.json().error.code);
    expect(outside.body).not.toContain('王五');
    const himself = await call(c.leader, 'PUT', rateUrl(f.org.people.leader.id), payload);
    expect(himself.statusCode).toBe(403);
    expect(himself.json().error.code).toBe('review.own_subject');
    // The district leader may rate the town leader.
    expect((await call(c.chief, 'PUT', rateUrl(f.org.people.leader.id), payload)).statusCode).toBe(200);
    for (const who of ['auditor', 'zhang'] as const) {
      const res = await call(c[who], 'PUT', rateUrl(f.org.people.zhao.id), payload);
      expect(res.statusCode, who).toBe(403);
      expect(res.json().error.code).toBe('auth.forbidden');
    }
    // The organization department rates only those no leader can: not 赵六 (his leaders do) …
    const byAdmin = await call(c.admin, 'PUT', rateUrl(f.org.people.zhao.id), payload);
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().error.code).toBe('review.leader_rates');
    expect((await call(c.leader, 'PUT', rateUrl(f.org.people.zhao.id, 999_999), payload)).json().error.code).toBe('period.not_found');
  });

  it('lets the admin and the auditor read any unit, a leader only his subtrees', async () => {
    const admin = (await call(c.admin, 'GET', sheetUrl(`?unit=${f.org.units.t1.id}`))).json();
    expect(names(admin.people)).toEqual(['陈镇长', '张三', '李四', '赵六']);
    const whole = (await call(c.auditor, 'GET', sheetUrl())).json();
    expect(whole.unit.name).toBe('崇川区');
    expect(whole.people).toHaveLength(6);
    const other = (await call(c.leader2, 'GET', sheetUrl())).json();
    expect(names(other.people)).toEqual(['王五']);
    const outside = await call(c.leader, 'GET', sheetUrl(`?unit=${f.org.units.t2.id}`));
    const missing = await call(c.leader, 'GET', sheetUrl('?unit=999999'));
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe(missing.json().error.code);
    expect((await call(c.zhang, 'GET', sheetUrl())).statusCode).toBe(403);
    const section = (await call(c.leader, 'GET', sheetUrl(`?unit=${f.org.units.s1.id}`))).json();
    expect(names(section.people)).toEqual(['赵六']);
    expect(section.quota[0].size).toBe(6);
  });

  it('grades within each unit when the scheme groups by unit: one quota per group of his people, named as the results name them', async () => {
    const scheme = await call(c.admin, 'POST', '/api/schemes', { code: 'by-unit', name: '按单位', subjectKind: 'person', definition: { ...ROUTINE_REVIEW_SCHEME, grouping: 'unit' } });
    const period = await call(c.admin, 'POST', '/api/periods', { name: '按单位评鉴', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: scheme.json().id });
    for (const to of ['open', 'reviewing']) await call(c.admin, 'POST', `/api/periods/${period.json().id}/transition`, { to });
    const sheet = (await call(c.leader, 'GET', `/api/periods/${period.json().id}/reviews`)).json();
    expect(sheet.quota.map((q: { group: { key: string; name: string }; size: number }) => [q.group, q.size])).toEqual([
      [{ key: `unit:${f.org.units.t1.id}`, name: '川姜镇' }, 3],
      [{ key: `unit:${f.org.units.s1.id}`, name: '党政办' }, 1],
    ].sort((a, b) => ((a[0] as { key: string }).key < (b[0] as { key: string }).key ? -1 : 1)));
    expect(rowOf(sheet.people, '赵六').preview).toMatchObject({ group: { key: `unit:${f.org.units.s1.id}`, name: '党政办' }, groupRank: 1 });
  });

  it('has nobody taking part in a period of a unit scheme', async () => {
    const scheme = await call(c.admin, 'POST', '/api/schemes', { code: 'units', name: '综合考核', subjectKind: 'unit', definition: ROUTINE_REVIEW_SCHEME });
    const period = await call(c.admin, 'POST', '/api/periods', { name: '单位考核', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: scheme.json().id });
    for (const to of ['open', 'reviewing']) await call(c.admin, 'POST', `/api/periods/${period.json().id}/transition`, { to });
    const sheet = (await call(c.leader, 'GET', `/api/periods/${period.json().id}/reviews`)).json();
    expect(sheet).toMatchObject({ people: [], quota: [] });
    expect((await call(c.leader, 'PUT', rateUrl(f.org.people.zhang.id, period.json().id), { ratings: [] })).statusCode).toBe(404);
    expect((await call(c.zhang, 'GET', `/api/periods/${period.json().id}/summaries/mine`)).json().error.code).toBe('participant.not_found');
    expect((await call(c.admin, 'GET', `/api/periods/${period.json().id}/summaries`)).json().items).toEqual([]);
  });

  it('closes the review after reviewDueOn', async () => {
    await setPeriodDeadlinesFixture(t.deps.db, f.period.id, { reviewDueOn: '2026-03-19' });
    const res = await call(c.leader, 'PUT', rateUrl(f.org.people.zhao.id), { ratings: [{ indicator: 'duty', rating: 90 }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('review.window_closed');
    await setPeriodDeadlinesFixture(t.deps.db, f.period.id, { reviewDueOn: '2026-03-20' });
    expect((await call(c.leader, 'PUT', rateUrl(f.org.people.zhao.id), { ratings: [{ indicator: 'duty', rating: 90 }] })).statusCode).toBe(200);
  });

  it('takes ratings only while reviewing: 409 period.state_invalid in draft, open and publicity, period.closed when closed', async () => {
    const created = await call(c.admin, 'POST', '/api/periods', { name: '状态测试', kind: 'quarter', startsOn: '2026-01-01', endsOn: '2026-03-31', schemeId: f.scheme.id });
    const id = created.json().id as number;
    const payload = { ratings: [{ indicator: 'duty', rating: 90 }] };
    const expectState = async (code: string | null) => {
      const res = await call(c.leader, 'PUT', rateUrl(f.org.people.zhang.id, id), payload);
      if (code === null) expect(res.statusCode, res.body).toBe(200);
      else expect(res.json().error?.code, res.body).toBe(code);
      // The sheet and its preview stay readable.
      expect((await call(c.leader, 'GET', `/api/periods/${id}/reviews`)).statusCode).toBe(200);
      expect((await call(c.leader, 'POST', `/api/periods/${id}/reviews/preview`, { ratings: [] })).statusCode).toBe(200);
    };
    await expectState('period.state_invalid');
    for (const [to, code] of [['open', 'period.state_invalid'], ['reviewing', null], ['publicity', 'period.state_invalid'], ['closed', 'period.closed']] as const) {
      if (to === 'closed') {
        // Past any publicity window; sessions last 12 hours, so sign in again.
        t.clock.set('2026-05-01T02:00:00.000Z');
        c.admin = await t.loginAs('admin');
        c.leader = await t.loginAs('leader', f.org.password);
      }
      const moved = await call(c.admin, 'POST', `/api/periods/${id}/transition`, { to });
      expect(moved.statusCode, moved.body).toBe(200);
      await expectState(code);
    }
  });
});
