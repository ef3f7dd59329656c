import {
  AppealListQuery, AppealListResponse, AppealSchema, ChangesResponse, DecideAppealBody, DecisionResponse, SubmitAppealBody,
} from '@baton/contract/appeals';
import { IdParams } from '@baton/contract/common';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { requireActor } from '../../app/auth.plugin.js';
import { attachmentDownloadSchema, registerAttachmentUpload, sendStoredFile } from '../attachments/index.js';
import {
  APPEAL_ATTACHMENT_MAX_BYTES, attachToAppeal, decideAppeal, getAppeal, listAppealChanges, listAppeals, openAppealAttachment, submitAppeal, withdrawAppeal,
} from './appeals.usecases.js';
import { idCursor, nextCursorOf } from '../../app/cursors.js';

/** Appeals of published results (申诉/复核, issue 6; docs/api-cycles.md "Appeals"). */
export async function registerAppealRoutes(app: App, deps: AppDeps): Promise<void> {
  const tags = ['appeals'];

  app.get('/api/appeals', { schema: { tags, querystring: AppealListQuery, response: { 200: AppealListResponse } } }, async (req) => {
    const limit = req.query.limit ?? 50;
    const items = await listAppeals(deps, requireActor(req), { periodId: req.query.period, status: req.query.status, beforeId: idCursor.decode(req.query.cursor), limit });
    return { items, nextCursor: nextCursorOf(items, limit) };
  });

  app.get('/api/appeals/:id', { schema: { tags, params: IdParams, response: { 200: AppealSchema } } }, async (req) =>
    getAppeal(deps, requireActor(req), req.params.id));

  app.get('/api/appeals/:id/changes', { schema: { tags, params: IdParams, response: { 200: ChangesResponse } } }, async (req) =>
    listAppealChanges(deps, requireActor(req), req.params.id));

  app.post('/api/appeals', { schema: { tags, body: SubmitAppealBody, response: { 201: AppealSchema } } }, async (req, reply) =>
    reply.status(201).send(await submitAppeal(deps, requireActor(req), req.body)));

  app.post('/api/appeals/:id/withdraw', { schema: { tags, params: IdParams, response: { 200: AppealSchema } } }, async (req) =>
    withdrawAppeal(deps, requireActor(req), req.params.id));

  app.post('/api/appeals/:id/decision', { schema: { tags, params: IdParams, body: DecideAppealBody, response: { 200: DecisionResponse } } }, async (req) =>
    decideAppeal(deps, requireActor(req), req.params.id, req.body));

  await registerAttachmentUpload(app, deps, '/api/appeals/:id/attachments', {
    tags, maxBytes: APPEAL_ATTACHMENT_MAX_BYTES, ability: 'appeal.submit', attach: (actor, id, upload) => attachToAppeal(deps, actor, id, upload),
  });

  app.get('/api/appeal-attachments/:id', { schema: attachmentDownloadSchema(tags) }, async (req, reply) => {
    const file = await openAppealAttachment(deps, requireActor(req), req.params.id);
    return sendStoredFile(reply, file, req.query.download);
  });
}
