import DataLoader from 'dataloader';
import type { CypherQuery, Executor } from '../db/database.js';
import type { CountedParented, Parented, ParentCount } from '../repositories/rows.js';

/**
 * DataLoader's contract: the batch function returns one value per key, in key order. These
 * helpers keep it for the two shapes our repositories answer in: a map by key, and rows tagged
 * with their parent.
 */
export function inKeyOrder<V>(keys: readonly string[], found: Map<string, V>, missing: V): V[] {
  return keys.map((key) => found.get(key) ?? missing);
}

/** The parent a list hangs off: its key, or null for a root list. */
export type ParentKey = string | null;

/** DataLoader's keys are strings: a root list's one parent goes under a key no parent has. */
const ROOT = '\u0000root';
export const loaderKey = (parent: ParentKey): string => parent ?? ROOT;
export const parentKey = (key: string): ParentKey => (key === ROOT ? null : key);

export function groupByParent<Row>(keys: readonly string[], parented: Parented<Row>[]): Row[][] {
  return inKeyOrder(keys, new Map(parented.map((p) => [loaderKey(p.parentId), p.rows])), []);
}

export function countByParent(keys: readonly string[], counts: ParentCount[]): number[] {
  return inKeyOrder(keys, new Map(counts.map((c) => [loaderKey(c.parentId), c.count])), 0);
}

export function pageAndCountByParent<Row>(
  keys: readonly string[],
  counted: CountedParented<Row>[],
): { rows: Row[]; count: number }[] {
  const found = new Map(
    counted.map(({ parentId, rows, count }) => [loaderKey(parentId), { rows, count }]),
  );
  return inKeyOrder(keys, found, { rows: [], count: 0 });
}

/** A loader for one relationship, named as its query: `UNWIND $ids` in, rows grouped by parent out. */
export function relationLoader<Row>(
  executor: Executor,
  query: CypherQuery<Parented<Row>>,
): DataLoader<string, Row[]> {
  return new DataLoader(async (ids) => groupByParent(ids, await executor.read(query, { ids })), {
    name: query.name,
  });
}

/**
 * Loaders that also depend on field arguments (filter, order, first, after): one DataLoader per
 * distinct argument set, so the 100 `incidents(first: 5)` of 100 actors are one batch, while a
 * differently filtered list in the same request is another.
 */
export class KeyedLoaders<Args, V> {
  readonly #loaders = new Map<string, DataLoader<string, V>>();

  constructor(private readonly create: (args: Args) => DataLoader<string, V>) {}

  for(args: Args): DataLoader<string, V> {
    const key = JSON.stringify(args);
    let loader = this.#loaders.get(key);
    if (!loader) {
      loader = this.create(args);
      this.#loaders.set(key, loader);
    }
    return loader;
  }
}
