import type {
  Category, CreateCategoryBody, CreatePostBody, CreatePostTypeBody, CreateUnitBody, Post, PostType, Unit, UnitDetail, UpdateCategoryBody, UpdateUnitBody,
} from '@baton/contract/org';
import type { AppDeps } from '../../app/deps.js';
import { createNotFoundError } from '../../app/errors.js';
import { authorize, unitScopeOf, type Actor } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { createDuplicateCodeError, createUnitCycleError, createUnitHasActivePeopleError, createUnknownReferenceError } from './org.errors.js';
import {
  findCategory, findCategoryByCode, findPostByCode, findPostType, findPostTypeByCode, findUnit, findUnitByCode,
  insertCategory, insertPost, insertPostType, insertUnit, listCategories, listPosts, listPostTypes, listSubtreeUnitIds,
  listUnitPath, listUnits, resolveVisibleUnitIds, updateCategory, updateUnit,
} from './org.repository.js';
import { presentCategory, presentPostType, presentUnit } from './org.presenters.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

const auditActor = (actor: Actor) => ({ actorId: actor.accountId, actorLabel: actor.username });

export async function listVisibleUnits({ db }: Deps, actor: Actor, page: { afterId?: number | undefined; limit: number }) {
  authorize(actor, 'org.read');
  const visible = await resolveVisibleUnitIds(db, unitScopeOf(actor));
  const rows = await listUnits(db, { ...page, onlyIds: visible === 'all' ? undefined : [...visible] });
  return rows.map(presentUnit);
}

/** A unit outside the caller's scope answers 404, like a missing one. */
export async function getVisibleUnit({ db }: Deps, actor: Actor, id: number): Promise<UnitDetail> {
  authorize(actor, 'org.read');
  const visible = await resolveVisibleUnitIds(db, unitScopeOf(actor));
  const unit = visible === 'all' || visible.has(id) ? await findUnit(db, id) : undefined;
  if (!unit) throw createNotFoundError('unit', id);
  const path = await listUnitPath(db, id);
  return { ...presentUnit(unit), path: path.map(({ id: pid, name }) => ({ id: pid, name })) };
}

export async function createUnit({ db, now }: Deps, actor: Actor, input: CreateUnitBody): Promise<Unit> {
  authorize(actor, 'org.manage');
  const at = now().toISOString();
  const id = await inTransaction(db, async (trx) => {
    if (await findUnitByCode(trx, input.code)) throw createDuplicateCodeError('unit', input.code);
    if (input.parentId !== null && !(await findUnit(trx, input.parentId))) throw createUnknownReferenceError('/parentId', 'unit', input.parentId);
    if (input.categoryId != null && !(await findCategory(trx, input.categoryId))) throw createUnknownReferenceError('/categoryId', 'category', input.categoryId);
    const newId = await insertUnit(trx, {
      code: input.code, name: input.name, type: input.type, parent_id: input.parentId, category_id: input.categoryId ?? null,
      sort: input.sort ?? 0, active: 1, created_at: at, updated_at: at,
    });
    await appendAuditRecords(trx, [{ ...auditActor(actor), action: 'unit.created', entity: 'unit', entityId: newId, after: input }], at);
    return newId;
  });
  return presentUnit((await findUnit(db, id))!);
}

export async function changeUnit({ db, now }: Deps, actor: Actor, id: number, changes: UpdateUnitBody): Promise<Unit> {
  authorize(actor, 'org.manage');
  const at = now().toISOString();
  await inTransaction(db, async (trx) => {
    const before = await findUnit(trx, id);
    if (!before) throw createNotFoundError('unit', id);
    if (changes.parentId !== undefined && changes.parentId !== null) {
      if (!(await findUnit(trx, changes.parentId))) throw createUnknownReferenceError('/parentId', 'unit', changes.parentId);
      if ((await listSubtreeUnitIds(trx, [id])).includes(changes.parentId)) throw createUnitCycleError();
    }
    if (changes.categoryId != null && !(await findCategory(trx, changes.categoryId))) throw createUnknownReferenceError('/categoryId', 'category', changes.categoryId);
    if (changes.active === false && before.people_count > 0) throw createUnitHasActivePeopleError(before.people_count);
    await updateUnit(trx, id, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.type !== undefined && { type: changes.type }),
      ...(changes.parentId !== undefined && { parent_id: changes.parentId }),
      ...(changes.categoryId !== undefined && { category_id: changes.categoryId }),
      ...(changes.sort !== undefined && { sort: changes.sort }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      updated_at: at,
    });
    const after = await findUnit(trx, id);
    await appendAuditRecords(trx, [{
      ...auditActor(actor), action: 'unit.updated', entity: 'unit', entityId: id,
      before: presentUnit(before), after: presentUnit(after!), reason: changes.reason ?? null,
    }], at);
  });
  return presentUnit((await findUnit(db, id))!);
}

export async function listAllCategories({ db }: Deps, actor: Actor) {
  authorize(actor, 'org.read');
  return (await listCategories(db)).map(presentCategory);
}

export async function createCategory({ db, now }: Deps, actor: Actor, input: CreateCategoryBody): Promise<Category> {
  authorize(actor, 'org.manage');
  const at = now().toISOString();
  const id = await inTransaction(db, async (trx) => {
    if (await findCategoryByCode(trx, input.code)) throw createDuplicateCodeError('category', input.code);
    const newId = await insertCategory(trx, { code: input.code, name: input.name, description: input.description ?? null, sort: input.sort ?? 0, now: at });
    await appendAuditRecords(trx, [{ ...auditActor(actor), action: 'category.created', entity: 'category', entityId: newId, after: input }], at);
    return newId;
  });
  return presentCategory((await findCategory(db, id))!);
}

export async function changeCategory(
  { db, now }: Deps, actor: Actor, id: number,
  changes: UpdateCategoryBody,
): Promise<Category> {
  authorize(actor, 'org.manage');
  const at = now().toISOString();
  await inTransaction(db, async (trx) => {
    const before = await findCategory(trx, id);
    if (!before) throw createNotFoundError('category', id);
    if (changes.code && changes.code !== before.code && (await findCategoryByCode(trx, changes.code))) throw createDuplicateCodeError('category', changes.code);
    const { reason, ...fields } = changes;
    await updateCategory(trx, id, fields, at);
    await appendAuditRecords(trx, [{
      ...auditActor(actor), action: 'category.updated', entity: 'category', entityId: id,
      before: presentCategory(before), after: presentCategory((await findCategory(trx, id))!), reason: reason ?? null,
    }], at);
  });
  return presentCategory((await findCategory(db, id))!);
}

export async function listAllPostTypes({ db }: Deps, actor: Actor): Promise<PostType[]> {
  authorize(actor, 'org.read');
  return (await listPostTypes(db)).map(presentPostType);
}

export async function listAllPosts({ db }: Deps, actor: Actor): Promise<Post[]> {
  authorize(actor, 'org.read');
  return (await listPosts(db)).map((p) => ({ id: p.id, code: p.code, name: p.name, postTypeId: p.post_type_id, postTypeName: p.post_type_name }));
}

export async function createPostType({ db, now }: Deps, actor: Actor, input: CreatePostTypeBody): Promise<PostType> {
  authorize(actor, 'org.manage');
  const at = now().toISOString();
  return inTransaction(db, async (trx) => {
    if (await findPostTypeByCode(trx, input.code)) throw createDuplicateCodeError('post_type', input.code);
    const id = await insertPostType(trx, { ...input, now: at });
    await appendAuditRecords(trx, [{ ...auditActor(actor), action: 'post_type.created', entity: 'post_type', entityId: id, after: input }], at);
    return { id, ...input };
  });
}

export async function createPost({ db, now }: Deps, actor: Actor, input: CreatePostBody): Promise<Post> {
  authorize(actor, 'org.manage');
  const at = now().toISOString();
  return inTransaction(db, async (trx) => {
    if (await findPostByCode(trx, input.code)) throw createDuplicateCodeError('post', input.code);
    const type = await findPostType(trx, input.postTypeId);
    if (!type) throw createUnknownReferenceError('/postTypeId', 'post type', input.postTypeId);
    const id = await insertPost(trx, { ...input, now: at });
    await appendAuditRecords(trx, [{ ...auditActor(actor), action: 'post.created', entity: 'post', entityId: id, after: input }], at);
    return { id, ...input, postTypeName: type.name };
  });
}

/**
 * The unit a list is narrowed to (`?unit=`), checked against the units the caller sees: outside them,
 * or missing, it answers 404 `unit` like a missing one. Returns the unit and the ids of its subtree
 * (only the unit itself with `subtree: false`), kept to the units the caller sees — a unit one sees
 * does not reveal the units below it one does not.
 */
export async function openVisibleUnit(db: AppDeps['db'], visible: ReadonlySet<number> | 'all', unitId: number, options: { subtree?: boolean } = {}) {
  const unit = visible === 'all' || visible.has(unitId) ? await findUnit(db, unitId) : undefined;
  if (!unit) throw createNotFoundError('unit', unitId);
  const ids = options.subtree === false ? [unitId] : await listSubtreeUnitIds(db, [unitId]);
  return { unit, unitIds: visible === 'all' ? ids : ids.filter((id) => visible.has(id)) };
}
