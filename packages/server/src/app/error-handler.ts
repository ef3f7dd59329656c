import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, type ErrorDetail } from './errors.js';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function detailOfAjvIssue(issue: AjvIssue, context: string | undefined): ErrorDetail {
  const base = context && context !== 'body' ? `${context}${issue.instancePath}` : issue.instancePath;
  if (issue.keyword === 'additionalProperties') {
    return { path: `${base}/${String(issue.params.additionalProperty)}`, message: 'unknown field' };
  }
  if (issue.keyword === 'required') {
    return { path: `${base}/${String(issue.params.missingProperty)}`, message: 'is required' };
  }
  return { path: base || '/', message: issue.message ?? issue.keyword };
}

/** Every error leaves the API in one shape: `{ error: { code, message, details } }` (docs/product.md §6). */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isAppError(error)) {
    return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message, details: error.details } });
  }
  if (error.validation) {
    const details = (error.validation as AjvIssue[]).map((i) => detailOfAjvIssue(i, error.validationContext));
    return reply.status(400).send({
      error: { code: 'request.invalid', message: details.map((d) => `${d.path}: ${d.message}`).join('; '), details },
    });
  }
  const byCode: Record<string, [number, string, string]> = {
    FST_ERR_CTP_INVALID_JSON_BODY: [400, 'request.invalid_json', 'The body is not valid JSON'],
    FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'request.invalid_json', 'The body is empty'],
    FST_ERR_CTP_BODY_TOO_LARGE: [413, 'request.too_large', 'The request body is too large'],
    FST_REQ_FILE_TOO_LARGE: [413, 'request.too_large', 'The uploaded file is too large'],
    FST_FILES_LIMIT: [413, 'request.too_large', 'Too many files in one upload'],
    FST_PARTS_LIMIT: [413, 'request.too_large', 'Too many parts in one upload'],
    FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'request.not_multipart', 'Send the file as multipart/form-data'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'request.unsupported_media_type', 'Unsupported content type'],
  };
  const known = error.code ? byCode[error.code] : undefined;
  if (known) return reply.status(known[0]).send({ error: { code: known[1], message: known[2], details: [] } });
  if (error instanceof SyntaxError) {
    return reply.status(400).send({ error: { code: 'request.invalid_json', message: 'The body is not valid JSON', details: [] } });
  }
  const status = error.statusCode ?? 500;
  if (status < 500) {
    return reply.status(status).send({ error: { code: 'request.error', message: error.message, details: [] } });
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: 'Internal error', details: [] } });
}
