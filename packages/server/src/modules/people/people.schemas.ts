import { Type } from 'typebox';
import { Nullable, PageQuery, StrictObject } from '../../app/http.js';

const Status = Type.Union([Type.Literal('active'), Type.Literal('left')]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const PersonSchema = Type.Object({
  id: Type.Integer(),
  employeeNo: Type.String(),
  name: Type.String(),
  gender: Nullable(Type.String()),
  unitId: Type.Integer(),
  unitName: Type.String(),
  postId: Nullable(Type.Integer()),
  postName: Nullable(Type.String()),
  postTypeName: Nullable(Type.String()),
  rank: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  status: Status,
  username: Nullable(Type.String()),
  roles: Type.Array(Type.String()),
});

export const PeopleQuery = StrictObject({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 100 })),
  unit: Type.Optional(Type.Integer({ minimum: 1 })),
  subtree: Type.Optional(Type.Boolean({ default: true })),
  status: Type.Optional(Status),
});

export const CreatePersonBody = StrictObject({
  employeeNo: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' }),
  name: Text(50),
  gender: Type.Optional(Nullable(Type.Union([Type.Literal('男'), Type.Literal('女')]))),
  unitId: Type.Integer({ minimum: 1 }),
  postId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  rank: Type.Optional(Nullable(Text(50))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, pattern: '^[0-9+() -]*$' }))),
});

export const UpdatePersonBody = StrictObject({
  name: Type.Optional(Text(50)),
  gender: Type.Optional(Nullable(Type.Union([Type.Literal('男'), Type.Literal('女')]))),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  postId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  rank: Type.Optional(Nullable(Text(50))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, pattern: '^[0-9+() -]*$' }))),
  status: Type.Optional(Status),
  effectiveFrom: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});
