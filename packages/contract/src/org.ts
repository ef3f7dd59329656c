import { Type, type Static } from 'typebox';
import { Listed, LiteralUnion, Nullable, PageQuery, Paged, StrictObject } from './common.js';
import { UNIT_TYPES } from './vocabulary.js';

/** The organization: units (a tree), categories (分类), post types and posts. */


export const UnitTypeSchema = LiteralUnion(UNIT_TYPES, { description: '区 / 镇 / 街道 / 部门 / 科室 / 其他' });
export type UnitType = Static<typeof UnitTypeSchema>;

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Reason = Type.String({ maxLength: 500 });

export const UnitSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  type: UnitTypeSchema,
  parentId: Nullable(Type.Integer()),
  categoryId: Nullable(Type.Integer()),
  categoryName: Nullable(Type.String()),
  sort: Type.Integer(),
  active: Type.Boolean(),
  peopleCount: Type.Integer(),
});
export type Unit = Static<typeof UnitSchema>;

export const UnitListResponse = Paged(UnitSchema);
export type UnitList = Static<typeof UnitListResponse>;

/** A unit with the path from the top of the tree down to it (itself included). */
export const UnitDetailSchema = Type.Intersect([UnitSchema, Type.Object({ path: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })) })]);
export type UnitDetail = Static<typeof UnitDetailSchema>;

export const UnitListQuery = StrictObject({
  ...PageQuery,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 1000 })),
});

export const CreateUnitBody = StrictObject({
  code: Code,
  name: Name,
  type: UnitTypeSchema,
  parentId: Nullable(Type.Integer({ minimum: 1 })),
  categoryId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  sort: Type.Optional(Type.Integer()),
});
export type CreateUnitBody = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = StrictObject({
  name: Type.Optional(Name),
  type: Type.Optional(UnitTypeSchema),
  parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  categoryId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  sort: Type.Optional(Type.Integer()),
  active: Type.Optional(Type.Boolean()),
  reason: Type.Optional(Reason),
});
export type UpdateUnitBody = Static<typeof UpdateUnitBody>;

export const CategorySchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  sort: Type.Integer(),
  unitCount: Type.Integer(),
});
export type Category = Static<typeof CategorySchema>;

export const CategoryListResponse = Listed(CategorySchema);
export type CategoryList = Static<typeof CategoryListResponse>;

export const CreateCategoryBody = StrictObject({
  code: Code,
  name: Name,
  description: Type.Optional(Type.String({ maxLength: 500 })),
  sort: Type.Optional(Type.Integer()),
});
export type CreateCategoryBody = Static<typeof CreateCategoryBody>;

export const UpdateCategoryBody = StrictObject({
  code: Type.Optional(Code),
  name: Type.Optional(Name),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  sort: Type.Optional(Type.Integer()),
  reason: Type.Optional(Reason),
});
export type UpdateCategoryBody = Static<typeof UpdateCategoryBody>;

export const CreatePostTypeBody = StrictObject({ code: Code, name: Name });
export type CreatePostTypeBody = Static<typeof CreatePostTypeBody>;
export const CreatePostBody = StrictObject({ code: Code, name: Name, postTypeId: Type.Integer({ minimum: 1 }) });
export type CreatePostBody = Static<typeof CreatePostBody>;

export const PostTypeSchema = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });
export type PostType = Static<typeof PostTypeSchema>;
export const PostTypeListResponse = Listed(PostTypeSchema);
export type PostTypeList = Static<typeof PostTypeListResponse>;

export const PostSchema = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), postTypeId: Type.Integer(), postTypeName: Type.String() });
export type Post = Static<typeof PostSchema>;
export const PostListResponse = Listed(PostSchema);
export type PostList = Static<typeof PostListResponse>;
