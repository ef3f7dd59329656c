import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/kysely.js';
import { adminActor, createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { verifyAuditChain } from '../audit/index.js';
import { createPointsOrg, type PointsOrg } from './points.fixtures.js';
import { createRule, disableRule, listRules, replaceRule } from './point-rules.usecases.js';
import { proposePointEvent } from './point-events.usecases.js';

describe.each(testDialects)('point rules on %s', (dialect) => {
  let handle: DatabaseHandle;
  const clock = createTestClock();
  let deps: ReturnType<typeof depsFor>;
  let org: PointsOrg;

  beforeEach(async () => {
    handle = await createTestDatabase(dialect);
    deps = depsFor(handle, clock);
    clock.set('2026-02-02T01:00:00.000Z');
    org = await createPointsOrg(deps);
    clock.set('2026-03-04T02:00:00.000Z');
  });
  afterEach(() => handle.destroy());

  const count = async (table: 'point_rules' | 'audit_log') =>
    Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const base = () => ({ schemeId: org.schemeId, code: 'ZF-1', name: '执法不规范', indicator: 'style', defaultDelta: -2, minDelta: -4, maxDelta: -1 });

  it('creates a rule bound to a ledger indicator, in hundredths, with an audit record', async () => {
    const audits = await count('audit_log');
    const rule = await createRule(deps, adminActor, { ...base(), perOccurrence: true, defaultSource: 'supervision', description: '日常监督检查发现' });
    expect(rule).toMatchObject({
      schemeId: org.schemeId, code: 'ZF-1', version: 1, indicator: 'style', defaultDelta: -2, minDelta: -4, maxDelta: -1, perOccurrence: true,
      defaultSource: 'supervision', status: 'active', replacesRuleId: null, eventCount: 0, disabledAt: null,
    });
    const stored = await handle.db.selectFrom('point_rules').selectAll().where('id', '=', rule.id).executeTakeFirstOrThrow();
    expect([stored.default_delta_centi, stored.min_delta_centi, stored.max_delta_centi]).toEqual([-200, -400, -100]);
    expect(await count('audit_log')).toBe(audits + 1);
  });

  it('refuses an indicator that is not a ledger indicator of the scheme, naming /indicator', async () => {
    for (const indicator of ['work', 'nope']) {
      await expect(createRule(deps, adminActor, { ...base(), indicator })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/indicator' }] });
    }
  });

  it('refuses bounds out of order and a third decimal, naming the field, and writes nothing', async () => {
    const before = await count('point_rules');
    await expect(createRule(deps, adminActor, { ...base(), minDelta: 0, maxDelta: -1 })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/minDelta' }] });
    await expect(createRule(deps, adminActor, { ...base(), defaultDelta: -5 })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/defaultDelta' }] });
    await expect(createRule(deps, adminActor, { ...base(), maxDelta: -1.005 })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/maxDelta', message: 'has more than two decimals' }] });
    expect(await count('point_rules')).toBe(before);
  });

  it('refuses a second active rule with the same code (409 pointRule.duplicate) and an unknown scheme (404)', async () => {
    await expect(createRule(deps, adminActor, { ...base(), code: 'TB-PP' })).rejects.toMatchObject({ statusCode: 409, code: 'pointRule.duplicate' });
    await expect(createRule(deps, adminActor, { ...base(), schemeId: 9999 })).rejects.toMatchObject({ statusCode: 404, code: 'scheme.not_found' });
  });

  it('is managed by admin only', async () => {
    await expect(createRule(deps, org.actors.leader, base())).rejects.toMatchObject({ statusCode: 403 });
    await expect(disableRule(deps, org.actors.leader, org.rules.criticism.id, { reason: 'x' })).rejects.toMatchObject({ statusCode: 403 });
  });

  it('replaces a rule by a new version and disables the old one in one step; events keep the version they were proposed under', async () => {
    const event = await proposePointEvent(deps, org.actors.leader, { ruleId: org.rules.criticism.id, personId: org.people.zhang.id, occurredOn: '2026-03-01', evidenceText: '市局通报' });
    const replaced = await replaceRule(deps, adminActor, org.rules.criticism.id, { defaultDelta: -4, minDelta: -6, reason: '2026年3月起加重' });
    expect(replaced).toMatchObject({ code: 'TB-PP', version: 2, replacesRuleId: org.rules.criticism.id, defaultDelta: -4, minDelta: -6, maxDelta: -1, name: '通报批评', status: 'active' });
    const { items } = await listRules(deps, org.actors.zhang, { scheme: org.schemeId });
    const old = items.find((r) => r.id === org.rules.criticism.id)!;
    expect(old).toMatchObject({ status: 'disabled', eventCount: 1 });
    expect(old.disabledAt).not.toBeNull();
    expect(event.rule).toEqual({ id: org.rules.criticism.id, code: 'TB-PP', name: '通报批评', version: 1 });
    // The old version takes no new events; replacing it again is refused as well.
    await expect(proposePointEvent(deps, org.actors.leader, { ruleId: org.rules.criticism.id, personId: org.people.zhang.id, occurredOn: '2026-03-01', evidenceText: 'x' }))
      .rejects.toMatchObject({ statusCode: 409, code: 'pointRule.disabled' });
    await expect(replaceRule(deps, adminActor, org.rules.criticism.id, { reason: 'again' })).rejects.toMatchObject({ statusCode: 409, code: 'pointRule.disabled' });
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });

  it('rolls the replacement back whole when the new bounds are invalid', async () => {
    await expect(replaceRule(deps, adminActor, org.rules.criticism.id, { defaultDelta: 3, reason: '错误的修改' })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/defaultDelta' }] });
    const { items } = await listRules(deps, adminActor, { scheme: org.schemeId, status: 'active' });
    expect(items.map((r) => r.code).sort()).toEqual(['DB-CS', 'TB-BY', 'TB-PP']);
  });

  it('disables a rule with a reason, once', async () => {
    const rule = await disableRule(deps, adminActor, org.rules.praise.id, { reason: '不再适用' });
    expect(rule.status).toBe('disabled');
    await expect(disableRule(deps, adminActor, org.rules.praise.id, { reason: '再次' })).rejects.toMatchObject({ statusCode: 409, code: 'pointRule.disabled' });
    const audit = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'pointRule.disabled').executeTakeFirstOrThrow();
    expect(audit.reason).toBe('不再适用');
  });
});
