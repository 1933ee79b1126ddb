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
  type ActorConditions,
  type ActorListRow,
  type ActorOrdering,
} from '../repositories/actor-repository.js';
import {
  ORGANIZATION_COUNTRIES,
  ORGANIZATION_SECTORS,
} from '../repositories/catalog-repository.js';
import { countGroups, listCounts, type CountGroup } from '../repositories/count-repository.js';
import type { IncidentConditions, IncidentScope } from '../repositories/incident-filter.js';
import {
  CAMPAIGN_ATTRIBUTIONS,
  countIncidents,
  INCIDENT_ATTRIBUTIONS,
  INCIDENT_CAMPAIGNS,
  INCIDENT_COUNTRIES,
  INCIDENT_ORGANIZATIONS,
  INCIDENT_SECTORS,
  INCIDENT_SOURCES,
  listIncidents,
  type IncidentOrdering,
  type ScopeParent,
} from '../repositories/incident-repository.js';
import {
  ACTOR_DATASETS,
  DATASET_SIZES,
  INCIDENT_DATASETS,
} from '../repositories/dataset-repository.js';
import { findNodes, type NodeRows } from '../repositories/node-repository.js';
import type { KeysetPage, PagedRows } from '../repositories/keyset.js';
import type {
  ActorRow,
  CountRow,
  CountryRow,
  IncidentRow,
  SectorRow,
} from '../repositories/rows.js';
import { SECTOR_CHILDREN, SECTOR_PARENTS } from '../repositories/taxonomy-repository.js';
import { KeyedLoaders, groupByParent, inKeyOrder, relationLoader } from './batch.js';
import { withSubsectors, type Taxonomy } from '../taxonomy/taxonomy.js';

/** The root of a list: `null` for a root field, else the parent's key. */
type ParentKey = string | null;
const ROOT = '\u0000root';

interface IncidentArgs {
  scope: IncidentScope | null;
  filter: IncidentConditions;
  order: IncidentOrdering;
  page: KeysetPage;
}
interface CountArgs {
  group: CountGroup;
  scope: IncidentScope | null;
  filter: IncidentConditions;
  page: KeysetPage;
}
interface ActorArgs {
  scope: 'origin' | null;
  filter: ActorConditions;
  order: ActorOrdering;
  page: KeysetPage;
}

/**
 * Per-request loaders: every relationship and every nested list is fetched through one of these,
 * so a request costs one round trip per level of the query, however many rows each level has.
 */
export function createLoaders(executor: Executor, taxonomy: Taxonomy) {
  const nodeLoader = <T extends NodeType>(type: T) =>
    new DataLoader<string, NodeRows[T] | null>(async (keys) =>
      inKeyOrder(keys, await findNodes(executor, type, keys), null),
    );
  const nodes = new Map(nodeTypes.map((type) => [type, nodeLoader(type)]));
  const parentsOf = (keys: readonly string[], scope: IncidentScope | null): ScopeParent[] =>
    keys.map((key) =>
      key === ROOT
        ? { id: null }
        : scope === 'sector'
          ? { id: key, sectorIds: withSubsectors([key], taxonomy) }
          : { id: key },
    );
  const rootAware = <Row>(
    keys: readonly string[],
    rows: { parentId: string | null; rows: Row[] }[],
  ): Row[][] =>
    groupByParent(
      keys,
      rows.map((r) => ({ parentId: r.parentId ?? ROOT, rows: r.rows })),
    );
  const countsAware = (
    keys: readonly string[],
    rows: { parentId: string | null; count: number }[],
  ): number[] => inKeyOrder(keys, new Map(rows.map((r) => [r.parentId ?? ROOT, r.count])), 0);

  const incidentLists = new KeyedLoaders<IncidentRow[]>((raw) => {
    const args = raw as IncidentArgs;
    return new DataLoader(async (keys) =>
      rootAware(
        keys,
        await listIncidents(
          executor,
          parentsOf(keys, args.scope),
          args.filter,
          args.order,
          args.page,
          args.scope ?? undefined,
        ),
      ),
    );
  });
  const incidentCounts = new KeyedLoaders<number>((raw) => {
    const args = raw as Omit<IncidentArgs, 'order' | 'page'>;
    return new DataLoader(async (keys) =>
      countsAware(
        keys,
        await countIncidents(
          executor,
          parentsOf(keys, args.scope),
          args.filter,
          args.scope ?? undefined,
        ),
      ),
    );
  });
  const countLists = new KeyedLoaders<CountRow<ActorRow | SectorRow | CountryRow>[]>((raw) => {
    const args = raw as CountArgs;
    return new DataLoader(async (keys) =>
      rootAware(
        keys,
        await listCounts(
          executor,
          args.group,
          parentsOf(keys, args.scope),
          args.filter,
          args.page,
          args.scope ?? undefined,
        ),
      ),
    );
  });
  const groupCounts = new KeyedLoaders<number>((raw) => {
    const args = raw as Omit<CountArgs, 'page'>;
    return new DataLoader(async (keys) =>
      countsAware(
        keys,
        await countGroups(
          executor,
          args.group,
          parentsOf(keys, args.scope),
          args.filter,
          args.scope ?? undefined,
        ),
      ),
    );
  });
  const actorLists = new KeyedLoaders<ActorListRow[]>((raw) => {
    const args = raw as ActorArgs;
    return new DataLoader(async (keys) =>
      rootAware(
        keys,
        await listActors(
          executor,
          keys.map((k) => ({ id: k === ROOT ? null : k })),
          args.filter,
          args.order,
          args.page,
          args.scope ?? undefined,
        ),
      ),
    );
  });
  const actorCounts = new KeyedLoaders<number>((raw) => {
    const args = raw as Omit<ActorArgs, 'order' | 'page'>;
    return new DataLoader(async (keys) =>
      countsAware(
        keys,
        await countActors(
          executor,
          keys.map((k) => ({ id: k === ROOT ? null : k })),
          args.filter,
          args.scope ?? undefined,
        ),
      ),
    );
  });

  return {
    // The map holds each type's loader under its own type, which its type cannot say.
    node: <T extends NodeType>(type: T): DataLoader<string, NodeRows[T] | null> =>
      nodes.get(type) as DataLoader<string, NodeRows[T] | null>,
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

    async incidents(
      scope: IncidentScope | null,
      parent: ParentKey,
      filter: IncidentConditions,
      order: IncidentOrdering,
      page: KeysetPage,
    ): Promise<PagedRows<IncidentRow>> {
      return {
        rows: await incidentLists.for({ scope, filter, order, page }).load(parent ?? ROOT),
        count: () => incidentCounts.for({ scope, filter }).load(parent ?? ROOT),
      };
    },

    async counts<Node extends ActorRow | SectorRow | CountryRow>(
      group: CountGroup,
      scope: IncidentScope | null,
      parent: ParentKey,
      filter: IncidentConditions,
      page: KeysetPage,
    ): Promise<PagedRows<CountRow<Node>>> {
      return {
        rows: (await countLists
          .for({ group, scope, filter, page })
          .load(parent ?? ROOT)) as CountRow<Node>[],
        count: () => groupCounts.for({ group, scope, filter }).load(parent ?? ROOT),
      };
    },

    async actors(
      scope: 'origin' | null,
      parent: ParentKey,
      filter: ActorConditions,
      order: ActorOrdering,
      page: KeysetPage,
    ): Promise<PagedRows<ActorListRow>> {
      return {
        rows: await actorLists.for({ scope, filter, order, page }).load(parent ?? ROOT),
        count: () => actorCounts.for({ scope, filter }).load(parent ?? ROOT),
      };
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
