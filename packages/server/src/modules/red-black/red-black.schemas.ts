import { Type } from 'typebox';
import { Nullable, StrictObject } from '../../app/http.js';
import { GroupSchema } from '../rankings/index.js';

const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$';
const RedBlackStatus = Type.Union([Type.Literal('draft'), Type.Literal('published')]);

export const RedBlackListQuery = StrictObject({
  period: Type.Optional(Type.Integer({ minimum: 1 })),
  month: Type.Optional(Type.String({ pattern: MONTH_PATTERN })),
  status: Type.Optional(RedBlackStatus),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export const GenerateRedBlackBody = StrictObject({
  month: Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM, a month of the period' }),
  size: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 3 })),
});

export const RedBlackSummarySchema = Type.Object({
  id: Type.Integer(),
  periodId: Type.Integer(),
  month: Type.String(),
  group: GroupSchema,
  status: RedBlackStatus,
  size: Type.Integer(),
  generatedAt: Type.String(),
  publishedAt: Nullable(Type.String()),
  redCount: Type.Integer(),
  blackCount: Type.Integer(),
});

const RedBlackEntrySchema = Type.Object({
  rank: Type.Integer(),
  subject: Type.Object({ kind: Type.String(), id: Type.Integer(), name: Type.String(), unitId: Type.Integer(), unitName: Type.String() }),
  points: Type.Number(),
  events: Type.Array(Type.Object({
    id: Type.Integer(),
    occurredOn: Type.String(),
    rule: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
    delta: Type.Number(),
    evidenceText: Nullable(Type.String({ description: 'null when the caller may not read this person\'s evidence' })),
  })),
});

export const RedBlackListSchema = Type.Intersect([RedBlackSummarySchema, Type.Object({ red: Type.Array(RedBlackEntrySchema), black: Type.Array(RedBlackEntrySchema) })]);

export const RedBlackHistoryResponse = Type.Array(Type.Object({
  month: Type.String(),
  periodId: Type.Integer(),
  list: Type.Union([Type.Literal('red'), Type.Literal('black')]),
  rank: Type.Integer(),
  points: Type.Number(),
  group: GroupSchema,
}));
