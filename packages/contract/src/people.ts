import { Type, type Static } from 'typebox';
import { LiteralUnion, Nullable, PageQuery, StrictObject } from './common.js';
import { EMPLOYEE_NO_PATTERN, GENDERS, PHONE_PATTERN } from './vocabulary.js';

/** People of the organization and where they worked. */

export const PersonStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('left')]);
export type PersonStatus = Static<typeof PersonStatusSchema>;
const Status = PersonStatusSchema;

export const GenderSchema = LiteralUnion(GENDERS);
export type Gender = Static<typeof GenderSchema>;
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
export type Person = Static<typeof PersonSchema>;

/** Where a person worked: one row per assignment, `validTo` null for the current one. */
export const AssignmentSchema = Type.Object({
  unitId: Type.Integer(),
  unitName: Type.String(),
  postName: Nullable(Type.String()),
  rank: Nullable(Type.String()),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});
export type Assignment = Static<typeof AssignmentSchema>;

export const PersonDetailSchema = Type.Intersect([PersonSchema, Type.Object({ assignments: Type.Array(AssignmentSchema) })]);
export type PersonDetail = Static<typeof PersonDetailSchema>;

export const PeopleListResponse = Type.Object({
  items: Type.Array(PersonSchema),
  nextCursor: Nullable(Type.String()),
  total: Type.Integer({ description: 'how many match, over every page' }),
});
export type PeopleListResponse = Static<typeof PeopleListResponse>;

export const PeopleQuery = StrictObject({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 100 })),
  unit: Type.Optional(Type.Integer({ minimum: 1 })),
  subtree: Type.Optional(Type.Boolean({ default: true })),
  status: Type.Optional(Status),
});
export type PeopleQuery = Static<typeof PeopleQuery>;

export const CreatePersonBody = StrictObject({
  employeeNo: Type.String({ minLength: 1, maxLength: 32, pattern: EMPLOYEE_NO_PATTERN }),
  name: Text(50),
  gender: Type.Optional(Nullable(GenderSchema)),
  unitId: Type.Integer({ minimum: 1 }),
  postId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  rank: Type.Optional(Nullable(Text(50))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, pattern: PHONE_PATTERN }))),
});
export type CreatePersonBody = Static<typeof CreatePersonBody>;

export const UpdatePersonBody = StrictObject({
  name: Type.Optional(Text(50)),
  gender: Type.Optional(Nullable(GenderSchema)),
  unitId: Type.Optional(Type.Integer({ minimum: 1 })),
  postId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  rank: Type.Optional(Nullable(Text(50))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, pattern: PHONE_PATTERN }))),
  status: Type.Optional(Status),
  effectiveFrom: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;
