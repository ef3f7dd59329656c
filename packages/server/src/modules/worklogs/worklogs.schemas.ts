import { Type } from 'typebox';
import { AttachmentSchema } from '../attachments/index.js';
import { DateString, Nullable, PageQuery, StrictObject } from '../../app/http.js';
import { INDICATOR_REF_MAX } from './log-indicators.js';


export const Kind = Type.Union([Type.Literal('routine'), Type.Literal('key_task'), Type.Literal('dynamic_task')], {
  description: 'routine 日常工作 · key_task 重点任务 · dynamic_task 动态任务',
});

/** `<scheme code>:<indicator id>`, one of GET /api/logs/indicators (log-indicators.ts). */
const IndicatorRef = Type.String({
  minLength: 1, maxLength: INDICATOR_REF_MAX,
  description: 'one of the member\'s indicators, `<scheme code>:<indicator id>` as GET /api/logs/indicators lists them',
});
const TaskRef = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.:#/-]{0,63}$', description: 'task reference (letters, digits, _ . : # / -; ≤ 64)' });
const Content = Type.String({ minLength: 1, maxLength: 5000, description: 'plain text with line breaks, not blank, ≤ 5 000 characters' });
/**
 * A type list, not `Nullable(…)`: with Ajv's type coercion an `anyOf [integer, null]` turns a
 * rejected 0 into null instead of refusing it.
 */
const OptionalMinutes = Type.Unsafe<number | null>({ type: ['integer', 'null'], minimum: 1, maximum: 1440, description: 'time spent, minutes (1–1440)' });

export const CreateLogBody = StrictObject({
  date: Type.Optional(DateString('default today (Asia/Shanghai); up to 7 days back (marked late)')),
  kind: Kind,
  content: Content,
  indicator: Type.Optional(Nullable(IndicatorRef)),
  task: Type.Optional(Nullable(TaskRef)),
  minutes: Type.Optional(OptionalMinutes),
});

export const UpdateLogBody = StrictObject({
  date: Type.Optional(DateString()),
  kind: Type.Optional(Kind),
  content: Type.Optional(Content),
  indicator: Type.Optional(Nullable(IndicatorRef)),
  task: Type.Optional(Nullable(TaskRef)),
  minutes: Type.Optional(OptionalMinutes),
});

export const FeedQuery = StrictObject({
  ...PageQuery,
  person: Type.Optional(Type.Integer({ minimum: 1 })),
  unit: Type.Optional(Type.Integer({ minimum: 1 })),
  subtree: Type.Optional(Type.Boolean({ default: true })),
  kind: Type.Optional(Type.Array(Kind, { maxItems: 3, description: 'repeat for several: ?kind=routine&kind=key_task' })),
  indicator: Type.Optional(IndicatorRef),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'words (Chinese matched as text, ASCII as words); all must match' })),
  flagged: Type.Optional(Type.Boolean({ description: 'only entries with an open follow-up flag' })),
});

const FlagSchema = Type.Object({
  id: Type.Integer(),
  note: Type.String(),
  flaggedBy: Type.String(),
  createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
  resolutionNote: Nullable(Type.String()),
});

export const LogIndicatorsResponse = Type.Object({
  items: Type.Array(Type.Object({
    ref: Type.String({ description: 'what an entry stores in `indicator`: `<scheme code>:<indicator id>`' }),
    id: Type.String(),
    name: Type.String(),
    kind: Nullable(Type.Union([Type.Literal('key'), Type.Literal('regular'), Type.Literal('dynamic')])),
    scheme: Type.Object({ code: Type.String(), name: Type.String() }),
  }), { description: 'the indicators of the current (open or reviewing) periods the member takes part in, key ones first' }),
});

export const LogEntrySchema = Type.Object({
  id: Type.Integer(),
  date: Type.String(),
  kind: Kind,
  content: Type.String({ description: 'plain text, never HTML: render as text' }),
  indicator: Nullable(Type.String()),
  indicatorName: Nullable(Type.String({ description: "the indicator's name; null when the reference names no known indicator" })),
  task: Nullable(Type.String()),
  minutes: Nullable(Type.Integer()),
  late: Type.Boolean(),
  author: Type.Object({ personId: Type.Integer(), name: Type.String(), employeeNo: Type.String(), unitId: Type.Integer(), unitName: Type.String() }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  editableUntil: Type.String(),
  frozen: Type.Boolean(),
  attachments: Type.Array(AttachmentSchema),
  commentCount: Type.Integer(),
  likeCount: Type.Integer(),
  likedByMe: Type.Boolean(),
  openFlag: Nullable(FlagSchema),
  can: Type.Object({ edit: Type.Boolean(), comment: Type.Boolean(), like: Type.Boolean(), flag: Type.Boolean() }),
});

export const CommentSchema = Type.Object({
  id: Type.Integer(),
  logId: Type.Integer(),
  content: Type.String(),
  createdAt: Type.String(),
  author: Type.Object({ accountId: Type.Integer(), personId: Nullable(Type.Integer()), name: Type.String(), isEntryAuthor: Type.Boolean() }),
});

export const LogDetailSchema = Type.Intersect([LogEntrySchema, Type.Object({ comments: Type.Array(CommentSchema), flags: Type.Array(FlagSchema) })]);

export const FeedResponse = Type.Object({ items: Type.Array(LogEntrySchema), nextCursor: Nullable(Type.String()) });

export const CommentBody = StrictObject({ content: Type.String({ minLength: 1, maxLength: 2000 }) });
export const FlagBody = StrictObject({ note: Type.String({ minLength: 1, maxLength: 500 }) });
export const ResolveFlagBody = StrictObject({ note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) });
export const FlagParams = StrictObject({ id: Type.Integer({ minimum: 1 }), flagId: Type.Integer({ minimum: 1 }) });
export const FlagResponse = FlagSchema;
export const LikeResponse = Type.Object({ logId: Type.Integer(), likeCount: Type.Integer(), likedByMe: Type.Boolean() });

export const CalendarMonthQuery = StrictObject({
  month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' }),
  person: Type.Optional(Type.Integer({ minimum: 1, description: 'default: yourself' })),
});

export const SummaryQuery = StrictObject({
  person: Type.Optional(Type.Integer({ minimum: 1, description: 'default: yourself' })),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
  period: Type.Optional(Type.Union([Type.Literal('week'), Type.Literal('month')])),
  date: Type.Optional(DateString('a date inside the week or month (default today)')),
});

export const UnitRangeQuery = StrictObject({
  unit: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the unit you lead' })),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
});

export const StatsQuery = StrictObject({
  unit: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the unit you lead' })),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
  idleDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, description: 'who has not logged for this many working days (default 3)' })),
});

export const SpotCheckBody = StrictObject({
  unit: Type.Integer({ minimum: 1 }),
  count: Type.Integer({ minimum: 1, maximum: 100 }),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
  seed: Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' })),
});

export const SpotCheckListQuery = StrictObject({ ...PageQuery, unit: Type.Optional(Type.Integer({ minimum: 1 })) });



