import { sql, type Insertable, type Selectable } from 'kysely';
import type { Db } from '../../db/kysely.js';
import type {
  PeriodTable, PointBatchTable, PointEventAttachmentTable, PointEventStatus, PointEventTable, SubjectKind,
} from '../../db/schema.js';
import { periodStatesRefusing } from '@baton/engine';

export type PointEventRow = Selectable<PointEventTable>;
export type NewPointEvent = Insertable<PointEventTable>;
export type PointEventAttachmentRow = Selectable<PointEventAttachmentTable>;
export type PointBatchRow = Selectable<PointBatchTable>;

const CHUNK = 500;

// ---------------------------------------------------------------------------------------------
// Events as the API shows them: one query per page, whatever its size.

export interface PointEventView extends PointEventRow {
  rule_code: string;
  rule_name: string;
  rule_version: number;
  person_name: string | null;
  employee_no: string | null;
  unit_name: string;
  proposer_username: string;
  proposer_name: string | null;
  decider_username: string | null;
  decider_name: string | null;
}

export async function listEventViewsByIds(db: Db, ids: number[]): Promise<PointEventView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('point_events as e')
    .innerJoin('point_rules as r', 'r.id', 'e.rule_id')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .leftJoin('people as p', 'p.id', 'e.person_id')
    .innerJoin('accounts as pa', 'pa.id', 'e.proposed_by')
    .leftJoin('people as pp', 'pp.id', 'pa.person_id')
    .leftJoin('accounts as da', 'da.id', 'e.decided_by')
    .leftJoin('people as dp', 'dp.id', 'da.person_id')
    .selectAll('e')
    .select([
      'r.code as rule_code', 'r.name as rule_name', 'r.version as rule_version', 'p.name as person_name', 'p.employee_no', 'u.name as unit_name',
      'pa.username as proposer_username', 'pp.name as proposer_name', 'da.username as decider_username', 'dp.name as decider_name',
    ])
    .where('e.id', 'in', ids)
    .execute();
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** Who may be shown: every event, or the events of these units plus those about one person. */
export type EventScope = { kind: 'all' } | { kind: 'some'; unitIds: number[]; personId: number | null };

export interface EventPageFilter {
  scope: EventScope;
  personId?: number | undefined;
  unitIds?: number[] | undefined;
  status?: PointEventStatus | undefined;
  schemeId?: number | undefined;
  ruleId?: number | undefined;
  batchId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Keyset: events strictly after this one in (occurred_on desc, id desc) order. */
  after?: { date: string; id: number } | undefined;
  limit: number;
}

/** One page of event ids, newest first, narrowed to the caller's scope in the query itself. */
export async function listEventPage(db: Db, f: EventPageFilter): Promise<{ id: number; occurred_on: string }[]> {
  let q = db.selectFrom('point_events as e').select(['e.id', 'e.occurred_on']).orderBy('e.occurred_on', 'desc').orderBy('e.id', 'desc').limit(f.limit);
  if (f.scope.kind === 'some') {
    const { unitIds, personId } = f.scope;
    q = q.where((eb) => {
      const ors = [];
      if (unitIds.length) ors.push(eb('e.unit_id', 'in', unitIds));
      if (personId !== null) ors.push(eb('e.person_id', '=', personId));
      return ors.length ? eb.or(ors) : eb.val(false);
    });
  }
  if (f.personId !== undefined) q = q.where('e.person_id', '=', f.personId);
  if (f.unitIds !== undefined) q = q.where('e.unit_id', 'in', f.unitIds.length ? f.unitIds : [-1]);
  if (f.status !== undefined) q = q.where('e.status', '=', f.status);
  if (f.schemeId !== undefined) q = q.where('e.scheme_id', '=', f.schemeId);
  if (f.ruleId !== undefined) q = q.where('e.rule_id', '=', f.ruleId);
  if (f.batchId !== undefined) q = q.where('e.batch_id', '=', f.batchId);
  if (f.from !== undefined) q = q.where('e.occurred_on', '>=', f.from);
  if (f.to !== undefined) q = q.where('e.occurred_on', '<=', f.to);
  if (f.after) {
    const { date, id } = f.after;
    q = q.where((eb) => eb.or([eb('e.occurred_on', '<', date), eb.and([eb('e.occurred_on', '=', date), eb('e.id', '<', id)])]));
  }
  return q.execute();
}

export async function findPointEvent(db: Db, id: number): Promise<PointEventRow | undefined> {
  return db.selectFrom('point_events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPointEvent(db: Db, row: NewPointEvent): Promise<number> {
  const { id } = await db.insertInto('point_events').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function insertPointEvents(db: Db, rows: NewPointEvent[], onChunk?: (written: number) => void): Promise<void> {
  // 21 columns a row: PostgreSQL allows 65 535 parameters a statement, SQLite 32 766.
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db.insertInto('point_events').values(rows.slice(i, i + CHUNK)).execute();
    onChunk?.(Math.min(rows.length, i + CHUNK));
  }
}

/** Decides a proposed event; false when it was no longer proposed (someone else decided first). */
export async function decideEvent(db: Db, id: number, d: { status: 'approved' | 'rejected'; by: number; at: string; note: string | null }): Promise<boolean> {
  const res = await db
    .updateTable('point_events')
    .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_note: d.note })
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface DecidedEvent { id: number; person_id: number | null; scheme_id: number; occurred_on: string; delta_centi: number; rule_id: number; unit_id: number }

/** Approves every still-proposed event of a batch at once; returns what it approved. */
export async function approveProposedEventsOfBatch(db: Db, batchId: number, d: { by: number; at: string; note: string | null }): Promise<DecidedEvent[]> {
  return db
    .updateTable('point_events')
    .set({ status: 'approved', decided_by: d.by, decided_at: d.at, decision_note: d.note })
    .where('batch_id', '=', batchId)
    .where('status', '=', 'proposed')
    .returning(['id', 'person_id', 'scheme_id', 'occurred_on', 'delta_centi', 'rule_id', 'unit_id'])
    .execute();
}

export async function listProposedEventsOfBatch(db: Db, batchId: number): Promise<DecidedEvent[]> {
  return db
    .selectFrom('point_events')
    .select(['id', 'person_id', 'scheme_id', 'occurred_on', 'delta_centi', 'rule_id', 'unit_id'])
    .where('batch_id', '=', batchId)
    .where('status', '=', 'proposed')
    .orderBy('id')
    .execute();
}

/**
 * The ledger rows of approved events, copied from the events in one statement per chunk. Call after
 * the audit append of the same transaction (see 0003-points.ts): ledger ids then grow in commit order.
 * Returns the highest ledger id written per scheme.
 */
export async function insertLedgerRowsForEvents(db: Db, eventIds: number[], at: string): Promise<Map<number, number>> {
  const high = new Map<number, number>();
  const sorted = [...eventIds].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += 5000) {
    const ids = sorted.slice(i, i + 5000);
    const rows = await db
      .insertInto('point_ledger')
      .columns(['event_id', 'scheme_id', 'indicator_id', 'subject_kind', 'person_id', 'unit_id', 'occurred_on', 'delta_centi', 'recorded_at'])
      .expression(
        db.selectFrom('point_events')
          .select(['id', 'scheme_id', 'indicator_id', 'subject_kind', 'person_id', 'unit_id', 'occurred_on', 'delta_centi', sql<string>`cast(${at} as text)`.as('recorded_at')])
          .where('id', 'in', ids)
          .where('status', '=', 'approved')
          .orderBy('id'),
      )
      .returning(['id', 'scheme_id'])
      .execute();
    for (const r of rows) high.set(r.scheme_id, Math.max(high.get(r.scheme_id) ?? 0, r.id));
  }
  return high;
}

export async function findReversalOf(db: Db, eventId: number): Promise<number | undefined> {
  const row = await db.selectFrom('point_events').select('id').where('reverses_event_id', '=', eventId).executeTakeFirst();
  return row?.id;
}

/** original event id → the id of the event reversing it. */
export async function listReversalsOf(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('point_events').select(['id', 'reverses_event_id']).where('reverses_event_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.reverses_event_id!, r.id]));
}

// ---------------------------------------------------------------------------------------------
// Evidence attachments.

export async function listAttachmentsOfEvents(db: Db, ids: number[]): Promise<Map<number, PointEventAttachmentRow[]>> {
  const out = new Map<number, PointEventAttachmentRow[]>();
  if (ids.length === 0) return out;
  const rows = await db.selectFrom('point_event_attachments').selectAll().where('event_id', 'in', ids).orderBy('id').execute();
  for (const r of rows) out.set(r.event_id, [...(out.get(r.event_id) ?? []), r]);
  return out;
}

export async function findEventAttachment(db: Db, id: number): Promise<PointEventAttachmentRow | undefined> {
  return db.selectFrom('point_event_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countAttachmentsOfEvent(db: Db, eventId: number): Promise<number> {
  const row = await db.selectFrom('point_event_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', eventId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertEventAttachment(db: Db, row: Insertable<PointEventAttachmentTable>): Promise<number> {
  const { id } = await db.insertInto('point_event_attachments').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

// ---------------------------------------------------------------------------------------------
// Subjects, periods and recipients.

export interface SubjectPerson { id: number; name: string; employee_no: string; unit_id: number; status: string }

export async function findSubjectPerson(db: Db, id: number): Promise<SubjectPerson | undefined> {
  return db.selectFrom('people').select(['id', 'name', 'employee_no', 'unit_id', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function findSubjectUnit(db: Db, id: number): Promise<{ id: number; code: string; name: string } | undefined> {
  return db.selectFrom('units').select(['id', 'code', 'name']).where('id', '=', id).executeTakeFirst();
}

export async function listPeopleByEmployeeNos(db: Db, employeeNos: string[]): Promise<SubjectPerson[]> {
  const out: SubjectPerson[] = [];
  for (let i = 0; i < employeeNos.length; i += 1000) {
    out.push(...await db.selectFrom('people').select(['id', 'name', 'employee_no', 'unit_id', 'status']).where('employee_no', 'in', employeeNos.slice(i, i + 1000)).execute());
  }
  return out;
}

export async function listUnitsByCodes(db: Db, codes: string[]): Promise<{ id: number; code: string; name: string }[]> {
  const out: { id: number; code: string; name: string }[] = [];
  for (let i = 0; i < codes.length; i += 1000) {
    out.push(...await db.selectFrom('units').select(['id', 'code', 'name']).where('code', 'in', codes.slice(i, i + 1000)).execute());
  }
  return out;
}

export interface AssignmentSpan { person_id: number; unit_id: number; valid_from: string; valid_to: string | null }

/** The assignment history of many people at once (to find each one's unit on each event's date). */
export async function listAssignmentsOfPeople(db: Db, personIds: number[]): Promise<AssignmentSpan[]> {
  const out: AssignmentSpan[] = [];
  for (let i = 0; i < personIds.length; i += 1000) {
    out.push(...await db
      .selectFrom('person_assignments')
      .select(['person_id', 'unit_id', 'valid_from', 'valid_to'])
      .where('person_id', 'in', personIds.slice(i, i + 1000))
      .orderBy('valid_from', 'desc')
      .execute());
  }
  return out;
}

export type ClosedPeriod = Pick<Selectable<PeriodTable>, 'id' | 'name' | 'starts_on' | 'ends_on'>;

/** The periods of a scheme whose points no longer change (PERIOD_ACTIONS.changePoints). */
export async function listClosedPeriodsOfScheme(db: Db, schemeId: number): Promise<ClosedPeriod[]> {
  return db.selectFrom('periods').select(['id', 'name', 'starts_on', 'ends_on']).where('scheme_id', '=', schemeId).where('state', 'in', periodStatesRefusing('changePoints')).execute();
}

export async function findClosedPeriodCovering(db: Db, schemeId: number, date: string): Promise<ClosedPeriod | undefined> {
  return db
    .selectFrom('periods')
    .select(['id', 'name', 'starts_on', 'ends_on'])
    .where('scheme_id', '=', schemeId)
    .where('state', 'in', periodStatesRefusing('changePoints'))
    .where('starts_on', '<=', date)
    .where('ends_on', '>=', date)
    .executeTakeFirst();
}

/** person id → the enabled accounts of that person (who is told in-app about his points). */
export async function listAccountIdsOfPeople(db: Db, personIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  const unique = [...new Set(personIds)];
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await db.selectFrom('accounts').select(['id', 'person_id']).where('person_id', 'in', unique.slice(i, i + 1000)).where('disabled', '=', 0).execute();
    for (const r of rows) out.set(r.person_id!, [...(out.get(r.person_id!) ?? []), r.id]);
  }
  return out;
}

export async function findAccountDisplayName(db: Db, accountId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('accounts as a')
    .leftJoin('people as p', 'p.id', 'a.person_id')
    .select(['a.username', 'p.name'])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
  return row ? row.name ?? row.username : undefined;
}

// ---------------------------------------------------------------------------------------------
// Batches.

export async function findBatchByKey(db: Db, key: string): Promise<PointBatchRow | undefined> {
  return db.selectFrom('point_batches').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export async function findBatch(db: Db, id: number): Promise<PointBatchRow | undefined> {
  return db.selectFrom('point_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBatch(db: Db, row: Insertable<PointBatchTable>): Promise<number> {
  const { id } = await db.insertInto('point_batches').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function listBatchPage(db: Db, opts: { beforeId?: number | undefined; limit: number }): Promise<PointBatchRow[]> {
  let q = db.selectFrom('point_batches').selectAll().orderBy('id', 'desc').limit(opts.limit);
  if (opts.beforeId !== undefined) q = q.where('id', '<', opts.beforeId);
  return q.execute();
}

/** batch id → how many of its events are in each status. */
export async function countEventsOfBatches(db: Db, batchIds: number[]): Promise<Map<number, Record<PointEventStatus, number>>> {
  const out = new Map<number, Record<PointEventStatus, number>>();
  if (batchIds.length === 0) return out;
  const rows = await db
    .selectFrom('point_events')
    .select(['batch_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('batch_id', 'in', batchIds)
    .groupBy(['batch_id', 'status'])
    .execute();
  for (const r of rows) {
    const counts = out.get(r.batch_id!) ?? { proposed: 0, approved: 0, rejected: 0 };
    counts[r.status] = Number(r.n);
    out.set(r.batch_id!, counts);
  }
  return out;
}

export type { SubjectKind };
