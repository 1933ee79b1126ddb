import { EMPTY, fragment, join, param, type Fragment, type Param } from '../db/cypher.js';

/**
 * Keyset pagination, the one way every list pages: rows are ordered by their sort keys, the last
 * of which identifies a row, and a page starts strictly after the position of the last row seen —
 * so a row inserted meanwhile never shifts a page the way SKIP offsets do. A page asks for one row
 * more than `first`, which tells its caller whether another page follows; the caller keeps `first`
 * of them.
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

/**
 * A list's answer: its rows from the page's position, up to `first + 1` of them, and its whole
 * count as a function, so that the count query runs only when someone asks for it.
 */
export interface PagedRows<Row> {
  rows: Row[];
  count: () => Promise<number>;
}

/** One key a list is ordered by; the last key of a list identifies a row. */
export interface SortKey {
  /** The expression rows are ordered by, over variables the caller has bound. */
  readonly by: Fragment;
  readonly direction: 'ASC' | 'DESC';
  /** How a value from the position reads as the expression's type (e.g. `date($v)`). */
  readonly cast?: (value: Param) => Fragment;
}

export interface KeysetClauses {
  /** The condition "after the position" (empty on a first page), for a WHERE. */
  readonly after: Fragment;
  readonly orderBy: Fragment;
  /** `LIMIT` one row more than the page holds. */
  readonly limit: Fragment;
}

/**
 * The clauses of one page. "After" is the lexicographic comparison over the keys, each in its own
 * direction: `k1 > v1 OR (k1 = v1 AND k2 > v2) OR …` (`<` for a descending key).
 */
export function keysetPage(keys: readonly SortKey[], page: KeysetPage): KeysetClauses {
  const orderBy = fragment`ORDER BY ${join(
    keys.map((key) => fragment`${key.by} ${directionOf(key)}`),
    ', ',
  )}`;
  const limit = fragment`LIMIT toInteger(${param(page.first + 1, 'limit')})`;
  return { after: page.after ? afterPosition(keys, page.after) : EMPTY, orderBy, limit };
}

function afterPosition(keys: readonly SortKey[], values: readonly CursorValue[]): Fragment {
  if (values.length !== keys.length)
    throw new Error(`a position of ${values.length} values for ${keys.length} sort keys`);
  const bounds = keys.map((key, index) => {
    const value = param(values[index], `after${index + 1}`);
    return { key, value: key.cast ? key.cast(value) : fragment`${value}` };
  });
  const branches = bounds.map(({ key, value }, index) => {
    const equalBefore = bounds
      .slice(0, index)
      .map((earlier) => fragment`${earlier.key.by} = ${earlier.value}`);
    const beyond = fragment`${key.by} ${key.direction === 'DESC' ? LESS : MORE} ${value}`;
    return join([...equalBefore, beyond], ' AND ');
  });
  return fragment`(${join(
    branches.map((branch) => fragment`(${branch})`),
    ' OR ',
  )})`;
}

const directionOf = (key: SortKey): Fragment => (key.direction === 'DESC' ? DESC : ASC);
const DESC = fragment`DESC`;
const ASC = fragment`ASC`;
const LESS = fragment`<`;
const MORE = fragment`>`;
