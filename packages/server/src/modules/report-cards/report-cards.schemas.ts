import { Type } from 'typebox';
import { Nullable, PageQuery, StrictObject } from '../../app/http.js';

export const ReportCardQuery = StrictObject({
  period: Type.Optional(Type.Integer({ minimum: 1, description: 'a period in publicity or closed; default: the latest published period the person has a result in' })),
});

export const GroupSchema = Type.Object({ key: Type.String(), name: Type.String() });
export const PersonSchema = Type.Object({ id: Type.Integer(), name: Type.String(), employeeNo: Type.String() });
export const UnitSchema = Type.Object({ id: Type.Integer(), name: Type.String() });

const CardPeriodSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  state: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  publicityEndsOn: Nullable(Type.String()),
  version: Nullable(Type.Integer({ description: 'the published result version in force' })),
  scheme: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), kind: Type.String() }),
});

export const ReportCardSchema = Type.Object({
  person: PersonSchema,
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }, { description: 'his unit in the period' }),
  period: CardPeriodSchema,
  total: Type.Number(),
  rank: Type.Integer(),
  group: GroupSchema,
  groupRank: Type.Integer(),
  groupSize: Type.Integer(),
  grade: Type.String(),
  grades: Type.Array(Type.String(), { description: "the scheme's grades, best first" }),
  flags: Type.Array(Type.String()),
  sections: Type.Array(Type.Object({ id: Type.String(), weight: Type.Number(), score: Type.Number() })),
  indicators: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Nullable(Type.String()),
    method: Type.String(),
    section: Nullable(Type.String({ description: 'null: an extra indicator or a veto (in no section)' })),
    extra: Type.Boolean(),
    weight: Nullable(Type.Number()),
    score: Type.Number(),
    raw: Nullable(Type.Number()),
    explain: Nullable(Type.String({ description: "the engine's explanation line of the indicator" })),
  })),
  totalExplain: Nullable(Type.String()),
  comments: Type.Array(Type.Object({
    indicator: Type.Object({ id: Type.String(), name: Type.String() }),
    rater: Type.Object({ name: Type.String() }),
    rating: Type.Number(),
    task: Nullable(Type.String()),
    comment: Type.String(),
    updatedAt: Type.String(),
  })),
  trend: Type.Array(Type.Object({ periodId: Type.Integer(), periodName: Type.String(), endsOn: Type.String(), total: Type.Number(), grade: Type.String() }), {
    description: 'his results in the published periods of the same scheme code up to and including this one, oldest first',
  }),
  periods: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), endsOn: Type.String(), schemeName: Type.String() }), {
    description: 'every published period of his the reader may open, newest first',
  }),
});

export const UnitCardsQuery = StrictObject({
  ...PageQuery,
  period: Type.Integer({ minimum: 1 }),
  unit: Type.Optional(Type.Integer({ minimum: 1, description: "the unit's subtree; default: a leader's (first) subtree, everyone for admin and auditor" })),
});

export const UnitCardsExportQuery = StrictObject({
  period: Type.Integer({ minimum: 1 }),
  unit: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const UnitCardsResponse = Type.Object({
  period: CardPeriodSchema,
  unit: Nullable(UnitSchema),
  items: Type.Array(Type.Object({
    person: PersonSchema,
    unit: UnitSchema,
    total: Type.Number(),
    grade: Type.String(),
    group: GroupSchema,
    groupRank: Type.Integer(),
    groupSize: Type.Integer(),
    flags: Type.Array(Type.String()),
  })),
  nextCursor: Nullable(Type.String()),
});
