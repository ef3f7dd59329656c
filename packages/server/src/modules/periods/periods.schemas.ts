import { Type } from 'typebox';
import { DateString, Nullable, PageQuery, StrictObject } from '../../app/http.js';

export const PeriodKind = Type.Union([
  Type.Literal('month'), Type.Literal('quarter'), Type.Literal('half_year'), Type.Literal('year'), Type.Literal('custom'),
]);
export const PeriodState = Type.Union([
  Type.Literal('draft'), Type.Literal('open'), Type.Literal('reviewing'), Type.Literal('publicity'), Type.Literal('closed'),
]);

export const PeriodSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  kind: PeriodKind,
  startsOn: Type.String(),
  endsOn: Type.String(),
  schemeId: Type.Integer(),
  schemeName: Type.String(),
  scope: Nullable(Type.Object({ unitId: Type.Integer(), unitName: Type.String() })),
  state: PeriodState,
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

export const CreatePeriodBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  kind: PeriodKind,
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

export const UpdatePeriodBody = StrictObject({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  summaryDueOn: Type.Optional(Nullable(DateString())),
  reviewDueOn: Type.Optional(Nullable(DateString())),
  /** Only before publicity: the window is fixed when the period enters it. */
  publicityDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
  /** Only before publicity (the tiers are frozen into the published scenario). */
  tierPeriodId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
});

export const PeriodListQuery = StrictObject({
  ...PageQuery,
  state: Type.Optional(PeriodState),
  scheme: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const PeriodListResponse = Type.Object({ items: Type.Array(PeriodSchema), nextCursor: Nullable(Type.String()) });

export const TransitionBody = StrictObject({
  to: PeriodState,
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});
