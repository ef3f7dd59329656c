import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static, type TProperties, type TSchema } from 'typebox';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** Request bodies reject unknown fields (DESIGN §3: "Unknown fields are errors"; the API does the same). */
export function StrictObject<T extends TProperties>(properties: T, options: { description?: string } = {}) {
  return Type.Object(properties, { ...options, additionalProperties: false });
}

/**
 * `T | null`. For a schema with a primitive `type` this is a type list (`type: ['integer', 'null']`),
 * not `anyOf [T, null]`: with Ajv's type coercion (on, for query strings) the `anyOf` form turns a
 * value `T` refuses — `0` for `minimum: 1` — into `null` instead of rejecting it.
 */
export function Nullable<T extends TSchema>(schema: T) {
  const type = (schema as { type?: unknown }).type;
  return Type.Unsafe<Static<T> | null>(typeof type === 'string' ? { ...schema, type: [type, 'null'] } : Type.Union([schema, Type.Null()]));
}

/** A local date, YYYY-MM-DD (Asia/Shanghai); whether it exists in the calendar is checked by the use case. */
export const DateString = (description?: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', ...(description ? { description } : {}) });

export const IdParams = StrictObject({ id: Type.Integer({ minimum: 1 }) });

export const PersonIdParams = StrictObject({ personId: Type.Integer({ minimum: 1 }) });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
  }),
});

/**
 * `filename=` for old clients (ASCII only: the name with its other characters replaced, or a given
 * ASCII name) and `filename*=` (RFC 5987) for the real, often Chinese, name.
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string, asciiName?: string): string {
  const ascii = (asciiName ?? fileName).replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
