import { Type } from 'typebox';
import { Nullable, PageQuery, StrictObject } from '../../app/http.js';

export const SubjectKind = Type.Union([Type.Literal('person'), Type.Literal('unit')]);

export const SchemeSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  subjectKind: SubjectKind,
  definition: Type.Record(Type.String(), Type.Unknown(), { description: "the engine's scheme object (DESIGN §3.1)" }),
  replacesId: Nullable(Type.Integer()),
  createdAt: Type.String(),
  periodCount: Type.Integer(),
});

export const CreateSchemeBody = StrictObject({
  code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$', description: 'stable across versions (letters, digits, _ . -; ≤ 64)' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  subjectKind: SubjectKind,
  definition: Type.Unknown({ description: "the engine's scheme object (DESIGN §3.1), validated by the engine" }),
});

export const SchemeListResponse = Type.Object({ items: Type.Array(SchemeSchema), nextCursor: Nullable(Type.String()) });

export const SchemeListQuery = StrictObject({ ...PageQuery, code: Type.Optional(Type.String({ maxLength: 64 })) });
