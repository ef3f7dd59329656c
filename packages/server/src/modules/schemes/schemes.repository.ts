import type { Db } from '../../db/kysely.js';
import type { SubjectKind } from '../../db/schema.js';

export interface SchemeRow {
  id: number;
  code: string;
  version: number;
  name: string;
  kind: string;
  subject_kind: SubjectKind;
  definition_json: string;
  replaces_id: number | null;
  created_at: string;
  period_count: number;
}

function selectSchemes(db: Db) {
  return db
    .selectFrom('schemes as s')
    .select(['s.id', 's.code', 's.version', 's.name', 's.kind', 's.subject_kind', 's.definition_json', 's.replaces_id', 's.created_at'])
    .select((eb) => eb.selectFrom('periods as p').select((e) => e.fn.countAll<number>().as('n')).whereRef('p.scheme_id', '=', 's.id').as('period_count'));
}

const normaliseScheme = (row: Omit<SchemeRow, 'period_count'> & { period_count: number | string | null }): SchemeRow => ({
  ...row,
  period_count: Number(row.period_count ?? 0),
});

export async function findScheme(db: Db, id: number): Promise<SchemeRow | undefined> {
  const row = await selectSchemes(db).where('s.id', '=', id).executeTakeFirst();
  return row && normaliseScheme(row);
}

/** Newest first (id desc). */
export async function listSchemes(db: Db, opts: { code?: string | undefined; beforeId?: number | undefined; limit: number }): Promise<SchemeRow[]> {
  let q = selectSchemes(db).orderBy('s.id', 'desc').limit(opts.limit);
  if (opts.code !== undefined) q = q.where('s.code', '=', opts.code);
  if (opts.beforeId !== undefined) q = q.where('s.id', '<', opts.beforeId);
  return (await q.execute()).map(normaliseScheme);
}

export async function findLatestSchemeVersion(db: Db, code: string): Promise<{ id: number; version: number } | undefined> {
  return db.selectFrom('schemes').select(['id', 'version']).where('code', '=', code).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The definitions of the schemes of `codes`, every version, newest first. */
export async function listSchemeDefinitionsByCode(db: Db, codes: string[]): Promise<{ code: string; definition_json: string }[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('schemes').select(['code', 'definition_json']).where('code', 'in', codes).orderBy('version', 'desc').execute();
}

export async function insertScheme(
  db: Db,
  s: { code: string; version: number; name: string; kind: string; subjectKind: SubjectKind; definitionJson: string; replacesId: number | null; createdBy: number; now: string },
): Promise<number> {
  const row = await db
    .insertInto('schemes')
    .values({
      code: s.code, version: s.version, name: s.name, kind: s.kind, subject_kind: s.subjectKind, definition_json: s.definitionJson,
      replaces_id: s.replacesId, created_by: s.createdBy, created_at: s.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
