import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import type { AppDeps } from './deps.js';
import type { App } from './http.js';

/**
 * Routes that take multipart uploads, in a scope of their own with @fastify/multipart. The plugin
 * adds an `onRequest` and an `onResponse` hook (temporary-file clean-up) to every route of the scope
 * it is registered in; registered once for the whole server, every request paid for them, reads
 * included (docs/performance.md). Elsewhere a multipart body is refused with 415.
 */
export async function withUploads(app: App, deps: AppDeps, routes: (uploads: App) => void): Promise<void> {
  await app.register(async (uploads) => {
    await uploads.register(multipart, { limits: { fileSize: deps.config.uploadLimitBytes, files: 1, fields: 10, parts: 12 } });
    routes(uploads as App);
  });
}

export const createMissingFileError = () =>
  new AppError(400, 'attachment.no_file', 'Send the file as the multipart field "file"', [{ path: '/file', message: 'is required' }]);

export const createFileTooLargeError = (limitBytes: number) =>
  new AppError(413, 'attachment.too_large', `An attachment may have at most ${limitBytes / 1024 / 1024} MB`, [{ path: '/file', message: `larger than ${limitBytes} bytes` }]);

/** Reads the one file of a multipart upload; an oversized file answers 413 naming /file. */
export async function readUploadedFile(req: FastifyRequest, maxBytes: number): Promise<{ fileName: string; content: Buffer }> {
  const file = await req.file({ limits: { fileSize: maxBytes } });
  if (!file) throw createMissingFileError();
  try {
    return { fileName: file.filename, content: await file.toBuffer() };
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw createFileTooLargeError(maxBytes);
    throw error;
  }
}
