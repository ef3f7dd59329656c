import type { FastifyRequest } from 'fastify';
import { ErrorResponse, IdParams } from '@baton/contract/common';
import {
  ApproveBody, BatchApprovedResponse, BatchBody, BatchHeaders, BatchListQuery, BatchListResponse, BatchOutcomeSchema, CreateRuleBody,
  EventListQuery, EventListResponse, ImportStartedSchema, PointBatchSchema, PointEventSchema, PointRuleSchema, PointTemplateResponse, ProposeBody,
  ReasonBody, RejectBody, ReplaceRuleBody, RuleListQuery, RuleListResponse, TemplateQuery,
} from '@baton/contract/points';
import type { AppDeps } from '../../app/deps.js';
import { contentDisposition, type App } from '../../app/http.js';
import { authorize } from '../../policies/index.js';
import { requireActor } from '../../app/auth.plugin.js';
import { createMissingFileError as createMissingImportFileError } from '../imports/index.js';
import { attachmentDownloadSchema, registerAttachmentUpload, sendStoredFile } from '../attachments/index.js';
import { createIdempotencyKeyMissingError } from './points.errors.js';
import { attachEvidence, EVIDENCE_MAX_BYTES, openEvidence } from './point-event-attachments.usecases.js';
import {
  approvePointEvent, getPointEvent, listPointEvents, proposePointEvent, rejectPointEvent, reversePointEvent,
} from './point-events.usecases.js';
import {
  approvePointBatch, buildPointTemplate, getPointBatch, listPointBatches, startPointImport, submitJsonBatch,
} from './point-batches.usecases.js';
import { XLSX_MIME } from '../../app/spreadsheets.js';
import { createRule, disableRule, getRule, listRules, replaceRule } from './point-rules.usecases.js';
import { withUploads } from '../../app/uploads.js';
import { createFieldError } from '../../app/errors.js';

/** The fields `schemeId`, `idempotencyKey` (optional) and `file` of the points import, in any order. */
async function readImportForm(req: FastifyRequest) {
  const fields = new Map<string, string>();
  let file: { fileName: string; content: Buffer } | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file' || file) {
        await part.toBuffer();
        continue;
      }
      file = { fileName: part.filename, content: await part.toBuffer() };
    } else {
      fields.set(part.fieldname, String(part.value));
    }
  }
  if (!file) throw createMissingImportFileError();
  const schemeText = fields.get('schemeId') ?? '';
  if (!/^\d{1,12}$/.test(schemeText) || Number(schemeText) < 1) throw createFieldError('/schemeId', 'is required: the id of a scheme');
  const key = fields.get('idempotencyKey');
  if (key !== undefined && (key.length < 1 || key.length > 200)) throw createFieldError('/idempotencyKey', 'must have 1 to 200 characters');
  return { schemeId: Number(schemeText), idempotencyKey: key, fileName: file.fileName, content: file.content };
}

/** Dynamic points (issue 5): rules, the event ledger with evidence and approval, business data in bulk. */
export async function registerPointRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['points'];

  // ---- rules
  app.get('/api/point-rules', { schema: { tags, querystring: RuleListQuery, response: { 200: RuleListResponse } } }, async (req) =>
    listRules(deps, requireActor(req), req.query));

  app.get('/api/point-rules/:id', { schema: { tags, params: IdParams, response: { 200: PointRuleSchema } } }, async (req) =>
    getRule(deps, requireActor(req), req.params.id));

  app.post('/api/point-rules', { schema: { tags, body: CreateRuleBody, response: { 201: PointRuleSchema } } }, async (req, reply) => {
    const rule = await createRule(deps, requireActor(req), req.body);
    return reply.status(201).send(rule);
  });

  app.post('/api/point-rules/:id/replace', { schema: { tags, params: IdParams, body: ReplaceRuleBody, response: { 201: PointRuleSchema } } }, async (req, reply) => {
    const rule = await replaceRule(deps, requireActor(req), req.params.id, req.body);
    return reply.status(201).send(rule);
  });

  app.post('/api/point-rules/:id/disable', { schema: { tags, params: IdParams, body: ReasonBody, response: { 200: PointRuleSchema } } }, async (req) =>
    disableRule(deps, requireActor(req), req.params.id, req.body));

  // ---- events
  app.get('/api/point-events', { schema: { tags, querystring: EventListQuery, response: { 200: EventListResponse } } }, async (req) => {
    const { limit, ...rest } = req.query;
    return listPointEvents(deps, requireActor(req), { ...rest, limit: limit ?? 50 });
  });

  app.get('/api/point-events/:id', { schema: { tags, params: IdParams, response: { 200: PointEventSchema } } }, async (req) =>
    getPointEvent(deps, requireActor(req), req.params.id));

  app.post('/api/point-events', { schema: { tags, body: ProposeBody, response: { 201: PointEventSchema } } }, async (req, reply) => {
    const event = await proposePointEvent(deps, requireActor(req), req.body);
    return reply.status(201).send(event);
  });

  app.post('/api/point-events/:id/approve', { schema: { tags, params: IdParams, body: ApproveBody, response: { 200: PointEventSchema } } }, async (req) =>
    approvePointEvent(deps, requireActor(req), req.params.id, req.body ?? {}));

  app.post('/api/point-events/:id/reject', { schema: { tags, params: IdParams, body: RejectBody, response: { 200: PointEventSchema } } }, async (req) =>
    rejectPointEvent(deps, requireActor(req), req.params.id, req.body));

  app.post('/api/point-events/:id/reverse', { schema: { tags, params: IdParams, body: ReasonBody, response: { 201: PointEventSchema } } }, async (req, reply) => {
    const event = await reversePointEvent(deps, requireActor(req), req.params.id, req.body);
    return reply.status(201).send(event);
  });

  await registerAttachmentUpload(app, deps, '/api/point-events/:id/attachments', {
    tags, maxBytes: EVIDENCE_MAX_BYTES, ability: 'points.propose', attach: (actor, id, upload) => attachEvidence(deps, actor, id, upload),
  });

  app.get('/api/point-event-attachments/:id', { schema: attachmentDownloadSchema(tags) }, async (req, reply) => {
    const file = await openEvidence(deps, requireActor(req), req.params.id);
    return sendStoredFile(reply, file, req.query.download);
  });

  // ---- batches (业务数据监测)
  app.post('/api/point-batches', {
    // Up to 50 000 events: more than the default JSON limit.
    bodyLimit: deps.config.uploadLimitBytes,
    schema: { tags, headers: BatchHeaders, body: BatchBody, response: { 200: BatchOutcomeSchema, 201: BatchOutcomeSchema } },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key.length === 0) throw createIdempotencyKeyMissingError();
    const outcome = await submitJsonBatch(deps, actor, key, req.body);
    return reply.status(outcome.replayed ? 200 : 201).send(outcome);
  });

  app.get('/api/point-batches', { schema: { tags, querystring: BatchListQuery, response: { 200: BatchListResponse } } }, async (req) =>
    listPointBatches(deps, requireActor(req), { cursor: req.query.cursor, limit: req.query.limit ?? 50 }));

  app.get('/api/point-batches/:id', { schema: { tags, params: IdParams, response: { 200: PointBatchSchema } } }, async (req) =>
    getPointBatch(deps, requireActor(req), req.params.id));

  app.post('/api/point-batches/:id/approve', {
    schema: { tags, params: IdParams, body: ApproveBody, response: { 200: BatchApprovedResponse } },
  }, async (req) => approvePointBatch(deps, requireActor(req), req.params.id, req.body ?? {}));

  app.get('/api/imports/points/template', { schema: { tags, querystring: TemplateQuery, produces: [XLSX_MIME], response: { 200: PointTemplateResponse } } }, async (req, reply) => {
    const download = await buildPointTemplate(deps, requireActor(req), req.query.scheme);
    return reply
      .header('content-type', XLSX_MIME)
      .header('content-disposition', contentDisposition('attachment', download.fileName, download.asciiFileName))
      .header('cache-control', 'no-store')
      .send(download.content);
  });

  await withUploads(app, deps, (uploads) => {
    uploads.post('/api/imports/points', {
      schema: {
        tags, consumes: ['multipart/form-data'],
        summary: 'Import point events from an .xlsx or .csv (fields schemeId, idempotencyKey?, file): checked and written as a background job (admin)',
        response: { 202: ImportStartedSchema, 400: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse },
      },
    }, async (req, reply) => {
      const actor = requireActor(req);
      // Checked before the upload is read, so nobody else can make the server buffer a large body.
      authorize(actor, 'points.import');
      const form = await readImportForm(req);
      return reply.status(202).send(await startPointImport(deps, actor, form));
    });
  });
}
