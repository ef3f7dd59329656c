import type { FastifyReply } from 'fastify';
import { ImportStartedSchema, UploadErrorResponses, WorkbookResponse } from '@baton/contract/imports';
import type { AppDeps } from '../../app/deps.js';
import type { App } from '../../app/http.js';
import { authorize } from '../../policies/index.js';
import { requireActor } from '../../app/auth.plugin.js';
import { createMissingFileError } from './imports.errors.js';
import { buildOrgTemplate, exportOrgRoster, startOrgImport, type WorkbookDownload } from './imports.usecases.js';
import { XLSX_MIME } from '../../app/spreadsheets.js';
import { withUploads } from '../../app/uploads.js';

/** A download with its Chinese name (RFC 6266 `filename*`) and an ASCII fallback. */
function sendWorkbook(reply: FastifyReply, download: WorkbookDownload) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="${download.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`)
    .header('cache-control', 'no-store')
    .send(download.content);
}

export async function registerImportRoutes(app: App, deps: AppDeps) {
  const tags = ['import / export'];

  app.get('/api/imports/org/template', {
    schema: {
      tags, summary: 'The .xlsx import template: headers, notes, drop-down lists and example rows (admin)', produces: [XLSX_MIME], response: { 200: WorkbookResponse },
    },
  }, async (req, reply) => sendWorkbook(reply, await buildOrgTemplate(deps, requireActor(req))));

  await withUploads(app, deps, (uploads) => {
    uploads.post('/api/imports/org', {
      schema: {
        tags, consumes: ['multipart/form-data'],
        summary: 'Import units and people from an .xlsx (multipart field `file`): checked at once, written as a background job (admin)',
        response: { 202: ImportStartedSchema, ...UploadErrorResponses },
      },
    }, async (req, reply) => {
      const actor = requireActor(req);
      // Checked before the upload is read, so a member cannot make the server buffer a large body.
      authorize(actor, 'org.import');
      const file = await req.file();
      if (!file || file.fieldname !== 'file') throw createMissingFileError();
      const content = await file.toBuffer();
      const started = await startOrgImport(deps, actor, { fileName: file.filename, content });
      return reply.status(202).send(started);
    });
  });

  app.get('/api/exports/org', {
    schema: { tags, summary: 'The current roster in the import layout (admin, auditor)', produces: [XLSX_MIME], response: { 200: WorkbookResponse } },
  }, async (req, reply) => sendWorkbook(reply, await exportOrgRoster(deps, requireActor(req))));
}
