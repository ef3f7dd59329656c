import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/http.js';

const scenario = {
  scheme: {
    name: '2026 Q1 平时考核',
    kind: 'routine',
    indicators: [{ id: 'work', method: 'ledger', weight: 100 }],
    grouping: 'all',
    grades: [{ name: '好', quota: 0.4, minScore: 90 }, { name: '较好', minScore: 80 }, { name: '一般', minScore: 60 }, { name: '较差' }],
    quotaRounding: 'floor',
  },
  subjects: [{ id: 'p1', name: '张三' }, { id: 'p2', name: '李四' }, { id: 'p3', name: '王五' }],
  facts: [{ subject: 'p1', indicator: 'work', delta: -5 }, { subject: 'p2', indicator: 'work', delta: -15 }],
};

describe('POST /api/evaluate', () => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    cookie = await t.loginAs('admin');
  });
  afterAll(() => t.close());

  it('scores, ranks and grades a scenario as the CLI does, within the quota', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/evaluate?explain=true', headers: { cookie }, payload: scenario });
    expect(res.statusCode).toBe(200);
    const { results } = res.json();
    expect(results.map((r: { subject: string; total: number; grade: string }) => [r.subject, r.total, r.grade])).toEqual([
      ['p3', 100, '好'],
      ['p1', 95, '较好'],
      ['p2', 85, '较好'],
    ]);
    expect(results[0].explain).toBeDefined();
  });

  it('rejects an invalid scenario with 400 naming the path of each bad field', async () => {
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/evaluate', headers: { cookie }, payload });
    const unknownField = await post({ ...scenario, extra: true });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error).toMatchObject({ code: 'scenario.invalid', details: [{ path: 'extra', message: 'unknown field' }] });
    const badFact = await post({ ...scenario, facts: [{ subject: 'p1', indicator: 'work', delta: 'many' }] });
    expect(badFact.statusCode).toBe(400);
    expect(badFact.json().error.details).toEqual([{ path: 'facts[0].delta', message: 'must be a number' }]);
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/evaluate', payload: scenario })).statusCode).toBe(401);
  });
});
