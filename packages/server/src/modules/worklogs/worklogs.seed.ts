import { addCalendarDays } from '@baton/engine';
import type { AppDeps } from '../../app/deps.js';
import { localDateOf } from '../../app/dates.js';
import type { WorkLogKind } from '../../db/schema.js';
import { appendAuditRecords } from '../audit/index.js';
import { listSubtreeUnitIds } from '../org/index.js';
import { insertNotifications, type NewNotification } from '../notifications/index.js';
import { loadWorkingDayCalendar } from '../work-calendar/index.js';
import {
  countAllWorkLogs, insertCommentsBatch, insertFlagsBatch, insertLikesBatch, listLeaderRoles, listPeopleForSeeding,
} from './worklog-seed.repository.js';
import { insertWorkLogs, type NewWorkLogRow } from './worklogs.repository.js';
import { extractSearchTerms } from './worklogs.search.js';
import { createSeededRandom } from '../../db/seed/seeded-random.js';
import { DEMO_ROUTINE_SCHEME } from '../../db/seed/demo-cycles.js';
import { indicatorRefOf } from './log-indicators.js';
import { inTransaction } from '../../db/transactions.js';

/** The demo's generator (mulberry32): the demo is the same on every first start. */
export function createDemoRandom(seed: number): () => number {
  return createSeededRandom(seed).next;
}

const VILLAGES = ['沿江村', '新桥社区', '金新村', '姜灶村', '东安社区', '先锋村', '十总村', '平潮社区', '刘桥村', '西亭村'];
const COMPANIES = ['通富微电', '江海电容', '东方照明', '恒科新材料', '中天钢铁', '四建集团', '海迅铁路', '天虹纺织'];
const TOPICS = ['安全生产', '招商引资', '乡村振兴', '网格治理', '信访维稳', '人才引进', '文明创建', '营商环境', '河长制', '垃圾分类'];

interface Template {
  kind: WorkLogKind;
  indicator: string | null;
  text: (pick: <T>(list: readonly T[]) => T, n: (min: number, max: number) => number) => string;
}

/**
 * Entries read like those of the source reports; `indicator` is one of the demo's routine scheme
 * (DEMO_ROUTINE_SCHEME: 履职尽责, 工作实绩, 工作作风, 动态任务), stored as its reference (log-indicators.ts).
 */
const TEMPLATES: Template[] = [
  { kind: 'routine', indicator: null, text: (p) => `参加单位周例会，汇报本周${p(TOPICS)}工作进展，明确下周重点` },
  { kind: 'routine', indicator: 'duty', text: (p, n) => `整理${p(TOPICS)}台账资料${n(3, 15)}份，完成系统录入和归档` },
  { kind: 'routine', indicator: 'duty', text: (p, n) => `在便民服务中心值班，接待群众来访${n(5, 30)}人次，解答${p(TOPICS)}政策咨询` },
  { kind: 'routine', indicator: null, text: () => '参加区委组织部平时考核培训，学习平时考核工作纪实填报要求' },
  { kind: 'routine', indicator: 'duty', text: (p) => `撰写${p(TOPICS)}工作信息1篇，报送区委办信息科` },
  { kind: 'routine', indicator: null, text: (_p, n) => `完成OA系统公文流转${n(4, 20)}件，督办事项${n(1, 4)}项按期办结` },
  { kind: 'routine', indicator: 'duty', text: (p, n) => `下沉${p(VILLAGES)}网格走访居民${n(10, 40)}户，收集意见建议${n(1, 6)}条` },
  { kind: 'routine', indicator: 'conduct', text: (p) => `参加支部“三会一课”，围绕${p(TOPICS)}开展专题学习并交流发言` },
  { kind: 'key_task', indicator: 'results', text: (p, n) => `走访辖区企业${n(2, 6)}家，了解用工需求，协调解决${p(COMPANIES)}等企业招工难题${n(1, 3)}个` },
  { kind: 'key_task', indicator: 'results', text: (p, n) => `赴${p(VILLAGES)}开展安全生产隐患排查，发现问题${n(2, 9)}处，已下达整改通知并跟踪复查` },
  { kind: 'key_task', indicator: 'results', text: (p) => `对接${p(COMPANIES)}扩产项目落地事宜，协调推进土地预审和环评手续` },
  { kind: 'key_task', indicator: 'results', text: (p, n) => `牵头召开${p(VILLAGES)}乡村振兴推进会，梳理项目清单${n(3, 8)}项，明确时间节点` },
  { kind: 'key_task', indicator: 'results', text: (p, n) => `巡查${p(VILLAGES)}河道${n(2, 8)}公里，督促清理漂浮物，落实河长制日常管护` },
  { kind: 'dynamic_task', indicator: 'tasks', text: (p, n) => `参加防汛值班，夜间巡查${p(VILLAGES)}堤防${n(2, 6)}公里，检查排涝泵站${n(1, 3)}座` },
  { kind: 'dynamic_task', indicator: 'tasks', text: (_p, n) => `配合开展燃气安全专项整治，检查餐饮场所${n(8, 25)}家，整改隐患${n(2, 7)}处` },
  { kind: 'dynamic_task', indicator: 'tasks', text: (p) => `完成上级交办的${p(TOPICS)}督查件，按时报送办理情况` },
];

/** One realistic entry (kind, indicator code, Chinese content) drawn with `random`; the benchmark uses it too. */
export function composeDemoEntry(random: () => number): { kind: WorkLogKind; indicator: string | null; content: string } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const n = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const template = pick(TEMPLATES);
  return { kind: template.kind, indicator: template.indicator, content: template.text(pick, n) };
}

const LEADER_COMMENTS = ['工作扎实，继续保持', '注意留存佐证材料', '请附现场照片', '台账要规范，注意时间节点', '企业诉求要跟踪到底，及时反馈', '情况掌握得细，值得推广', '下一步要形成长效机制'];
const REPLIES = ['收到，已补充', '好的，马上落实', '已按要求整改'];
const FLAG_NOTES = ['请补充佐证材料', '整改情况下周反馈', '与上周内容重复，请核实'];

/**
 * About two months of work logs for the seeded demo organization (people and units must exist):
 * one or two entries on most working days, some backfilled (late), a few missed days, leaders'
 * comments with replies, likes among colleagues and follow-up flags, with the authors'
 * notifications. Deterministic (a fixed PRNG seed), batched, in one transaction (the caller's, when
 * `deps.db` is one); does nothing when the database already holds work logs.
 */
export async function seedDemoWorkLogs(deps: AppDeps, { now }: { now: Date }) {
  const { db } = deps;
  if ((await countAllWorkLogs(db)) > 0) return { skipped: true as const, entries: 0, comments: 0, likes: 0, flags: 0, notifications: 0 };
  const random = createDemoRandom(20260302);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const n = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const today = localDateOf(now);
  const from = addCalendarDays(today, -61);
  const calendar = await loadWorkingDayCalendar(db, from, today);
  const days = calendar.listWorkingDays(from, today);
  const people = await listPeopleForSeeding(db);
  const leaders = await listLeaderRoles(db);
  const leaderOf = new Map<number, { accountId: number; personId: number | null }[]>();
  for (const l of leaders) {
    for (const unitId of await listSubtreeUnitIds(db, [l.unit_id!])) leaderOf.set(unitId, [...(leaderOf.get(unitId) ?? []), { accountId: l.account_id, personId: l.person_id }]);
  }
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const colleaguesOf = new Map<number, { id: number; accountId: number }[]>();
  for (const p of people) if (p.accountId !== null) colleaguesOf.set(p.unitId, [...(colleaguesOf.get(p.unitId) ?? []), { id: p.id, accountId: p.accountId }]);
  /** An instant on a local date: 17:00–21:59 Shanghai is 09:00–13:59 UTC. */
  const eveningOf = (date: string) => `${date}T${String(9 + n(0, 4)).padStart(2, '0')}:${String(n(0, 59)).padStart(2, '0')}:00.000Z`;
  const nowIso = now.toISOString();

  const logs: { log: NewWorkLogRow; terms: string[]; authorAccount: number | null }[] = [];
  for (const person of people) {
    // A few people log irregularly, so that idle lists and reminders have someone to show.
    const diligence = random() < 0.08 ? 0.55 : 0.94;
    for (const date of days) {
      if (person.start && date < person.start) continue;
      if (date === today ? random() < 0.5 : random() > diligence) continue;
      const count = random() < 0.25 ? 2 : 1;
      for (let k = 0; k < count; k += 1) {
        const template = composeDemoEntry(random);
        const content = template.content;
        const late = date !== today && random() < 0.07;
        const writtenOn = late ? addCalendarDays(date, n(1, 3)) : date;
        const created = writtenOn > today ? eveningOf(date) : eveningOf(writtenOn);
        const createdAt = created > nowIso ? nowIso : created;
        logs.push({
          log: {
            person_id: person.id, unit_id: person.unitId, log_date: date, kind: template.kind, content,
            indicator_ref: template.indicator && random() < 0.8 ? indicatorRefOf(DEMO_ROUTINE_SCHEME.code, template.indicator) : null, task_ref: null,
            minutes: random() < 0.7 ? n(1, 16) * 30 : null, late: late && writtenOn <= today ? 1 : 0, created_by: person.accountId ?? 0,
            created_at: createdAt, updated_at: createdAt,
          },
          terms: extractSearchTerms(content),
          authorAccount: person.accountId,
        });
      }
    }
  }
  // Entries of people without an account are recorded by the first admin-like author: the leader.
  const writable = logs.filter((l) => l.authorAccount !== null || (leaderOf.get(l.log.unit_id)?.length ?? 0) > 0);
  for (const l of writable) if (l.authorAccount === null) l.log.created_by = leaderOf.get(l.log.unit_id)![0]!.accountId;

  // The demo seed may call this inside its own transaction: then everything joins it.
  return inTransaction(db, async (trx) => {
    const ids = await insertWorkLogs(trx, writable.map(({ log, terms }) => ({ log, terms })));
    const comments: Parameters<typeof insertCommentsBatch>[1] = [];
    const likes: Parameters<typeof insertLikesBatch>[1] = [];
    const flags: Parameters<typeof insertFlagsBatch>[1] = [];
    const notifications: NewNotification[] = [];
    const later = (iso: string, hours: number) => {
      const t = new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
      return t > nowIso ? nowIso : t;
    };
    const readIfOld = (iso: string) => (Date.parse(nowIso) - Date.parse(iso) > 3 * 86_400_000 ? later(iso, 20) : null);
    writable.forEach(({ log, authorAccount }, i) => {
      const id = ids[i]!;
      const reviewers = (leaderOf.get(log.unit_id) ?? []).filter((r) => r.personId !== log.person_id);
      if (reviewers.length && random() < 0.09) {
        const reviewer = pick(reviewers);
        const at = later(log.created_at, n(2, 30));
        const text = pick(LEADER_COMMENTS);
        const reviewerName = (reviewer.personId !== null && nameOf.get(reviewer.personId)) || '领导';
        comments.push({ log_id: id, account_id: reviewer.accountId, person_id: reviewer.personId, content: text, created_at: at });
        if (authorAccount !== null) {
          notifications.push({
            accountId: authorAccount, kind: 'log.comment', message: `${reviewerName}点评了你${log.log_date}的工作日志`, entity: 'work_log', entityId: id,
            data: { logId: id, logDate: log.log_date, actorName: reviewerName, excerpt: text }, createdAt: at, readAt: readIfOld(at),
          });
          if (random() < 0.3) comments.push({ log_id: id, account_id: authorAccount, person_id: log.person_id, content: pick(REPLIES), created_at: later(at, n(1, 6)) });
        }
      }
      if (reviewers.length && random() < 0.012) {
        const reviewer = pick(reviewers);
        const at = later(log.created_at, n(2, 48));
        const resolved = random() < 0.5;
        const reviewerName = (reviewer.personId !== null && nameOf.get(reviewer.personId)) || '领导';
        flags.push({
          log_id: id, account_id: reviewer.accountId, note: pick(FLAG_NOTES), created_at: at,
          resolved_at: resolved ? later(at, 72) : null, resolved_by: resolved ? reviewer.accountId : null, resolution_note: resolved ? '已补充到位' : null,
        });
        if (authorAccount !== null) {
          notifications.push({
            accountId: authorAccount, kind: 'log.flag', message: `${reviewerName}将你${log.log_date}的工作日志标记为需跟进`, entity: 'work_log', entityId: id,
            data: { logId: id, logDate: log.log_date, actorName: reviewerName }, createdAt: at, readAt: readIfOld(at),
          });
        }
      }
      const likers = new Set<number>();
      for (const colleague of colleaguesOf.get(log.unit_id) ?? []) {
        if (colleague.id !== log.person_id && random() < 0.06) likers.add(colleague.accountId);
      }
      for (const accountId of likers) likes.push({ log_id: id, account_id: accountId, created_at: later(log.created_at, n(1, 20)) });
    });
    await insertCommentsBatch(trx, comments);
    await insertLikesBatch(trx, likes);
    await insertFlagsBatch(trx, flags);
    await insertNotifications(trx, notifications, nowIso);
    const result = { skipped: false as const, from, to: today, entries: ids.length, comments: comments.length, likes: likes.length, flags: flags.length, notifications: notifications.length };
    await appendAuditRecords(trx, [{ actorId: null, actorLabel: 'system', action: 'log.demo_seeded', entity: 'work_log', entityId: null, after: result, reason: 'demo data' }], nowIso);
    return result;
  });
}
