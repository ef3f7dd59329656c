import { Type, type Static } from 'typebox';
import { GROUP_KEY_PATTERN, type Scenario } from '@baton/engine';
import { GroupSchema, Nullable, PageQuery, StrictObject } from './common.js';
import { PeriodSchema } from './periods.js';

/** Results, their published versions and the exact scenarios behind them (docs/api-cycles.md "Results"). */

export const ResultRowSchema = Type.Object({
  subject: Type.Object({
    id: Type.Integer({ description: 'the person' }),
    name: Type.String(),
    employeeNo: Nullable(Type.String()),
    unitId: Type.Integer({ description: 'his unit in the period (his last assignment within it)' }),
    unitName: Type.String(),
  }),
  total: Type.Number(),
  rank: Type.Integer(),
  group: GroupSchema,
  groupRank: Type.Integer(),
  grade: Type.String(),
  flags: Type.Array(Type.String()),
  sections: Type.Record(Type.String(), Type.Number()),
  indicators: Type.Record(Type.String(), Type.Object({ weight: Nullable(Type.Number()), score: Type.Number(), raw: Nullable(Type.Number()) })),
  explain: Type.Array(Type.String()),
});
export type ResultRow = Static<typeof ResultRowSchema>;
export type ResultIndicator = ResultRow['indicators'][string];

export const DistributionSchema = Type.Object({
  group: GroupSchema,
  size: Type.Integer(),
  grades: Type.Array(Type.Object({
    name: Type.String(),
    quota: Nullable(Type.Number()),
    /** Seats: rounding(quota × size) (docs/product.md §3.2); null without a quota. */
    capacity: Nullable(Type.Integer()),
    count: Type.Integer(),
  })),
  /** Tied blocks kept out of a grade with seats left (`quota-tie:<grade>`): they stay in the lower grade, for the committee. */
  ties: Type.Array(Type.Object({ grade: Type.String(), subjects: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })) })),
});
export type DistributionGroup = Static<typeof DistributionSchema>;

export const ResultsQuery = StrictObject({
  ...PageQuery,
  group: Type.Optional(Type.String({ pattern: GROUP_KEY_PATTERN })),
  unit: Type.Optional(Type.Integer({ minimum: 1, description: "the unit's subtree" })),
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'an earlier published version (admin, auditor)' })),
});
export type ResultsQuery = Static<typeof ResultsQuery>;

export const ResultsResponse = Type.Object({
  period: PeriodSchema,
  version: Nullable(Type.Integer()),
  /** true: the live preview on current data (before publicity). */
  live: Type.Boolean(),
  items: Type.Array(ResultRowSchema),
  nextCursor: Nullable(Type.String()),
  distribution: Type.Array(DistributionSchema),
});
export type ResultsResponse = Static<typeof ResultsResponse>;

export const ResultVersionReasonSchema = Type.Union([Type.Literal('publicity'), Type.Literal('appeal'), Type.Literal('decision')]);
export type ResultVersionReason = Static<typeof ResultVersionReasonSchema>;

export const ResultVersionSchema = Type.Object({
  version: Type.Integer(),
  reason: ResultVersionReasonSchema,
  note: Nullable(Type.String()),
  scenarioSha256: Type.String(),
  createdAt: Type.String(),
  createdBy: Nullable(Type.Object({ accountId: Type.Integer(), name: Type.String() })),
});

export type ResultVersion = Static<typeof ResultVersionSchema>;

/** Every published version, newest first: a bare array. */
export const ResultVersionsResponse = Type.Array(ResultVersionSchema);

export const ScenarioQuery = StrictObject({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type ScenarioQuery = Static<typeof ScenarioQuery>;

export const ScenarioResponse = Type.Unsafe<Scenario>(Type.Object({
  scheme: Type.Record(Type.String(), Type.Unknown()),
  subjects: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  facts: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
  history: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
  decisions: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()), { description: "the committee's tie decisions" })),
  unitTiers: Type.Optional(Type.Record(Type.String(), Type.String(), { description: "the units' tiers (考用结合)" })),
}, { description: "the engine's scenario (docs/product.md §3.1), byte for byte as evaluated; `baton evaluate` on it reproduces the results" }));
