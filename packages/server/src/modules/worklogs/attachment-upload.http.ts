import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createAttachmentTooLargeError, createMissingFileError } from './worklogs.errors.js';

/**
 * HTTP helpers for attached files, shared by every module that takes evidence (work logs, point
 * events): the download header and the one-file multipart upload.
 */

/**
 * `filename=` for old clients (ASCII only: the name with its other characters replaced, or a given
 * ASCII name) and `filename*=` (RFC 5987) for the real, often Chinese, name.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string, asciiName?: string): string {
  const ascii = (asciiName ?? fileName).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Reads the one file of a multipart upload; an oversized file answers 413 naming /file. */
export async function readUploadedFile(req: FastifyRequest, maxBytes: number): Promise<{ fileName: string; content: Buffer }> {
  const file = await req.file({ limits: { fileSize: maxBytes } });
  if (!file) throw createMissingFileError();
  try {
    return { fileName: file.filename, content: await file.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw createAttachmentTooLargeError(maxBytes);
    throw error;
  }
}

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
 * and tagged by its checksum (the content at a path never changes: it is content-addressed).
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
