import { decodeCursor, encodeCursor, type CursorValue, type Keyset } from '../graphql/cursor.js';

/**
 * Keyset pagination: rows are ordered by (sort value, key) and a page starts strictly after the
 * cursor's pair, so inserted rows never shift a page the way SKIP offsets do. Each list asks for
 * one row more than `first` to know whether another page follows.
 */
export interface PageRequest {
  first: number;
  after?: string | null;
}

export interface Page<Row> {
  edges: { cursor: string; node: Row }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The values of the `after` cursor, checked against the list's keyset; null for a first page. */
export function afterValues(request: PageRequest, keyset: Keyset): CursorValue[] | null {
  return request.after ? decodeCursor(request.after, keyset) : null;
}

export function toPage<Row>(
  rows: Row[],
  first: number,
  keyset: Keyset,
  cursorOf: (row: Row) => CursorValue[],
): Page<Row> {
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((node) => ({ cursor: encodeCursor(keyset, cursorOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
