import type { AppDeps } from '../../app/deps.js';
import { requireActor } from '../../app/auth.plugin.js';
import { contentDisposition, type App } from '../../app/http.js';
import { readUploadedFile, withUploads } from '../../app/uploads.js';
import { CalendarDateParams, CalendarDayBody, CalendarRangeQuery } from './work-calendar.schemas.js';
import { getWorkCalendar, importWorkCalendar, removeWorkCalendarDay, setWorkCalendarDay } from './work-calendar.usecases.js';

/** The organization's working-day calendar (admin), over the statutory one of chinese-days. */
export async function registerWorkCalendarRoutes(app: App, deps: AppDeps) {
  const tags = ['work calendar'];

  app.get('/api/work-calendar', { schema: { tags, querystring: CalendarRangeQuery } }, async (req) => getWorkCalendar(deps, requireActor(req), req.query));

  app.get('/api/work-calendar/template', { schema: { tags } }, async (req, reply) => {
    requireActor(req);
    const csv = '\uFEFF日期,类型,名称\n2026-10-01,休息日,国庆节\n2026-10-10,工作日,国庆调休\n';
    return reply.type('text/csv; charset=utf-8').header('content-disposition', contentDisposition('attachment', '工作日历模板.csv')).send(csv);
  });

  app.put('/api/work-calendar/:date', { schema: { tags, params: CalendarDateParams, body: CalendarDayBody } }, async (req) =>
    setWorkCalendarDay(deps, requireActor(req), req.params.date, req.body));

  app.delete('/api/work-calendar/:date', { schema: { tags, params: CalendarDateParams } }, async (req, reply) => {
    await removeWorkCalendarDay(deps, requireActor(req), req.params.date);
    return reply.status(204).send();
  });

  await withUploads(app, deps, (uploads) => {
    uploads.post('/api/work-calendar/import', { schema: { tags, consumes: ['multipart/form-data'] } }, async (req) => {
      const actor = requireActor(req);
      const { content } = await readUploadedFile(req, 5 * 1024 * 1024);
      return importWorkCalendar(deps, actor, content);
    });
  });
}
