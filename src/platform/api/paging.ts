// Paging of API lists: keyset pages (a page starts after the last record of the previous one, so
// records added meanwhile neither repeat nor go missing), `limit`, an opaque `cursor`, and
// `modified_after` to fetch only what changed since the last visit.
import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** The query parameters of every list. A route adds its own filters with `.extend()`. */
export const pageQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE)
      .describe(`How many records per page, 1–${MAX_PAGE_SIZE}.`),
    cursor: z.string().min(1).max(400).optional()
      .describe('Where the page starts: copy it from `page.next` of the previous page. Opaque; do not build it yourself.'),
    modified_after: z.iso.datetime({ offset: true }).optional()
      .describe('Only records created or changed after this moment (RFC 3339, e.g. 2026-11-30T00:00:00Z).'),
  })
  .strict();

export type PageQuery = z.output<typeof pageQuery>;

/** The response of a list: its records and where the next page starts (null on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z
    .object({
      items: z.array(item),
      page: z
        .object({
          limit: z.number().int(),
          next: z.string().nullable().describe('The path and query of the next page, or null on the last page.'),
        })
        .strict(),
    })
    .strict();
}

/** A cursor: the sort key of the last record of a page, for the next page to start after it. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key in a cursor, checked against its shape; null when it is not one of ours. */
export function decodeCursor<T extends z.ZodTuple>(cursor: string, shape: T): z.output<T> | null {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = shape.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The page to answer: at most `limit` of the rows (which the query fetched one more of, to know
 * whether a next page exists), and the link to the next page with the same query.
 */
export function pageFrom<Row, Item>(
  rows: readonly Row[],
  query: PageQuery,
  request: { path: string; search: URLSearchParams },
  keyOf: (row: Row) => readonly (string | number)[],
  itemOf: (row: Row) => Item,
): { items: Item[]; page: { limit: number; next: string | null } } {
  const items = rows.slice(0, query.limit);
  let next: string | null = null;
  if (rows.length > query.limit && items.length > 0) {
    const search = new URLSearchParams(request.search);
    search.set('cursor', encodeCursor(keyOf(items[items.length - 1]!)));
    search.set('limit', String(query.limit));
    next = `${request.path}?${search.toString()}`;
  }
  return { items: items.map(itemOf), page: { limit: query.limit, next } };
}
