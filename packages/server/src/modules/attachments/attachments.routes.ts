import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { AttachmentFileResponse, AttachmentQuery, AttachmentSchema, type Attachment } from '@baton/contract/attachments';
import { ATTACHMENT_MIME_TYPES } from '@baton/contract/vocabulary';
import { ErrorResponse, IdParams } from '@baton/contract/common';
import type { AppDeps } from '../../app/deps.js';
import { contentDisposition, type App } from '../../app/http.js';
import { readUploadedFile, withUploads } from '../../app/uploads.js';
import { authorize, type Ability, type Actor } from '../../policies/index.js';
import { requireActor } from '../../app/auth.plugin.js';

/**
 * The HTTP side of evidence files, shared by every module that takes them (work logs, point events,
 * appeals): the one-file upload route and the download.
 */

/**
 * `POST <url>` (`:id` the record the file is attached to) taking one file of at most `maxBytes`:
 * 201 with the stored attachment, 413 when too large, 415 for a type the use case refuses. The
 * ability, when given, is checked before the body is read, so nobody else can make the server
 * buffer a large upload.
 */
export async function registerAttachmentUpload(
  app: App,
  deps: AppDeps,
  url: string,
  options: { tags: string[]; maxBytes: number; ability?: Ability; attach: (actor: Actor, id: number, upload: { fileName: string; content: Buffer }) => Promise<Attachment> },
): Promise<void> {
  await withUploads(app, deps, (uploads) => {
    uploads.post(url, {
      schema: { tags: options.tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: AttachmentSchema, 413: ErrorResponse, 415: ErrorResponse } },
    }, async (req, reply) => {
      const actor = requireActor(req);
      if (options.ability) authorize(actor, options.ability);
      const upload = await readUploadedFile(req, options.maxBytes);
      return reply.status(201).send(await options.attach(actor, req.params.id, upload));
    });
  });
}

/** The schema of `GET <url>/:id[?download=true]`, the download of a stored evidence file (sent by `sendStoredFile`). */
export const attachmentDownloadSchema = (tags: string[]) => ({
  tags, params: IdParams, querystring: AttachmentQuery, produces: [...ATTACHMENT_MIME_TYPES], response: { 200: AttachmentFileResponse },
});

/** A stored evidence file as the use cases hand it out (path on disk, name, type by content, checksum). */
export interface StoredFile {
  path: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/**
 * Sends a stored attachment: inline (or as a download), never sniffed, cached privately for a day
 * and tagged by its checksum (the content at a path never changes: it is content-addressed). A
 * stream: Fastify sends it as it is, never through the response schema's serializer.
 */
export function sendStoredFile(reply: FastifyReply, file: StoredFile, download: boolean | undefined) {
  reply
    .type(file.mimeType)
    .header('content-length', file.size)
    .header('content-disposition', contentDisposition(download ? 'attachment' : 'inline', file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=86400')
    .header('etag', `"${file.sha256}"`);
  return reply.send(createReadStream(file.path));
}
