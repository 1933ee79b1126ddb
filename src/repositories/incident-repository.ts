import { claimKey } from './attribution-write-repository.js';
import { fragment, statement, where, type Fragment, type Statement } from '../db/cypher.js';
import { cypher, type Executor } from '../db/database.js';
import { countedPage, keysetPage, type Keyset, type KeysetPage, type SortKey } from './keyset.js';
import { INCIDENT_PROPERTIES, projectionOf, type IncidentProperty } from './projection.js';
import { forEachParent, lines, type BatchParent } from './per-parent.js';
import {
  incidentsMatching,
  type IncidentConditions,
  type IncidentScope,
} from './incident-filter.js';
import type {
  AffectedCountryRow,
  AttributionRow,
  CampaignRow,
  CountedParented,
  IncidentRow,
  OrganizationRow,
  Parented,
  ParentCount,
  SectorRow,
  SourceRow,
} from './rows.js';

/** The incidents a list or count holds: those passing the filter, within the parent of `scope`. */
export interface ScopedIncidents {
  scope: IncidentScope | null;
  filter: IncidentConditions;
}

export type IncidentOrderField = 'START_DATE' | 'TITLE';
export interface IncidentOrdering {
  field: IncidentOrderField;
  direction: 'ASC' | 'DESC';
}

const sortValue: Record<IncidentOrderField, Omit<SortKey, 'direction'>> = {
  START_DATE: { by: fragment`i.startDate`, cast: (value) => fragment`date(${value})` },
  TITLE: { by: fragment`i.title` },
};

/** (start date or title, incident id), both in the order's direction. */
const incidentSortKeys = ({ field, direction }: IncidentOrdering): SortKey[] => [
  { ...sortValue[field], direction },
  { by: fragment`i.id`, direction },
];

/** Cursors of incident lists: (start date or title, incident id). */
export const incidentKeysets: Record<IncidentOrderField, Keyset> = {
  START_DATE: { list: 'incidents:START_DATE', parts: ['day', 'text'] },
  TITLE: { list: 'incidents:TITLE', parts: ['text', 'text'] },
};

const scoped = (name: string, scope: IncidentScope | null) => (scope ? `${name}:${scope}` : name);

/** The property an order sorts by, which a row's cursor holds beside its id. */
const sortProperty: Record<IncidentOrderField, IncidentProperty> = {
  START_DATE: 'startDate',
  TITLE: 'title',
};

/** An incident `i` as a row: the properties asked for, and those of its cursor. */
const incidentProjection = (properties: readonly IncidentProperty[], order: IncidentOrdering) =>
  projectionOf(fragment`i`, ['id', sortProperty[order.field], ...properties], INCIDENT_PROPERTIES);

/**
 * A parent's page of incidents in keyset order, each with `properties`; `counted`, also how many
 * incidents the parent holds, from the same match (see countedPage).
 */
function incidentPage(
  { scope, filter }: ScopedIncidents,
  order: IncidentOrdering,
  page: KeysetPage,
  properties: readonly IncidentProperty[],
  counted: boolean,
): Fragment {
  const { match, conditions } = incidentsMatching(filter, scope);
  const keyset = keysetPage(incidentSortKeys(order), page);
  const row = incidentProjection(properties, order);
  if (counted)
    return lines([
      match,
      where(conditions),
      countedPage(['i'], keyset, fragment`RETURN ${row} AS row`),
    ]);
  return lines([
    match,
    where([...conditions, keyset.after]),
    fragment`WITH i ${keyset.orderBy} ${keyset.limit}`,
    fragment`RETURN collect(${row}) AS rows`,
  ]);
}

/** For every parent (one null parent for a root list), a page of its incidents in keyset order. */
export function incidentListStatement(
  parents: readonly BatchParent[],
  incidents: ScopedIncidents,
  order: IncidentOrdering,
  page: KeysetPage,
  properties: readonly IncidentProperty[],
): Statement<Parented<IncidentRow>> {
  const body = incidentPage(incidents, order, page, properties, false);
  return statement(scoped('listIncidents', incidents.scope), forEachParent(parents, body, 'rows'));
}

/** For every parent, a page of its incidents and how many it holds, in one statement. */
export function incidentListAndCountStatement(
  parents: readonly BatchParent[],
  incidents: ScopedIncidents,
  order: IncidentOrdering,
  page: KeysetPage,
  properties: readonly IncidentProperty[],
): Statement<CountedParented<IncidentRow>> {
  const body = incidentPage(incidents, order, page, properties, true);
  return statement(
    scoped('listAndCountIncidents', incidents.scope),
    forEachParent(parents, body, 'rows and count'),
  );
}

/** For every parent, how many incidents it holds. */
function incidentCountStatement(
  parents: readonly BatchParent[],
  { scope, filter }: ScopedIncidents,
): Statement<ParentCount> {
  const { match, conditions } = incidentsMatching(filter, scope);
  const body = lines([match, where(conditions), fragment`RETURN count(i) AS count`]);
  return statement(scoped('countIncidents', scope), forEachParent(parents, body, 'count'));
}

export async function listIncidents(
  executor: Executor,
  parents: readonly BatchParent[],
  incidents: ScopedIncidents,
  order: IncidentOrdering,
  page: KeysetPage,
  properties: readonly IncidentProperty[],
): Promise<Parented<IncidentRow>[]> {
  const built = incidentListStatement(parents, incidents, order, page, properties);
  return executor.read(built.query, built.params);
}

/** A page of every parent's incidents and how many it holds, in one statement. */
export async function listAndCountIncidents(
  executor: Executor,
  parents: readonly BatchParent[],
  incidents: ScopedIncidents,
  order: IncidentOrdering,
  page: KeysetPage,
  properties: readonly IncidentProperty[],
): Promise<CountedParented<IncidentRow>[]> {
  const built = incidentListAndCountStatement(parents, incidents, order, page, properties);
  return executor.read(built.query, built.params);
}

export async function countIncidents(
  executor: Executor,
  parents: readonly BatchParent[],
  incidents: ScopedIncidents,
): Promise<ParentCount[]> {
  const built = incidentCountStatement(parents, incidents);
  return executor.read(built.query, built.params);
}

export const incidentSortValue = (row: IncidentRow, field: IncidentOrderField): string =>
  field === 'TITLE' ? row.title : row.startDate;

const relation = <Row>(name: string, text: string) => cypher<Parented<Row>>(name, text);

export const INCIDENT_SECTORS = relation<SectorRow>(
  'incidentSectors',
  'UNWIND $ids AS id MATCH (:Incident {id: id})-[:TARGETED]->(s:Sector) WITH id, s ORDER BY s.name RETURN id AS parentId, collect(s {.*}) AS rows',
);
export const INCIDENT_COUNTRIES = relation<AffectedCountryRow>(
  'incidentCountries',
  `UNWIND $ids AS id MATCH (:Incident {id: id})-[r:AFFECTED]->(c:Country)
   WITH id, c, r ORDER BY r.primary DESC, c.iso2
   RETURN id AS parentId, collect({countryCode: c.iso2, primary: coalesce(r.primary, false)}) AS rows`,
);
export const INCIDENT_ORGANIZATIONS = relation<OrganizationRow>(
  'incidentOrganizations',
  'UNWIND $ids AS id MATCH (:Incident {id: id})-[:HIT]->(o:Organization) WITH id, o ORDER BY o.name RETURN id AS parentId, collect(o {.*}) AS rows',
);
export const INCIDENT_SOURCES = relation<SourceRow>(
  'incidentSources',
  'UNWIND $ids AS id MATCH (:Incident {id: id})-[:REPORTED_BY]->(s:Source) WITH id, s ORDER BY s.url RETURN id AS parentId, collect(s {.*}) AS rows',
);
export const INCIDENT_CAMPAIGNS = relation<CampaignRow>(
  'incidentCampaigns',
  'UNWIND $ids AS id MATCH (:Incident {id: id})-[:PART_OF]->(c:Campaign) RETURN id AS parentId, collect(c {.*}) AS rows',
);
/** The claims about who is behind an incident or a campaign, strongest first. */
const claimsOf = (label: 'Incident' | 'Campaign') =>
  `UNWIND $ids AS id MATCH (:${label} {id: id})-[r:ATTRIBUTED_TO]->(a:Actor)
   WITH id, a, r ORDER BY r.confidence DESC, a.id
   RETURN id AS parentId, collect(r {.*, id: ${claimKey('r')}, actorId: a.id, sourceIds: coalesce(r.sourceIds, [])}) AS rows`;
export const INCIDENT_ATTRIBUTIONS = relation<AttributionRow>(
  'incidentAttributions',
  claimsOf('Incident'),
);
export const CAMPAIGN_ATTRIBUTIONS = relation<AttributionRow>(
  'campaignAttributions',
  claimsOf('Campaign'),
);
