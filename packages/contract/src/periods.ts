import { Type, type Static } from 'typebox';
import type { PeriodState as EnginePeriodState } from '@baton/engine';
import { DateString, Nullable, PageQuery, Paged, StrictObject, type AssertTrue, type SameType } from './common.js';

/** Assessment periods (考核周期): a date range running one scheme version, and its state flow. */

export const PeriodKindSchema = Type.Union([
  Type.Literal('month'), Type.Literal('quarter'), Type.Literal('half_year'), Type.Literal('year'), Type.Literal('custom'),
]);
export type PeriodKind = Static<typeof PeriodKindSchema>;

/** The engine's period states (docs/engine.md "Period states"), in flow order. */
export const PeriodStateSchema = Type.Union([
  Type.Literal('draft'), Type.Literal('open'), Type.Literal('reviewing'), Type.Literal('publicity'), Type.Literal('closed'),
]);
export type PeriodState = Static<typeof PeriodStateSchema>;
/** The API's states are the engine's: this fails to compile when either changes alone. */
type _PeriodStatesAreTheEngines = AssertTrue<SameType<PeriodState, EnginePeriodState>>;

export const PeriodSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: PeriodKindSchema,
  startsOn: Type.String(),
  endsOn: Type.String(),
  schemeId: Type.Integer(),
  schemeName: Type.String(),
  scope: Nullable(Type.Object({ unitId: Type.Integer(), unitName: Type.String() }, { description: "whom the period assesses: a unit's subtree; null = the whole organization" })),
  state: PeriodStateSchema,
  publicityDays: Type.Integer({ description: 'working days of publicity (公示)' }),
  /** Issue 6: deadlines of the personal summary and of the leaders' review. */
  summaryDueOn: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  reviewDueOn: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  /** Set on entering publicity: `publicityDays` working days from the first working day after the transition. */
  publicityStartsOn: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  publicityEndsOn: Nullable(Type.String({ description: 'YYYY-MM-DD' })),
  /** The published result version; null before publicity. */
  resultVersion: Nullable(Type.Integer()),
  /** 考用结合: the unit-assessment period whose grades are the units' tiers (scheme `quotaCoupling`). */
  tierPeriod: Nullable(Type.Object({ id: Type.Integer(), name: Type.String() })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Period = Static<typeof PeriodSchema>;

export const CreatePeriodBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: PeriodKindSchema,
  startsOn: DateString(),
  endsOn: DateString(),
  schemeId: Type.Integer({ minimum: 1 }),
  /** Whom the period assesses: a unit's subtree; omitted or null = the whole organization. */
  scopeUnitId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  publicityDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 60, default: 5 })),
  /** Within or after the period (not before startsOn). */
  summaryDueOn: Type.Optional(Nullable(DateString())),
  reviewDueOn: Type.Optional(Nullable(DateString())),
  tierPeriodId: Type.Optional(Nullable(Type.Integer({ minimum: 1, description: "a unit scheme's period: its grades are the units' tiers (考用结合)" }))),
});
export type CreatePeriodBody = Static<typeof CreatePeriodBody>;

export const UpdatePeriodBody = StrictObject({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  summaryDueOn: Type.Optional(Nullable(DateString())),
  reviewDueOn: Type.Optional(Nullable(DateString())),
  /** Only before publicity: the window is fixed when the period enters it. */
  publicityDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
  /** Only before publicity (the tiers are frozen into the published scenario). */
  tierPeriodId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
});
export type UpdatePeriodBody = Static<typeof UpdatePeriodBody>;

export const PeriodListQuery = StrictObject({
  ...PageQuery,
  state: Type.Optional(PeriodStateSchema),
  scheme: Type.Optional(Type.Integer({ minimum: 1 })),
});

/** What the caller may do with a period (policies/periods.policies.ts): the web shows these actions and links only. */
export const PeriodAbilitiesSchema = Type.Object({
  summary: Type.Boolean({ description: 'write his personal summary (he takes part; open or reviewing)' }),
  review: Type.Boolean({ description: 'open the review sheet (he leads someone in it, or rates the unled; reviewing, or publicity for re-rating under appeal)' }),
  results: Type.Boolean({ description: 'read the published results (publicity or closed) as far as his scope goes' }),
  preview: Type.Boolean({ description: "see the live preview of the results before publicity (the organization department, the auditor)" }),
  committee: Type.Boolean({ description: "see the committee's view of the results (quota seats, ties)" }),
  edit: Type.Boolean({ description: 'edit the name and deadlines (until closed)' }),
  advance: Type.Boolean({ description: 'move it to its next state' }),
});
export type PeriodAbilities = Static<typeof PeriodAbilitiesSchema>;

/** A period as the periods routes present it to the caller: the period and what he may do with it. */
export const PeriodViewSchema = Type.Object({ ...PeriodSchema.properties, can: PeriodAbilitiesSchema });
export type PeriodView = Static<typeof PeriodViewSchema>;

export const PeriodListResponse = Paged(PeriodViewSchema);
export type PeriodList = Static<typeof PeriodListResponse>;

/** A period's next step: draft → open → reviewing → publicity → closed (POST /api/periods/:id/transition). */
export const TransitionBody = StrictObject({
  to: PeriodStateSchema,
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type TransitionBody = Static<typeof TransitionBody>;

/** A person as the pages of a period (summary, review sheet, results) name him. */
export const PeriodPersonSchema = Type.Object({ id: Type.Integer(), name: Type.String(), employeeNo: Type.String(), unitId: Type.Integer(), unitName: Type.String() });
export type PeriodPerson = Static<typeof PeriodPersonSchema>;
