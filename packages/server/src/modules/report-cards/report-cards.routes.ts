import type { AppDeps } from '../../app/deps.js';
import { type App, contentDisposition, PersonIdParams } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { XLSX_MIME } from '../../app/spreadsheets.js';
import {
  PromotionListQuery, PromotionListResponse, ReportCardQuery, ReportCardSchema, UnitCardsExportQuery, UnitCardsQuery, UnitCardsResponse, WarningListQuery, WarningListResponse,
} from './report-cards.schemas.js';
import { exportUnitReportCards, listUnitReportCards, readReportCard } from './report-cards.usecases.js';
import { listPromotionCandidates, listWarningTalks } from './result-lists.usecases.js';

/** Report cards (成绩单) and the lists that use results (考用结合): issue 6, docs/api-cycles.md "Report cards". */
export async function registerReportCardRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['report-cards'];

  app.get('/api/report-cards', { schema: { tags, querystring: UnitCardsQuery, response: { 200: UnitCardsResponse } } }, async (req) =>
    listUnitReportCards(deps, requireActor(req), req.query));

  // Registered before `/:personId`; Fastify prefers the static segment anyway.
  app.get('/api/report-cards/export.xlsx', { schema: { tags, querystring: UnitCardsExportQuery } }, async (req, reply) => {
    const file = await exportUnitReportCards(deps, requireActor(req), req.query);
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', contentDisposition('attachment', file.fileName, file.asciiFileName))
      .send(file.buffer);
  });

  app.get('/api/report-cards/:personId', { schema: { tags, params: PersonIdParams, querystring: ReportCardQuery, response: { 200: ReportCardSchema } } }, async (req) =>
    readReportCard(deps, requireActor(req), req.params.personId, req.query));

  app.get('/api/result-lists/warning', { schema: { tags, querystring: WarningListQuery, response: { 200: WarningListResponse } } }, async (req) =>
    listWarningTalks(deps, requireActor(req), req.query));

  app.get('/api/result-lists/promotion', { schema: { tags, querystring: PromotionListQuery, response: { 200: PromotionListResponse } } }, async (req) =>
    listPromotionCandidates(deps, requireActor(req), req.query));
}
