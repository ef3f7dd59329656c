import { sql } from 'kysely';
import type { Db } from '../../db/kysely.js';
import type { Category, NewUnit, Post, PostType, Unit, UnitUpdate } from '../../db/schema.js';
import type { UnitScope } from '../../policies/index.js';

export interface UnitRow extends Unit {
  category_name: string | null;
  people_count: number;
}

/** Every unit below (and including) the given roots, as one recursive query. */
export async function listSubtreeUnitIds(db: Db, roots: number[]): Promise<number[]> {
  if (roots.length === 0) return [];
  const rows = await db
    .withRecursive('subtree(id)', (qb) =>
      qb
        .selectFrom('units')
        .select('id')
        .where('id', 'in', roots)
        .unionAll((q) => q.selectFrom('units as u').innerJoin('subtree as s', 'u.parent_id', 's.id').select('u.id')),
    )
    .selectFrom('subtree')
    .select('id')
    .distinct()
    .execute();
  return rows.map((r) => r.id);
}

/** A scope made concrete: the set of unit ids the actor may read, or 'all'. */
export async function resolveVisibleUnitIds(db: Db, scope: UnitScope): Promise<Set<number> | 'all'> {
  if (scope.kind === 'all') return 'all';
  const ids = new Set(await listSubtreeUnitIds(db, scope.subtreeRoots));
  for (const id of scope.units) ids.add(id);
  return ids;
}

export async function listUnits(db: Db, opts: { afterId?: number | undefined; limit: number; onlyIds?: number[] | undefined }): Promise<UnitRow[]> {
  let q = db
    .selectFrom('units as u')
    .leftJoin('categories as c', 'c.id', 'u.category_id')
    .selectAll('u')
    .select('c.name as category_name')
    .select((eb) =>
      eb.selectFrom('people as p').whereRef('p.unit_id', '=', 'u.id').where('p.status', '=', 'active')
        .select((e) => e.fn.countAll<number>().as('n')).as('people_count'),
    )
    .orderBy('u.id')
    .limit(opts.limit);
  if (opts.afterId !== undefined) q = q.where('u.id', '>', opts.afterId);
  if (opts.onlyIds) q = q.where('u.id', 'in', opts.onlyIds.length ? opts.onlyIds : [-1]);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, people_count: Number(r.people_count ?? 0) }));
}

export async function findUnit(db: Db, id: number): Promise<UnitRow | undefined> {
  const [row] = await listUnits(db, { onlyIds: [id], limit: 1 });
  return row;
}

export async function findUnitByCode(db: Db, code: string): Promise<Unit | undefined> {
  return db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
}

/** The chain of ancestors from the root down to the unit itself. */
export async function listUnitPath(db: Db, id: number): Promise<{ id: number; name: string; depth: number }[]> {
  const rows = await db
    .withRecursive('up(id, name, parent_id, depth)', (qb) =>
      qb
        .selectFrom('units')
        .select(['id', 'name', 'parent_id', sql<number>`0`.as('depth')])
        .where('id', '=', id)
        .unionAll((q) =>
          q.selectFrom('units as u').innerJoin('up', 'up.parent_id', 'u.id')
            .select(['u.id', 'u.name', 'u.parent_id', sql<number>`up.depth + 1`.as('depth')]),
        ),
    )
    .selectFrom('up')
    .select(['id', 'name', 'depth'])
    .orderBy('depth', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, depth: Number(r.depth) }));
}

export async function insertUnit(db: Db, unit: NewUnit): Promise<number> {
  const row = await db.insertInto('units').values(unit).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnit(db: Db, id: number, changes: UnitUpdate): Promise<void> {
  await db.updateTable('units').set(changes).where('id', '=', id).execute();
}

export async function listCategories(db: Db): Promise<(Category & { unit_count: number })[]> {
  const rows = await db
    .selectFrom('categories as c')
    .selectAll('c')
    .select((eb) => eb.selectFrom('units as u').whereRef('u.category_id', '=', 'c.id').select((e) => e.fn.countAll<number>().as('n')).as('unit_count'))
    .orderBy('c.sort')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({ ...r, unit_count: Number(r.unit_count ?? 0) }));
}

export async function findCategory(db: Db, id: number): Promise<Category | undefined> {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCategoryByCode(db: Db, code: string): Promise<Category | undefined> {
  return db.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertCategory(db: Db, c: { code: string; name: string; description: string | null; sort: number; now: string }): Promise<number> {
  const row = await db
    .insertInto('categories')
    .values({ code: c.code, name: c.name, description: c.description, sort: c.sort, created_at: c.now, updated_at: c.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCategory(db: Db, id: number, changes: Partial<Pick<Category, 'code' | 'name' | 'description' | 'sort'>>, now: string) {
  await db.updateTable('categories').set({ ...changes, updated_at: now }).where('id', '=', id).execute();
}

export async function listPostTypes(db: Db): Promise<PostType[]> {
  return db.selectFrom('post_types').selectAll().orderBy('id').execute();
}

export async function findPostTypeByCode(db: Db, code: string): Promise<PostType | undefined> {
  return db.selectFrom('post_types').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertPostType(db: Db, p: { code: string; name: string; now: string }): Promise<number> {
  const row = await db.insertInto('post_types').values({ code: p.code, name: p.name, created_at: p.now }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function listPosts(db: Db): Promise<(Post & { post_type_name: string })[]> {
  return db
    .selectFrom('posts as p')
    .innerJoin('post_types as t', 't.id', 'p.post_type_id')
    .selectAll('p')
    .select('t.name as post_type_name')
    .orderBy('p.id')
    .execute();
}

export async function findPost(db: Db, id: number): Promise<Post | undefined> {
  return db.selectFrom('posts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findPostByCode(db: Db, code: string): Promise<Post | undefined> {
  return db.selectFrom('posts').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findPostType(db: Db, id: number): Promise<PostType | undefined> {
  return db.selectFrom('post_types').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPost(db: Db, p: { code: string; name: string; postTypeId: number; now: string }): Promise<number> {
  const row = await db
    .insertInto('posts')
    .values({ code: p.code, name: p.name, post_type_id: p.postTypeId, created_at: p.now, updated_at: p.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface UnitInfoRow {
  id: number;
  name: string;
  parent_id: number | null;
  category_id: number | null;
  active: number;
}

export interface CategoryInfoRow {
  id: number;
  code: string;
  name: string;
}

/** Every unit, or only those of `ids`. */
export async function listUnitInfos(db: Db, ids?: readonly number[]): Promise<UnitInfoRow[]> {
  if (ids !== undefined && ids.length === 0) return [];
  return db
    .selectFrom('units')
    .select(['id', 'name', 'parent_id', 'category_id', 'active'])
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!))
    .orderBy('id')
    .execute();
}

export async function listCategoryInfos(db: Db): Promise<CategoryInfoRow[]> {
  return db.selectFrom('categories').select(['id', 'code', 'name']).orderBy('id').execute();
}
