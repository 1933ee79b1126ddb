import DataLoader from 'dataloader';
import type { Executor } from '../db/database.js';
import {
  pagedRows,
  type KeysetPage,
  type ListParts,
  type PagedRows,
} from '../repositories/keyset.js';
import type { BatchParent } from '../repositories/per-parent.js';
import type { CountedParented, Parented, ParentCount } from '../repositories/rows.js';
import {
  countByParent,
  groupByParent,
  KeyedLoaders,
  loaderKey,
  pageAndCountByParent,
  parentKey,
  type ParentKey,
} from './batch.js';

/** The parents of a batch, as what a list selects says they are (a sector with its sub-sectors). */
export type ParentsOf<Selection> = (
  keys: readonly ParentKey[],
  selection: Selection,
) => BatchParent[];

/**
 * A repository's batched list: for every parent, a page of what `selection` holds, in `order`,
 * each row with `columns` (the properties its caller reads).
 */
type ListRows<Selection, Order, Columns, Answer> = (
  executor: Executor,
  parents: readonly BatchParent[],
  selection: Selection,
  order: Order,
  page: KeysetPage,
  columns: Columns,
) => Promise<Answer[]>;

/** A repository's batched count: for every parent, how many rows `selection` holds. */
type CountRows<Selection> = (
  executor: Executor,
  parents: readonly BatchParent[],
  selection: Selection,
) => Promise<ParentCount[]>;

interface ListArgs<Selection, Order, Columns> {
  selection: Selection;
  order: Order;
  page: KeysetPage;
  columns: Columns;
}

/** What a resolver asks of a parent's list: its arguments, and which parts it needs. */
export interface ListAsk<Selection, Order, Columns> extends ListArgs<Selection, Order, Columns> {
  parts: ListParts;
}

/**
 * One batch per distinct selection, order, page and columns; every parent asked for in it is one
 * key. Columns are part of the batch's key rather than merged across a batch: lists of one level
 * that select different fields of their rows are rare, and a loader's cached answer must hold
 * every column of whoever asks for it again.
 */
function listLoaders<Selection, Order, Columns, Answer, Value>(
  name: string,
  executor: Executor,
  parentsOf: ParentsOf<Selection>,
  list: ListRows<Selection, Order, Columns, Answer>,
  byParent: (keys: readonly string[], answers: Answer[]) => Value[],
): KeyedLoaders<ListArgs<Selection, Order, Columns>, Value> {
  return new KeyedLoaders(
    ({ selection, order, page, columns }) =>
      new DataLoader(
        async (keys) => {
          const parents = parentsOf(keys.map(parentKey), selection);
          return byParent(keys, await list(executor, parents, selection, order, page, columns));
        },
        { name },
      ),
  );
}

/** One batch per distinct selection: a count ignores the order, the page and the columns. */
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

/** A page of a parent's list and the count of the whole list, as far as the ask wants them. */
export type PagedList<Selection, Order, Columns, Row> = (
  parent: ParentKey,
  ask: ListAsk<Selection, Order, Columns>,
) => Promise<PagedRows<Row>>;

/**
 * A list's loaders, its count's, and those of both in one statement, as one paged list. A list
 * whose repository has no statement for both answers them with its two.
 */
export function pagedList<Selection, Order, Columns, Row>(
  name: string,
  executor: Executor,
  parentsOf: ParentsOf<Selection>,
  fetch: {
    rows: ListRows<Selection, Order, Columns, Parented<Row>>;
    count: CountRows<Selection>;
    rowsAndCount?: ListRows<Selection, Order, Columns, CountedParented<Row>>;
  },
): PagedList<Selection, Order, Columns, Row> {
  const lists = listLoaders(name, executor, parentsOf, fetch.rows, groupByParent);
  const counts = countLoaders(name, executor, parentsOf, fetch.count);
  const both = fetch.rowsAndCount
    ? listLoaders(`${name}:counted`, executor, parentsOf, fetch.rowsAndCount, pageAndCountByParent)
    : null;
  return (parent, { parts, selection, ...args }) => {
    const key = loaderKey(parent);
    const list = { selection, ...args };
    const rows = () => lists.for(list).load(key);
    const count = () => counts.for(selection).load(key);
    return pagedRows(parts, {
      rows,
      count,
      rowsAndCount: both
        ? () => both.for(list).load(key)
        : async () => {
            const [page, total] = await Promise.all([rows(), count()]);
            return { rows: page, count: total };
          },
    });
  };
}
