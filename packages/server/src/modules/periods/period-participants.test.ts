import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/kysely.js';
import { adminActor, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { changePerson } from '../people/index.js';
import { createWorkLogOrg, type WorkLogOrg } from '../worklogs/worklogs.fixtures.js';
import { findPeriodParticipant, listPeriodParticipants, type ParticipationOf } from './period-participants.js';

describe.each(testDialects)('the participants of a period on %s', (dialect) => {
  let handle: DatabaseHandle;
  let org: WorkLogOrg;
  const march: ParticipationOf = { subject_kind: 'person', scope_unit_id: null, starts_on: '2026-03-01', ends_on: '2026-03-31' };

  beforeAll(async () => {
    handle = await createTestDatabase(dialect);
    const deps = depsFor(handle);
    // Everyone is assigned from 2026-03-02 (the clock's date); 李四 moves from 川姜镇 to 二甲镇 on 2026-03-16.
    org = await createWorkLogOrg(deps);
    await changePerson(deps, adminActor, org.people.li.id, { unitId: org.units.t2.id, effectiveFrom: '2026-03-16', reason: '调动' });
  });
  afterAll(() => handle.destroy());

  const unitsOf = async (period: ParticipationOf) =>
    (await listPeriodParticipants(handle.db, period)).map((p) => [p.name, p.unitName]);

  it('counts a person moved during the period in the unit he was assigned to last within it', async () => {
    expect(await unitsOf(march)).toEqual([
      ['陈镇长', '川姜镇'], ['张三', '川姜镇'], ['李四', '二甲镇'], ['赵六', '党政办'], ['王五', '二甲镇'], ['周镇长', '二甲镇'],
    ]);
    expect(await unitsOf({ ...march, ends_on: '2026-03-10' })).toContainEqual(['李四', '川姜镇']);
    expect(await findPeriodParticipant(handle.db, march, org.people.li.id)).toEqual({
      personId: org.people.li.id, name: '李四', employeeNo: 'M2', unitId: org.units.t2.id, unitName: '二甲镇', categoryId: null,
    });
  });

  it("keeps to the subtree of the period's scope, one person as all", async () => {
    const scoped = { ...march, scope_unit_id: org.units.t1.id };
    expect(await unitsOf(scoped)).toEqual([['陈镇长', '川姜镇'], ['张三', '川姜镇'], ['赵六', '党政办']]);
    expect(await findPeriodParticipant(handle.db, scoped, org.people.li.id)).toBeUndefined();
    expect((await findPeriodParticipant(handle.db, scoped, org.people.zhao.id))?.unitName).toBe('党政办');
  });

  it("has nobody in a period before anyone was assigned, nor in a unit scheme's period", async () => {
    expect(await listPeriodParticipants(handle.db, { ...march, starts_on: '2026-02-01', ends_on: '2026-02-28' })).toEqual([]);
    expect(await listPeriodParticipants(handle.db, { ...march, subject_kind: 'unit' })).toEqual([]);
    expect(await findPeriodParticipant(handle.db, { ...march, subject_kind: 'unit' }, org.people.zhang.id)).toBeUndefined();
  });
});
