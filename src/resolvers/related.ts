import type { IncidentFilter, IncidentOrder } from '../__generated__/resolvers-types.js';
import { notFound } from '../errors.js';
import type { Context } from '../context.js';
import { orderOf, type PageArgs } from '../graphql/arguments.js';
import { connectionOf, connectionParts, type Connection } from '../graphql/connection.js';
import {
  propertiesRead,
  SelectedFields,
  type PropertyTable,
  type SelectionSource,
} from '../graphql/selection.js';
import { actorPropertiesRead, incidentPropertiesRead } from './properties-read.js';
import { incidentConditions } from './filter-arguments.js';
import type { Loaders, Projected } from '../loaders/index.js';
import {
  actorKeysets,
  type ActorListRow,
  type ActorConditions,
  type ActorOrdering,
} from '../repositories/actor-repository.js';
import {
  countKey,
  countKeysets,
  type CountGroup,
  type GroupRows,
} from '../repositories/count-repository.js';
import type { IncidentScope } from '../repositories/incident-filter.js';
import { incidentKeysets, incidentSortValue } from '../repositories/incident-repository.js';
import type { NodeType } from '../db/graph-model.js';
import type { NodeRows } from '../repositories/node-repository.js';
import type { ActorRow, CountRow, IncidentRow, SourceRow } from '../repositories/rows.js';

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

export interface IncidentListArgs extends PageArgs {
  filter?: IncidentFilter | null;
  orderBy?: IncidentOrder | null;
}

/**
 * What a connection of rows of one type asks of its list: its parts, and the properties of each
 * row the selection under `edges { node }` reads, by the type's table.
 */
function projected<Property extends string>(
  info: SelectionSource,
  table: PropertyTable<Property>,
): Projected<Property> {
  const selected = SelectedFields.of(info);
  return {
    columns: propertiesRead(selected.under('edges').under('node'), table),
    parts: connectionParts(selected),
  };
}

/** Every list of incidents, root or nested: the shared filter, newest first unless asked otherwise. */
export async function listIncidents(
  scope: IncidentScope | null,
  key: string | null,
  args: IncidentListArgs,
  { loaders, taxonomy }: Context,
  info: SelectionSource,
): Promise<Connection<IncidentRow>> {
  const filter = incidentConditions(args.filter, taxonomy);
  const order = orderOf(args.orderBy, { field: 'START_DATE', direction: 'DESC' });
  const asked = projected(info, incidentPropertiesRead);
  return connectionOf(
    args,
    incidentKeysets[order.field],
    (row) => [incidentSortValue(row, order.field), row.id],
    (page) => loaders.incidents(scope, key, filter, order, page, asked),
  );
}

export interface CountListArgs extends PageArgs {
  filter?: IncidentFilter | null;
}

/**
 * Every count connection (`Actor.sectors`, `Sector.actors`, `topActors`…): the incidents of a
 * scope that pass the filter, grouped by what they link to, most incidents first.
 */
export async function listCounts<G extends CountGroup>(
  group: G,
  scope: IncidentScope | null,
  key: string | null,
  args: CountListArgs,
  { loaders, taxonomy }: Context,
  info: SelectionSource,
): Promise<Connection<CountRow<GroupRows[G]>>> {
  const filter = incidentConditions(args.filter, taxonomy);
  const parts = connectionParts(SelectedFields.of(info));
  return connectionOf(
    args,
    countKeysets[group],
    (row) => [row.incidentCount, countKey(row)],
    (page) => loaders.counts(group, scope, key, filter, page, parts),
  );
}

/** Every list of actors, root or nested (a country's originating actors). */
export async function listActors(
  scope: 'origin' | null,
  key: string | null,
  filter: ActorConditions,
  order: ActorOrdering,
  args: PageArgs,
  loaders: Loaders,
  info: SelectionSource,
): Promise<Connection<ActorRow>> {
  const asked = projected(info, actorPropertiesRead);
  return connectionOf(
    args,
    actorKeysets[order.field],
    (row: ActorListRow) => [row.sortValue, row.id],
    (page) => loaders.actors(scope, key, filter, order, page, asked),
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
