import { NoContent } from '@baton/contract/common';
import {
  CalendarDateParams, CalendarDayBody, CalendarEntrySchema, CalendarImportResponse, CalendarRangeQuery, CalendarRangeResponse, CalendarTemplateResponse,
} from '@baton/contract/work-calendar';
import type { AppDeps } from '../../app/deps.js';
import { requireActor } from '../../app/auth.plugin.js';
import { contentDisposition, type App } from '../../app/http.js';
import { readUploadedFile, withUploads } from '../../app/uploads.js';
import { getWorkCalendar, importWorkCalendar, removeWorkCalendarDay, setWorkCalendarDay } from './work-calendar.usecases.js';

/** The organization's working-day calendar (admin), over the statutory one of chinese-days. */
export async function registerWorkCalendarRoutes(app: App, deps: AppDeps) {
  const tags = ['work calendar'];

  app.get('/api/work-calendar', { schema: { tags, querystring: CalendarRangeQuery, response: { 200: CalendarRangeResponse } } }, async (req) =>
    getWorkCalendar(deps, requireActor(req), req.query));

  app.get('/api/work-calendar/template', { schema: { tags, produces: ['text/csv'], response: { 200: CalendarTemplateResponse } } }, async (req, reply) => {
    requireActor(req);
    const csv = '\uFEFF日期,类型,名称\n2026-10-01,休息日,国庆节\n2026-10-10,工作日,国庆调休\n';
    // A string with a content type that is not JSON: Fastify sends it as it is, never through the serializer.
    return reply.type('text/csv; charset=utf-8').header('content-disposition', contentDisposition('attachment', '工作日历模板.csv')).send(csv);
  });

  app.put('/api/work-calendar/:date', { schema: { tags, params: CalendarDateParams, body: CalendarDayBody, response: { 200: CalendarEntrySchema } } }, async (req) =>
    setWorkCalendarDay(deps, requireActor(req), req.params.date, req.body));

  app.delete('/api/work-calendar/:date', { schema: { tags, params: CalendarDateParams, response: { 204: NoContent } } }, async (req, reply) => {
    await removeWorkCalendarDay(deps, requireActor(req), req.params.date);
    return reply.status(204).send();
  });

  await withUploads(app, deps, (uploads) => {
    uploads.post('/api/work-calendar/import', { schema: { tags, consumes: ['multipart/form-data'], response: { 200: CalendarImportResponse } } }, async (req) => {
      const actor = requireActor(req);
      const { content } = await readUploadedFile(req, 5 * 1024 * 1024);
      return importWorkCalendar(deps, actor, content);
    });
  });
}
