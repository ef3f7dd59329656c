import { Type } from 'typebox';
import { Nullable, PageQuery, StrictObject } from '../../app/http.js';
import { PeriodSchema } from '../periods/index.js';
import { GROUP_KEY_PATTERN } from './result-groups.js';

export const GroupSchema = Type.Object({
  key: Type.String({ description: '`all`, `category:<id>` (`category:none`: units without a category) or `unit:<id>`' }),
  name: Type.String(),
});

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

export const DistributionSchema = Type.Object({
  group: GroupSchema,
  size: Type.Integer(),
  grades: Type.Array(Type.Object({
    name: Type.String(),
    quota: Nullable(Type.Number()),
    /** Seats: rounding(quota × size) (DESIGN §3.2); null without a quota. */
    capacity: Nullable(Type.Integer()),
    count: Type.Integer(),
  })),
  /** Tied blocks kept out of a grade with seats left (`quota-tie:<grade>`): they stay in the lower grade, for the committee. */
  ties: Type.Array(Type.Object({ grade: Type.String(), subjects: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })) })),
});

export const ResultsQuery = StrictObject({
  ...PageQuery,
  group: Type.Optional(Type.String({ pattern: GROUP_KEY_PATTERN })),
  unit: Type.Optional(Type.Integer({ minimum: 1, description: "the unit's subtree" })),
  version: Type.Optional(Type.Integer({ minimum: 1, description: 'an earlier published version (admin, auditor)' })),
});

export const ResultsResponse = Type.Object({
  period: PeriodSchema,
  version: Nullable(Type.Integer()),
  /** true: the live preview on current data (before publicity). */
  live: Type.Boolean(),
  items: Type.Array(ResultRowSchema),
  nextCursor: Nullable(Type.String()),
  distribution: Type.Array(DistributionSchema),
});

export const ResultVersionSchema = Type.Object({
  version: Type.Integer(),
  reason: Type.Union([Type.Literal('publicity'), Type.Literal('appeal'), Type.Literal('decision')]),
  note: Nullable(Type.String()),
  scenarioSha256: Type.String(),
  createdAt: Type.String(),
  createdBy: Nullable(Type.Object({ accountId: Type.Integer(), name: Type.String() })),
});

export const ResultVersionsResponse = Type.Array(ResultVersionSchema);

export const ScenarioQuery = StrictObject({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const ScenarioResponse = Type.Object({
  scheme: Type.Record(Type.String(), Type.Unknown()),
  subjects: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  facts: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
  history: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
}, { description: "the engine's scenario (DESIGN §3.1), byte for byte as evaluated; `baton evaluate` on it reproduces the results" });
