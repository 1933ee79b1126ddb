import DataLoader from 'dataloader';
import type { Executor } from '../db/database.js';
import { nodeTypes, type NodeType } from '../db/graph-model.js';
import {
  ACTOR_AFFILIATIONS,
  ACTOR_ORIGINS,
  ACTOR_REPORTED_COUNTRIES,
  ACTOR_REPORTED_SECTORS,
  ACTOR_SPONSORS,
  countActors,
  listActors,
  listAndCountActors,
  type ActorConditions,
  type ActorListRow,
  type ActorOrdering,
  type ScopedActors,
} from '../repositories/actor-repository.js';
import {
  ORGANIZATION_COUNTRIES,
  ORGANIZATION_SECTORS,
} from '../repositories/catalog-repository.js';
import {
  countGroups,
  listCounts,
  type CountGroup,
  type GroupedIncidents,
  type GroupRows,
} from '../repositories/count-repository.js';
import type { IncidentConditions, IncidentScope } from '../repositories/incident-filter.js';
import {
  CAMPAIGN_ATTRIBUTIONS,
  countIncidents,
  listAndCountIncidents,
  INCIDENT_ATTRIBUTIONS,
  INCIDENT_CAMPAIGNS,
  INCIDENT_COUNTRIES,
  INCIDENT_ORGANIZATIONS,
  INCIDENT_SECTORS,
  INCIDENT_SOURCES,
  listIncidents,
  type IncidentOrdering,
  type ScopedIncidents,
} from '../repositories/incident-repository.js';
import {
  ACTOR_DATASETS,
  DATASET_SIZES,
  INCIDENT_DATASETS,
} from '../repositories/dataset-repository.js';
import { findNodes, type NodeRows } from '../repositories/node-repository.js';
import type { KeysetPage, ListParts, PagedRows } from '../repositories/keyset.js';
import type { ActorProperty, IncidentProperty } from '../repositories/projection.js';
import type { BatchParent } from '../repositories/per-parent.js';
import type { CountRow, IncidentRow } from '../repositories/rows.js';
import { SECTOR_CHILDREN, SECTOR_PARENTS } from '../repositories/taxonomy-repository.js';
import { inKeyOrder, relationLoader, type ParentKey } from './batch.js';
import { pagedList, type PagedList, type ParentsOf } from './paged-list.js';
import { withSubsectors, type Taxonomy } from '../taxonomy/taxonomy.js';

/**
 * Per-request loaders: every node, relationship and nested list is fetched through one of these,
 * so a request costs one round trip per level of the query, however many rows each level has.
 */
export function createLoaders(executor: Executor, taxonomy: Taxonomy) {
  const parentsOf = batchParents(taxonomy);
  const incidents = pagedList('incidents', executor, parentsOf, {
    rows: listIncidents,
    count: countIncidents,
    rowsAndCount: listAndCountIncidents,
  });
  const actors = pagedList('actors', executor, parentsOf, {
    rows: listActors,
    count: countActors,
    rowsAndCount: listAndCountActors,
  });
  const counts = countLists(executor, parentsOf);
  return {
    node: nodeLoaders(executor),
    ...relationLoaders(executor),

    /** A parent's incidents: the page's rows with `columns`, the count, as `parts` asks. */
    incidents: (
      scope: IncidentScope | null,
      parent: ParentKey,
      filter: IncidentConditions,
      order: IncidentOrdering,
      page: KeysetPage,
      { columns, parts }: Projected<IncidentProperty>,
    ): Promise<PagedRows<IncidentRow>> =>
      incidents(parent, { selection: { scope, filter }, order, page, columns, parts }),

    counts: <G extends CountGroup>(
      group: G,
      scope: IncidentScope | null,
      parent: ParentKey,
      filter: IncidentConditions,
      page: KeysetPage,
      parts: ListParts,
    ): Promise<PagedRows<CountRow<GroupRows[G]>>> =>
      counts[group](parent, {
        selection: { group, scope, filter },
        order: null,
        page,
        columns: null,
        parts,
      }),

    actors: (
      scope: 'origin' | null,
      parent: ParentKey,
      filter: ActorConditions,
      order: ActorOrdering,
      page: KeysetPage,
      { columns, parts }: Projected<ActorProperty>,
    ): Promise<PagedRows<ActorListRow>> =>
      actors(parent, { selection: { scope, filter }, order, page, columns, parts }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Which parts of a list are asked for, and which properties of its rows the page reads. */
export interface Projected<Property> {
  columns: readonly Property[];
  parts: ListParts;
}

/** A batch's parents: a sector's incidents are those of the sector and of its sub-sectors. */
function batchParents(taxonomy: Taxonomy): ParentsOf<ScopedIncidents | ScopedActors> {
  return (keys, { scope }) =>
    keys.map((id): BatchParent =>
      id !== null && scope === 'sector'
        ? { id, sectorIds: withSubsectors([id], taxonomy) }
        : { id },
    );
}

/** A loader per node type of the graph model, each batching that type's keys. */
function nodeLoaders(executor: Executor) {
  const loaderOf = <T extends NodeType>(type: T) =>
    new DataLoader<string, NodeRows[T] | null>(
      async (keys) => inKeyOrder(keys, await findNodes(executor, type, keys), null),
      { name: `node:${type}` },
    );
  const loaders = new Map(nodeTypes.map((type) => [type, loaderOf(type)]));
  // The map holds each type's loader under its own type, which a map's one value type cannot say.
  return <T extends NodeType>(type: T) =>
    loaders.get(type) as DataLoader<string, NodeRows[T] | null>;
}

/** The count connections, one paged list per group, so that each list's rows keep their type. */
type CountLists = {
  [G in CountGroup]: PagedList<GroupedIncidents<G>, null, null, CountRow<GroupRows[G]>>;
};

function countLists(executor: Executor, parentsOf: ParentsOf<ScopedIncidents>): CountLists {
  const countList = <G extends CountGroup>(group: G) =>
    pagedList<GroupedIncidents<G>, null, null, CountRow<GroupRows[G]>>(
      `counts:${group}`,
      executor,
      parentsOf,
      {
        rows: (on, parents, grouped, _order, page) => listCounts(on, parents, grouped, page),
        count: countGroups,
      },
    );
  return {
    sector: countList('sector'),
    topLevelSector: countList('topLevelSector'),
    country: countList('country'),
    actor: countList('actor'),
    originCountry: countList('originCountry'),
  };
}

function relationLoaders(executor: Executor) {
  return {
    incidentSectors: relationLoader(executor, INCIDENT_SECTORS),
    incidentCountries: relationLoader(executor, INCIDENT_COUNTRIES),
    incidentOrganizations: relationLoader(executor, INCIDENT_ORGANIZATIONS),
    incidentSources: relationLoader(executor, INCIDENT_SOURCES),
    incidentCampaigns: relationLoader(executor, INCIDENT_CAMPAIGNS),
    incidentAttributions: relationLoader(executor, INCIDENT_ATTRIBUTIONS),
    campaignAttributions: relationLoader(executor, CAMPAIGN_ATTRIBUTIONS),
    actorOrigins: relationLoader(executor, ACTOR_ORIGINS),
    actorSponsors: relationLoader(executor, ACTOR_SPONSORS),
    actorAffiliations: relationLoader(executor, ACTOR_AFFILIATIONS),
    actorReportedSectors: relationLoader(executor, ACTOR_REPORTED_SECTORS),
    actorReportedCountries: relationLoader(executor, ACTOR_REPORTED_COUNTRIES),
    sectorChildren: relationLoader(executor, SECTOR_CHILDREN),
    sectorParents: relationLoader(executor, SECTOR_PARENTS),
    organizationSectors: relationLoader(executor, ORGANIZATION_SECTORS),
    organizationCountries: relationLoader(executor, ORGANIZATION_COUNTRIES),
    incidentDatasets: relationLoader(executor, INCIDENT_DATASETS),
    actorDatasets: relationLoader(executor, ACTOR_DATASETS),
    datasetSizes: relationLoader(executor, DATASET_SIZES),
  };
}
