import { Type, type Static } from 'typebox';
import type { IndicatorKind as EngineIndicatorKind, Scheme as EngineScheme } from '@baton/engine';
import { PageQuery, Paged, Nullable, StrictObject, type AssertTrue, type SameType } from './common.js';

/** Assessment schemes (考核方案): the engine's scheme object, versioned by code, never edited. */

export const SubjectKindSchema = Type.Union([Type.Literal('person'), Type.Literal('unit')]);
export type SubjectKind = Static<typeof SubjectKindSchema>;

/** An indicator's kind in a scheme (the engine's): key 关键指标 · regular 常规指标 · dynamic 动态指标. */
export const IndicatorKindSchema = Type.Union([Type.Literal('key'), Type.Literal('regular'), Type.Literal('dynamic')]);
export type IndicatorKind = Static<typeof IndicatorKindSchema>;
type _IndicatorKindsAreTheEngines = AssertTrue<SameType<IndicatorKind, EngineIndicatorKind>>;

export const SchemeSchema = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  kind: Type.String({ description: "the engine's scheme kind: routine | annual | unit" }),
  subjectKind: SubjectKindSchema,
  definition: Type.Unsafe<EngineScheme>(Type.Record(Type.String(), Type.Unknown(), { description: "the engine's scheme object (docs/product.md §3.1)" })),
  replacesId: Nullable(Type.Integer()),
  createdAt: Type.String(),
  periodCount: Type.Integer(),
});
export type Scheme = Static<typeof SchemeSchema>;

export const CreateSchemeBody = StrictObject({
  code: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$', description: 'stable across versions (letters, digits, _ . -; ≤ 64)' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  subjectKind: SubjectKindSchema,
  definition: Type.Unknown({ description: "the engine's scheme object (docs/product.md §3.1), validated by the engine" }),
});
export type CreateSchemeBody = Static<typeof CreateSchemeBody>;

export const SchemeListResponse = Paged(SchemeSchema);
export type SchemeList = Static<typeof SchemeListResponse>;

export const SchemeListQuery = StrictObject({ ...PageQuery, code: Type.Optional(Type.String({ maxLength: 64 })) });
