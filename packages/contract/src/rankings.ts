import { Type, type Static } from 'typebox';
import { GroupSchema, Nullable, StrictObject } from './common.js';
import { PeriodStateSchema } from './periods.js';
import { SubjectKindSchema } from './schemes.js';
import { PointEventStatusSchema, Source } from './points.js';

/** Rankings (实时排名), their live stream and a person's points page (docs/api-points.md). */

/** `all`, `category:<id>` or `unit:<id>`: a live ranking ranks the subjects without a category in `all` and in their units only. */
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

export const PeriodBriefSchema = Type.Object({ id: Type.Integer(), name: Type.String(), state: PeriodStateSchema, startsOn: Type.String(), endsOn: Type.String() });
export type PeriodBrief = Static<typeof PeriodBriefSchema>;

export const RankingRowSchema = Type.Object({
  rank: Type.Integer(),
  subject: Type.Object({
    kind: SubjectKindSchema,
    id: Type.Integer(),
    name: Type.String(),
    employeeNo: Type.Optional(Type.String({ description: 'people only' })),
    unitId: Type.Integer({ description: 'a person: his unit; a unit: itself' }),
    unitName: Type.String(),
  }),
  points: Type.Number(),
  total: Type.Number(),
  grade: Type.String(),
  flags: Type.Array(Type.String()),
});
export type RankingRow = Static<typeof RankingRowSchema>;

export const RankingResponse = Type.Object({
  period: PeriodBriefSchema,
  group: GroupSchema,
  version: Type.Integer({ description: 'the ledger high-water mark this ranking reflects' }),
  count: Type.Integer(),
  items: Type.Array(RankingRowSchema),
  me: Nullable(RankingRowSchema),
  nextCursor: Nullable(Type.String()),
});
export type RankingResponse = Static<typeof RankingResponse>;
/** A ranking read without the caller's own row: the same for every reader (the route encodes it once per page). */
export const RankingPageSchema = Type.Omit(RankingResponse, ['me']);
export type RankingPage = Static<typeof RankingPageSchema>;

/** What `event: ready` and `event: ranking` of the stream carry (JSON in their `data:` lines). */
export const RankingChangeSchema = Type.Object({ periodId: Type.Integer(), version: Type.Integer() });
export type RankingChange = Static<typeof RankingChangeSchema>;

export const RankingStreamResponse = Type.String({
  description: 'server-sent events: `event: ready` then `event: ranking` on each change of the group, each with `data: {"periodId","version"}`; a `: heartbeat` comment every 15 s',
});

export const PersonPointsQuery = StrictObject({ period: Type.Optional(Type.Integer({ minimum: 1 })) });

/** An event as a person's points page lists it: no subject, attachments, proposer or `can` (GET /api/point-events/:id has them). */
export const LedgerEventSchema = Type.Object({
  id: Type.Integer(),
  status: PointEventStatusSchema,
  rule: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), version: Type.Integer() }),
  schemeId: Type.Integer(),
  indicator: Type.String(),
  occurredOn: Type.String(),
  occurrences: Type.Integer(),
  delta: Type.Number(),
  source: Source,
  evidenceText: Type.String(),
  evidenceLink: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  reversesEventId: Nullable(Type.Integer()),
  reversedByEventId: Nullable(Type.Integer()),
});
export type LedgerEvent = Static<typeof LedgerEventSchema>;

export const PersonPointsResponse = Type.Object({
  person: Type.Object({ id: Type.Integer(), name: Type.String(), employeeNo: Type.String(), unitId: Type.Integer(), unitName: Type.String() }),
  period: PeriodBriefSchema,
  points: Type.Number(),
  total: Nullable(Type.Number()),
  grade: Nullable(Type.String()),
  ranks: Type.Array(Type.Object({ group: GroupSchema, rank: Type.Integer(), count: Type.Integer() })),
  trend: Type.Array(Type.Object({ month: Type.String(), points: Type.Number(), cumulative: Type.Number() })),
  indicators: Type.Record(Type.String(), Type.Object({ score: Type.Number(), explain: Type.String() })),
  events: Type.Array(LedgerEventSchema),
});
export type PersonPoints = Static<typeof PersonPointsResponse>;

export const RankingGroupsQuery = StrictObject({ period: Type.Integer({ minimum: 1 }) });

/** A group of a ranking the caller may open, and where a picker lists it: his own (`mine`: 全部 and those he is ranked in), then categories and units. */
export const RankingGroupOptionSchema = Type.Object({
  key: Type.String(),
  name: Type.String(),
  section: Type.Union([Type.Literal('mine'), Type.Literal('category'), Type.Literal('unit')]),
});
export type RankingGroupOption = Static<typeof RankingGroupOptionSchema>;

export const RankingGroupsResponse = Type.Object({ items: Type.Array(RankingGroupOptionSchema) });
export type RankingGroups = Static<typeof RankingGroupsResponse>;

export const RankingHistogramQuery = StrictObject({
  period: Type.Integer({ minimum: 1 }),
  group: Type.Optional(GroupKey),
  bins: Type.Optional(Type.Integer({ minimum: 2, maximum: 24, default: 12, description: 'at most this many bins' })),
});

/** The distribution of a group's net points: round bins (docs/engine.md "Histograms"), and the caller's own bin when he is in the group. */
export const RankingHistogramResponse = Type.Object({
  period: PeriodBriefSchema,
  group: GroupSchema,
  count: Type.Integer({ description: 'subjects in the group' }),
  bins: Type.Array(Type.Object({
    from: Type.Number({ description: 'points, inclusive' }),
    to: Type.Number({ description: 'points, exclusive (inclusive for the last bin)' }),
    count: Type.Integer(),
  })),
  myBin: Nullable(Type.Integer({ minimum: 0, description: "index of the caller's bin" })),
});
export type RankingHistogram = Static<typeof RankingHistogramResponse>;
