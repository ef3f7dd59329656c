import { Type } from 'typebox';
import { Nullable, StrictObject } from '../../app/http.js';

export const GroupKey = Type.String({ pattern: '^(all|category:[1-9]\\d{0,9}|unit:[1-9]\\d{0,9})$', description: 'all | category:<id> | unit:<id> (the unit and its subtree)' });

export const RankingQuery = StrictObject({
  period: Type.Integer({ minimum: 1 }),
  group: Type.Optional(GroupKey),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export const RankingStreamQuery = StrictObject({
  period: Type.Integer({ minimum: 1 }),
  group: Type.Optional(GroupKey),
});

const PeriodBrief = Type.Object({ id: Type.Integer(), name: Type.String(), state: Type.String(), startsOn: Type.String(), endsOn: Type.String() });
export const GroupSchema = Type.Object({ key: Type.String(), name: Type.String() });

export const RankingRowSchema = Type.Object({
  rank: Type.Integer(),
  subject: Type.Object({
    kind: Type.Union([Type.Literal('person'), Type.Literal('unit')]),
    id: Type.Integer(),
    name: Type.String(),
    employeeNo: Type.Optional(Type.String()),
    unitId: Type.Integer(),
    unitName: Type.String(),
  }),
  points: Type.Number(),
  total: Type.Number(),
  grade: Type.String(),
  flags: Type.Array(Type.String()),
});

export const RankingResponse = Type.Object({
  period: PeriodBrief,
  group: GroupSchema,
  version: Type.Integer({ description: 'the ledger high-water mark this ranking reflects' }),
  count: Type.Integer(),
  items: Type.Array(RankingRowSchema),
  me: Nullable(RankingRowSchema),
  nextCursor: Nullable(Type.String()),
});
/** A ranking read without the caller's own row: the same for every reader (the route encodes it once per page). */
export const RankingPageSchema = Type.Omit(RankingResponse, ['me']);

export const PersonPointsQuery = StrictObject({ period: Type.Optional(Type.Integer({ minimum: 1 })) });

export const LedgerEventSchema = Type.Object({
  id: Type.Integer(),
  status: Type.String(),
  rule: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), version: Type.Integer() }),
  schemeId: Type.Integer(),
  indicator: Type.String(),
  occurredOn: Type.String(),
  occurrences: Type.Integer(),
  delta: Type.Number(),
  source: Type.String(),
  evidenceText: Type.String(),
  evidenceLink: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  reversesEventId: Nullable(Type.Integer()),
  reversedByEventId: Nullable(Type.Integer()),
});

export const PersonPointsResponse = Type.Object({
  person: Type.Object({ id: Type.Integer(), name: Type.String(), employeeNo: Type.String(), unitId: Type.Integer(), unitName: Type.String() }),
  period: PeriodBrief,
  points: Type.Number(),
  total: Nullable(Type.Number()),
  grade: Nullable(Type.String()),
  ranks: Type.Array(Type.Object({ group: GroupSchema, rank: Type.Integer(), count: Type.Integer() })),
  trend: Type.Array(Type.Object({ month: Type.String(), points: Type.Number(), cumulative: Type.Number() })),
  indicators: Type.Record(Type.String(), Type.Object({ score: Type.Number(), explain: Type.String() })),
  events: Type.Array(LedgerEventSchema),
});
