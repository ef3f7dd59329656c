import { createValidationError } from './errors.js';
import { isValidDate } from './dates.js';

/**
 * The one cursor codec of the API's lists (`?limit=&cursor=`). A cursor is opaque to clients: the
 * base64url of the position after which the next page starts — the last id seen (keyset pagination,
 * stable under inserts), a (date, id) pair for lists ordered by date, or an offset into a list kept
 * sorted in memory (rankings). A cursor this server did not hand out answers 400 naming /cursor.
 */
export interface CursorCodec<T> {
  encode(position: T): string;
  /** `undefined` for an absent or empty cursor (the first page). */
  decode(cursor: string | undefined): T | undefined;
}

function createCursorCodec<T>(format: (position: T) => string, parse: (text: string) => T | undefined): CursorCodec<T> {
  return {
    encode: (position) => Buffer.from(format(position)).toString('base64url'),
    decode: (cursor) => {
      if (cursor === undefined || cursor === '') return undefined;
      const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
      const position = parse(text);
      if (position === undefined) throw createValidationError('Invalid cursor', [{ path: '/cursor', message: 'is not a cursor returned by this list' }]);
      return position;
    },
  };
}

/** The last id seen. */
export const idCursor = createCursorCodec<number>(
  (id) => String(id),
  (text) => (/^\d{1,15}$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined),
);

/** The last (date, id) seen, for lists ordered by a date and then id (the feed, point events). */
export const dateIdCursor = createCursorCodec<{ date: string; id: number }>(
  ({ date, id }) => `${date}.${id}`,
  (text) => {
    const match = /^(\d{4}-\d{2}-\d{2})\.(\d{1,15})$/.exec(text);
    return match && isValidDate(match[1]!) ? { date: match[1]!, id: Number(match[2]) } : undefined;
  },
);

/** How many rows of a list kept sorted in memory came before (rankings). */
export const offsetCursor = createCursorCodec<number>(
  (offset) => `o${offset}`,
  (text) => {
    const match = /^o(\d{1,9})$/.exec(text);
    return match ? Number(match[1]) : undefined;
  },
);

/** The cursor of the page after `items` (keyset on their ids), or null when this page was the last. */
export function nextCursorOf<T extends { id: number }>(items: T[], limit: number): string | null {
  return items.length === limit ? idCursor.encode(items[items.length - 1]!.id) : null;
}
