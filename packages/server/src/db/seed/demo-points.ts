import { addCalendarDays } from '@baton/engine';
import type { AppDeps } from '../../app/deps.js';
import { localDateOf } from '../../app/dates.js';
import { findAccountByUsername } from '../../modules/auth/index.js';
import { listSubtreeUnitIds } from '../../modules/org/index.js';
import { createAssessmentPeriod } from '../../modules/periods/index.js';
import { approvePointEvent, createRule, proposePointEvent, rejectPointEvent, reversePointEvent } from '../../modules/points/index.js';
import { generateRedBlackLists, publishRedBlackList } from '../../modules/red-black/index.js';
import { listLeaderRoles, listPeopleForSeeding } from '../../modules/worklogs/index.js';
import type { Actor } from '../../policies/index.js';
import { DEMO_POINT_RULES, DEMO_POINTS_SCHEME, type DemoPointRule } from './demo-points.data.js';
import { createSeededRandom } from './seeded-random.js';
import { loadSeedActor } from './seed-actors.js';
import { createAssessmentScheme } from '../../modules/schemes/index.js';
import { transitionAssessmentPeriod } from '../../modules/period-transitions/index.js';

const POLICE_UNIT_CODE = 'POLICE';
const MONTHS = 3;

function firstOfMonth(date: string, monthsBack: number): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - monthsBack;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function lastOfMonth(first: string): string {
  return addCalendarDays(firstOfMonth(addCalendarDays(first, 40), 0), -1);
}

/**
 * The police-style points practice of the demo (docs/product.md §1 "The demo organization"): the scheme and
 * its rules, one period per month for the last three months, point events of 区公安分局's officers
 * proposed by their leaders and approved by the organization department (a few still waiting, one
 * rejected, one reversed), and the red/black lists of the finished months, published. Everything
 * goes through the use cases, so it is validated and audited like real work. Runs after the
 * organization exists; each use case commits on its own.
 */
export async function seedDemoPoints(deps: AppDeps): Promise<{ events: number }> {
  const today = localDateOf(deps.now());
  const admin = await findAccountByUsername(deps.db, 'admin');
  if (!admin) return { events: 0 };
  const adminActor = await loadSeedActor(deps, admin.id);
  const random = createSeededRandom(20_261_001).next;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const policeUnit = await deps.db.selectFrom('units').select('id').where('code', '=', POLICE_UNIT_CODE).executeTakeFirst();
  if (!policeUnit) return { events: 0 };
  const policeUnits = new Set(await listSubtreeUnitIds(deps.db, [policeUnit.id]));
  const officers = (await listPeopleForSeeding(deps.db)).filter((p) => policeUnits.has(p.unitId));
  const leaders = (await listLeaderRoles(deps.db)).filter((l) => policeUnits.has(l.unit_id!));
  const actors = new Map<number, Actor>();
  for (const l of leaders) if (!actors.has(l.account_id)) actors.set(l.account_id, await loadSeedActor(deps, l.account_id));
  /** The proposer of an officer's event: the leader of his section, else the head of the 分局 — never himself. */
  const proposerOf = (person: { id: number; unitId: number }): Actor | undefined => {
    const own = leaders.filter((l) => l.person_id !== person.id);
    const section = own.find((l) => l.unit_id === person.unitId && l.unit_id !== policeUnit.id);
    return actors.get((section ?? own.find((l) => l.unit_id === policeUnit.id))?.account_id ?? -1);
  };

  const { id: schemeId } = await createAssessmentScheme(deps, adminActor, {
    code: DEMO_POINTS_SCHEME.code,
    name: DEMO_POINTS_SCHEME.name,
    subjectKind: 'person',
    definition: DEMO_POINTS_SCHEME.definition,
  });
  const rules: { id: number; rule: DemoPointRule }[] = [];
  for (const rule of DEMO_POINT_RULES) {
    const created = await createRule(deps, adminActor, {
      schemeId, code: rule.code, name: rule.name, indicator: rule.indicator, defaultDelta: rule.defaultDelta, minDelta: rule.minDelta,
      maxDelta: rule.maxDelta, perOccurrence: rule.perOccurrence ?? false, defaultSource: rule.defaultSource, description: rule.description,
    });
    rules.push({ id: created.id, rule });
  }
  const weighted = rules.flatMap((r) => Array.from({ length: r.rule.weight }, () => r));

  const periods: { id: number; first: string; last: string }[] = [];
  for (let back = MONTHS - 1; back >= 0; back -= 1) {
    const first = firstOfMonth(today, back);
    const last = lastOfMonth(first);
    const period = await createAssessmentPeriod(deps, adminActor, {
      name: `区公安分局民警动态积分 ${first.slice(0, 4)}年${Number(first.slice(5, 7))}月`,
      kind: 'month', startsOn: first, endsOn: last, schemeId, scopeUnitId: policeUnit.id,
    });
    await transitionAssessmentPeriod(deps, adminActor, period.id, { to: 'open' });
    periods.push({ id: period.id, first, last });
  }

  let events = 0;
  const approved: number[] = [];
  for (const [index, period] of periods.entries()) {
    const current = index === periods.length - 1;
    const lastDay = current ? today : period.last;
    const span = Math.round((Date.parse(lastDay) - Date.parse(period.first)) / 86_400_000);
    for (const officer of officers) {
      const proposer = proposerOf(officer);
      if (!proposer) continue;
      const count = random() < 0.35 ? 0 : random() < 0.7 ? 1 : 2;
      for (let k = 0; k < count; k += 1) {
        const { id: ruleId, rule } = pick(weighted);
        const occurrences = rule.perOccurrence ? 1 + Math.floor(random() * 3) : 1;
        const event = await proposePointEvent(deps, proposer, {
          ruleId, personId: officer.id, occurredOn: addCalendarDays(period.first, Math.floor(random() * (span + 1))), occurrences,
          source: rule.defaultSource, evidenceText: pick(rule.evidence),
        });
        events += 1;
        // The current month keeps a few proposals waiting for the organization department.
        if (current && random() < 0.15) continue;
        if (random() < 0.03) {
          await rejectPointEvent(deps, adminActor, event.id, { note: '佐证材料不足，请补充通报原件后重新申报' });
          continue;
        }
        await approvePointEvent(deps, adminActor, event.id, {});
        approved.push(event.id);
      }
    }
  }
  // One correction, as it happens: an event entered against the wrong officer, reversed with a reason.
  const mistaken = approved[Math.floor(approved.length / 2)];
  if (mistaken !== undefined) await reversePointEvent(deps, adminActor, mistaken, { reason: '录入对象错误，经核实予以冲正' });

  // The finished months: their red/black lists generated, published; the oldest period closed.
  for (const period of periods.slice(0, -1)) {
    const month = period.first.slice(0, 7);
    const lists = await generateRedBlackLists(deps, adminActor, period.id, { month });
    for (const list of lists.items) await publishRedBlackList(deps, adminActor, list.id);
  }
  const oldest = periods[0];
  if (oldest && MONTHS > 2) {
    // As it happened: reviewed and published the day after the month, closed once its publicity window had ended.
    const on = (date: string) => ({ ...deps, now: () => new Date(`${date}T02:00:00.000Z`) });
    for (const to of ['reviewing', 'publicity'] as const) await transitionAssessmentPeriod(on(addCalendarDays(oldest.last, 1)), adminActor, oldest.id, { to });
    await transitionAssessmentPeriod(on(addCalendarDays(oldest.last, 25)), adminActor, oldest.id, { to: 'closed' });
  }
  return { events };
}
