import { Type } from 'typebox';
import { Nullable, PageQuery, StrictObject } from '../../app/http.js';
import { PeriodSchema } from '../periods/index.js';

export const PersonIdParams = StrictObject({ id: Type.Integer({ minimum: 1 }), personId: Type.Integer({ minimum: 1 }) });

const CyclePerson = Type.Object({ id: Type.Integer(), name: Type.String(), employeeNo: Type.String(), unitId: Type.Integer(), unitName: Type.String() });

export const SummarySchema = Type.Object({
  periodId: Type.Integer(),
  person: CyclePerson,
  content: Type.String(),
  status: Type.Union([Type.Literal('draft'), Type.Literal('submitted')]),
  submittedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  late: Type.Boolean({ description: 'submitted after summaryDueOn, or a draft whose deadline has passed' }),
});

export const MySummaryResponse = Type.Object({
  summary: Nullable(SummarySchema),
  prefill: Type.String({ description: "a text to start from, generated from the caller's work-log digest of the period" }),
  digest: Type.Unknown({ description: 'the work-log summary of the period, as GET /api/logs/summary gives it' }),
});

export const SummaryContentBody = StrictObject({ content: Type.String({ minLength: 1, maxLength: 5000 }) });
export const SummarySubmitBody = StrictObject({ content: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })) });

export const SummaryListQuery = StrictObject({
  ...PageQuery,
  unit: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('missing')])),
});

export const SummaryListResponse = Type.Object({
  items: Type.Array(Type.Object({ person: CyclePerson, summary: Nullable(SummarySchema) })),
  nextCursor: Nullable(Type.String()),
});

const RatingView = Type.Object({
  indicator: Type.String(),
  rating: Type.Number(),
  comment: Nullable(Type.String()),
  task: Nullable(Type.String()),
  ratedBy: Type.String({ description: "the rater's username" }),
  raterName: Nullable(Type.String()),
  mine: Type.Boolean(),
  updatedAt: Type.String(),
});

const Group = Type.Object({ key: Type.String(), name: Type.String() });

const Preview = Nullable(Type.Object({
  total: Type.Number(),
  grade: Type.String(),
  rank: Type.Integer(),
  groupRank: Type.Integer(),
  group: Group,
  flags: Type.Array(Type.String()),
}));

const Quota = Type.Array(Type.Object({
  group: Group,
  size: Type.Integer(),
  grades: Type.Array(Type.Object({ name: Type.String(), quota: Nullable(Type.Number()), capacity: Nullable(Type.Integer()), used: Type.Integer() })),
}));

export const ReviewRowSchema = Type.Object({
  person: CyclePerson,
  summary: Nullable(SummarySchema),
  ratings: Type.Record(Type.String(), RatingView, { description: "per indicator: the caller's own rating, else the latest by another leader" }),
  allRatings: Type.Array(RatingView),
  preview: Preview,
  appealPending: Type.Boolean({ description: 'in publicity: his appeal is pending, so his leaders may re-rate him (复核)' }),
  rateable: Type.Boolean({ description: 'whether the caller rates him: a leader above him, or the admin for one no leader rates' }),
});

export const ReviewSheetSchema = Type.Object({
  period: PeriodSchema,
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  indicators: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Nullable(Type.String()),
    section: Nullable(Type.String()),
    weight: Nullable(Type.Number()),
    weightsByCategory: Nullable(Type.Record(Type.String(), Type.Number())),
  })),
  people: Type.Array(ReviewRowSchema),
  quota: Quota,
});

export const ReviewSheetQuery = StrictObject({ unit: Type.Optional(Type.Integer({ minimum: 1 })) });

export const RateBody = StrictObject({
  ratings: Type.Array(StrictObject({
    indicator: Type.String({ minLength: 1, maxLength: 100 }),
    rating: Type.Number({ minimum: 0, maximum: 100, description: '0–100, at most two decimals' }),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    task: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'for a dynamic indicator (动态指标): the task rated' }))),
  }), { maxItems: 100 }),
});

export const PreviewBody = StrictObject({
  unit: Type.Optional(Type.Integer({ minimum: 1 })),
  ratings: Type.Array(StrictObject({
    personId: Type.Integer({ minimum: 1 }),
    indicator: Type.String({ minLength: 1, maxLength: 100 }),
    rating: Type.Number({ minimum: 0, maximum: 100 }),
  }), { maxItems: 10_000 }),
});

export const PreviewResponse = Type.Object({
  people: Type.Array(Type.Object({ personId: Type.Integer(), preview: Preview })),
  quota: Quota,
});
