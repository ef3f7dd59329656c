import { Type, type Static } from 'typebox';
import type { Result as EngineResult } from '@baton/engine';
import { Nullable, StrictObject, type AssertTrue, type SameType } from './common.js';

/** POST /api/evaluate: the engine as the CLI runs it (docs/product.md §3), on a scenario sent by the caller. */

export const EvaluateQuery = StrictObject({ explain: Type.Optional(Type.Boolean({ default: false })) });
export const EvaluateBody = Type.Object({}, { additionalProperties: true, description: 'a scenario: { scheme, subjects, facts, history? }' });

/** One subject's result, as the engine gives it (docs/engine.md). */
export const EvaluationResultSchema = Type.Object({
  subject: Type.String(),
  group: Type.String(),
  total: Type.Number(),
  rank: Type.Integer(),
  groupRank: Type.Integer(),
  grade: Type.String(),
  flags: Type.Array(Type.String()),
  sections: Type.Record(Type.String(), Type.Number()),
  indicators: Type.Record(Type.String(), Type.Object({ weight: Nullable(Type.Number()), score: Type.Number(), raw: Nullable(Type.Number()) })),
  explain: Type.Optional(Type.Array(Type.String(), { description: 'with ?explain=true' })),
});
export type EvaluationResult = Static<typeof EvaluationResultSchema>;
type _ResultsAreTheEngines = AssertTrue<SameType<EvaluationResult, EngineResult>>;

export const EvaluationResponse = Type.Object({ results: Type.Array(EvaluationResultSchema) });
