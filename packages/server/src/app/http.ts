import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

/**
 * The HTTP application as routes see it. The request and response schemas themselves are the API
 * contract (`@baton/contract/<module>`), shared with the web UI.
 */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * `filename=` for old clients (ASCII only: the name with its other characters replaced, or a given
 * ASCII name) and `filename*=` (RFC 5987) for the real, often Chinese, name.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string, asciiName?: string): string {
  const ascii = (asciiName ?? fileName).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
