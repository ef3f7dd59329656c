import { PersonIdParams } from '@baton/contract/common';
import { ReportCardQuery, ReportCardSchema, UnitCardsExportQuery, UnitCardsQuery, UnitCardsResponse, UnitCardsWorkbookResponse } from '@baton/contract/report-cards';
import type { AppDeps } from '../../app/deps.js';
import { type App, contentDisposition } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { XLSX_MIME } from '../../app/spreadsheets.js';
import { exportUnitReportCards, listUnitReportCards, readReportCard } from './report-cards.usecases.js';

/** Report cards (成绩单): a person's, and a unit's as a list and an .xlsx (docs/api-cycles.md "Report cards"). */
export async function registerReportCardRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['report-cards'];

  app.get('/api/report-cards', { schema: { tags, querystring: UnitCardsQuery, response: { 200: UnitCardsResponse } } }, async (req) =>
    listUnitReportCards(deps, requireActor(req), req.query));

  // Registered before `/:personId`; Fastify prefers the static segment anyway.
  app.get('/api/report-cards/export.xlsx', {
    schema: { tags, querystring: UnitCardsExportQuery, produces: [XLSX_MIME], response: { 200: UnitCardsWorkbookResponse } },
  }, async (req, reply) => {
    const file = await exportUnitReportCards(deps, requireActor(req), req.query);
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', contentDisposition('attachment', file.fileName, file.asciiFileName))
      .send(file.buffer);
  });

  app.get('/api/report-cards/:personId', { schema: { tags, params: PersonIdParams, querystring: ReportCardQuery, response: { 200: ReportCardSchema } } }, async (req) =>
    readReportCard(deps, requireActor(req), req.params.personId, req.query));
}
