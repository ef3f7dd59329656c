import { Type, type Static, type TLiteral, type TProperties, type TSchema, type TUnion } from 'typebox';

/**
 * The pieces every module's contract is made of. The server validates requests and serializes
 * answers with these schemas (a field a response schema does not list is not sent), and they make
 * the OpenAPI document at /docs; the web reads their `Static<>` types.
 */

/** Request bodies reject unknown fields (docs/product.md §3: "Unknown fields are errors"; the API does the same). */
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

/** One of the given strings (`anyOf` of constants), from a list of the vocabulary (vocabulary.ts). */
export function LiteralUnion<const T extends readonly [string, ...string[]]>(values: T, options: { description?: string } = {}) {
  return Type.Union(values.map((value) => Type.Literal(value)) as unknown as { -readonly [K in keyof T]: TLiteral<T[K]> }, options) as TUnion<{ -readonly [K in keyof T]: TLiteral<T[K]> }>;
}

/** A local date, YYYY-MM-DD (Asia/Shanghai); whether it exists in the calendar is checked by the use case. */
export const DateString = (description?: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', ...(description ? { description } : {}) });

export const IdParams = StrictObject({ id: Type.Integer({ minimum: 1 }) });

export const PersonIdParams = StrictObject({ personId: Type.Integer({ minimum: 1 }) });

/** `?limit=&cursor=` of a list (keyset pagination: the cursor is opaque, handed out as `nextCursor`). */
export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

/** A page of a list: `{ items, nextCursor }`; `nextCursor` is null on the last page. */
export function Paged<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
}

/** `{ items }`: a list the API answers whole (it is short by nature). */
export function Listed<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item) });
}

/** One problem an error names: a field of the request (`path`), or a cell of an uploaded spreadsheet. */
export const ErrorDetailSchema = Type.Object({
  path: Type.Optional(Type.String({ description: 'a JSON pointer into the request: /name, /roles/0/unitId' })),
  sheet: Type.Optional(Type.String()),
  row: Type.Optional(Type.Integer({ description: 'as Excel numbers it' })),
  column: Type.Optional(Type.String({ description: 'its header' })),
  message: Type.String(),
});
export type ErrorDetail = Static<typeof ErrorDetailSchema>;

/** The one error shape of every 4xx/5xx answer (app/error-handler.ts), with a stable `code` such as `period.closed`. */
export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Array(ErrorDetailSchema)),
  }),
});
export type ErrorResponse = Static<typeof ErrorResponse>;

/** A 204 answer: no body (`undefined` to the server's reply and the web's client alike). */
export const NoContent = Type.Unsafe<undefined>(Type.Null({ description: 'No Content' }));

/**
 * A file answer (a workbook, a template, an evidence file): the bytes themselves, of the type the
 * route `produces`, never JSON — its type is `unknown` (the server sends a stream or a buffer, which
 * Fastify never serializes; the web downloads it as a blob).
 */
export const FileResponse = (description: string) => Type.Unsafe<unknown>(Type.String({ format: 'binary', description }));

/**
 * A ranking or quota group as the API names it (docs/engine.md "Group keys"): its key and its name.
 */
export const GroupSchema = Type.Object({
  key: Type.String({ description: '`all`, `category:<id>` (`category:none`: units without a category) or `unit:<id>`' }),
  name: Type.String(),
});
export type Group = Static<typeof GroupSchema>;

/** Compile-time checks that the contract and the engine (or the server) say the same. */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type AssertTrue<T extends true> = T;
