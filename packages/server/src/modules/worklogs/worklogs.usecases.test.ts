import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/kysely.js';
import { adminActor, createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { verifyAuditChain } from '../audit/index.js';
import { listMyNotifications, readAllNotifications, readNotification } from '../notifications/index.js';
import { createAssessmentPeriod } from '../periods/index.js';
import { LOG_INDICATOR_SCHEME, createWorkLogOrg, openLogIndicatorPeriod, type WorkLogOrg } from './worklogs.fixtures.js';
import { commentOnWorkLog, editWorkLog, flagWorkLog, getWorkLog, likeWorkLog, listMyLogIndicators, listWorkLogFeed, resolveWorkLogFlag, unlikeWorkLog, writeWorkLog, type FeedQuery } from './worklogs.usecases.js';
import { dateIdCursor } from '../../app/cursors.js';
import { createAssessmentScheme } from '../schemes/index.js';
import { transitionAssessmentPeriod } from '../period-transitions/index.js';

describe.each(testDialects)('work-log entries on %s', (dialect) => {
  let handle: DatabaseHandle;
  const clock = createTestClock();
  let deps: ReturnType<typeof depsFor>;
  let org: WorkLogOrg;

  beforeEach(async () => {
    handle = await createTestDatabase(dialect);
    deps = depsFor(handle, clock);
    clock.set('2026-02-02T01:00:00.000Z');
    org = await createWorkLogOrg(deps);
    // Wednesday 2026-03-04, 10:00 in Shanghai.
    clock.set('2026-03-04T02:00:00.000Z');
  });
  afterEach(() => handle.destroy());

  const count = async (table: 'work_logs' | 'work_log_comments' | 'work_log_flags' | 'notifications' | 'audit_log') =>
    Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const feed = (actor: WorkLogOrg['actors'][keyof WorkLogOrg['actors']], query: Partial<FeedQuery> = {}) =>
    listWorkLogFeed(deps, actor, { limit: 50, ...query });
  const write = (actor: WorkLogOrg['actors']['zhang'], content: string, extra: Partial<Parameters<typeof writeWorkLog>[2]> = {}) =>
    writeWorkLog(deps, actor, { kind: 'routine', content, ...extra });

  describe('writing', () => {
    it('takes an indicator of a period opened a moment after the same reference was refused', async () => {
      const before = await count('work_logs');
      await expect(write(org.actors.zhang, '走访', { indicator: 'logs:key_jobs' })).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/indicator' }] });
      expect(await count('work_logs')).toBe(before);
      await openLogIndicatorPeriod(deps);
      expect(await write(org.actors.zhang, '走访', { indicator: 'logs:key_jobs' })).toMatchObject({ indicator: 'logs:key_jobs', indicatorName: '稳就业' });
    });

    it('keeps the current periods for a minute: one that moved on still counts until then', async () => {
      const { period } = await openLogIndicatorPeriod(deps);
      expect(await write(org.actors.zhang, '走访', { indicator: 'logs:key_jobs' })).toMatchObject({ indicatorName: '稳就业' });
      await handle.db.updateTable('periods').set({ state: 'closed' }).where('id', '=', period.id).execute();
      expect(await write(org.actors.zhang, '再走访', { indicator: 'logs:key_jobs' })).toMatchObject({ indicatorName: '稳就业' });
      clock.set(new Date(clock.now().getTime() + 61_000).toISOString());
      await expect(write(org.actors.zhang, '三走访', { indicator: 'logs:key_jobs' })).rejects.toMatchObject({ statusCode: 400 });
    });

    it("offers the indicators of the open and reviewing periods one takes part in, once each, key ones first", async () => {
      const scheme = await createAssessmentScheme(deps, adminActor, { code: 'logs', name: '平时考核（纪实）', subjectKind: 'person', definition: LOG_INDICATOR_SCHEME as never });
      const other = await createAssessmentScheme(deps, adminActor, {
        code: 'leaders', name: '领导班子考核', subjectKind: 'person',
        definition: { ...LOG_INDICATOR_SCHEME, indicators: [{ id: 'team', name: '班子建设', method: 'ledger', weight: 100 }] } as never,
      });
      const period = async (schemeId: number, state: 'draft' | 'open' | 'reviewing' | 'publicity', scopeUnitId: number | null = null, startsOn = '2026-01-01') => {
        const p = await createAssessmentPeriod(deps, adminActor, { name: `${schemeId}-${state}-${startsOn}`, kind: 'custom', startsOn, endsOn: '2026-06-30', schemeId, scopeUnitId });
        if (state !== 'draft') await transitionAssessmentPeriod(deps, adminActor, p.id, { to: 'open' });
        if (state === 'reviewing') await transitionAssessmentPeriod(deps, adminActor, p.id, { to: 'reviewing' });
        if (state === 'publicity') await handle.db.updateTable('periods').set({ state: 'publicity' }).where('id', '=', p.id).execute();
      };
      const refs = async (actor: WorkLogOrg['actors']['zhang']) => (await listMyLogIndicators(deps, actor)).map((i) => i.ref);
      await period(other.id, 'draft');
      await period(other.id, 'publicity');
      expect(await refs(org.actors.zhang)).toEqual([]);
      await period(scheme.id, 'reviewing');
      await period(scheme.id, 'open', null, '2026-02-01');
      // Two current periods of one scheme: each indicator once; the veto is not offered.
      expect(await refs(org.actors.zhang)).toEqual(['logs:key_jobs', 'logs:safety', 'logs:jobs']);
      // A scheme without kinds comes after the classified indicators; a scope leaves out those outside it.
      await period(other.id, 'open', org.units.t2.id);
      expect(await refs(org.actors.zhang)).toEqual(['logs:key_jobs', 'logs:safety', 'logs:jobs']);
      expect(await refs(org.actors.wang)).toEqual(['logs:key_jobs', 'logs:safety', 'logs:jobs', 'leaders:team']);
      await expect(write(org.actors.zhang, '走访', { indicator: 'leaders:team' })).rejects.toMatchObject({ statusCode: 400 });
      expect(await write(org.actors.wang, '走访', { indicator: 'leaders:team' })).toMatchObject({ indicatorName: '班子建设' });
    });

    it("writes today's entry (Asia/Shanghai) in the author's unit, not late, with an audit record", async () => {
      clock.set('2026-03-04T17:30:00.000Z'); // 01:30 on 2026-03-05 in Shanghai
      const { ref } = await openLogIndicatorPeriod(deps);
      const audits = await count('audit_log');
      const entry = await write(org.actors.zhang, '走访辖区企业3家，了解用工需求', { kind: 'key_task', indicator: ref('key_jobs'), minutes: 180 });
      expect(entry).toMatchObject({
        date: '2026-03-05', kind: 'key_task', late: false, indicator: 'logs:key_jobs', indicatorName: '稳就业', minutes: 180,
        author: { personId: org.people.zhang.id, name: '张三', unitId: org.units.t1.id, unitName: '川姜镇' },
        can: { edit: true, comment: false, like: false, flag: false },
      });
      expect(entry.editableUntil).toBe('2026-03-11T17:30:00.000Z');
      expect(await count('audit_log')).toBe(audits + 1);
    });

    it('keeps several entries a day and line breaks in the content', async () => {
      await write(org.actors.zhang, '上午：参加区委组织部平时考核培训\r\n下午：整理台账');
      await write(org.actors.zhang, '晚上值班');
      const { items } = await feed(org.actors.zhang, { person: org.people.zhang.id });
      expect(items.map((e) => e.content)).toEqual(['晚上值班', '上午：参加区委组织部平时考核培训\n下午：整理台账']);
    });

    it('marks a backfilled entry late and accepts exactly 7 days back', async () => {
      const entry = await write(org.actors.zhang, '补报：参加防汛演练', { date: '2026-02-25' });
      expect(entry).toMatchObject({ date: '2026-02-25', late: true });
    });

    it('refuses a date in the future or beyond the backfill window, naming /date, and writes nothing', async () => {
      const before = await count('work_logs');
      for (const date of ['2026-03-05', '2026-02-24', '2026-02-30']) {
        await expect(write(org.actors.zhang, '走访', { date })).rejects.toMatchObject({ statusCode: 400, code: 'log.invalid_date', details: [{ path: '/date' }] });
      }
      expect(await count('work_logs')).toBe(before);
    });

    it('refuses content that is blank after trimming, naming /content', async () => {
      await expect(write(org.actors.zhang, ' \n\t ')).rejects.toMatchObject({ statusCode: 400, details: [{ path: '/content' }] });
      expect(await count('work_logs')).toBe(0);
    });

    it('writes entries posted at the same moment together, each with its own audit record, and isolates a failing one', async () => {
      const audits = await count('audit_log');
      const ghost = { ...org.actors.li, accountId: org.actors.li.accountId, personId: 987_654 };
      const results = await Promise.allSettled([
        ...Array.from({ length: 8 }, (_, i) => write(i % 2 ? org.actors.zhang : org.actors.zhao, `同时提交的日志${i}`)),
        write(ghost, '不存在的人'),
      ]);
      expect(results.slice(0, 8).every((r) => r.status === 'fulfilled')).toBe(true);
      expect(results[8]!.status).toBe('rejected');
      expect(await count('work_logs')).toBe(8);
      const created = await handle.db.selectFrom('audit_log').select(['entity_id', 'after_json']).where('action', '=', 'log.created').execute();
      expect(created).toHaveLength(8);
      expect(new Set(created.map((c) => c.entity_id)).size).toBe(8);
      expect(await count('audit_log')).toBe(audits + 8);
      expect((await verifyAuditChain(deps)).ok).toBe(true);
      const zhao = (await feed(org.actors.leader, { person: org.people.zhao.id })).items;
      expect(zhao.map((e) => e.author.unitName)).toEqual(['党政办', '党政办', '党政办', '党政办']);
    });

    it('refuses an account without a person of its own', async () => {
      await expect(write(adminActor, '走访')).rejects.toMatchObject({ statusCode: 403 });
    });
  });

  describe('editing', () => {
    it('lets the author edit for 7 days and re-indexes the new content', async () => {
      const entry = await write(org.actors.zhang, '参加培训');
      clock.set('2026-03-11T01:59:59.000Z');
      const edited = await editWorkLog(deps, org.actors.zhang, entry.id, { content: '走访企业', kind: 'dynamic_task' });
      expect(edited).toMatchObject({ content: '走访企业', kind: 'dynamic_task', date: '2026-03-04' });
      expect((await feed(org.actors.zhang, { q: '走访' })).items.map((e) => e.id)).toEqual([entry.id]);
      expect((await feed(org.actors.zhang, { q: '培训' })).items).toEqual([]);
    });

    it('refuses to edit an entry after 7 days with log.frozen', async () => {
      const entry = await write(org.actors.zhang, '参加培训');
      clock.set('2026-03-11T02:00:00.000Z');
      await expect(editWorkLog(deps, org.actors.zhang, entry.id, { content: '改写' })).rejects.toMatchObject({ statusCode: 409, code: 'log.frozen' });
      expect((await getWorkLog(deps, org.actors.zhang, entry.id)).content).toBe('参加培训');
    });

    it("answers 404 for someone else's entry out of scope and 403 for a colleague's he can see", async () => {
      const entry = await write(org.actors.zhang, '参加培训');
      await expect(editWorkLog(deps, org.actors.wang, entry.id, { content: 'x' })).rejects.toMatchObject({ statusCode: 404, code: 'log.not_found' });
      await expect(editWorkLog(deps, org.actors.li, entry.id, { content: 'x' })).rejects.toMatchObject({ statusCode: 403 });
      await expect(editWorkLog(deps, org.actors.leader, entry.id, { content: 'x' })).rejects.toMatchObject({ statusCode: 403 });
    });

    it('keeps a backfill inside the window when the date is edited, and marks it late', async () => {
      const entry = await write(org.actors.zhang, '参加培训');
      await expect(editWorkLog(deps, org.actors.zhang, entry.id, { date: '2026-02-01' })).rejects.toMatchObject({ details: [{ path: '/date' }] });
      expect(await editWorkLog(deps, org.actors.zhang, entry.id, { date: '2026-03-02' })).toMatchObject({ date: '2026-03-02', late: true });
    });
  });

  describe('the team feed', () => {
    async function writeAround() {
      const zhang = await write(org.actors.zhang, '张三的日志');
      const zhao = await write(org.actors.zhao, '赵六的日志');
      const wang = await write(org.actors.wang, '王五的日志');
      const leader = await write(org.actors.leader, '陈镇长的日志');
      return { zhang, zhao, wang, leader };
    }

    it("shows a member his own unit's entries, a leader his subtree, admin and auditor everything", async () => {
      const e = await writeAround();
      const ids = async (actor: Parameters<typeof feed>[0]) => (await feed(actor)).items.map((i) => i.id).sort((a, b) => a - b);
      expect(await ids(org.actors.li)).toEqual([e.zhang.id, e.leader.id].sort((a, b) => a - b));
      expect(await ids(org.actors.zhao)).toEqual([e.zhao.id]);
      expect(await ids(org.actors.leader)).toEqual([e.zhang.id, e.zhao.id, e.leader.id].sort((a, b) => a - b));
      expect(await ids(org.actors.leader2)).toEqual([e.wang.id]);
      const all = [e.zhang.id, e.zhao.id, e.wang.id, e.leader.id].sort((a, b) => a - b);
      expect(await ids(adminActor)).toEqual(all);
      expect(await ids(org.actors.auditor)).toEqual(all);
    });

    it('answers 404 for a person or unit filter outside the scope', async () => {
      await writeAround();
      await expect(feed(org.actors.zhang, { person: org.people.wang.id })).rejects.toMatchObject({ statusCode: 404, code: 'person.not_found' });
      await expect(feed(org.actors.leader, { unit: org.units.t2.id })).rejects.toMatchObject({ statusCode: 404, code: 'unit.not_found' });
      await expect(feed(org.actors.zhang, { unit: org.units.s1.id })).rejects.toMatchObject({ statusCode: 404 });
      expect((await feed(org.actors.leader, { unit: org.units.s1.id })).items.map((i) => i.content)).toEqual(['赵六的日志']);
      expect((await feed(org.actors.leader, { unit: org.units.t1.id, subtree: false })).items.map((i) => i.content).sort()).toEqual(['张三的日志', '陈镇长的日志'].sort());
    });

    it('pages newest first by log date, then id, with a keyset cursor over both', async () => {
      const written: number[] = [];
      for (const date of ['2026-03-04', '2026-02-28', '2026-03-04', '2026-03-01', '2026-02-28']) written.push((await write(org.actors.zhang, `日志${date}`, { date })).id);
      const seen: { date: string; id: number }[] = [];
      let after: { date: string; id: number } | undefined;
      for (;;) {
        const page = await feed(org.actors.zhang, { limit: 2, after });
        seen.push(...page.items.map((i) => ({ date: i.date, id: i.id })));
        if (!page.nextCursor) break;
        after = dateIdCursor.decode(page.nextCursor);
        // An entry written between two pages does not shift the next page.
        if (seen.length === 2) await write(org.actors.zhang, '后来写的');
      }
      expect(seen.map((s) => s.id)).toEqual([written[2], written[0], written[3], written[4], written[1]]);
    });

    it('filters by kind, indicator, dates and open follow-up flags', async () => {
      const { ref } = await openLogIndicatorPeriod(deps);
      const a = await write(org.actors.zhang, '重点任务', { kind: 'key_task', indicator: ref('jobs') });
      await write(org.actors.zhang, '日常', { date: '2026-03-02' });
      const only = async (q: Partial<FeedQuery>) => (await feed(org.actors.leader, q)).items.map((i) => i.content);
      expect(await only({ kind: ['key_task'] })).toEqual(['重点任务']);
      expect(await only({ indicator: 'logs:jobs' })).toEqual(['重点任务']);
      expect(await only({ from: '2026-03-01', to: '2026-03-03' })).toEqual(['日常']);
      await flagWorkLog(deps, org.actors.leader, a.id, { note: '请补充佐证材料' });
      expect(await only({ flagged: true })).toEqual(['重点任务']);
    });
  });

  describe('searching Chinese text (bigrams) on both databases', () => {
    beforeEach(async () => {
      await write(org.actors.zhang, '走访辖区企业3家，了解用工需求');
      await write(org.actors.zhang, '参加区委组织部平时考核培训');
      await write(org.actors.zhang, '访问学校，辖区安全检查');
      await write(org.actors.zhang, '完成OA系统数据填报，共计12条');
      await write(org.actors.zhang, '组织企业用工对接会');
    });
    const search = async (q: string) => (await feed(org.actors.zhang, { q })).items.map((i) => i.content).sort();

    it('finds a two-character word (走访) and not entries that only share its characters', async () => {
      expect(await search('走访')).toEqual(['走访辖区企业3家，了解用工需求']);
    });

    it('finds a three-character word (用工需) only where the characters stand in a row', async () => {
      expect(await search('用工需')).toEqual(['走访辖区企业3家，了解用工需求']);
      expect(await search('用工')).toEqual(['组织企业用工对接会', '走访辖区企业3家，了解用工需求'].sort());
    });

    it('matches mixed Chinese and ASCII, ASCII case-insensitively as words', async () => {
      expect(await search('oa系统')).toEqual(['完成OA系统数据填报，共计12条']);
      expect(await search('OA 填报')).toEqual(['完成OA系统数据填报，共计12条']);
      expect(await search('3家')).toEqual(['走访辖区企业3家，了解用工需求']);
      expect(await search('12条')).toEqual(['完成OA系统数据填报，共计12条']);
      expect(await search('2条')).toEqual([]);
    });

    it('requires every word of the query', async () => {
      expect(await search('企业 培训')).toEqual([]);
      expect(await search('企业 用工')).toEqual(['组织企业用工对接会', '走访辖区企业3家，了解用工需求'].sort());
    });

    it('falls back to LIKE for a one-character query', async () => {
      expect(await search('访')).toEqual(['访问学校，辖区安全检查', '走访辖区企业3家，了解用工需求'].sort());
    });

    it('combines a search with the scope, person, kind and date filters and pages through it newest first', async () => {
      const key = await write(org.actors.zhao, '走访党建示范点', { kind: 'key_task', date: '2026-03-02' });
      const older = await write(org.actors.li, '走访困难群众', { date: '2026-02-26' });
      const contents = async (q: Partial<FeedQuery>, actor: Parameters<typeof feed>[0] = org.actors.leader) => (await feed(actor, { q: '走访', ...q })).items.map((i) => i.content);
      expect(await contents({})).toEqual(['走访辖区企业3家，了解用工需求', '走访党建示范点', '走访困难群众']);
      expect(await contents({}, org.actors.zhang)).toEqual(['走访辖区企业3家，了解用工需求', '走访困难群众']);
      expect(await contents({ unit: org.units.s1.id })).toEqual(['走访党建示范点']);
      expect(await contents({ person: org.people.li.id })).toEqual(['走访困难群众']);
      expect(await contents({ kind: ['key_task'] })).toEqual(['走访党建示范点']);
      expect(await contents({ from: '2026-02-27', to: '2026-03-03' })).toEqual(['走访党建示范点']);
      const first = await feed(org.actors.leader, { q: '走访', limit: 2 });
      expect(first.items.map((i) => i.content)).toEqual(['走访辖区企业3家，了解用工需求', '走访党建示范点']);
      const second = await feed(org.actors.leader, { q: '走访', limit: 2, after: dateIdCursor.decode(first.nextCursor!) });
      expect(second.items.map((i) => i.id)).toEqual([older.id]);
      // Moving an entry to another date moves it in the search order too.
      await editWorkLog(deps, org.actors.zhao, key.id, { date: '2026-02-25' });
      expect(await contents({})).toEqual(['走访辖区企业3家，了解用工需求', '走访困难群众', '走访党建示范点']);
      await editWorkLog(deps, org.actors.zhao, key.id, { kind: 'routine' });
      expect(await contents({ kind: ['key_task'] })).toEqual([]);
    });

    it('never finds what the searcher may not see', async () => {
      await write(org.actors.wang, '走访二甲镇企业');
      expect(await search('走访')).toEqual(['走访辖区企业3家，了解用工需求']);
      expect((await feed(adminActor, { q: '走访' })).items).toHaveLength(2);
    });
  });

  describe('comments, likes, follow-up flags and notifications', () => {
    it('lets the leader of the subtree comment and tells the author', async () => {
      const entry = await write(org.actors.zhao, '整理党建台账');
      const comment = await commentOnWorkLog(deps, org.actors.leader, entry.id, { content: '台账要规范，注意时间节点' });
      expect(comment).toMatchObject({ content: '台账要规范，注意时间节点', author: { name: '陈镇长', isEntryAuthor: false } });
      const inbox = await listMyNotifications(deps, org.actors.zhao, { limit: 10 });
      expect(inbox.unread).toBe(1);
      expect(inbox.items[0]).toMatchObject({ kind: 'log.comment', entity: 'work_log', entityId: entry.id, message: `陈镇长点评了你2026-03-04的工作日志` });
    });

    it("answers 403 to a member commenting on a colleague's entry and 404 outside the scope, writing nothing", async () => {
      const entry = await write(org.actors.zhang, '整理台账');
      const before = await Promise.all([count('work_log_comments'), count('notifications'), count('audit_log')]);
      await expect(commentOnWorkLog(deps, org.actors.li, entry.id, { content: '赞' })).rejects.toMatchObject({ statusCode: 403 });
      await expect(commentOnWorkLog(deps, org.actors.leader2, entry.id, { content: '好' })).rejects.toMatchObject({ statusCode: 404, code: 'log.not_found' });
      await expect(commentOnWorkLog(deps, org.actors.auditor, entry.id, { content: '好' })).rejects.toMatchObject({ statusCode: 403 });
      expect(await Promise.all([count('work_log_comments'), count('notifications'), count('audit_log')])).toEqual(before);
    });

    it('lets the author reply once a leader commented, and tells the leader', async () => {
      const entry = await write(org.actors.zhang, '整理台账');
      await expect(commentOnWorkLog(deps, org.actors.zhang, entry.id, { content: '自说自话' })).rejects.toMatchObject({ code: 'log.reply_only' });
      await commentOnWorkLog(deps, org.actors.leader, entry.id, { content: '请附照片' });
      const reply = await commentOnWorkLog(deps, org.actors.zhang, entry.id, { content: '已补充' });
      expect(reply.author.isEntryAuthor).toBe(true);
      expect((await listMyNotifications(deps, org.actors.leader, { limit: 10 })).items[0]).toMatchObject({ kind: 'log.reply' });
      expect((await getWorkLog(deps, org.actors.li, entry.id)).comments.map((c) => c.content)).toEqual(['请附照片', '已补充']);
    });

    it("lets colleagues like an entry once, not their own, and tells the author once", async () => {
      const entry = await write(org.actors.zhang, '整理台账');
      expect(await likeWorkLog(deps, org.actors.li, entry.id)).toEqual({ logId: entry.id, likeCount: 1, likedByMe: true });
      expect(await likeWorkLog(deps, org.actors.li, entry.id)).toEqual({ logId: entry.id, likeCount: 1, likedByMe: true });
      await expect(likeWorkLog(deps, org.actors.zhang, entry.id)).rejects.toMatchObject({ statusCode: 403, code: 'log.own_entry' });
      await expect(likeWorkLog(deps, org.actors.wang, entry.id)).rejects.toMatchObject({ statusCode: 404 });
      expect((await listMyNotifications(deps, org.actors.zhang, { limit: 10 })).items.map((n) => n.kind)).toEqual(['log.like']);
      expect(await unlikeWorkLog(deps, org.actors.li, entry.id)).toEqual({ logId: entry.id, likeCount: 0, likedByMe: false });
    });

    it('lets a leader flag an entry for follow-up with a note, and resolve it', async () => {
      const entry = await write(org.actors.zhang, '整理台账');
      const flag = await flagWorkLog(deps, org.actors.leader, entry.id, { note: '请补充佐证材料' });
      expect(flag).toMatchObject({ note: '请补充佐证材料', flaggedBy: '陈镇长', resolvedAt: null });
      await expect(flagWorkLog(deps, org.actors.li, entry.id, { note: 'x' })).rejects.toMatchObject({ statusCode: 403 });
      expect((await getWorkLog(deps, org.actors.zhang, entry.id)).openFlag).toMatchObject({ id: flag.id });
      const resolved = await resolveWorkLogFlag(deps, org.actors.leader, entry.id, flag.id, { note: '已补充' });
      expect(resolved).toMatchObject({ resolvedBy: '陈镇长', resolutionNote: '已补充' });
      await expect(resolveWorkLogFlag(deps, org.actors.leader, entry.id, flag.id, {})).rejects.toMatchObject({ statusCode: 409, code: 'log.flag_resolved' });
      expect((await listMyNotifications(deps, org.actors.zhang, { limit: 10 })).items.map((n) => n.kind)).toEqual(['log.flag_resolved', 'log.flag']);
    });

    it('marks notifications read one by one or all at once, and only one’s own', async () => {
      const entry = await write(org.actors.zhang, '整理台账');
      await likeWorkLog(deps, org.actors.li, entry.id);
      await commentOnWorkLog(deps, org.actors.leader, entry.id, { content: '好' });
      const { items } = await listMyNotifications(deps, org.actors.zhang, { limit: 10 });
      await expect(readNotification(deps, org.actors.li, items[0]!.id)).rejects.toMatchObject({ statusCode: 404 });
      expect((await readNotification(deps, org.actors.zhang, items[0]!.id)).readAt).not.toBeNull();
      expect((await listMyNotifications(deps, org.actors.zhang, { limit: 10 })).unread).toBe(1);
      expect(await readAllNotifications(deps, org.actors.zhang)).toEqual({ updated: 1 });
      expect((await listMyNotifications(deps, org.actors.zhang, { limit: 10, unreadOnly: true })).items).toEqual([]);
    });

    it('presents what the caller may do with each entry', async () => {
      const entry = await write(org.actors.zhang, '整理台账');
      expect((await getWorkLog(deps, org.actors.leader, entry.id)).can).toEqual({ edit: false, comment: true, like: true, flag: true });
      expect((await getWorkLog(deps, org.actors.li, entry.id)).can).toEqual({ edit: false, comment: false, like: true, flag: false });
      expect((await getWorkLog(deps, org.actors.auditor, entry.id)).can).toEqual({ edit: false, comment: false, like: false, flag: false });
      expect((await getWorkLog(deps, adminActor, entry.id)).can).toEqual({ edit: false, comment: true, like: false, flag: true });
    });
  });
});
