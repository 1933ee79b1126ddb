/**
 * Keyset pagination: rows are ordered by (sort value, key) and a page starts strictly after the
 * position of the last row seen, so inserted rows never shift a page the way SKIP offsets do.
 * Each list asks for one row more than `first` to know whether another page follows; its caller
 * keeps `first` of them.
 */
export type CursorValue = string | number;

/**
 * What one value of a keyset holds: `text` any string; `count` an integer ≥ 0; `day` a date
 * YYYY-MM-DD; `dayOrNone` a day or "" (a row without one); `instant` an ISO date-time as the
 * database writes one.
 */
export type CursorPart = 'text' | 'count' | 'day' | 'dayOrNone' | 'instant';

/** A list's keyset: a name that tells its positions from any other list's, and its values in order. */
export interface Keyset {
  readonly list: string;
  readonly parts: readonly CursorPart[];
}

/**
 * The page a list is asked for: how many rows, and the position to start after (the values of
 * the list's keyset of the last row seen, checked against it); null for a first page.
 */
export interface KeysetPage {
  first: number;
  after: readonly CursorValue[] | null;
}

/** A first page of no rows: what a count query, which ignores the page, is built with. */
export const noPage: KeysetPage = { first: 0, after: null };

/**
 * A list's answer: its rows from the page's position, up to `first + 1` of them, and its whole
 * count as a function, so that the count query runs only when someone asks for it.
 */
export interface PagedRows<Row> {
  rows: Row[];
  count: () => Promise<number>;
}
