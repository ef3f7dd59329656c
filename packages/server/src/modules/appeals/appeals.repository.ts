import type { Db } from '../../db/kysely.js';
import type { AppealStatus, PeriodAppealAttachmentTable } from '../../db/schema.js';
import type { Insertable, Selectable } from 'kysely';
import { type ResultVisibility } from '../../policies/index.js';
import { type PeriodState } from '../../db/schema.js';

/** An appeal with the names the API shows: its period, appellant, his unit in the period's published results, and who decided. */
export interface AppealView {
  id: number;
  period_id: number;
  period_name: string;
  period_state: PeriodState;
  publicity_ends_on: string | null;
  period_result_version: number | null;
  person_id: number;
  person_name: string;
  /** His unit in the appealed version's results (scopes follow it, like results). */
  unit_id: number;
  unit_name: string;
  submitted_by: number;
  submitted_by_name: string | null;
  result_version: number;
  reason: string;
  status: AppealStatus;
  decision_note: string | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decided_version: number | null;
  created_at: string;
}

export type AppealAttachmentRow = Selectable<PeriodAppealAttachmentTable>;


function selectAppealViews(db: Db) {
  return db
    .selectFrom('period_appeals as ap')
    .innerJoin('periods as pe', 'pe.id', 'ap.period_id')
    .innerJoin('people as p', 'p.id', 'ap.person_id')
    .innerJoin('period_results as r', (j) =>
      j.onRef('r.period_id', '=', 'ap.period_id').onRef('r.version', '=', 'ap.result_version').onRef('r.person_id', '=', 'ap.person_id'))
    .innerJoin('units as u', 'u.id', 'r.unit_id')
    .leftJoin('accounts as sa', 'sa.id', 'ap.submitted_by')
    .leftJoin('accounts as da', 'da.id', 'ap.decided_by')
    .select([
      'ap.id', 'ap.period_id', 'pe.name as period_name', 'pe.state as period_state', 'pe.publicity_ends_on', 'pe.result_version as period_result_version',
      'ap.person_id', 'p.name as person_name', 'r.unit_id', 'u.name as unit_name', 'ap.submitted_by', 'sa.username as submitted_by_name',
      'ap.result_version', 'ap.reason', 'ap.status', 'ap.decision_note', 'ap.decided_by', 'da.username as decided_by_name', 'ap.decided_at',
      'ap.decided_version', 'ap.created_at',
    ]);
}

export async function findAppealView(db: Db, id: number): Promise<AppealView | undefined> {
  return selectAppealViews(db).where('ap.id', '=', id).executeTakeFirst();
}

/** Newest first, after a keyset cursor, within what the reader may see. */
export async function listAppealViews(
  db: Db,
  f: { visible: ResultVisibility; periodId?: number | undefined; status?: AppealStatus | undefined; beforeId?: number | undefined; limit: number },
): Promise<AppealView[]> {
  let q = selectAppealViews(db).orderBy('ap.id', 'desc').limit(f.limit);
  if (f.periodId !== undefined) q = q.where('ap.period_id', '=', f.periodId);
  if (f.status !== undefined) q = q.where('ap.status', '=', f.status);
  if (f.beforeId !== undefined) q = q.where('ap.id', '<', f.beforeId);
  const visible = f.visible;
  if (visible !== undefined) {
    q = q.where((eb) => eb.or([
      eb('r.unit_id', 'in', visible.unitIds.length > 0 ? visible.unitIds : [-1]),
      eb('ap.person_id', '=', visible.personId ?? -1),
    ]));
  }
  return q.execute();
}

export async function insertAppeal(
  db: Db,
  a: { periodId: number; personId: number; submittedBy: number; resultVersion: number; reason: string; now: string },
): Promise<number> {
  const row = await db
    .insertInto('period_appeals')
    .values({
      period_id: a.periodId, person_id: a.personId, submitted_by: a.submittedBy, result_version: a.resultVersion, reason: a.reason,
      status: 'pending', created_at: a.now, updated_at: a.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The person's pending appeal of the period, if any. */
export async function findPendingAppeal(db: Db, periodId: number, personId: number): Promise<{ id: number } | undefined> {
  return db.selectFrom('period_appeals').select('id').where('period_id', '=', periodId).where('person_id', '=', personId).where('status', '=', 'pending').executeTakeFirst();
}

/** Ids of a period's pending appeals, oldest first. */
export async function listPendingAppealIds(db: Db, periodId: number): Promise<number[]> {
  const rows = await db.selectFrom('period_appeals').select('id').where('period_id', '=', periodId).where('status', '=', 'pending').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Of these people, those with a pending appeal of the period. */
export async function listPeopleWithPendingAppeal(db: Db, periodId: number, personIds: number[]): Promise<Set<number>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('period_appeals')
    .select('person_id')
    .where('period_id', '=', periodId)
    .where('status', '=', 'pending')
    .where('person_id', 'in', personIds)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

/**
 * Moves a pending appeal to its outcome (compare-and-set on `pending`): false when it was no longer
 * pending, e.g. decided or withdrawn by a concurrent request.
 */
export async function closeAppeal(
  db: Db,
  id: number,
  c: { status: Exclude<AppealStatus, 'pending'>; note: string | null; decidedBy: number | null; decidedVersion: number | null; now: string },
): Promise<boolean> {
  const res = await db
    .updateTable('period_appeals')
    .set({ status: c.status, decision_note: c.note, decided_by: c.decidedBy, decided_at: c.decidedBy === null ? null : c.now, decided_version: c.decidedVersion, updated_at: c.now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function insertAppealAttachment(db: Db, row: Insertable<PeriodAppealAttachmentTable>): Promise<number> {
  return (await db.insertInto('period_appeal_attachments').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function countAttachmentsOfAppeal(db: Db, appealId: number): Promise<number> {
  const row = await db.selectFrom('period_appeal_attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('appeal_id', '=', appealId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function findAppealAttachment(db: Db, id: number): Promise<AppealAttachmentRow | undefined> {
  return db.selectFrom('period_appeal_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listAttachmentsOfAppeals(db: Db, appealIds: number[]): Promise<Map<number, AppealAttachmentRow[]>> {
  const out = new Map<number, AppealAttachmentRow[]>();
  if (appealIds.length === 0) return out;
  const rows = await db.selectFrom('period_appeal_attachments').selectAll().where('appeal_id', 'in', appealIds).orderBy('id').execute();
  for (const r of rows) out.set(r.appeal_id, [...(out.get(r.appeal_id) ?? []), r]);
  return out;
}

/** A person's stored result (total, grade, group rank) in given versions of a period. */
export async function listResultsOfPersonInVersions(db: Db, periodId: number, personIds: number[], versions: number[]) {
  if (personIds.length === 0 || versions.length === 0) return [];
  return db
    .selectFrom('period_results')
    .select(['person_id', 'version', 'total_centi', 'grade', 'group_rank'])
    .where('period_id', '=', periodId)
    .where('person_id', 'in', personIds)
    .where('version', 'in', versions)
    .execute();
}

/** Every person's result in a version (to compare two versions after an accepted appeal). */
export async function listVersionResults(db: Db, periodId: number, version: number) {
  return db
    .selectFrom('period_results as r')
    .leftJoin('people as p', 'p.id', 'r.person_id')
    .select(['r.subject_key', 'r.person_id', 'p.name as person_name', 'r.unit_id', 'r.total_centi', 'r.grade', 'r.group_rank'])
    .where('r.period_id', '=', periodId)
    .where('r.version', '=', version)
    .execute();
}

/** The enabled accounts that rated a person in a period (his leaders of 审核评鉴: they re-rate him in 复核). */
export async function listRatersOfPerson(db: Db, periodId: number, personId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('period_ratings as r')
    .innerJoin('accounts as a', 'a.id', 'r.rater_account_id')
    .select('a.id')
    .distinct()
    .where('r.period_id', '=', periodId)
    .where('r.person_id', '=', personId)
    .where('a.disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}

/** Enabled accounts holding the admin role (the organization department is told of new appeals). */
export async function listAdminAccountIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('account_roles as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .select('a.id')
    .distinct()
    .where('r.role', '=', 'admin')
    .where('a.disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}

