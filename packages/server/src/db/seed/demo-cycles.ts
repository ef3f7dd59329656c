import { addCalendarDays, type Scheme } from '@baton/engine';
import type { AppDeps } from '../../app/deps.js';
import { localDateOf } from '../../app/dates.js';
import { appendAuditRecords, type AuditEntry } from '../../modules/audit/index.js';
import { findAccountByUsername } from '../../modules/auth/index.js';
import { createAssessmentPeriod, findPeriod } from '../../modules/periods/index.js';
import {
  insertRatingsBatch, insertSummariesBatch, LEADER_RATER_GROUP, type NewRatingRow, type NewSummaryRow, ratePerson, ratingLeadersOf,
} from '../../modules/reviews/index.js';
import { listPeopleForSeeding } from '../../modules/worklogs/index.js';
import { can, type Actor } from '../../policies/index.js';
import { createSeededRandom } from './seeded-random.js';
import { loadSeedActor, loadSeedActorByUsername } from './seed-actors.js';
import { decideAppeal, submitAppeal } from '../../modules/appeals/index.js';
import { listUnitInfos } from '../../modules/org/index.js';
import { createAssessmentScheme } from '../../modules/schemes/index.js';
import { transitionAssessmentPeriod } from '../../modules/period-transitions/index.js';

/**
 * The demo's routine assessment of civil servants (公务员平时考核, docs/product.md §1): each quarter a personal
 * summary, the leaders' review on four indicators (key, regular and dynamic kinds), a deduction
 * ledger for discipline, and grades 好 / 较好 / 一般 / 较差 with 好 capped at 40 % of the district's
 * participants.
 */
export const DEMO_ROUTINE_SCHEME: { code: string; name: string; definition: Scheme } = {
  code: 'routine-civil-servants',
  name: '通州区公务员平时考核',
  definition: {
    name: '通州区公务员平时考核',
    kind: 'routine',
    indicators: [
      { id: 'duty', name: '履职尽责', kind: 'key', method: 'rating', weight: 35, raterGroups: { leader: 1 } },
      { id: 'results', name: '工作实绩', kind: 'key', method: 'rating', weight: 30, raterGroups: { leader: 1 } },
      { id: 'conduct', name: '工作作风', kind: 'regular', method: 'rating', weight: 15, raterGroups: { leader: 1 } },
      { id: 'tasks', name: '动态任务', kind: 'dynamic', method: 'rating', weight: 10, raterGroups: { leader: 1 } },
      { id: 'discipline', name: '纪律规矩', kind: 'regular', method: 'ledger', weight: 10 },
    ],
    grouping: 'all',
    grades: [{ name: '好', quota: 0.4, minScore: 90 }, { name: '较好', minScore: 80 }, { name: '一般', minScore: 60 }, { name: '较差' }],
    quotaRounding: 'floor',
  },
};

const RATED = ['duty', 'results', 'conduct', 'tasks'] as const;
const TASKS = ['防汛防台值守', '全国文明城市创建迎检', '安全生产大检查', '第五次经济普查', '重点项目集中开工', '信访积案化解攻坚'];
const DONE = [
  '牵头完成辖区重点项目服务保障，协调解决企业用地、用工问题',
  '按期完成上级交办的督办事项，台账资料规范齐全',
  '参与安全生产专项整治，排查整改隐患',
  '做好便民服务窗口工作，群众满意度保持较高水平',
  '完成季度信息报送和宣传任务，多篇信息被上级采用',
  '配合开展网格化社会治理，走访群众、化解矛盾纠纷',
];
const SHORT = ['理论学习的系统性还不够', '统筹协调能力有待提高', '创新意识还不够强', '调查研究还不够深入'];
const PLANS = ['加强业务学习，提升履职能力', '对标先进找差距，推动重点工作提质增效', '改进工作方法，提高服务群众水平'];
const PRAISE = ['工作扎实，成效明显', '责任心强，完成任务好', '主动担当，群众认可度高'];
const ADVICE = ['需进一步提高工作效率', '台账资料需更规范', '要加强与相关科室的协同'];

function quarterOf(date: string): { first: string; last: string; name: string } {
  const y = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  const first = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const nextFirst = q === 3 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 4).padStart(2, '0')}-01`;
  return { first, last: addCalendarDays(nextFirst, -1), name: `${y}年第${'一二三四'[q]}季度` };
}

const at = (date: string, hour = 2) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const onDay = (deps: AppDeps, date: string): AppDeps => ({ ...deps, now: () => new Date(at(date)) });

/**
 * The demo's assessment cycles: the routine scheme, a CLOSED quarter — every summary, every leader's
 * ratings, results published and the publicity window over — and the current quarter in `reviewing`
 * with some summaries submitted, some drafts, some missing, and about half of the ratings given.
 * Periods and transitions go through their use cases (publication included); summaries and ratings
 * are written in bulk with their audit records, each period in one transaction, so the demo stays fast.
 */
export async function seedDemoCycles(deps: AppDeps): Promise<{ periods: number }> {
  const today = localDateOf(deps.now());
  const admin = await findAccountByUsername(deps.db, 'admin');
  if (!admin) return { periods: 0 };
  const adminActor = (await loadSeedActorByUsername(deps, 'admin'))!;
  const random = createSeededRandom(20_260_601);
  const scheme = await createAssessmentScheme(deps, adminActor, {
    code: DEMO_ROUTINE_SCHEME.code, name: DEMO_ROUTINE_SCHEME.name, subjectKind: 'person', definition: DEMO_ROUTINE_SCHEME.definition,
  });

  const [people, units] = await Promise.all([listPeopleForSeeding(deps.db), listUnitInfos(deps.db)]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  /**
   * His reviewer: the nearest of the leaders who rate him (reviews.usecases: his unit's leader, or for
   * the leader himself the leader of the unit above). The district's own head has nobody above him
   * here: his review is the city's, recorded by the organization department's account.
   */
  const ratingLeaders = await ratingLeadersOf(deps.db, people.map((p) => ({ personId: p.id, unitId: p.unitId })));
  const raterOf = (person: { id: number; unitId: number }) => ({ accountId: ratingLeaders.get(person.id)?.[0] ?? admin.id });
  const usernames = new Map((await deps.db.selectFrom('accounts').select(['id', 'username']).execute()).map((a) => [a.id, a.username]));
  // Everyone's standing: the same person tends to do about as well from one quarter to the next.
  // Most do well (好 or 较好), some 一般, a rare one falls short.
  const standing = new Map(people.map((p) => [p.id, random.next() < 0.01 ? 55 : 72 + (random.next() + random.next() + random.next()) * 8]));

  const nowIso = deps.now().toISOString();
  const notAfterNow = (instant: string) => (instant < nowIso ? instant : nowIso);
  const summaryText = (unitName: string) =>
    `本季度，本人在${unitName}认真履行岗位职责：${random.pick(DONE)}；${random.pick(DONE)}。存在的不足：${random.pick(SHORT)}。下步打算：${random.pick(PLANS)}。`;

  const current = quarterOf(today);
  // The last quarter whose review and publicity (about a month after its end) are over by today.
  let closed = quarterOf(addCalendarDays(current.first, -1));
  if (addCalendarDays(closed.last, 30) > today) closed = quarterOf(addCalendarDays(closed.first, -1));

  /** Summaries and ratings of one quarter, with their audit records, in one transaction. */
  const writeCycle = async (periodId: number, o: { summaryDays: [string, string]; ratingDays: [string, string]; submitted: number; drafts: number; rated: number }) => {
    const span = (range: [string, string]) => Math.max(0, Math.round((Date.parse(range[1]) - Date.parse(range[0])) / 86_400_000));
    const dayIn = (range: [string, string]) => addCalendarDays(range[0], random.int(0, span(range)));
    const summaries: NewSummaryRow[] = [];
    const ratings: NewRatingRow[] = [];
    const audit: { entry: AuditEntry; at: string }[] = [];
    for (const person of people) {
      const unitName = unitById.get(person.unitId)?.name ?? '';
      const roll = random.next();
      if (roll < o.submitted + o.drafts) {
        const day = dayIn(o.summaryDays);
        const submitted = roll < o.submitted;
        const when = notAfterNow(at(day, random.int(1, 9)));
        summaries.push({
          period_id: periodId, person_id: person.id, content: summaryText(unitName), status: submitted ? 'submitted' : 'draft',
          submitted_at: submitted ? when : null, created_at: when, updated_at: when,
        });
        if (submitted && person.accountId !== null) {
          audit.push({ at: when, entry: { actorId: person.accountId, actorLabel: usernames.get(person.accountId) ?? '', action: 'summary.submitted', entity: 'period', entityId: periodId, after: { personId: person.id } } });
        }
      }
      const rater = raterOf(person);
      if (random.next() >= o.rated) continue;
      const when = notAfterNow(at(dayIn(o.ratingDays), random.int(1, 9)));
      const level = standing.get(person.id)!;
      const given = RATED.map((indicator) => {
        const rating = Math.max(40, Math.min(100, Math.round(level + (random.next() - 0.5) * 8)));
        const comment = random.next() < 0.3 ? random.pick(rating >= 90 ? PRAISE : ADVICE) : null;
        return { indicator, rating, task: indicator === 'tasks' ? random.pick(TASKS) : null, comment };
      });
      for (const g of given) {
        ratings.push({
          period_id: periodId, person_id: person.id, indicator_id: g.indicator, rater_group: LEADER_RATER_GROUP, rater_account_id: rater.accountId,
          rating_centi: g.rating * 100, task: g.task, comment: g.comment, created_at: when, updated_at: when,
        });
      }
      audit.push({
        at: when,
        entry: {
          actorId: rater.accountId, actorLabel: usernames.get(rater.accountId) ?? '', action: 'review.rated', entity: 'period', entityId: periodId,
          before: { personId: person.id, ratings: [] }, after: { personId: person.id, ratings: given },
        },
      });
    }
    await deps.db.transaction().execute(async (trx) => {
      await insertSummariesBatch(trx, summaries);
      await insertRatingsBatch(trx, ratings);
      // One append per day keeps the records in time order with few statements.
      audit.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      for (let i = 0; i < audit.length;) {
        const day = audit[i]!.at;
        let j = i;
        while (j < audit.length && audit[j]!.at === day) j += 1;
        await appendAuditRecords(trx, audit.slice(i, j).map((a) => a.entry), day);
        i = j;
      }
    });
  };

  // The last quarter, as it happened: opened on its first day, reviewed after its end, published, and closed after publicity.
  const past = await createAssessmentPeriod(onDay(deps, addCalendarDays(closed.first, -3)), adminActor, {
    name: `${closed.name}平时考核`, kind: 'quarter', startsOn: closed.first, endsOn: closed.last, schemeId: scheme.id,
    summaryDueOn: addCalendarDays(closed.last, 7), reviewDueOn: addCalendarDays(closed.last, 14), publicityDays: 5,
  });
  await transitionAssessmentPeriod(onDay(deps, closed.first), adminActor, past.id, { to: 'open' });
  await transitionAssessmentPeriod(onDay(deps, addCalendarDays(closed.last, 1)), adminActor, past.id, { to: 'reviewing' });
  await writeCycle(past.id, {
    summaryDays: [addCalendarDays(closed.last, 1), addCalendarDays(closed.last, 8)], ratingDays: [addCalendarDays(closed.last, 8), addCalendarDays(closed.last, 14)],
    submitted: 0.97, drafts: 0.03, rated: 1,
  });
  const publishedOn = addCalendarDays(closed.last, 15);
  await transitionAssessmentPeriod(onDay(deps, publishedOn), adminActor, past.id, { to: 'publicity', reason: '经区委组织部审核，予以公示' });
  const endsOn = (await findPeriod(deps.db, past.id))?.publicity_ends_on ?? publishedOn;
  await seedAppeals(deps, past.id, { publishedOn, endsOn, raterOf, people, adminActor });
  await transitionAssessmentPeriod(onDay(deps, addCalendarDays(endsOn, 1)), adminActor, past.id, { to: 'closed', reason: '公示期满无异议' });

  // This quarter: in review for a few days, summaries due in five days, the leaders halfway through.
  const latest = (a: string, b: string) => (a > b ? a : b);
  const reviewFrom = latest(current.first, addCalendarDays(today, -4));
  const now = await createAssessmentPeriod(onDay(deps, addCalendarDays(current.first, -3)), adminActor, {
    name: `${current.name}平时考核`, kind: 'quarter', startsOn: current.first, endsOn: current.last, schemeId: scheme.id,
    summaryDueOn: addCalendarDays(today, 5), reviewDueOn: addCalendarDays(today, 12), publicityDays: 5,
  });
  await transitionAssessmentPeriod(onDay(deps, current.first), adminActor, now.id, { to: 'open' });
  await transitionAssessmentPeriod(onDay(deps, reviewFrom), adminActor, now.id, { to: 'reviewing' });
  await writeCycle(now.id, {
    summaryDays: [latest(current.first, addCalendarDays(today, -10)), today], ratingDays: [reviewFrom, today], submitted: 0.55, drafts: 0.15, rated: 0.5,
  });
  return { periods: 2 };
}

/**
 * The closed quarter's appeals (申诉/复核), through their use cases: during publicity
 * `member_jinsha` contests his rating, his leader re-rates him and the organization department
 * accepts — result version 2 — while `member_police`'s appeal is rejected.
 */
async function seedAppeals(
  deps: AppDeps,
  periodId: number,
  o: {
    publishedOn: string;
    endsOn: string;
    raterOf: (person: { id: number; unitId: number }) => { accountId: number };
    people: { id: number; unitId: number }[];
    adminActor: Actor;
  },
): Promise<void> {
  const [member, other] = await Promise.all([loadSeedActorByUsername(deps, 'member_jinsha'), loadSeedActorByUsername(deps, 'member_police')]);
  const day = (n: number) => {
    const date = addCalendarDays(o.publishedOn, n);
    return date < o.endsOn ? date : o.endsOn;
  };
  // Both appeal the published version 1 on the first day; the decisions come two days later.
  const accepted = member?.personId
    ? await submitAppeal(onDay(deps, day(1)), member, {
        periodId, reason: '本季度本人牵头完成社区网格化治理试点，区级简报两次刊发，领导评鉴时“重点任务”一项未体现，申请复核。',
      })
    : undefined;
  const rejected = other?.personId ? await submitAppeal(onDay(deps, day(1)), other, { periodId, reason: '认为工作作风评价偏低。' }) : undefined;
  if (member?.personId && accepted) {
    const person = o.people.find((p) => p.id === member.personId);
    const leader = person ? await loadSeedActor(deps, o.raterOf(person).accountId) : undefined;
    if (leader && can(leader, 'review.rate')) {
      await ratePerson(onDay(deps, day(2)), leader, periodId, member.personId, {
        ratings: [
          { indicator: 'duty', rating: 92 }, { indicator: 'results', rating: 93 }, { indicator: 'conduct', rating: 90 },
          { indicator: 'tasks', rating: 96, task: '社区网格化治理试点', comment: '复核：试点工作成效经核实属实' },
        ],
      });
    }
    await decideAppeal(onDay(deps, day(3)), o.adminActor, accepted.id, { outcome: 'accepted', note: '经核实，网格化治理试点成效属实，已由分管领导重新评鉴，结果予以更正。' });
  }
  if (rejected) await decideAppeal(onDay(deps, day(3)), o.adminActor, rejected.id, { outcome: 'rejected', note: '经复核，评鉴依据充分，维持原结果。' });
}
