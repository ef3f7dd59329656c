import { IdParams, NoContent } from '@baton/contract/common';
import {
  CalendarMonthQuery, CommentBody, CommentListResponse, CommentSchema, CreateLogBody, FeedQuery, FeedResponse, FlagBody, FlagParams, FlagResponse,
  LikeResponse, LogDetailSchema, LogEntrySchema, LogIndicatorsResponse, MonthViewResponse, RemindersResponse, ResolveFlagBody, SpotCheckBody,
  SpotCheckDetailSchema, SpotCheckListQuery, SpotCheckListResponse, StatsQuery, SummaryQuery, UnitRangeQuery, UpdateLogBody, WorkLogExportResponse,
  WorkLogStatsResponse, WorkLogSummarySchema,
} from '@baton/contract/worklogs';
import type { AppDeps } from '../../app/deps.js';
import { contentDisposition, type App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { ATTACHMENT_MAX_BYTES, attachToWorkLog, openAttachment, removeAttachment } from './worklog-attachments.usecases.js';
import {
  drawWorkLogSpotCheck, exportWorkLogs, getWorkLogCalendar, getWorkLogSpotCheck, getWorkLogStats, listWorkLogReminders, listWorkLogSpotChecks,
  summarizeWorkLogs,
} from './worklog-reports.usecases.js';
import { attachmentDownloadSchema, registerAttachmentUpload, sendStoredFile } from '../attachments/index.js';
import { commentOnWorkLog, editWorkLog, flagWorkLog, getWorkLog, likeWorkLog, listMyLogIndicators, listWorkLogComments, listWorkLogFeed, resolveWorkLogFlag, unlikeWorkLog, writeWorkLog } from './worklogs.usecases.js';
import { XLSX_MIME } from '../../app/spreadsheets.js';
import { dateIdCursor, idCursor, nextCursorOf } from '../../app/cursors.js';

/** Work records: the work log, its calendar, reports, spot checks and attachments. */
export async function registerWorkLogRoutes(app: App, deps: AppDeps) {
  const tags = ['work records'];

  app.post('/api/logs', { schema: { tags, body: CreateLogBody, response: { 201: LogEntrySchema } } }, async (req, reply) => {
    const entry = await writeWorkLog(deps, requireActor(req), req.body);
    reply.status(201);
    return entry;
  });

  app.get('/api/logs/indicators', { schema: { tags, response: { 200: LogIndicatorsResponse } } }, async (req) => ({
    items: await listMyLogIndicators(deps, requireActor(req)),
  }));

  app.get('/api/logs', { schema: { tags, querystring: FeedQuery, response: { 200: FeedResponse } } }, async (req) => {
    const { cursor, limit, ...filters } = req.query;
    return listWorkLogFeed(deps, requireActor(req), { ...filters, after: dateIdCursor.decode(cursor), limit: limit ?? 20 });
  });

  app.get('/api/logs/calendar', { schema: { tags, querystring: CalendarMonthQuery, response: { 200: MonthViewResponse } } }, async (req) =>
    getWorkLogCalendar(deps, requireActor(req), req.query));

  app.get('/api/logs/reminders', { schema: { tags, response: { 200: RemindersResponse } } }, async (req) => listWorkLogReminders(deps, requireActor(req)));

  app.get('/api/logs/summary', { schema: { tags, querystring: SummaryQuery, response: { 200: WorkLogSummarySchema } } }, async (req) =>
    summarizeWorkLogs(deps, requireActor(req), req.query));

  app.get('/api/logs/stats', { schema: { tags, querystring: StatsQuery, response: { 200: WorkLogStatsResponse } } }, async (req) =>
    getWorkLogStats(deps, requireActor(req), req.query));

  app.get('/api/logs/export', { schema: { tags, querystring: UnitRangeQuery, produces: [XLSX_MIME], response: { 200: WorkLogExportResponse } } }, async (req, reply) => {
    const { fileName, stream } = await exportWorkLogs(deps, requireActor(req), req.query);
    reply.header('content-type', XLSX_MIME).header('content-disposition', contentDisposition('attachment', fileName));
    return reply.send(stream);
  });

  app.post('/api/logs/spot-checks', { schema: { tags, body: SpotCheckBody, response: { 201: SpotCheckDetailSchema } } }, async (req, reply) => {
    const result = await drawWorkLogSpotCheck(deps, requireActor(req), req.body);
    reply.status(201);
    return result;
  });

  app.get('/api/logs/spot-checks', { schema: { tags, querystring: SpotCheckListQuery, response: { 200: SpotCheckListResponse } } }, async (req) => {
    const limit = req.query.limit ?? 50;
    const items = await listWorkLogSpotChecks(deps, requireActor(req), { unit: req.query.unit, beforeId: idCursor.decode(req.query.cursor), limit });
    return { items, nextCursor: nextCursorOf(items, limit) };
  });

  app.get('/api/logs/spot-checks/:id', { schema: { tags, params: IdParams, response: { 200: SpotCheckDetailSchema } } }, async (req) =>
    getWorkLogSpotCheck(deps, requireActor(req), req.params.id));

  app.get('/api/logs/:id', { schema: { tags, params: IdParams, response: { 200: LogDetailSchema } } }, async (req) => getWorkLog(deps, requireActor(req), req.params.id));

  app.patch('/api/logs/:id', { schema: { tags, params: IdParams, body: UpdateLogBody, response: { 200: LogEntrySchema } } }, async (req) =>
    editWorkLog(deps, requireActor(req), req.params.id, req.body));

  app.get('/api/logs/:id/comments', { schema: { tags, params: IdParams, response: { 200: CommentListResponse } } }, async (req) =>
    listWorkLogComments(deps, requireActor(req), req.params.id));

  app.post('/api/logs/:id/comments', { schema: { tags, params: IdParams, body: CommentBody, response: { 201: CommentSchema } } }, async (req, reply) => {
    const comment = await commentOnWorkLog(deps, requireActor(req), req.params.id, req.body);
    reply.status(201);
    return comment;
  });

  app.put('/api/logs/:id/like', { schema: { tags, params: IdParams, response: { 200: LikeResponse } } }, async (req) => likeWorkLog(deps, requireActor(req), req.params.id));
  app.delete('/api/logs/:id/like', { schema: { tags, params: IdParams, response: { 200: LikeResponse } } }, async (req) => unlikeWorkLog(deps, requireActor(req), req.params.id));

  app.post('/api/logs/:id/flags', { schema: { tags, params: IdParams, body: FlagBody, response: { 201: FlagResponse } } }, async (req, reply) => {
    const flag = await flagWorkLog(deps, requireActor(req), req.params.id, req.body);
    reply.status(201);
    return flag;
  });

  app.post('/api/logs/:id/flags/:flagId/resolve', { schema: { tags, params: FlagParams, body: ResolveFlagBody, response: { 200: FlagResponse } } }, async (req) =>
    resolveWorkLogFlag(deps, requireActor(req), req.params.id, req.params.flagId, req.body));

  await registerAttachmentUpload(app, deps, '/api/logs/:id/attachments', {
    tags, maxBytes: ATTACHMENT_MAX_BYTES, attach: (actor, id, upload) => attachToWorkLog(deps, actor, id, upload),
  });

  app.get('/api/attachments/:id', { schema: attachmentDownloadSchema(tags) }, async (req, reply) => {
    const file = await openAttachment(deps, requireActor(req), req.params.id);
    return sendStoredFile(reply, file, req.query.download);
  });

  app.delete('/api/attachments/:id', { schema: { tags, params: IdParams, response: { 204: NoContent } } }, async (req, reply) => {
    await removeAttachment(deps, requireActor(req), req.params.id);
    return reply.status(204).send();
  });
}
