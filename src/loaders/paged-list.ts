import DataLoader from 'dataloader';
import type { Executor } from '../db/database.js';
import type { KeysetPage, PagedRows } from '../repositories/keyset.js';
import type { BatchParent } from '../repositories/per-parent.js';
import type { Parented, ParentCount } from '../repositories/rows.js';
import {
  countByParent,
  groupByParent,
  KeyedLoaders,
  loaderKey,
  parentKey,
  type ParentKey,
} from './batch.js';

/** The parents of a batch, as what a list selects says they are (a sector with its sub-sectors). */
export type ParentsOf<Selection> = (
  keys: readonly ParentKey[],
  selection: Selection,
) => BatchParent[];

/** A repository's batched list: for every parent, a page of what `selection` holds, in `order`. */
type ListRows<Selection, Order, Row> = (
  executor: Executor,
  parents: readonly BatchParent[],
  selection: Selection,
  order: Order,
  page: KeysetPage,
) => Promise<Parented<Row>[]>;

/** A repository's batched count: for every parent, how many rows `selection` holds. */
type CountRows<Selection> = (
  executor: Executor,
  parents: readonly BatchParent[],
  selection: Selection,
) => Promise<ParentCount[]>;

interface ListArgs<Selection, Order> {
  selection: Selection;
  order: Order;
  page: KeysetPage;
}

/** One batch per distinct selection, order and page; every parent asked for in it is one key. */
function listLoaders<Selection, Order, Row>(
  name: string,
  executor: Executor,
  parentsOf: ParentsOf<Selection>,
  list: ListRows<Selection, Order, Row>,
): KeyedLoaders<ListArgs<Selection, Order>, Row[]> {
  return new KeyedLoaders(
    ({ selection, order, page }) =>
      new DataLoader(
        async (keys) => {
          const parents = parentsOf(keys.map(parentKey), selection);
          return groupByParent(keys, await list(executor, parents, selection, order, page));
        },
        { name },
      ),
  );
}

/** One batch per distinct selection: a count ignores the order and the page. */
function countLoaders<Selection>(
  name: string,
  executor: Executor,
  parentsOf: ParentsOf<Selection>,
  count: CountRows<Selection>,
): KeyedLoaders<Selection, number> {
  return new KeyedLoaders(
    (selection) =>
      new DataLoader(
        async (keys) => {
          const parents = parentsOf(keys.map(parentKey), selection);
          return countByParent(keys, await count(executor, parents, selection));
        },
        { name: `${name}:count` },
      ),
  );
}

/** A page of a parent's list, with the count of the whole list, which runs only when asked for. */
export type PagedList<Selection, Order, Row> = (
  parent: ParentKey,
  selection: Selection,
  order: Order,
  page: KeysetPage,
) => Promise<PagedRows<Row>>;

/** A list's loaders and its count's, as one paged list. */
export function pagedList<Selection, Order, Row>(
  name: string,
  executor: Executor,
  parentsOf: ParentsOf<Selection>,
  fetch: { rows: ListRows<Selection, Order, Row>; count: CountRows<Selection> },
): PagedList<Selection, Order, Row> {
  const lists = listLoaders(name, executor, parentsOf, fetch.rows);
  const counts = countLoaders(name, executor, parentsOf, fetch.count);
  return async (parent, selection, order, page) => ({
    rows: await lists.for({ selection, order, page }).load(loaderKey(parent)),
    count: () => counts.for(selection).load(loaderKey(parent)),
  });
}
