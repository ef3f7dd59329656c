import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/kysely.js';
import { adminActor, createTestClock, depsFor } from '../../testing/fixtures.js';
import { createTestDatabase, testDialects } from '../../testing/test-database.js';
import { verifyAuditChain } from '../audit/index.js';
import { waitForJob } from '../jobs/index.js';
import { insertPeriod, createPointsOrg, pointsWorkbook, type PointsOrg } from './points.fixtures.js';
import { approvePointBatch, getPointBatch, listPointBatches, startPointImport, submitJsonBatch, type JsonBatchEvent } from './point-batches.usecases.js';
import { disableRule } from './point-rules.usecases.js';

describe.each(testDialects)('point batches on %s', (dialect) => {
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

  type Table = 'point_events' | 'point_ledger' | 'audit_log' | 'notifications' | 'point_batches';
  const count = async (table: Table) => Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => Object.fromEntries(await Promise.all((['point_events', 'point_ledger', 'audit_log', 'notifications', 'point_batches'] as Table[]).map(async (t) => [t, await count(t)])));
  const events = (): JsonBatchEvent[] => [
    { rule: 'TB-PP', employeeNo: 'M1', occurredOn: '2026-03-01', evidenceText: '市局通报：接处警超时' },
    { rule: 'DB-CS', employeeNo: 'M2', occurredOn: '2026-03-02', occurrences: 3, evidenceText: '督办件超时3次', source: 'business_data' },
    { rule: 'TB-BY', employeeNo: 'M3', occurredOn: '2026-03-03', delta: 2.5, evidenceText: '市局通报表扬', evidenceLink: 'https://example.gov.cn/by/1' },
  ];

  it('writes a JSON batch of proposed events with one audit record; the same key and content again adds nothing', async () => {
    const before = await counts();
    const first = await submitJsonBatch(deps, adminActor, 'crm-2026-03-04-001', { schemeId: org.schemeId, events: events() });
    expect(first).toMatchObject({ replayed: false, batch: { idempotencyKey: 'crm-2026-03-04-001', channel: 'api', fileName: null, eventCount: 3, proposedCount: 3, approvedCount: 0, createdBy: { accountId: adminActor.accountId } } });
    expect(await counts()).toEqual({ ...before, point_events: before.point_events + 3, point_batches: 1, audit_log: before.audit_log + 1 });
    const stored = await handle.db.selectFrom('point_events').select(['delta_centi', 'occurrences', 'batch_row', 'status', 'unit_id', 'source']).orderBy('id').execute();
    expect(stored).toEqual([
      { delta_centi: -300, occurrences: 1, batch_row: 1, status: 'proposed', unit_id: org.units.t1.id, source: 'superior_notice' },
      { delta_centi: -300, occurrences: 3, batch_row: 2, status: 'proposed', unit_id: org.units.t1.id, source: 'business_data' },
      { delta_centi: 250, occurrences: 1, batch_row: 3, status: 'proposed', unit_id: org.units.s1.id, source: 'superior_notice' },
    ]);
    const again = await submitJsonBatch(deps, adminActor, 'crm-2026-03-04-001', { schemeId: org.schemeId, events: events() });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await count('point_events')).toBe(3);
    const other = events();
    other[0]!.evidenceText = '另一份内容';
    await expect(submitJsonBatch(deps, adminActor, 'crm-2026-03-04-001', { schemeId: org.schemeId, events: other })).rejects.toMatchObject({ statusCode: 409, code: 'points.idempotency_conflict' });
    expect(await count('point_events')).toBe(3);
  });

  it('validates the whole batch: unknown people and rules, bounds, decimals, dates, closed periods — every row and column, nothing written', async () => {
    await insertPeriod(deps, { schemeId: org.schemeId, name: '2026年2月', startsOn: '2026-02-01', endsOn: '2026-02-28', state: 'closed' });
    await disableRule(deps, adminActor, org.rules.praise.id, { reason: '停用' });
    const before = await counts();
    const bad: JsonBatchEvent[] = [
      events()[0]!,
      { rule: 'NOPE', employeeNo: 'M1', occurredOn: '2026-03-01', evidenceText: 'x' },
      { rule: 'TB-PP', employeeNo: 'X404', occurredOn: '2026-03-01', evidenceText: 'x' },
      { rule: 'TB-PP', employeeNo: 'M1', occurredOn: '2026-03-01', delta: -7, evidenceText: 'x' },
      { rule: 'TB-PP', employeeNo: 'M1', occurredOn: '2026-03-01', delta: -1.234, evidenceText: 'x' },
      { rule: 'TB-PP', employeeNo: 'M1', occurredOn: '2026-03-09', evidenceText: 'x' },
      { rule: 'TB-PP', employeeNo: 'M1', occurredOn: '2026-02-15', evidenceText: 'x' },
      { rule: 'TB-BY', employeeNo: 'M1', occurredOn: '2026-03-01', evidenceText: 'x' },
      { rule: 'TB-PP', unitCode: 'T1', occurredOn: '2026-03-01', evidenceText: 'x' },
      { rule: 'TB-PP', employeeNo: 'M1', occurredOn: '2026-03-01', occurrences: 2, evidenceText: 'x' },
    ];
    const error = await submitJsonBatch(deps, adminActor, 'bad-1', { schemeId: org.schemeId, events: bad }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, code: 'points.batch_invalid' });
    expect((error as { details: unknown[] }).details).toEqual([
      { row: 2, column: 'rule', message: 'unknown rule NOPE in this scheme' },
      { row: 3, column: 'employeeNo', message: 'unknown employee number X404' },
      { row: 4, column: 'delta', message: expect.stringContaining('outside the rule\'s bounds') },
      { row: 5, column: 'delta', message: 'has more than two decimals' },
      { row: 6, column: 'occurredOn', message: 'must not be in the future (today is 2026-03-04)' },
      { row: 7, column: 'occurredOn', message: '2026-02-15 lies in the closed period 2026年2月' },
      { row: 8, column: 'rule', message: 'the rule TB-BY is disabled' },
      { row: 9, column: 'unitCode', message: 'must be empty: the scheme is about people' },
      { row: 9, column: 'employeeNo', message: 'is required: the scheme is about people' },
      { row: 10, column: 'occurrences', message: 'must be 1: the rule is not counted per occurrence' },
    ]);
    expect(await counts()).toEqual(before);
    // A key that failed validation was not used up.
    await expect(submitJsonBatch(deps, adminActor, 'bad-1', { schemeId: org.schemeId, events: events().slice(0, 2) })).resolves.toMatchObject({ replayed: false });
  });

  it('is for admin only; batches are read by admin and auditor', async () => {
    await expect(submitJsonBatch(deps, org.actors.leader, 'k', { schemeId: org.schemeId, events: events() })).rejects.toMatchObject({ statusCode: 403 });
    const { batch } = await submitJsonBatch(deps, adminActor, 'k', { schemeId: org.schemeId, events: events() });
    expect((await listPointBatches(deps, org.actors.auditor, { limit: 50 })).items.map((b) => b.id)).toEqual([batch.id]);
    expect((await listPointBatches(deps, org.actors.leader, { limit: 50 })).items).toEqual([]);
    await expect(getPointBatch(deps, org.actors.leader, batch.id)).rejects.toMatchObject({ statusCode: 404 });
  });

  it('approves every still-proposed event of a batch at once, by someone other than the uploader', async () => {
    const { batch } = await submitJsonBatch(deps, adminActor, 'k', { schemeId: org.schemeId, events: [...events(), { rule: 'TB-PP', employeeNo: 'M1', occurredOn: '2026-03-02', evidenceText: '第二次通报' }] });
    await expect(approvePointBatch(deps, adminActor, batch.id, {})).rejects.toMatchObject({ statusCode: 403, code: 'points.own_proposal' });
    await expect(approvePointBatch(deps, org.actors.leader, batch.id, {})).rejects.toMatchObject({ statusCode: 404 });
    const before = await counts();
    expect(await approvePointBatch(deps, org.actors.admin2, batch.id, { note: '数据核对无误' })).toEqual({ approved: 4 });
    // One audit record and one ledger row per event; one notification per person (张三 has two events).
    expect(await counts()).toEqual({ ...before, point_ledger: 4, audit_log: before.audit_log + 4, notifications: before.notifications + 3 });
    const sum = await handle.db.selectFrom('point_ledger').select((eb) => eb.fn.sum<number>('delta_centi').as('s')).executeTakeFirstOrThrow();
    expect(Number(sum.s)).toBe(-300 - 300 + 250 - 300);
    expect(await getPointBatch(deps, adminActor, batch.id)).toMatchObject({ proposedCount: 0, approvedCount: 4 });
    expect(await approvePointBatch(deps, org.actors.admin2, batch.id, {})).toEqual({ approved: 0 });
    expect((await verifyAuditChain(deps)).ok).toBe(true);
  });

  it('refuses to approve a batch with events in a period closed since the upload, writing nothing', async () => {
    const { batch } = await submitJsonBatch(deps, adminActor, 'k', { schemeId: org.schemeId, events: [{ ...events()[0]!, occurredOn: '2026-02-20' }, events()[1]!] });
    await insertPeriod(deps, { schemeId: org.schemeId, name: '2026年2月', startsOn: '2026-02-01', endsOn: '2026-02-28', state: 'closed' });
    await expect(approvePointBatch(deps, org.actors.admin2, batch.id, {})).rejects.toMatchObject({ statusCode: 409, code: 'period.closed' });
    expect(await count('point_ledger')).toBe(0);
    expect(await getPointBatch(deps, adminActor, batch.id)).toMatchObject({ proposedCount: 2 });
  });

  it('imports an .xlsx as a job; the same file again is a replay', async () => {
    const file = await pointsWorkbook([
      ['TB-PP', 'M1', new Date(Date.UTC(2026, 2, 1)), null, null, '上级通报反馈', '市局通报', null],
      ['DB-CS', 'M2', '2026/3/2', 2, -0.5, '业务数据监测', '督办超时', 'https://example.gov.cn/db/2'],
    ]);
    const { jobId } = await startPointImport(deps, adminActor, { schemeId: org.schemeId, fileName: '3月积分.xlsx', content: file });
    const job = await waitForJob(deps, jobId);
    expect(job).toMatchObject({ kind: 'import.points', status: 'succeeded', result: { replayed: false, batch: { channel: 'xlsx', fileName: '3月积分.xlsx', eventCount: 2 } } });
    expect(job.done).toBe(job.total);
    const again = await waitForJob(deps, (await startPointImport(deps, adminActor, { schemeId: org.schemeId, fileName: 'copy.xlsx', content: file })).jobId);
    expect(again).toMatchObject({ status: 'succeeded', result: { replayed: true } });
    expect(await count('point_events')).toBe(2);
  });

  it('imports a CSV and reports the rows of a bad file with their Chinese column headers', async () => {
    const csv = Buffer.from('\uFEFF规则编码,工号,发生日期,分值,依据说明\nTB-PP,M1,2026-03-01,-2,通报\nTB-XX,M9,2026-13-01,-2.555,\n');
    const failed = await waitForJob(deps, (await startPointImport(deps, adminActor, { schemeId: org.schemeId, fileName: 'bad.csv', content: csv })).jobId);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'points.batch_invalid' } });
    expect((failed.error as { details: unknown[] }).details).toEqual([
      { row: 3, column: '发生日期', message: '"2026-13-01" is not a date YYYY-MM-DD' },
      { row: 3, column: '分值', message: 'has more than two decimals' },
      { row: 3, column: '依据说明', message: 'is required' },
    ]);
    const unknowns = Buffer.from('规则编码,工号,发生日期,依据说明\nTB-XX,M1,2026-03-01,通报\nTB-PP,M9,2026-03-01,通报\n');
    const failed2 = await waitForJob(deps, (await startPointImport(deps, adminActor, { schemeId: org.schemeId, fileName: 'bad2.csv', content: unknowns })).jobId);
    expect((failed2.error as { details: unknown[] }).details).toEqual([
      { row: 2, column: '规则编码', message: 'unknown rule TB-XX in this scheme' },
      { row: 3, column: '工号', message: 'unknown employee number M9' },
    ]);
    expect(await count('point_events')).toBe(0);
    const good = await waitForJob(deps, (await startPointImport(deps, adminActor, { schemeId: org.schemeId, fileName: 'ok.csv', content: Buffer.from('规则编码,工号,发生日期,依据说明\nTB-PP,M1,2026-03-01,通报\n') })).jobId);
    expect(good).toMatchObject({ status: 'succeeded', result: { batch: { channel: 'csv', eventCount: 1 } } });
  });
});
