import { EMPTY, fragment, join, param, type Fragment, type Param } from '../db/cypher.js';

/**
 * Keyset pagination, the one way every list pages: rows are ordered by their sort keys, the last
 * of which identifies a row, and a page starts strictly after the previous page's last row — so a
 * row inserted meanwhile never shifts a page the way SKIP offsets do. A page asks for one row more
 * than `first`, which tells the API whether another page follows.
 */
export interface SortKey {
  /** The expression rows are ordered by, over variables the caller has bound. */
  readonly by: Fragment;
  readonly direction: 'ASC' | 'DESC';
  /** How a value from the position reads as the expression's type (e.g. `date($v)`). */
  readonly cast?: (value: Param) => Fragment;
}

/** A page: how many rows, and the sort values of the row it starts after (none for the first). */
export interface PagePosition {
  readonly first: number;
  readonly after: readonly unknown[] | null;
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
export function keysetPage(keys: readonly SortKey[], page: PagePosition): KeysetClauses {
  const orderBy = fragment`ORDER BY ${join(
    keys.map((key) => fragment`${key.by} ${directionOf(key)}`),
    ', ',
  )}`;
  const limit = fragment`LIMIT toInteger(${param(page.first + 1, 'limit')})`;
  return { after: page.after ? afterPosition(keys, page.after) : EMPTY, orderBy, limit };
}

function afterPosition(keys: readonly SortKey[], values: readonly unknown[]): Fragment {
  if (values.length !== keys.length)
    throw new Error(`a position of ${values.length} values for ${keys.length} sort keys`);
  const valueOf = keys.map((key, index) => {
    const value = param(values[index], `after${index + 1}`);
    return key.cast ? key.cast(value) : fragment`${value}`;
  });
  const branches = keys.map((key, index) => {
    const equalBefore = keys
      .slice(0, index)
      .map((earlier, e) => fragment`${earlier.by} = ${valueOf[e] as Fragment}`);
    const beyond = fragment`${key.by} ${key.direction === 'DESC' ? LESS : MORE} ${valueOf[index] as Fragment}`;
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
