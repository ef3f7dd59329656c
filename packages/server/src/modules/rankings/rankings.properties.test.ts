import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app/deps.js';
import { adminActor, createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import type { DatabaseHandle } from '../../db/kysely.js';
import { RankingHub } from './ranking-hub.js';
import { createPerson } from '../people/index.js';
import { createAssessmentPeriod } from '../periods/index.js';
import { approvePoints, createRankingOrg, type RankingOrg } from './rankings.fixtures.js';

const INDICATORS = ['style', 'duty', 'bonus'] as const;

type Op =
  | { kind: 'insert'; person: number; indicator: (typeof INDICATORS)[number]; centi: number; announce: boolean }
  | { kind: 'insertAndReverse'; person: number; indicator: (typeof INDICATORS)[number]; centi: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const), person: fc.nat(5), indicator: fc.constantFrom(...INDICATORS),
    centi: fc.integer({ min: -1500, max: 1500 }), announce: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('insertAndReverse' as const), person: fc.nat(5), indicator: fc.constantFrom(...INDICATORS), centi: fc.integer({ min: -1500, max: 1500 }) }),
);

describe.each(testDialects)('the live ranking against the ledger on %s', (dialect) => {
  let handle: DatabaseHandle;
  let deps: AppDeps;
  let org: RankingOrg;
  let live: RankingHub;
  let people: { id: number; unitId: number }[];

  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    const clock = createTestClock('2025-12-01T01:00:00.000Z');
    deps = depsFor(handle, clock);
    org = await createRankingOrg(deps);
    clock.set('2026-02-15T02:00:00.000Z');
    people = Object.values(org.people).map((p) => ({ id: p.id, unitId: p.unitId }));
    live = new RankingHub(deps);
  });
  afterAll(async () => {
    await live.close();
    await handle.destroy();
  });

  /** Every group's full standing, as the API shows it. */
  async function snapshot(hub: RankingHub) {
    const { ranking } = (await hub.get(org.period.id))!;
    const keys = ['all', `category:${org.categories.town.id}`, `unit:${org.units.t1.id}`, `unit:${org.units.t2.id}`, `unit:${org.units.district.id}`];
    return { version: ranking.version, groups: Object.fromEntries(keys.map((key) => [key, ranking.page(key, 0, 100)])) };
  }

  async function fromScratch() {
    const hub = new RankingHub(deps);
    try {
      return await snapshot(hub);
    } finally {
      await hub.close();
    }
  }

  async function ledgerSums(): Promise<Map<number, number>> {
    const rows = await deps.db
      .selectFrom('point_ledger')
      .select(['person_id', (eb) => eb.fn.sum<number | string>('delta_centi').as('sum')])
      .where('scheme_id', '=', org.scheme.id)
      .groupBy('person_id')
      .execute();
    return new Map(rows.map((r) => [r.person_id!, Number(r.sum) / 100]));
  }

  it('equals a ranking built from scratch after any sequence of approvals and reversals; points equal the ledger; a reversal restores the ranking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 1, maxLength: 8 }), async (ops) => {
        // Rows nobody announced (another app server's approvals) reach a read only once its shared
        // catch-up is older than the freshness window: the test asks for the catch-up explicitly.
        let unannounced = false;
        for (const op of ops) {
          const person = people[op.person]!;
          if (op.kind === 'insert') {
            await approvePoints(deps, org, person, op.indicator, op.centi / 100, '2026-02-10', { announce: op.announce });
            unannounced ||= !op.announce;
            continue;
          }
          if (unannounced) await live.catchUp();
          unannounced = false;
          const before = (await snapshot(live)).groups;
          const original = await approvePoints(deps, org, person, op.indicator, op.centi / 100);
          await approvePoints(deps, org, person, op.indicator, -op.centi / 100, '2026-02-10', { reversesEventId: original.eventId });
          expect((await snapshot(live)).groups).toEqual(before);
        }
        if (unannounced) await live.catchUp();
        const incremental = await snapshot(live);
        expect(incremental).toEqual(await fromScratch());
        const sums = await ledgerSums();
        for (const row of incremental.groups.all!) expect(row.points).toBe(sums.get(row.subject.id) ?? 0);
      }),
      { numRuns: dialect === 'postgres' ? 12 : 30 },
    );
  });

  it("shows, in the very next read, an approval for someone assigned after the period's state was built", async () => {
    const before = (await live.get(org.period.id))!.ranking.version;
    const newcomer = await createPerson(deps, adminActor, { employeeNo: 'M9', name: '钱七', unitId: org.units.t1.id });
    const { ledgerId } = await approvePoints(deps, org, { id: newcomer.id, unitId: org.units.t1.id }, 'bonus', 1.5);
    const { ranking } = (await live.get(org.period.id))!;
    expect(ranking.version).toBeGreaterThanOrEqual(Math.max(before, ledgerId));
    expect(ranking.stale).toBe(false);
    const index = ranking.indexOfSubject(newcomer.id);
    expect(index).toBeDefined();
    expect(ranking.pointsAt(index!)).toBe(1.5);
  });

  it('keeps at most 16 period states, the least recently read going first, as soon as another is loaded', async () => {
    const hub = new RankingHub(deps);
    try {
      const ids: number[] = [];
      for (let month = 1; month <= 18; month += 1) {
        const startsOn = `2026-${String(((month - 1) % 12) + 1).padStart(2, '0')}-01`;
        const period = await createAssessmentPeriod(deps, adminActor, { name: `积分 ${month}`, kind: 'month', startsOn, endsOn: startsOn.replace(/01$/, '28'), schemeId: org.scheme.id });
        ids.push(period.id);
        await hub.get(period.id);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      expect(hub.loadedPeriodIds().sort((a, b) => a - b)).toEqual(ids.slice(2));
    } finally {
      await hub.close();
    }
  });
});
