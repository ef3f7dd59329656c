import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/kysely.js';
import type { PointRuleStatus, PointRuleTable, SchemeTable } from '../../db/schema.js';

export type PointRuleRow = Selectable<PointRuleTable>;
export type SchemeRow = Pick<Selectable<SchemeTable>, 'id' | 'code' | 'version' | 'name' | 'subject_kind' | 'definition_json'>;

export async function findScheme(db: Db, id: number): Promise<SchemeRow | undefined> {
  return db.selectFrom('schemes').select(['id', 'code', 'version', 'name', 'subject_kind', 'definition_json']).where('id', '=', id).executeTakeFirst();
}

export type PointRuleWithCount = PointRuleRow & { event_count: number };

export async function listPointRules(db: Db, f: { schemeId?: number | undefined; status?: PointRuleStatus | undefined; ids?: number[] }): Promise<PointRuleWithCount[]> {
  let q = db
    .selectFrom('point_rules as r')
    .selectAll('r')
    .select((eb) => eb.selectFrom('point_events as e').whereRef('e.rule_id', '=', 'r.id').select((e) => e.fn.countAll<number>().as('n')).as('event_count'))
    .orderBy('r.scheme_id')
    .orderBy('r.code')
    .orderBy('r.version', 'desc');
  if (f.schemeId !== undefined) q = q.where('r.scheme_id', '=', f.schemeId);
  if (f.status !== undefined) q = q.where('r.status', '=', f.status);
  if (f.ids) q = q.where('r.id', 'in', f.ids.length ? f.ids : [-1]);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, event_count: Number(r.event_count ?? 0) }));
}

export async function findPointRule(db: Db, id: number): Promise<PointRuleRow | undefined> {
  return db.selectFrom('point_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findActiveRuleByCode(db: Db, schemeId: number, code: string): Promise<PointRuleRow | undefined> {
  return db.selectFrom('point_rules').selectAll().where('scheme_id', '=', schemeId).where('code', '=', code).where('status', '=', 'active').executeTakeFirst();
}

/** Every rule of a scheme, all versions (a batch names rules by code; the active version takes the event). */
export async function listRulesOfScheme(db: Db, schemeId: number): Promise<PointRuleRow[]> {
  return db.selectFrom('point_rules').selectAll().where('scheme_id', '=', schemeId).orderBy('code').orderBy('version').execute();
}

export async function findLatestRuleVersion(db: Db, schemeId: number, code: string): Promise<number> {
  const row = await db
    .selectFrom('point_rules')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('scheme_id', '=', schemeId)
    .where('code', '=', code)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function insertPointRule(db: Db, row: Insertable<PointRuleTable>): Promise<number> {
  const { id } = await db.insertInto('point_rules').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Disables an active rule; false when it was not active (a concurrent disable or replace won). */
export async function disablePointRule(db: Db, id: number, by: number, at: string): Promise<boolean> {
  const res = await db
    .updateTable('point_rules')
    .set({ status: 'disabled', disabled_by: by, disabled_at: at })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** SQLite and PostgreSQL say "unique constraint violated" differently. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message ?? '');
}
