import { Type, type Static } from 'typebox';
import { AttachmentSchema } from './attachments.js';
import { DateString, FileResponse, Listed, LiteralUnion, Nullable, PageQuery, Paged, StrictObject } from './common.js';
import { IndicatorKindSchema } from './schemes.js';
import { DayInfoProperties } from './work-calendar.js';
import { INDICATOR_REF_MAX, WORK_LOG_KINDS } from './vocabulary.js';

/**
 * Work records (工作纪实, docs/api-worklogs.md): entries, the feed, comments, likes, follow-up flags,
 * and what is read off the log (a month's calendar, reminders, summaries, statistics, spot checks).
 */

export const Kind = LiteralUnion(WORK_LOG_KINDS, { description: 'routine 日常工作 · key_task 重点任务 · dynamic_task 动态任务' });
export type WorkLogKind = Static<typeof Kind>;
/** A count per kind of entry. */
export const KindCountsSchema = Type.Object({ routine: Type.Integer(), key_task: Type.Integer(), dynamic_task: Type.Integer() });
export type KindCounts = Static<typeof KindCountsSchema>;

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
export type CreateLogBody = Static<typeof CreateLogBody>;

export const UpdateLogBody = StrictObject({
  date: Type.Optional(DateString()),
  kind: Type.Optional(Kind),
  content: Type.Optional(Content),
  indicator: Type.Optional(Nullable(IndicatorRef)),
  task: Type.Optional(Nullable(TaskRef)),
  minutes: Type.Optional(OptionalMinutes),
});
export type UpdateLogBody = Static<typeof UpdateLogBody>;

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
export type FeedQuery = Static<typeof FeedQuery>;

const FlagSchema = Type.Object({
  id: Type.Integer(),
  note: Type.String(),
  flaggedBy: Type.String(),
  createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
  resolutionNote: Nullable(Type.String()),
});
export type LogFlag = Static<typeof FlagSchema>;

/** An indicator a member may link an entry to: one of the schemes of the current (open or reviewing) periods he takes part in. */
export const LinkableIndicatorSchema = Type.Object({
  ref: Type.String({ description: 'what an entry stores in `indicator`: `<scheme code>:<indicator id>`' }),
  id: Type.String(),
  name: Type.String(),
  kind: Nullable(IndicatorKindSchema),
  scheme: Type.Object({ code: Type.String(), name: Type.String() }),
});
export type LinkableIndicator = Static<typeof LinkableIndicatorSchema>;

export const LogIndicatorsResponse = Type.Object({
  items: Type.Array(LinkableIndicatorSchema, { description: 'the indicators of the current (open or reviewing) periods the member takes part in, key ones first' }),
});
export type LogIndicators = Static<typeof LogIndicatorsResponse>;

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
export type LogEntry = Static<typeof LogEntrySchema>;

export const CommentSchema = Type.Object({
  id: Type.Integer(),
  logId: Type.Integer(),
  content: Type.String(),
  createdAt: Type.String(),
  author: Type.Object({ accountId: Type.Integer(), personId: Nullable(Type.Integer()), name: Type.String(), isEntryAuthor: Type.Boolean() }),
});
export type LogComment = Static<typeof CommentSchema>;
export const CommentListResponse = Listed(CommentSchema);
export type CommentList = Static<typeof CommentListResponse>;

export const LogDetailSchema = Type.Intersect([LogEntrySchema, Type.Object({ comments: Type.Array(CommentSchema), flags: Type.Array(FlagSchema) })]);
export type LogDetail = Static<typeof LogDetailSchema>;

export const FeedResponse = Paged(LogEntrySchema);
export type FeedResponse = Static<typeof FeedResponse>;

export const CommentBody = StrictObject({ content: Type.String({ minLength: 1, maxLength: 2000 }) });
export type CommentBody = Static<typeof CommentBody>;
export const FlagBody = StrictObject({ note: Type.String({ minLength: 1, maxLength: 500 }) });
export type FlagBody = Static<typeof FlagBody>;
export const ResolveFlagBody = StrictObject({ note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) });
export type ResolveFlagBody = Static<typeof ResolveFlagBody>;
export const FlagParams = StrictObject({ id: Type.Integer({ minimum: 1 }), flagId: Type.Integer({ minimum: 1 }) });
export const FlagResponse = FlagSchema;
export const LikeResponse = Type.Object({ logId: Type.Integer(), likeCount: Type.Integer(), likedByMe: Type.Boolean() });
export type LikeResponse = Static<typeof LikeResponse>;

// ---- what is read off the log (the server's worklog-reports)

/** A person as the reports name him. */
const ReportPerson = Type.Object({ id: Type.Integer(), name: Type.String(), unitId: Type.Integer(), unitName: Type.String() });

export const MonthDaySchema = Type.Object({
  ...DayInfoProperties,
  entries: Type.Integer(),
  missed: Type.Boolean({ description: 'a working day without an entry, on or after his start and before today' }),
  isToday: Type.Boolean(),
  canWrite: Type.Boolean({ description: 'his own, not in the future, and not older than the backfill window' }),
});
export type MonthDay = Static<typeof MonthDaySchema>;

export const MonthViewResponse = Type.Object({
  month: Type.String(),
  person: ReportPerson,
  startDate: Nullable(Type.String({ description: 'his first assignment: no day before it is missed' })),
  today: Type.String(),
  totals: Type.Object({ workingDays: Type.Integer(), daysLogged: Type.Integer(), entries: Type.Integer(), missedDays: Type.Integer() }),
  days: Type.Array(MonthDaySchema),
});
export type MonthView = Static<typeof MonthViewResponse>;

export const RemindersResponse = Type.Object({
  today: Type.String({ description: 'today in Asia/Shanghai' }),
  todayIsWorkingDay: Type.Boolean(),
  todayLogged: Type.Boolean(),
  missedDays: Type.Array(Type.Object({ date: Type.String(), name: Nullable(Type.String()), backfillUntil: Type.String() })),
  count: Type.Integer(),
});
export type Reminders = Static<typeof RemindersResponse>;

export const WorkLogSummarySchema = Type.Object({
  person: ReportPerson,
  from: Type.String(),
  to: Type.String(),
  entries: Type.Integer(),
  byKind: KindCountsSchema,
  indicators: Type.Array(Type.Object({
    indicator: Type.String(),
    name: Nullable(Type.String({ description: "the indicator's name; null when the reference names no known indicator" })),
    entries: Type.Integer(),
    minutes: Type.Integer(),
  })),
  minutes: Type.Integer(),
  daysLogged: Type.Integer(),
  workingDays: Type.Integer(),
  missedDays: Type.Array(Type.String()),
  lateEntries: Type.Integer(),
  comments: Type.Array(Type.Object({
    id: Type.Integer(), logId: Type.Integer(), logDate: Type.String(), author: Type.Object({ accountId: Type.Integer(), name: Type.String() }),
    content: Type.String(), createdAt: Type.String(),
  })),
  openFlags: Type.Array(Type.Object({
    id: Type.Integer(), logId: Type.Integer(), logDate: Type.String(), note: Type.String(), flaggedBy: Type.String(), createdAt: Type.String(),
  })),
});
export type WorkLogSummary = Static<typeof WorkLogSummarySchema>;

export const StatsPersonSchema = Type.Object({
  personId: Type.Integer(),
  name: Type.String(),
  employeeNo: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  entries: Type.Integer(),
  byKind: KindCountsSchema,
  daysLogged: Type.Integer(),
  missedWorkingDays: Type.Integer(),
  lateEntries: Type.Integer(),
  comments: Type.Integer(),
  lastLogDate: Nullable(Type.String()),
  idleWorkingDays: Type.Integer(),
});
export type StatsPerson = Static<typeof StatsPersonSchema>;

export const WorkLogStatsResponse = Type.Object({
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  from: Type.String(),
  to: Type.String(),
  today: Type.String(),
  idleDays: Type.Integer(),
  totals: Type.Object({ people: Type.Integer(), entries: Type.Integer(), byKind: KindCountsSchema, lateEntries: Type.Integer(), peopleWithoutEntries: Type.Integer() }),
  people: Type.Array(StatsPersonSchema),
  weeks: Type.Array(Type.Object({ weekStart: Type.String(), weekEnd: Type.String(), entries: Type.Integer(), byKind: KindCountsSchema })),
  idle: Type.Array(Type.Object({
    personId: Type.Integer(), name: Type.String(), unitId: Type.Integer(), unitName: Type.String(), lastLogDate: Nullable(Type.String()), idleWorkingDays: Type.Integer(),
  })),
});
export type WorkLogStats = Static<typeof WorkLogStatsResponse>;

export const WorkLogExportResponse = FileResponse('an .xlsx digest of the unit: 汇总 (one row per person) and 日志明细 (every entry)');

export const SpotCheckSchema = Type.Object({
  id: Type.Integer(),
  unit: Type.Object({ id: Type.Integer(), name: Type.String() }),
  from: Type.String(),
  to: Type.String(),
  count: Type.Integer(),
  seed: Type.String(),
  candidateCount: Type.Integer(),
  candidatesSha256: Type.String(),
  drawnIds: Type.Array(Type.Integer()),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
export type SpotCheck = Static<typeof SpotCheckSchema>;
export const SpotCheckListResponse = Paged(SpotCheckSchema);
export type SpotCheckList = Static<typeof SpotCheckListResponse>;

export const SpotCheckDetailSchema = Type.Intersect([SpotCheckSchema, Type.Object({
  entries: Type.Array(LogEntrySchema),
  verification: Type.Object({
    candidatesUnchanged: Type.Boolean({ description: 'false when entries of the range were written or moved since (a backfill)' }),
    redrawMatches: Type.Boolean({ description: 'the draw re-run from the stored seed gives the same entries' }),
  }),
})]);
export type SpotCheckDetail = Static<typeof SpotCheckDetailSchema>;

export const CalendarMonthQuery = StrictObject({
  month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' }),
  person: Type.Optional(Type.Integer({ minimum: 1, description: 'default: yourself' })),
});
export type CalendarMonthQuery = Static<typeof CalendarMonthQuery>;

export const SummaryQuery = StrictObject({
  person: Type.Optional(Type.Integer({ minimum: 1, description: 'default: yourself' })),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
  period: Type.Optional(Type.Union([Type.Literal('week'), Type.Literal('month')])),
  date: Type.Optional(DateString('a date inside the week or month (default today)')),
});
export type SummaryQuery = Static<typeof SummaryQuery>;

export const UnitRangeQuery = StrictObject({
  unit: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the unit you lead' })),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
});
export type UnitRangeQuery = Static<typeof UnitRangeQuery>;

export const StatsQuery = StrictObject({
  unit: Type.Optional(Type.Integer({ minimum: 1, description: 'default: the unit you lead' })),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
  idleDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 60, description: 'who has not logged for this many working days (default 3)' })),
});
export type StatsQuery = Static<typeof StatsQuery>;

export const SpotCheckBody = StrictObject({
  unit: Type.Integer({ minimum: 1 }),
  count: Type.Integer({ minimum: 1, maximum: 100 }),
  from: Type.Optional(DateString()),
  to: Type.Optional(DateString()),
  seed: Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' })),
});
export type SpotCheckBody = Static<typeof SpotCheckBody>;

export const SpotCheckListQuery = StrictObject({ ...PageQuery, unit: Type.Optional(Type.Integer({ minimum: 1 })) });
