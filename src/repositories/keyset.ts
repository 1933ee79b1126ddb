import {
  EMPTY,
  fragment,
  join,
  param,
  trusted,
  variable,
  type Fragment,
  type Param,
} from '../db/cypher.js';

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

/** Which parts of a list a client asked for: the page's rows, the count of the whole list, both. */
export interface ListParts {
  readonly rows: boolean;
  readonly count: boolean;
}

/** How a list fetches its page, its count, and both in one statement. */
export interface ListFetches<Row> {
  rows: () => Promise<Row[]>;
  count: () => Promise<number>;
  rowsAndCount: () => Promise<{ rows: Row[]; count: number }>;
}

/**
 * A list's answer for the parts asked for: the page and the count from one statement when both
 * are, the page alone when only it is, nothing but the count's function when only that is. A count
 * not asked for still runs if called, alone.
 */
export async function pagedRows<Row>(
  parts: ListParts,
  fetch: ListFetches<Row>,
): Promise<PagedRows<Row>> {
  if (!parts.rows) return { rows: [], count: fetch.count };
  if (!parts.count) return { rows: await fetch.rows(), count: fetch.count };
  const { rows, count } = await fetch.rowsAndCount();
  return { rows, count: () => Promise.resolve(count) };
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
  /** How many rows that is, as an expression. */
  readonly size: Fragment;
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
  const size = fragment`toInteger(${param(page.first + 1, 'limit')})`;
  const limit = fragment`LIMIT ${size}`;
  return { after: page.after ? afterPosition(keys, page.after) : EMPTY, orderBy, limit, size };
}

/**
 * A page and the count of all the rows it is cut from, in one pass over them (a separate count
 * would match and filter every row a second time): the rows, bound to `names`, are sorted by the
 * keyset, counted, and the first of those after the position kept; `tail` follows for the page's
 * rows and returns one column, each row of the page. Returns `count` and `rows`.
 *
 * The page is cut from a sorted collection rather than by a LIMIT over an unwound one: the
 * database accounts a collection once for every row a LIMIT holds, which on a large list runs
 * past the transaction's memory.
 */
export function countedPage(
  names: readonly string[],
  clauses: KeysetClauses,
  tail: Fragment,
): Fragment {
  const bound = join(names.map(trusted), ', ');
  const page = variable('page');
  const line = variable('line');
  // One name is kept as itself; several as a list per row, unpacked in the page.
  const [kept, unpacked] =
    names.length === 1
      ? [bound, fragment`UNWIND ${page} AS ${bound}`]
      : [
          fragment`[${bound}]`,
          fragment`UNWIND ${page} AS ${line}
    WITH ${join(
      names.map((name, index) => fragment`${line}[${trusted(String(index))}] AS ${trusted(name)}`),
      ', ',
    )}`,
        ];
  const afterPosition = clauses.after.isEmpty
    ? kept
    : fragment`CASE WHEN ${clauses.after} THEN ${kept} END`;
  return fragment`WITH ${bound} ${clauses.orderBy}
  WITH count(*) AS count, collect(${afterPosition})[0..${clauses.size}] AS ${page}
  RETURN count, COLLECT {
    ${unpacked}
    ${tail}
  } AS rows`;
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
