import multipart from '@fastify/multipart';
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
