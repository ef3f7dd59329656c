import type { Category as CategoryView, PostType as PostTypeView, Unit } from '@baton/contract/org';
import type { Category, PostType } from '../../db/schema.js';
import type { UnitRow } from './org.repository.js';

export const presentUnit = (u: UnitRow): Unit => ({
  id: u.id,
  code: u.code,
  name: u.name,
  type: u.type,
  parentId: u.parent_id,
  categoryId: u.category_id,
  categoryName: u.category_name,
  sort: u.sort,
  active: u.active === 1,
  peopleCount: u.people_count,
});

export const presentCategory = (c: Category & { unit_count?: number }): CategoryView => ({
  id: c.id,
  code: c.code,
  name: c.name,
  description: c.description,
  sort: c.sort,
  unitCount: c.unit_count ?? 0,
});

export const presentPostType = (t: PostType): PostTypeView => ({ id: t.id, code: t.code, name: t.name });
