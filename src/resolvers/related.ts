import type { IncidentFilter, IncidentOrder } from '../__generated__/resolvers-types.js';
import { notFound } from '../errors.js';
import type { Context } from '../context.js';
import { orderOf, pageOf } from '../graphql/arguments.js';
import type { Connection } from '../graphql/connection.js';
import { incidentConditions } from '../graphql/filters.js';
import type { Loaders } from '../loaders/index.js';
import type { IncidentScope } from '../repositories/incident-filter.js';
import type { NodeType } from '../graphql/global-id.js';
import type { NodeRows } from '../repositories/node-repository.js';
import type { IncidentRow, SourceRow } from '../repositories/rows.js';

/** A relationship's far end always exists (edges cannot dangle); a miss is a bug, not a null. */
export function required<Row>(row: Row | null, type: string, key: string): Row {
  if (row === null) throw new Error(`${type} ${key} is linked but was not found`);
  return row;
}

/** The sources a claim cites, through the request's Source loader (one batch per level). */
export async function loadSources(ids: readonly string[], loaders: Loaders): Promise<SourceRow[]> {
  const rows = await loaders.node('Source').loadMany(ids);
  return rows.filter((row): row is SourceRow => row !== null && !(row instanceof Error));
}

/** Linked nodes of one type by key, in order, through the request's loader; all must exist. */
export async function loadLinked<T extends NodeType>(
  loaders: Loaders,
  type: T,
  keys: readonly string[],
): Promise<NodeRows[T][]> {
  const rows = await loaders.node(type).loadMany(keys);
  return rows.map((row, i) => {
    if (row instanceof Error) throw row;
    return required(row, type, keys[i] ?? '');
  });
}

export interface IncidentListArgs {
  filter?: IncidentFilter | null;
  orderBy?: IncidentOrder | null;
  first?: number | null;
  after?: string | null;
}

/** Every list of incidents, root or nested: the shared filter, newest first unless asked otherwise. */
export function listIncidents(
  scope: IncidentScope | null,
  key: string | null,
  args: IncidentListArgs,
  { loaders, taxonomy }: Context,
): Promise<Connection<IncidentRow>> {
  return loaders.incidents(
    scope,
    key,
    incidentConditions(args.filter, taxonomy),
    orderOf(args.orderBy, { field: 'START_DATE', direction: 'DESC' }),
    pageOf(args),
  );
}

/** A node an argument names must exist: NOT_FOUND names the argument and the id. */
export async function existing<T extends NodeType>(
  loaders: Loaders,
  type: T,
  key: string,
  argument: string,
): Promise<NodeRows[T]> {
  const row = await loaders.node(type).load(key);
  if (row === null) throw notFound(type, key, argument);
  return row;
}
