import { Type } from 'typebox';
import { Nullable, PageQuery, StrictObject } from '../../app/http.js';

export const UnitTypeSchema = Type.Union([
  Type.Literal('district'), Type.Literal('town'), Type.Literal('street'),
  Type.Literal('department'), Type.Literal('section'), Type.Literal('other'),
], { description: '区 / 镇 / 街道 / 部门 / 科室 / 其他' });

const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const Reason = Type.String({ maxLength: 500 });

export const UnitSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  type: Type.String(),
  parentId: Nullable(Type.Integer()),
  categoryId: Nullable(Type.Integer()),
  categoryName: Nullable(Type.String()),
  sort: Type.Integer(),
  active: Type.Boolean(),
  peopleCount: Type.Integer(),
});

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

export const UpdateUnitBody = StrictObject({
  name: Type.Optional(Name),
  type: Type.Optional(UnitTypeSchema),
  parentId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  categoryId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  sort: Type.Optional(Type.Integer()),
  active: Type.Optional(Type.Boolean()),
  reason: Type.Optional(Reason),
});

export const CategorySchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  sort: Type.Integer(),
  unitCount: Type.Integer(),
});

export const CreateCategoryBody = StrictObject({
  code: Code,
  name: Name,
  description: Type.Optional(Type.String({ maxLength: 500 })),
  sort: Type.Optional(Type.Integer()),
});

export const UpdateCategoryBody = StrictObject({
  code: Type.Optional(Code),
  name: Type.Optional(Name),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  sort: Type.Optional(Type.Integer()),
  reason: Type.Optional(Reason),
});

export const CreatePostTypeBody = StrictObject({ code: Code, name: Name });
export const CreatePostBody = StrictObject({ code: Code, name: Name, postTypeId: Type.Integer({ minimum: 1 }) });
