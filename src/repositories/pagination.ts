import { decodeCursor, encodeCursor, type CursorValue } from '../graphql/cursor.js';

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

export function afterValues(request: PageRequest, length = 2): CursorValue[] | null {
  return request.after ? decodeCursor(request.after, length) : null;
}

export function toPage<Row>(
  rows: Row[],
  first: number,
  cursorOf: (row: Row) => CursorValue[],
): Page<Row> {
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
