import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/kysely.js';
import type { Actor } from '../../policies/index.js';
import { adminActor, createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { verifyAuditChain } from '../audit/index.js';
import { changePerson } from '../people/index.js';
import { onLedgerChange, type LedgerChange } from './ledger-changes.js';
import { insertPeriod, createPointsOrg, type PointsOrg } from './points.fixtures.js';
import {
  approvePointEvent, getPointEvent, listPointEvents, proposePointEvent, rejectPointEvent, reversePointEvent, type ProposeInput,
} from './point-events.usecases.js';

describe.each(testDialects)('point events on %s', (dialect) => {
  let handle: DatabaseHandle;
  const clock = createTestClock();
  let deps: ReturnType<typeof depsFor>;
  let org: PointsOrg;

  beforeEach(async () => {
    handle = await createTestDatabase(dialect);
    deps = depsFor(handle, clock);
    clock.set('2026-02-02T01:00:00.000Z');
    org = await createPointsOrg(deps);
    // Wednesday 2026-03-04, 10:00 in Shanghai.
    clock.set('2026-03-04T02:00:00.000Z');
  });
  afterEach(() => handle.destroy());

  type Table = 'point_events' | 'point_ledger' | 'audit_log' | 'notifications';
  const count = async (table: Table) => Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => Object.fromEntries(await Promise.all((['point_events', 'point_ledger', 'audit_log', 'notifications'] as Table[]).map(async (t) => [t, await count(t)])));
  const propose = (actor: Actor, input: Partial<ProposeInput> = {}) =>
    proposePointEvent(deps, actor, { ruleId: org.rules.criticism.id, personId: org.people.zhang.id, occurredOn: '2026-03-02', evidenceText: '市局通报：接处警超时', ...input });
  const ledgerSum = async () => Number((await handle.db.selectFrom('point_ledger').select((eb) => eb.fn.sum<number>('delta_centi').as('s')).executeTakeFirstOrThrow()).s ?? 0);

  describe('proposing', () => {
    it('lets a leader propose for a person of his subtree: proposed, the rule default, the unit of that day, audited', async () => {
      const audits = await count('audit_log');
      const event = await propose(org.actors.leader, { evidenceLink: 'https://example.gov.cn/tb/12' });
      expect(event).toMatchObject({
        status: 'proposed', rule: { code: 'TB-PP', version: 1 }, schemeId: org.schemeId, indicator: 'style', occurredOn: '2026-03-02', occurrences: 1,
        delta: -3, source: 'superior_notice', evidenceText: '市局通报：接处警超时', evidenceLink: 'https://example.gov.cn/tb/12',
        subject: { kind: 'person', personId: org.people.zhang.id, name: '张三', employeeNo: 'M1', unitId: org.units.t1.id, unitName: '川姜镇' },
        proposedBy: { accountId: org.actors.leader.accountId, name: '陈镇长' }, decidedBy: null, reversesEventId: null, reversedByEventId: null,
        can: { approve: false, reject: false, reverse: false },
      });
      expect(await count('audit_log')).toBe(audits + 1);
      expect(await count('point_ledger')).toBe(0);
    });

    it('counts a per-occurrence rule once per occurrence and refuses occurrences for other rules', async () => {
      const overdue = await propose(org.actors.leader, { ruleId: org.rules.overdue.id, occurrences: 3, delta: -1.5 });
      expect(overdue).toMatchObject({ occurrences: 3, delta: -4.5, source: 'task' });
      await expect(propose(org.actors.leader, { occurrences: 2 })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/occurrences' }] });
    });

    it('refuses deltas beyond the rule bounds or with a third decimal, naming /delta, and writes nothing', async () => {
      const before = await counts();
      await expect(propose(org.actors.leader, { delta: -6 })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/delta', message: expect.stringContaining('outside') }] });
      await expect(propose(org.actors.leader, { delta: 0 })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/delta' }] });
      await expect(propose(org.actors.leader, { ruleId: org.rules.overdue.id, occurrences: 5, delta: -3 })).rejects.toMatchObject({ details: [{ path: '/delta', message: expect.stringContaining('per occurrence') }] });
      await expect(propose(org.actors.leader, { delta: -1.255 })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/delta', message: 'has more than two decimals' }] });
      expect(await counts()).toEqual(before);
    });

    it('reports every bad field at once: a date in the future, a blank evidence text, a non-web link', async () => {
      await expect(propose(org.actors.leader, { occurredOn: '2026-03-05', evidenceText: '  ', evidenceLink: 'javascript:alert(1)' })).rejects.toMatchObject({
        statusCode: 400, details: [{ path: '/occurredOn' }, { path: '/evidenceText' }, { path: '/evidenceLink' }],
      });
    });

    it('answers 409 period.closed for a date inside a closed period of the scheme, not of another scheme', async () => {
      await insertPeriod(deps, { schemeId: org.schemeId, name: '2026年2月', startsOn: '2026-02-01', endsOn: '2026-02-28', state: 'closed' });
      await insertPeriod(deps, { schemeId: org.unitSchemeId, name: '镇街2026年3月', startsOn: '2026-03-01', endsOn: '2026-03-31', state: 'closed' });
      const before = await count('point_events');
      await expect(propose(org.actors.leader, { occurredOn: '2026-02-28' })).rejects.toMatchObject({ statusCode: 409, code: 'period.closed' });
      expect(await count('point_events')).toBe(before);
      await expect(propose(org.actors.leader, { occurredOn: '2026-03-01' })).resolves.toMatchObject({ status: 'proposed' });
    });

    it('answers 404 for a person outside the proposer\'s subtree, 403 for himself and for a member', async () => {
      await expect(propose(org.actors.leader, { personId: org.people.wang.id })).rejects.toMatchObject({ statusCode: 404, code: 'person.not_found' });
      await expect(propose(org.actors.leader, { personId: 99_999 })).rejects.toMatchObject({ statusCode: 404, code: 'person.not_found' });
      await expect(propose(org.actors.leader, { personId: org.people.leader.id })).rejects.toMatchObject({ statusCode: 403, code: 'points.own_subject' });
      await expect(propose(org.actors.zhang, { personId: org.people.li.id })).rejects.toMatchObject({ statusCode: 403, code: 'auth.forbidden' });
      await expect(propose(org.actors.leader, { ruleId: 99_999 })).rejects.toMatchObject({ statusCode: 404, code: 'pointRule.not_found' });
    });

    it('books the event to the unit the person was in on that day, and scopes it by that unit', async () => {
      await changePerson(deps, adminActor, org.people.zhang.id, { unitId: org.units.t2.id, effectiveFrom: '2026-03-03', reason: '调动' });
      const earlier = await propose(org.actors.leader, { occurredOn: '2026-03-02' });
      expect(earlier.subject).toMatchObject({ unitId: org.units.t1.id });
      // On 03-03 张三 is in 二甲镇: not the 川姜镇 leader's to propose, but 二甲镇's.
      await expect(propose(org.actors.leader, { occurredOn: '2026-03-03' })).rejects.toMatchObject({ statusCode: 404 });
      const later = await propose(org.actors.leader2, { occurredOn: '2026-03-03' });
      expect(later.subject).toMatchObject({ unitId: org.units.t2.id });
    });

    it('takes unit subjects only for a unit scheme and person subjects only for a person scheme', async () => {
      await expect(propose(adminActor, { ruleId: org.rules.unitSafety.id })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/unitId' }, { path: '/personId' }] });
      await expect(propose(adminActor, { unitId: org.units.t1.id })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/unitId' }] });
      const unitEvent = await propose(adminActor, { ruleId: org.rules.unitSafety.id, personId: undefined, unitId: org.units.t1.id, delta: -5 });
      expect(unitEvent).toMatchObject({ delta: -5, subject: { kind: 'unit', personId: null, unitId: org.units.t1.id, name: '川姜镇' } });
    });
  });

  describe('deciding', () => {
    it('approves by someone else: the ledger row, an audit record, the subject notified, rankings told after commit', async () => {
      const event = await propose(org.actors.leader, { delta: -2.5 });
      const changes: LedgerChange[] = [];
      const stop = onLedgerChange(deps, (c) => changes.push(c));
      const before = await counts();
      const approved = await approvePointEvent(deps, adminActor, event.id, { note: '属实' });
      stop();
      expect(approved).toMatchObject({ status: 'approved', decidedBy: { accountId: adminActor.accountId, name: 'admin' }, decisionNote: '属实', can: { approve: false, reverse: true } });
      const ledger = await handle.db.selectFrom('point_ledger').selectAll().executeTakeFirstOrThrow();
      expect(ledger).toMatchObject({ event_id: event.id, scheme_id: org.schemeId, indicator_id: 'style', person_id: org.people.zhang.id, unit_id: org.units.t1.id, occurred_on: '2026-03-02', delta_centi: -250 });
      expect(changes).toEqual([{ schemeId: org.schemeId, ledgerId: ledger.id }]);
      expect(await counts()).toEqual({ ...before, point_ledger: before.point_ledger + 1, audit_log: before.audit_log + 1, notifications: before.notifications + 1 });
      const note = await handle.db.selectFrom('notifications').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
      expect(note).toMatchObject({ account_id: org.actors.zhang.accountId, kind: 'points.approved', entity: 'point_event', entity_id: event.id });
      // The audit record comes before the ledger row in the same transaction.
      const audit = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'pointEvent.approved').executeTakeFirstOrThrow();
      expect(audit.entity_id).toBe(String(event.id));
      expect((await verifyAuditChain(deps)).ok).toBe(true);
    });

    it('never lets the proposer approve or reject his own proposal (403), and answers 409 once decided', async () => {
      const event = await propose(adminActor);
      await expect(approvePointEvent(deps, adminActor, event.id, {})).rejects.toMatchObject({ statusCode: 403, code: 'points.own_proposal' });
      await expect(rejectPointEvent(deps, adminActor, event.id, { note: 'x' })).rejects.toMatchObject({ statusCode: 403, code: 'points.own_proposal' });
      expect(await count('point_ledger')).toBe(0);
      await approvePointEvent(deps, org.actors.leader, event.id, {});
      await expect(approvePointEvent(deps, org.actors.admin2, event.id, {})).rejects.toMatchObject({ statusCode: 409, code: 'points.not_pending' });
      await expect(rejectPointEvent(deps, org.actors.admin2, event.id, { note: 'x' })).rejects.toMatchObject({ statusCode: 409, code: 'points.not_pending' });
      expect(await count('point_ledger')).toBe(1);
    });

    it('answers 404 for an event outside the decider\'s scope, 403 for a member or an event about himself', async () => {
      const event = await propose(adminActor);
      await expect(approvePointEvent(deps, org.actors.leader2, event.id, {})).rejects.toMatchObject({ statusCode: 404, code: 'pointEvent.not_found' });
      await expect(approvePointEvent(deps, org.actors.zhang, event.id, {})).rejects.toMatchObject({ statusCode: 403 });
      const aboutLeader = await propose(adminActor, { personId: org.people.leader.id });
      await expect(approvePointEvent(deps, org.actors.leader, aboutLeader.id, {})).rejects.toMatchObject({ statusCode: 403, code: 'points.own_subject' });
      expect(await count('point_ledger')).toBe(0);
    });

    it('rejects with a note: nothing reaches the ledger, the subject is told', async () => {
      const event = await propose(org.actors.leader);
      await expect(rejectPointEvent(deps, adminActor, event.id, { note: '  ' })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/note' }] });
      const rejected = await rejectPointEvent(deps, adminActor, event.id, { note: '证据不足' });
      expect(rejected).toMatchObject({ status: 'rejected', decisionNote: '证据不足', can: { reverse: false } });
      expect(await count('point_ledger')).toBe(0);
      expect((await handle.db.selectFrom('notifications').selectAll().where('kind', '=', 'points.rejected').execute()).map((n) => n.account_id)).toEqual([org.actors.zhang.accountId]);
    });

    it('refuses to approve an event whose period closed since it was proposed (409)', async () => {
      const event = await propose(org.actors.leader, { occurredOn: '2026-02-20' });
      await insertPeriod(deps, { schemeId: org.schemeId, name: '2026年2月', startsOn: '2026-02-01', endsOn: '2026-02-28', state: 'closed' });
      await expect(approvePointEvent(deps, adminActor, event.id, {})).rejects.toMatchObject({ statusCode: 409, code: 'period.closed' });
      expect((await getPointEvent(deps, adminActor, event.id)).status).toBe('proposed');
    });
  });

  describe('reversing', () => {
    it('reverses an approved event with the opposite delta, approved at once; the ledger nets to zero', async () => {
      const event = await propose(org.actors.leader, { ruleId: org.rules.overdue.id, occurrences: 2, delta: -0.75 });
      await approvePointEvent(deps, adminActor, event.id, {});
      expect(await ledgerSum()).toBe(-150);
      const reversing = await reversePointEvent(deps, org.actors.admin2, event.id, { reason: '系统误报，核实后撤销' });
      expect(reversing).toMatchObject({
        status: 'approved', delta: 1.5, occurrences: 2, reversesEventId: event.id, occurredOn: event.occurredOn, rule: event.rule,
        subject: event.subject, decisionNote: '系统误报，核实后撤销', can: { reverse: false },
      });
      expect(await ledgerSum()).toBe(0);
      expect(await getPointEvent(deps, adminActor, event.id)).toMatchObject({ status: 'approved', reversedByEventId: reversing.id, can: { reverse: false } });
      const audit = await handle.db.selectFrom('audit_log').selectAll().where('action', '=', 'pointEvent.reversed').executeTakeFirstOrThrow();
      expect(audit.reason).toBe('系统误报，核实后撤销');
    });

    it('answers 409 points.already_reversed the second time and refuses to reverse a reversing or unapproved event', async () => {
      const event = await propose(org.actors.leader);
      await expect(reversePointEvent(deps, adminActor, event.id, { reason: 'x' })).rejects.toMatchObject({ statusCode: 409, code: 'points.not_reversible' });
      await approvePointEvent(deps, adminActor, event.id, {});
      const reversing = await reversePointEvent(deps, adminActor, event.id, { reason: '更正' });
      const before = await counts();
      await expect(reversePointEvent(deps, adminActor, event.id, { reason: '再次' })).rejects.toMatchObject({ statusCode: 409, code: 'points.already_reversed' });
      await expect(reversePointEvent(deps, adminActor, reversing.id, { reason: '冲正的冲正' })).rejects.toMatchObject({ statusCode: 409, code: 'points.not_reversible' });
      expect(await counts()).toEqual(before);
    });

    it('is for admin only, with a reason, and not in a closed period', async () => {
      const event = await propose(org.actors.leader, { occurredOn: '2026-02-20' });
      await approvePointEvent(deps, adminActor, event.id, {});
      await expect(reversePointEvent(deps, org.actors.leader, event.id, { reason: 'x' })).rejects.toMatchObject({ statusCode: 403 });
      await expect(reversePointEvent(deps, adminActor, event.id, { reason: ' ' })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/reason' }] });
      await insertPeriod(deps, { schemeId: org.schemeId, name: '2026年2月', startsOn: '2026-02-01', endsOn: '2026-02-28', state: 'closed' });
      await expect(reversePointEvent(deps, adminActor, event.id, { reason: '更正' })).rejects.toMatchObject({ statusCode: 409, code: 'period.closed' });
      expect(await ledgerSum()).toBe(-300);
    });
  });

  describe('reading', () => {
    it('shows a member only the events about himself, a leader his subtree and himself, admin and auditor everything', async () => {
      const aboutZhang = await propose(org.actors.leader);
      const aboutZhao = await propose(org.actors.leader, { personId: org.people.zhao.id });
      const aboutWang = await propose(org.actors.leader2, { personId: org.people.wang.id });
      const aboutLeader = await propose(adminActor, { personId: org.people.leader.id });
      const ids = async (actor: Actor, query = {}) => (await listPointEvents(deps, actor, { limit: 50, ...query })).items.map((e) => e.id).sort((a, b) => a - b);
      expect(await ids(org.actors.zhang)).toEqual([aboutZhang.id]);
      expect(await ids(org.actors.li)).toEqual([]);
      expect(await ids(org.actors.leader)).toEqual([aboutZhang.id, aboutZhao.id, aboutLeader.id]);
      expect(await ids(org.actors.leader2)).toEqual([aboutWang.id]);
      expect(await ids(org.actors.auditor)).toHaveLength(4);
      expect(await ids(adminActor, { unit: org.units.t1.id })).toEqual([aboutZhang.id, aboutZhao.id, aboutLeader.id]);
      await expect(getPointEvent(deps, org.actors.li, aboutZhang.id)).rejects.toMatchObject({ statusCode: 404 });
      await expect(getPointEvent(deps, org.actors.leader2, aboutZhang.id)).rejects.toMatchObject({ statusCode: 404 });
      await expect(listPointEvents(deps, org.actors.leader, { limit: 50, person: org.people.wang.id })).rejects.toMatchObject({ statusCode: 404 });
      await expect(listPointEvents(deps, org.actors.leader, { limit: 50, unit: org.units.t2.id })).rejects.toMatchObject({ statusCode: 404 });
      await expect(listPointEvents(deps, org.actors.zhang, { limit: 50, person: org.people.li.id })).rejects.toMatchObject({ statusCode: 404 });
      // The leader may decide what he did not propose and is not about him.
      const seen = (await listPointEvents(deps, org.actors.leader, { limit: 50 })).items;
      expect(seen.find((e) => e.id === aboutLeader.id)!.can.approve).toBe(false);
      expect(seen.find((e) => e.id === aboutZhang.id)!.can.approve).toBe(false);
    });

    it('pages newest first by occurredOn then id, with filters', async () => {
      const made = [];
      for (const day of ['2026-03-01', '2026-03-03', '2026-03-02', '2026-03-03', '2026-02-27']) made.push(await propose(org.actors.leader, { occurredOn: day }));
      await approvePointEvent(deps, adminActor, made[1]!.id, {});
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await listPointEvents(deps, org.actors.zhang, { limit: 2, cursor });
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual([made[3]!.id, made[1]!.id, made[2]!.id, made[0]!.id, made[4]!.id]);
      expect((await listPointEvents(deps, adminActor, { limit: 50, status: 'approved' })).items.map((e) => e.id)).toEqual([made[1]!.id]);
      expect((await listPointEvents(deps, adminActor, { limit: 50, from: '2026-03-02', to: '2026-03-02' })).items.map((e) => e.id)).toEqual([made[2]!.id]);
      await expect(listPointEvents(deps, adminActor, { limit: 50, cursor: 'garbage!' })).rejects.toMatchObject({ statusCode: 400 });
    });
  });
});
