import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../app/errors.js';
import type { DatabaseHandle } from '../../db/kysely.js';
import type { Actor } from '../../policies/index.js';
import { adminActor, createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { createPointsOrg, type PointsOrg } from './points.fixtures.js';
import { approvePointEvent, proposePointEvent, rejectPointEvent, reversePointEvent } from './point-events.usecases.js';

type Command =
  | { kind: 'propose'; by: number; person: number; rule: number; delta: number; occurrences: number }
  | { kind: 'approve' | 'reject' | 'reverse'; by: number; pick: number };

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('propose' as const), by: fc.nat(3), person: fc.nat(4), rule: fc.nat(2),
    // Hundredths from −6.00 to +6.00: in and out of the rules' bounds.
    delta: fc.integer({ min: -600, max: 600 }).map((c) => c / 100), occurrences: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constantFrom('approve' as const, 'reject' as const, 'reverse' as const), by: fc.nat(3), pick: fc.nat(1000) }),
);

describe.each(testDialects)('the point ledger on %s', (dialect) => {
  let handle: DatabaseHandle;
  const clock = createTestClock();
  let deps: ReturnType<typeof depsFor>;
  let org: PointsOrg;

  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    deps = depsFor(handle, clock);
    clock.set('2026-02-02T01:00:00.000Z');
    org = await createPointsOrg(deps);
    clock.set('2026-03-04T02:00:00.000Z');
  });
  afterAll(() => handle.destroy());

  /** Σ ledger and Σ approved events (reversing events included), per person, in hundredths. */
  async function sums() {
    const ledger = await handle.db.selectFrom('point_ledger').select(['person_id', (eb) => eb.fn.sum<number>('delta_centi').as('s')]).groupBy('person_id').execute();
    const events = await handle.db.selectFrom('point_events').select(['person_id', (eb) => eb.fn.sum<number>('delta_centi').as('s')]).where('status', '=', 'approved').groupBy('person_id').execute();
    const asMap = (rows: { person_id: number | null; s: number | string | null }[]) =>
      Object.fromEntries(rows.map((r) => [String(r.person_id), Number(r.s)]).filter(([, s]) => s !== 0));
    return { ledger: asMap(ledger), events: asMap(events) };
  }

  it('always sums to the approved events\' deltas, whatever sequence of propose / approve / reject / reverse happened', async () => {
    const deciders: Actor[] = [adminActor, org.actors.admin2, org.actors.leader, org.actors.leader2];
    const people = [org.people.zhang.id, org.people.li.id, org.people.zhao.id, org.people.wang.id, org.people.leader.id];
    const rules = [org.rules.criticism.id, org.rules.praise.id, org.rules.overdue.id];
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 12 }), async (commands) => {
        for (const c of commands) {
          const ids = (await handle.db.selectFrom('point_events').select('id').orderBy('id').execute()).map((r) => r.id);
          try {
            if (c.kind === 'propose') {
              await proposePointEvent(deps, deciders[c.by]!, { ruleId: rules[c.rule]!, personId: people[c.person]!, occurredOn: '2026-03-02', delta: c.delta, occurrences: c.occurrences, evidenceText: '随机事件' });
            } else if (ids.length > 0) {
              const id = ids[c.pick % ids.length]!;
              if (c.kind === 'approve') await approvePointEvent(deps, deciders[c.by]!, id, {});
              else if (c.kind === 'reject') await rejectPointEvent(deps, deciders[c.by]!, id, { note: '不予认定' });
              else await reversePointEvent(deps, deciders[c.by]!, id, { reason: '更正' });
            }
          } catch (error) {
            // Refusals are part of the game (bounds, scopes, own proposals, reversing twice …); anything else is a bug.
            if (!isAppError(error) || error.statusCode >= 500) throw error;
          }
        }
        const { ledger, events } = await sums();
        expect(ledger).toEqual(events);
        // Each approved event has exactly one ledger row, and nothing else has one.
        const orphans = await handle.db.selectFrom('point_ledger as l').innerJoin('point_events as e', 'e.id', 'l.event_id').select('e.id').where('e.status', '!=', 'approved').execute();
        expect(orphans).toEqual([]);
      }),
      { numRuns: dialect === 'sqlite' ? 40 : 15 },
    );
  });
});
