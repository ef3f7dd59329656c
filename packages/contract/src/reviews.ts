import { Type, type Static } from 'typebox';
import { GroupSchema, Nullable, PageQuery, StrictObject } from './common.js';
import { PeriodPersonSchema, PeriodSchema } from './periods.js';
import { IndicatorKindSchema } from './schemes.js';
import { WorkLogSummarySchema } from './worklogs.js';

/** Personal summaries (个人小结) and the leaders' review (审核评鉴) of a period: docs/api-cycles.md. */

/** A person of a period: `/api/periods/:id/reviews/:personId`. */
export const PeriodPersonParams = StrictObject({ id: Type.Integer({ minimum: 1 }), personId: Type.Integer({ minimum: 1 }) });

const CyclePerson = PeriodPersonSchema;

export const SummaryStatusSchema = Type.Union([Type.Literal('draft'), Type.Literal('submitted')]);
export type SummaryStatus = Static<typeof SummaryStatusSchema>;

export const SummarySchema = Type.Object({
  periodId: Type.Integer(),
  person: CyclePerson,
  content: Type.String(),
  status: SummaryStatusSchema,
  submittedAt: Nullable(Type.String()),
  updatedAt: Type.String(),
  late: Type.Boolean({ description: 'submitted after summaryDueOn, or a draft whose deadline has passed' }),
});
export type Summary = Static<typeof SummarySchema>;

export const MySummaryResponse = Type.Object({
  summary: Nullable(SummarySchema),
  prefill: Type.String({ description: "a text to start from, generated from the caller's work-log digest of the period" }),
  /** The work-log summary of the period, as GET /api/logs/summary gives it. */
  digest: WorkLogSummarySchema,
});
export type MySummary = Static<typeof MySummaryResponse>;

export const SummaryContentBody = StrictObject({ content: Type.String({ minLength: 1, maxLength: 5000 }) });
export type SummaryContentBody = Static<typeof SummaryContentBody>;
export const SummarySubmitBody = StrictObject({ content: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })) });
export type SummarySubmitBody = Static<typeof SummarySubmitBody>;

export const SummaryListQuery = StrictObject({
  ...PageQuery,
  unit: Type.Optional(Type.Integer({ minimum: 1 })),
  status: Type.Optional(Type.Union([Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('missing')])),
});
export type SummaryListQuery = Static<typeof SummaryListQuery>;

export const SummaryListResponse = Type.Object({
  items: Type.Array(Type.Object({ person: CyclePerson, summary: Nullable(SummarySchema) })),
  nextCursor: Nullable(Type.String()),
});
export type SummaryList = Static<typeof SummaryListResponse>;

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
export type StoredRating = Static<typeof RatingView>;

const Group = GroupSchema;

/** What the engine makes of a person with the ratings so far (null before anyone is rated). */
export const ResultPreviewSchema = Type.Object({
  total: Type.Number(),
  grade: Type.String(),
  rank: Type.Integer(),
  groupRank: Type.Integer(),
  group: Group,
  flags: Type.Array(Type.String()),
});
export type ResultPreview = Static<typeof ResultPreviewSchema>;
const Preview = Nullable(ResultPreviewSchema);

/** A group's seats per grade and how many are used (the quota bar). */
export const QuotaGroupSchema = Type.Object({
  group: Group,
  size: Type.Integer(),
  grades: Type.Array(Type.Object({ name: Type.String(), quota: Nullable(Type.Number()), capacity: Nullable(Type.Integer({ description: 'null: no quota (unlimited)' })), used: Type.Integer() })),
});
export type QuotaGroup = Static<typeof QuotaGroupSchema>;
export type QuotaGrade = QuotaGroup['grades'][number];
const Quota = Type.Array(QuotaGroupSchema);

export const ReviewRowSchema = Type.Object({
  person: CyclePerson,
  summary: Nullable(SummarySchema),
  ratings: Type.Record(Type.String(), RatingView, { description: "per indicator: the caller's own rating, else the latest by another leader" }),
  allRatings: Type.Array(RatingView),
  preview: Preview,
  appealPending: Type.Boolean({ description: 'in publicity: his appeal is pending, so his leaders may re-rate him (复核)' }),
  rateable: Type.Boolean({ description: 'whether the caller rates him: a leader above him, or the admin for one no leader rates' }),
});
export type ReviewRow = Static<typeof ReviewRowSchema>;

export const ReviewSheetSchema = Type.Object({
  period: PeriodSchema,
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  indicators: Type.Array(Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Nullable(IndicatorKindSchema),
    section: Nullable(Type.String()),
    weight: Nullable(Type.Number()),
    weightsByCategory: Nullable(Type.Record(Type.String(), Type.Number())),
  })),
  people: Type.Array(ReviewRowSchema),
  quota: Quota,
});
export type ReviewSheet = Static<typeof ReviewSheetSchema>;
export type ReviewIndicator = ReviewSheet['indicators'][number];

export const ReviewSheetQuery = StrictObject({ unit: Type.Optional(Type.Integer({ minimum: 1 })) });
export type ReviewSheetQuery = Static<typeof ReviewSheetQuery>;

export const RateBody = StrictObject({
  ratings: Type.Array(StrictObject({
    indicator: Type.String({ minLength: 1, maxLength: 100 }),
    rating: Type.Number({ minimum: 0, maximum: 100, description: '0–100, at most two decimals' }),
    comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    task: Type.Optional(Nullable(Type.String({ maxLength: 200, description: 'for a dynamic indicator (动态指标): the task rated' }))),
  }), { maxItems: 100 }),
});
export type RateBody = Static<typeof RateBody>;
export type RatingInput = RateBody['ratings'][number];

export const PreviewBody = StrictObject({
  unit: Type.Optional(Type.Integer({ minimum: 1 })),
  ratings: Type.Array(StrictObject({
    personId: Type.Integer({ minimum: 1 }),
    indicator: Type.String({ minLength: 1, maxLength: 100 }),
    rating: Type.Number({ minimum: 0, maximum: 100 }),
  }), { maxItems: 10_000 }),
});
export type PreviewBody = Static<typeof PreviewBody>;

export const PreviewResponse = Type.Object({
  people: Type.Array(Type.Object({ personId: Type.Integer(), preview: Preview })),
  quota: Quota,
});
export type PreviewResponse = Static<typeof PreviewResponse>;
