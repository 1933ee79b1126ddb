import { claimKey } from './attribution-write-repository.js';
import { cypher, type Executor } from '../db/database.js';
import type { Keyset, KeysetPage } from './keyset.js';
import { perParent } from './per-parent.js';
import {
  incidentMatch,
  whereClause,
  type IncidentConditions,
  type IncidentScope,
} from './incident-filter.js';
import type {
  AffectedCountryRow,
  AttributionRow,
  CampaignRow,
  IncidentRow,
  OrganizationRow,
  Parented,
  SectorRow,
  SourceRow,
} from './rows.js';

/** A parent of a nested list; `sectorIds` only for sectors (the sector and its sub-sectors). */
export interface ScopeParent {
  id: string | null;
  sectorIds?: string[];
}

export type IncidentOrderField = 'START_DATE' | 'TITLE';
export interface IncidentOrdering {
  field: IncidentOrderField;
  direction: 'ASC' | 'DESC';
}

const sortExpression: Record<
  IncidentOrderField,
  { property: string; cast: (param: string) => string }
> = {
  START_DATE: { property: 'i.startDate', cast: (param) => `date(${param})` },
  TITLE: { property: 'i.title', cast: (param) => param },
};

/** Cursors of incident lists: (start date or title, incident id). */
export const incidentKeysets: Record<IncidentOrderField, Keyset> = {
  START_DATE: { list: 'incidents:START_DATE', parts: ['day', 'text'] },
  TITLE: { list: 'incidents:TITLE', parts: ['text', 'text'] },
};

/**
 * Assembles the list query: for every parent (one null parent for a root list), the filtered
 * incidents in keyset order, `first + 1` of them. Exported for the Cypher snapshot tests.
 */
export function incidentListCypher(
  filter: IncidentConditions,
  order: IncidentOrdering,
  page: KeysetPage,
  scope?: IncidentScope,
) {
  const { match, where, params } = incidentMatch(filter, scope);
  const sort = sortExpression[order.field];
  const { after } = page;
  const comparison = order.direction === 'DESC' ? '<' : '>';
  if (after) {
    where.push(
      `(${sort.property} ${comparison} ${sort.cast('$afterValue')} OR (${sort.property} = ${sort.cast('$afterValue')} AND i.id ${comparison} $afterId))`,
    );
    params.afterValue = after[0];
    params.afterId = after[1];
  }
  params.limit = page.first + 1;
  const text = perParent(
    [
      match,
      whereClause(where),
      `WITH i ORDER BY ${sort.property} ${order.direction}, i.id ${order.direction} LIMIT toInteger($limit)`,
      'RETURN collect(i {.*}) AS rows',
    ],
    'rows',
  );
  return { text, params };
}

export async function listIncidents(
  executor: Executor,
  parents: ScopeParent[],
  filter: IncidentConditions,
  order: IncidentOrdering,
  page: KeysetPage,
  scope?: IncidentScope,
): Promise<Parented<IncidentRow>[]> {
  const { text, params } = incidentListCypher(filter, order, page, scope);
  return executor.read(
    cypher<Parented<IncidentRow>>(`listIncidents${scope ? `:${scope}` : ''}`, text),
    { ...params, parents },
  );
}

export async function countIncidents(
  executor: Executor,
  parents: ScopeParent[],
  filter: IncidentConditions,
  scope?: IncidentScope,
): Promise<{ parentId: string | null; count: number }[]> {
  const { match, where, params } = incidentMatch(filter, scope);
  const text = perParent([match, whereClause(where), 'RETURN count(i) AS count'], 'count');
  return executor.read(
    cypher<{ parentId: string | null; count: number }>(
      `countIncidents${scope ? `:${scope}` : ''}`,
      text,
    ),
    { ...params, parents },
  );
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
