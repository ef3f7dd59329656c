import { Type, type Static } from 'typebox';
import { FileResponse, GroupSchema, Nullable, PageQuery, StrictObject } from './common.js';
import { IndicatorKindSchema } from './schemes.js';

/** Report cards (成绩单): a person's, and a unit's as a list and an .xlsx (docs/api-cycles.md "Report cards"). */

export const ReportCardQuery = StrictObject({
  period: Type.Optional(Type.Integer({ minimum: 1, description: 'a period in publicity or closed; default: the latest published period the person has a result in' })),
});
export type ReportCardQuery = Static<typeof ReportCardQuery>;

/** A person and a unit as the cards and the lists that use results name them. */
export const CardPersonSchema = Type.Object({ id: Type.Integer(), name: Type.String(), employeeNo: Type.String() });
export type CardPerson = Static<typeof CardPersonSchema>;
export const UnitRefSchema = Type.Object({ id: Type.Integer(), name: Type.String() });
export type UnitRef = Static<typeof UnitRefSchema>;

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
  person: CardPersonSchema,
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
    kind: Nullable(IndicatorKindSchema),
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
export type ReportCard = Static<typeof ReportCardSchema>;
export type ReportCardIndicator = ReportCard['indicators'][number];
export type ReportCardComment = ReportCard['comments'][number];
export type ReportCardTrendPoint = ReportCard['trend'][number];

export const UnitCardsQuery = StrictObject({
  ...PageQuery,
  period: Type.Integer({ minimum: 1 }),
  unit: Type.Optional(Type.Integer({ minimum: 1, description: "the unit's subtree; default: a leader's (first) subtree, everyone for admin and auditor" })),
});
export type UnitCardsQuery = Static<typeof UnitCardsQuery>;

export const UnitCardsExportQuery = StrictObject({
  period: Type.Integer({ minimum: 1 }),
  unit: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type UnitCardsExportQuery = Static<typeof UnitCardsExportQuery>;
export const UnitCardsWorkbookResponse = FileResponse("an .xlsx of the unit's report cards");

export const UnitCardsResponse = Type.Object({
  period: CardPeriodSchema,
  unit: Nullable(UnitRefSchema),
  items: Type.Array(Type.Object({
    person: CardPersonSchema,
    unit: UnitRefSchema,
    total: Type.Number(),
    grade: Type.String(),
    group: GroupSchema,
    groupRank: Type.Integer(),
    groupSize: Type.Integer(),
    flags: Type.Array(Type.String()),
  })),
  nextCursor: Nullable(Type.String()),
});
export type UnitCards = Static<typeof UnitCardsResponse>;
