import type {
  CursorValue,
  Keyset,
  KeysetPage,
  ListParts,
  PagedRows,
} from '../repositories/keyset.js';
import { pageOf, type PageArgs } from './arguments.js';
import { encodeCursor } from './cursor.js';
import type { SelectedFields } from './selection.js';

/**
 * What a connection field resolves to: the page, plus the count as a function so that the count
 * query runs only when a client asks for `totalCount`.
 */
export interface Edge<Node> {
  cursor: string;
  node: Node;
}

export interface Connection<Node> {
  edges: Edge<Node>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
}

/**
 * A list's rows as a connection: the first `page.first` rows as edges, each with the cursor of
 * its keyset values; the one row more the list answered says that another page follows.
 */
export function toConnection<Row>(
  list: PagedRows<Row>,
  page: KeysetPage,
  keyset: Keyset,
  cursorOf: (row: Row) => readonly CursorValue[],
): Connection<Row> {
  const edges = list.rows
    .slice(0, page.first)
    .map((node) => ({ cursor: encodeCursor(keyset, cursorOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: list.rows.length > page.first,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: list.count,
  };
}

/**
 * One page of a list as a connection: `after` decoded with the list's keyset (a cursor of another
 * list is refused naming `after`), the page fetched, its rows turned into edges.
 */
export async function connectionOf<Row>(
  args: PageArgs,
  keyset: Keyset,
  cursorOf: (row: Row) => readonly CursorValue[],
  fetch: (page: KeysetPage) => Promise<PagedRows<Row>>,
): Promise<Connection<Row>> {
  const page = pageOf(args, keyset);
  return toConnection(await fetch(page), page, keyset, cursorOf);
}

/**
 * What a connection's selection needs of its list: the page for `edges` or `pageInfo`, the count
 * for `totalCount`; `__typename` alone needs neither.
 */
export const connectionParts = (selected: SelectedFields): ListParts => ({
  rows: selected.has('edges') || selected.has('pageInfo'),
  count: selected.has('totalCount'),
});
