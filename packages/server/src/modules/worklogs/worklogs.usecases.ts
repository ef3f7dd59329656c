import { addCalendarDays } from '@baton/engine';
import type { Attachment } from '@baton/contract/attachments';
import type {
  CommentBody, CommentList, CreateLogBody, FeedQuery as FeedParams, FeedResponse, FlagBody, LikeResponse, LinkableIndicator, LogComment, LogDetail,
  LogEntry, LogFlag, ResolveFlagBody, UpdateLogBody,
} from '@baton/contract/worklogs';
import type { AppDeps } from '../../app/deps.js';
import { isValidDate, localDateOf } from '../../app/dates.js';
import { createFieldError, createForbiddenError, createNotFoundError } from '../../app/errors.js';
import type { Db } from '../../db/kysely.js';
import type { WorkLogAttachment, WorkLogKind } from '../../db/schema.js';
import { type Actor, authorize, can, canReviewLog, canSeeLog, isOwnLog, logAbilitiesOf, type LogAccess, mayReplyOnLog, reviewScopeOf, unitScopeOf } from '../../policies/index.js';
import { appendAuditRecords } from '../audit/index.js';
import { openVisibleUnit, resolveVisibleUnitIds } from '../org/index.js';
import { findUnitOfPersonOn } from '../people/index.js';
import { insertNotifications, type NewNotification } from '../notifications/index.js';
import {
  countCommentsOfLogs, countLikesOfLogs, deleteLike, findCommentView, findFlagView, insertComment, insertFlag, insertLike, listCommenterAccountIds, listCommentsOfLog, listFlagsOfLog, listLogIdsLikedBy, listOpenFlagsOfLogs, resolveFlag, type CommentView, type FlagView,
} from './worklog-comments.repository.js';
import { findAccountIdOfPerson, findPersonBrief } from './worklog-reports.repository.js';
import { findWorkLogView, listWorkLogViewsByIds, updateWorkLog, type WorkLogChanges, type WorkLogView } from './worklogs.repository.js';
import { listAttachmentsOfLogs } from './worklog-attachments.repository.js';
import { listFeedPage } from './worklog-feed.repository.js';
import {
  BACKFILL_DAYS, EDIT_WINDOW_DAYS, createBlankTextError, createFlagResolvedError, createLogDateError, createLogFrozenError, createNoPersonError, createNotAuthorError, createOwnEntryError, createReplyOnlyError,
} from './worklogs.errors.js';
import { extractSearchTerms, planSearch } from './worklogs.search.js';
import { enqueueWorkLog } from './worklogs.write-queue.js';
import { checkLogIndicator, listLogIndicators, resolveIndicatorNames } from './log-indicators.js';
import { dateIdCursor } from '../../app/cursors.js';
import { inTransaction } from '../../db/transactions.js';

type Deps = Pick<AppDeps, 'db' | 'now'>;

export const WORK_LOG_KINDS = ['routine', 'key_task', 'dynamic_task'] as const satisfies readonly WorkLogKind[];
export const WORK_LOG_KIND_LABELS: Record<WorkLogKind, string> = { routine: '日常工作', key_task: '重点任务', dynamic_task: '动态任务' };

const EDIT_WINDOW_MS = EDIT_WINDOW_DAYS * 24 * 60 * 60 * 1000;

/** docs/product.md §4: an entry is editable by its author for 7 days after it was written, then frozen. */
export function editableUntilOf(createdAt: string): string {
  return new Date(Date.parse(createdAt) + EDIT_WINDOW_MS).toISOString();
}

export function isFrozen(createdAt: string, now: Date): boolean {
  return now.getTime() >= Date.parse(createdAt) + EDIT_WINDOW_MS;
}

let lastLocalDate = { minute: Number.NaN, date: '' };

/**
 * `localDateOf` (Asia/Shanghai) memoised per minute — exact, as the zone's offset is whole hours — so
 * a burst of writes does not build a time-zone formatter per request.
 */
function localDateOfCached(at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== lastLocalDate.minute) lastLocalDate = { minute, date: localDateOf(at) };
  return lastLocalDate.date;
}

/** The earliest date an entry may be written for today: backfilling (补报) reaches 7 days back. */
export function earliestBackfillDate(today: string): string {
  return addCalendarDays(today, -BACKFILL_DAYS);
}

function checkLogDate(date: string, today: string): void {
  if (!isValidDate(date)) throw createLogDateError('must be a date YYYY-MM-DD');
  if (date > today) throw createLogDateError(`must not be in the future (today is ${today})`);
  const earliest = earliestBackfillDate(today);
  if (date < earliest) throw createLogDateError(`can be backfilled at most ${BACKFILL_DAYS} days back (not before ${earliest})`);
}

/** Plain text: line breaks kept (CRLF → LF), surrounding blanks dropped; never HTML. */
export function normalizeContent(content: string, path = '/content'): string {
  const text = content.replace(/\r\n?/g, '\n').trim();
  if (text.length === 0) throw createBlankTextError(path);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Who may see and do what with an entry. Scopes are resolved once per request, in bulk.

export async function loadLogAccess(db: Db, actor: Actor): Promise<LogAccess> {
  const [visible, reviewable] = await Promise.all([
    resolveVisibleUnitIds(db, unitScopeOf(actor)),
    can(actor, 'log.review') ? resolveVisibleUnitIds(db, reviewScopeOf(actor)) : Promise.resolve(null),
  ]);
  return { actor, visible, reviewable };
}

async function loadVisibleLog(db: Db, access: LogAccess, id: number): Promise<WorkLogView> {
  const log = await findWorkLogView(db, id);
  if (!log || !canSeeLog(access, log)) throw createNotFoundError('log', id);
  return log;
}

// ---------------------------------------------------------------------------------------------
// Presenting entries: one batch of small queries per page, whatever its size.

export function presentAttachment(a: WorkLogAttachment): Attachment {
  return { id: a.id, fileName: a.file_name, mimeType: a.mime_type, size: a.size_bytes, sha256: a.sha256, createdAt: a.created_at, url: `/api/attachments/${a.id}` };
}

function presentFlag(f: FlagView): LogFlag {
  return {
    id: f.id, note: f.note, flaggedBy: f.flagged_by, createdAt: f.created_at,
    resolvedAt: f.resolved_at, resolvedBy: f.resolved_by_name, resolutionNote: f.resolution_note,
  };
}

export function presentComment(c: CommentView, log: Pick<WorkLogView, 'person_id'>): LogComment {
  return {
    id: c.id, logId: c.log_id, content: c.content, createdAt: c.created_at,
    author: { accountId: c.account_id, personId: c.person_id, name: c.author_name, isEntryAuthor: c.person_id !== null && c.person_id === log.person_id },
  };
}

export type PresentedEntry = LogEntry;

interface EntryDecorations {
  attachments: Map<number, WorkLogAttachment[]>;
  comments: Map<number, number>;
  likes: Map<number, number>;
  liked: Set<number>;
  flags: Map<number, FlagView>;
  /** Indicator references → names (log-indicators.ts). */
  indicatorNames: Map<string, string>;
}

const NO_DECORATIONS: EntryDecorations = { attachments: new Map(), comments: new Map(), likes: new Map(), liked: new Set(), flags: new Map(), indicatorNames: new Map() };

function presentEntry(access: LogAccess, l: WorkLogView, d: EntryDecorations, now: Date): LogEntry {
  const commentCount = d.comments.get(l.id) ?? 0;
  const frozen = isFrozen(l.created_at, now);
  const flag = d.flags.get(l.id);
  return {
    id: l.id,
    date: l.log_date,
    kind: l.kind,
    content: l.content,
    indicator: l.indicator_ref,
    indicatorName: l.indicator_ref === null ? null : (d.indicatorNames.get(l.indicator_ref) ?? null),
    task: l.task_ref,
    minutes: l.minutes,
    late: l.late === 1,
    author: { personId: l.person_id, name: l.person_name, employeeNo: l.employee_no, unitId: l.unit_id, unitName: l.unit_name },
    createdAt: l.created_at,
    updatedAt: l.updated_at,
    editableUntil: editableUntilOf(l.created_at),
    frozen,
    attachments: (d.attachments.get(l.id) ?? []).map(presentAttachment),
    commentCount,
    likeCount: d.likes.get(l.id) ?? 0,
    likedByMe: d.liked.has(l.id),
    openFlag: flag ? presentFlag(flag) : null,
    can: logAbilitiesOf(access, l, { frozen, commentCount }),
  };
}

export async function presentEntries(db: Db, access: LogAccess, logs: WorkLogView[], now: Date): Promise<LogEntry[]> {
  const ids = logs.map((l) => l.id);
  const [attachments, comments, likes, liked, flags, indicatorNames] = await Promise.all([
    listAttachmentsOfLogs(db, ids), countCommentsOfLogs(db, ids), countLikesOfLogs(db, ids),
    listLogIdsLikedBy(db, access.actor.accountId, ids), listOpenFlagsOfLogs(db, ids), resolveIndicatorNames(db, logs.map((l) => l.indicator_ref)),
  ]);
  return logs.map((l) => presentEntry(access, l, { attachments, comments, likes, liked, flags, indicatorNames }, now));
}

async function presentOne(db: Db, access: LogAccess, id: number, now: Date) {
  const [entry] = await presentEntries(db, access, await listWorkLogViewsByIds(db, [id]), now);
  return entry!;
}

// ---------------------------------------------------------------------------------------------
// Writing and editing.

/** `date`: default today (Asia/Shanghai). */
export type WorkLogInput = CreateLogBody;

const auditOf = (actor: Actor) => ({ actorId: actor.accountId, actorLabel: actor.username });

function auditedFields(l: { log_date: string; kind: WorkLogKind; content: string; indicator_ref: string | null; task_ref: string | null; minutes: number | null; late: number }) {
  return { date: l.log_date, kind: l.kind, content: l.content, indicator: l.indicator_ref, task: l.task_ref, minutes: l.minutes, late: l.late === 1 };
}

/**
 * A member writes an entry of his work log: today's, or one of the last 7 days (补报, marked late).
 * The entry belongs to the unit the person was in on that date. Written with its audit record in
 * one transaction, through the group-commit queue (worklogs.write-queue.ts).
 */
export async function writeWorkLog({ db, now }: Deps, actor: Actor, input: WorkLogInput): Promise<LogEntry> {
  authorize(actor, 'log.write');
  const personId = actor.personId;
  if (personId === null) throw createNoPersonError();
  const at = now();
  const atIso = at.toISOString();
  const today = localDateOfCached(at);
  const date = input.date ?? today;
  // Today needs no checking (and skipping it spares a date parse on every post).
  if (input.date !== undefined && input.date !== today) checkLogDate(date, today);
  const content = normalizeContent(input.content);
  const indicator = input.indicator ?? null;
  const indicatorNames = indicator === null ? NO_DECORATIONS.indicatorNames : new Map([[indicator, await checkLogIndicator(db, personId, indicator, at)]]);
  const row = {
    person_id: personId, log_date: date, kind: input.kind, content, indicator_ref: indicator, task_ref: input.task ?? null,
    minutes: input.minutes ?? null, late: date < today ? 1 : 0, created_by: actor.accountId, created_at: atIso, updated_at: atIso,
  };
  const view = await enqueueWorkLog(db, now, {
    actor, row, terms: extractSearchTerms(content),
    audit: (id) => ({ ...auditOf(actor), action: 'log.created', entity: 'work_log', entityId: id, after: { personId, ...auditedFields(row) } }),
  });
  // A new entry has no comments, likes, flags or attachments yet, and only its author to act on it:
  // no scope needs resolving to present it.
  return presentEntry({ actor, visible: new Set(), reviewable: null }, view, { ...NO_DECORATIONS, indicatorNames }, at);
}

/** The indicators the member may link his entries to (log-indicators.ts). */
export async function listMyLogIndicators({ db, now }: Deps, actor: Actor): Promise<LinkableIndicator[]> {
  authorize(actor, 'log.write');
  if (actor.personId === null) throw createNoPersonError();
  return listLogIndicators(db, actor.personId, now());
}

export type WorkLogChangesInput = UpdateLogBody;

/**
 * The author edits his entry within 7 days of writing it (docs/product.md §4); after that it is frozen (409
 * `log.frozen`). Someone else's entry answers 404 when out of his scope, 403 when he can see it.
 */
export async function editWorkLog({ db, now }: Deps, actor: Actor, id: number, changes: WorkLogChangesInput): Promise<LogEntry> {
  authorize(actor, 'log.write');
  const at = now();
  const atIso = at.toISOString();
  const access = await loadLogAccess(db, actor);
  await inTransaction(db, async (trx) => {
    const before = await loadVisibleLog(trx, access, id);
    if (!isOwnLog(actor, before)) throw createNotAuthorError();
    if (isFrozen(before.created_at, at)) throw createLogFrozenError(id, editableUntilOf(before.created_at));
    const update: WorkLogChanges = { updated_at: atIso };
    if (changes.date !== undefined && changes.date !== before.log_date) {
      checkLogDate(changes.date, localDateOf(at));
      update.log_date = changes.date;
      update.late = changes.date < localDateOf(new Date(before.created_at)) ? 1 : 0;
      update.unit_id = (await findUnitOfPersonOn(trx, before.person_id, changes.date)) ?? before.unit_id;
    }
    if (changes.kind !== undefined) update.kind = changes.kind;
    if (changes.content !== undefined) update.content = normalizeContent(changes.content);
    if (changes.indicator !== undefined && changes.indicator !== before.indicator_ref) {
      if (changes.indicator !== null) await checkLogIndicator(trx, before.person_id, changes.indicator, at);
      update.indicator_ref = changes.indicator;
    }
    if (changes.task !== undefined) update.task_ref = changes.task;
    if (changes.minutes !== undefined) update.minutes = changes.minutes;
    const after = { ...before, ...update };
    const reindex = after.content !== before.content || after.log_date !== before.log_date || after.unit_id !== before.unit_id || after.kind !== before.kind;
    await updateWorkLog(trx, before, update, reindex ? extractSearchTerms(after.content) : undefined);
    await appendAuditRecords(trx, [{ ...auditOf(actor), action: 'log.updated', entity: 'work_log', entityId: id, before: auditedFields(before), after: auditedFields(after) }], atIso);
  });
  return presentOne(db, access, id, at);
}

// ---------------------------------------------------------------------------------------------
// Reading: one entry, and the team feed (横向了解).

export async function getWorkLog({ db, now }: Deps, actor: Actor, id: number): Promise<LogDetail> {
  const access = await loadLogAccess(db, actor);
  const log = await loadVisibleLog(db, access, id);
  const [entry, comments, flags] = await Promise.all([presentOne(db, access, id, now()), listCommentsOfLog(db, id), listFlagsOfLog(db, id)]);
  return { ...entry, comments: comments.map((c) => presentComment(c, log)), flags: flags.map(presentFlag) };
}

/** The feed's filters (GET /api/logs; `subtree`: with the unit's sub-units, default true) with the decoded cursor. */
export type FeedQuery = Omit<FeedParams, 'cursor' | 'limit'> & { after?: { date: string; id: number } | undefined; limit: number };

/**
 * The team feed, newest first (log date desc, id desc). Members read their own unit's entries,
 * leaders their subtree, admin and auditor everything, everyone his own; an explicit person or unit
 * filter outside the scope answers 404 like a missing one.
 */
export async function listWorkLogFeed({ db, now }: Deps, actor: Actor, query: FeedQuery): Promise<FeedResponse> {
  const access = await loadLogAccess(db, actor);
  const { visible } = access;
  let unitIds: number[] | null = visible === 'all' ? null : [...visible];
  let alsoPersonId = actor.personId;
  if (query.unit !== undefined) {
    unitIds = (await openVisibleUnit(db, visible, query.unit, { subtree: query.subtree !== false })).unitIds;
    alsoPersonId = null;
  }
  if (query.person !== undefined) {
    const person = await findPersonBrief(db, query.person);
    const seen = person && (person.id === actor.personId || visible === 'all' || visible.has(person.unit_id));
    if (!seen) throw createNotFoundError('person', query.person);
  }
  if (query.from !== undefined && !isValidDate(query.from)) throw createFieldError('/from', 'must be a date YYYY-MM-DD');
  if (query.to !== undefined && !isValidDate(query.to)) throw createFieldError('/to', 'must be a date YYYY-MM-DD');
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) throw createFieldError('/to', 'must not be before from');
  const search = query.q !== undefined ? planSearch(query.q) ?? undefined : undefined;
  const page = await listFeedPage(db, {
    unitIds, alsoPersonId, personId: query.person, kinds: query.kind, indicator: query.indicator, from: query.from, to: query.to,
    search, flaggedOnly: query.flagged, after: query.after, limit: query.limit,
  });
  const logs = await listWorkLogViewsByIds(db, page.map((p) => p.id));
  const items = await presentEntries(db, access, logs, now());
  const last = page[page.length - 1];
  return { items, nextCursor: page.length === query.limit && last ? dateIdCursor.encode({ date: last.log_date, id: last.id }) : null };
}

// ---------------------------------------------------------------------------------------------
// Comments, likes and follow-up flags; each tells the author (in-app notification).

async function displayNameOf(db: Db, actor: Actor): Promise<string> {
  if (actor.personId === null) return actor.username;
  return (await findPersonBrief(db, actor.personId))?.name ?? actor.username;
}

const excerptOf = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

export async function listWorkLogComments({ db }: Deps, actor: Actor, logId: number): Promise<CommentList> {
  const access = await loadLogAccess(db, actor);
  const log = await loadVisibleLog(db, access, logId);
  return { items: (await listCommentsOfLog(db, logId)).map((c) => presentComment(c, log)) };
}

/**
 * Leaders of the entry's subtree and admin comment (点评); the author may reply once a thread exists.
 * Anyone else who can see the entry gets 403, someone who cannot gets 404.
 */
export async function commentOnWorkLog({ db, now }: Deps, actor: Actor, logId: number, input: CommentBody): Promise<LogComment> {
  const at = now().toISOString();
  const access = await loadLogAccess(db, actor);
  const content = normalizeContent(input.content);
  const commentId = await inTransaction(db, async (trx) => {
    const log = await loadVisibleLog(trx, access, logId);
    const isAuthor = isOwnLog(actor, log);
    let recipients: number[];
    if (isAuthor) {
      const commenters = (await listCommenterAccountIds(trx, logId)).filter((a) => a !== actor.accountId);
      if (!mayReplyOnLog(actor, log, commenters.length)) throw createReplyOnlyError();
      recipients = commenters;
    } else {
      if (!canReviewLog(access, log)) throw createForbiddenError('comment on this entry: leaders of its unit and admin comment');
      const author = await findAccountIdOfPerson(trx, log.person_id);
      recipients = author !== undefined && author !== actor.accountId ? [author] : [];
    }
    const id = await insertComment(trx, { logId, accountId: actor.accountId, personId: actor.personId, content, now: at });
    const name = await displayNameOf(trx, actor);
    const message = isAuthor ? `${name}回复了${log.log_date}工作日志的点评` : `${name}点评了你${log.log_date}的工作日志`;
    await insertNotifications(trx, recipients.map((accountId): NewNotification => ({
      accountId, kind: isAuthor ? 'log.reply' : 'log.comment', message, entity: 'work_log', entityId: logId,
      data: { logId, logDate: log.log_date, commentId: id, actorName: name, excerpt: excerptOf(content) },
    })), at);
    await appendAuditRecords(trx, [{ ...auditOf(actor), action: 'log.commented', entity: 'work_log', entityId: logId, after: { commentId: id, content } }], at);
    return id;
  });
  const [comment, log] = await Promise.all([findCommentView(db, commentId), findWorkLogView(db, logId)]);
  return presentComment(comment!, log!);
}

/** Likes (点赞) an entry one can see and did not write; idempotent. */
export async function likeWorkLog({ db, now }: Deps, actor: Actor, logId: number): Promise<LikeResponse> {
  const at = now().toISOString();
  const access = await loadLogAccess(db, actor);
  await inTransaction(db, async (trx) => {
    const log = await loadVisibleLog(trx, access, logId);
    authorize(actor, 'log.like');
    if (isOwnLog(actor, log)) throw createOwnEntryError('like');
    if (!(await insertLike(trx, logId, actor.accountId, at))) return;
    const author = await findAccountIdOfPerson(trx, log.person_id);
    if (author === undefined) return;
    const name = await displayNameOf(trx, actor);
    await insertNotifications(trx, [{
      accountId: author, kind: 'log.like', message: `${name}赞了你${log.log_date}的工作日志`, entity: 'work_log', entityId: logId,
      data: { logId, logDate: log.log_date, actorName: name },
    }], at);
  });
  return likeStateOf(db, actor, logId);
}

export async function unlikeWorkLog({ db }: Deps, actor: Actor, logId: number): Promise<LikeResponse> {
  const access = await loadLogAccess(db, actor);
  await loadVisibleLog(db, access, logId);
  await deleteLike(db, logId, actor.accountId);
  return likeStateOf(db, actor, logId);
}

async function likeStateOf(db: Db, actor: Actor, logId: number) {
  const [counts, liked] = await Promise.all([countLikesOfLogs(db, [logId]), listLogIdsLikedBy(db, actor.accountId, [logId])]);
  return { logId, likeCount: counts.get(logId) ?? 0, likedByMe: liked.has(logId) };
}

/** A leader flags an entry of his subtree for follow-up (跟进), with a note; the author is told. */
export async function flagWorkLog({ db, now }: Deps, actor: Actor, logId: number, input: FlagBody): Promise<LogFlag> {
  const at = now().toISOString();
  const access = await loadLogAccess(db, actor);
  const note = normalizeContent(input.note, '/note');
  const flagId = await inTransaction(db, async (trx) => {
    const log = await loadVisibleLog(trx, access, logId);
    if (isOwnLog(actor, log)) throw createOwnEntryError('flag');
    if (!canReviewLog(access, log)) throw createForbiddenError('flag this entry: leaders of its unit and admin flag');
    const id = await insertFlag(trx, { logId, accountId: actor.accountId, note, now: at });
    const author = await findAccountIdOfPerson(trx, log.person_id);
    const name = await displayNameOf(trx, actor);
    if (author !== undefined) {
      await insertNotifications(trx, [{
        accountId: author, kind: 'log.flag', message: `${name}将你${log.log_date}的工作日志标记为需跟进：${excerptOf(note)}`, entity: 'work_log', entityId: logId,
        data: { logId, logDate: log.log_date, flagId: id, actorName: name, note },
      }], at);
    }
    await appendAuditRecords(trx, [{ ...auditOf(actor), action: 'log.flagged', entity: 'work_log', entityId: logId, after: { flagId: id, note } }], at);
    return id;
  });
  return presentFlag((await findFlagView(db, flagId))!);
}

/** Closes a follow-up flag (reviewers of the entry only). */
export async function resolveWorkLogFlag({ db, now }: Deps, actor: Actor, logId: number, flagId: number, input: ResolveFlagBody): Promise<LogFlag> {
  const at = now().toISOString();
  const access = await loadLogAccess(db, actor);
  await inTransaction(db, async (trx) => {
    const log = await loadVisibleLog(trx, access, logId);
    const flag = await findFlagView(trx, flagId);
    if (!flag || flag.log_id !== logId) throw createNotFoundError('flag', flagId);
    if (!canReviewLog(access, log)) throw createForbiddenError('resolve this flag');
    if (flag.resolved_at) throw createFlagResolvedError(flagId);
    const note = input.note?.trim() || null;
    await resolveFlag(trx, flagId, { accountId: actor.accountId, note, now: at });
    const author = await findAccountIdOfPerson(trx, log.person_id);
    const name = await displayNameOf(trx, actor);
    if (author !== undefined) {
      await insertNotifications(trx, [{
        accountId: author, kind: 'log.flag_resolved', message: `${name}解除了你${log.log_date}工作日志的跟进标记`, entity: 'work_log', entityId: logId,
        data: { logId, logDate: log.log_date, flagId, actorName: name, note },
      }], at);
    }
    await appendAuditRecords(trx, [{ ...auditOf(actor), action: 'log.flag_resolved', entity: 'work_log', entityId: logId, before: { flagId, note: flag.note }, after: { flagId, resolutionNote: note } }], at);
  });
  return presentFlag((await findFlagView(db, flagId))!);
}
