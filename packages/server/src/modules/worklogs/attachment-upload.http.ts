import type { FastifyRequest } from 'fastify';
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
