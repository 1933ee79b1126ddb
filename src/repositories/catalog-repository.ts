import { cypher, type Executor } from '../db/database.js';
import { noPage, type Keyset, type KeysetPage } from './keyset.js';
import type { CampaignRow, CountryRow, OrganizationRow, Parented, SectorRow } from './rows.js';

/**
 * Campaigns and organizations: listed by name, filtered by a name fragment, keyset-paginated on
 * (lower-cased name, id).
 */
type NamedLabel = 'Campaign' | 'Organization';

export const namedKeysets: Record<NamedLabel, Keyset> = {
  Campaign: { list: 'campaigns', parts: ['text', 'text'] },
  Organization: { list: 'organizations', parts: ['text', 'text'] },
};

function namedListCypher(label: NamedLabel, page: KeysetPage, extra: string[]) {
  const { after } = page;
  // The count takes the filter alone; the page adds the keyset.
  const filter = ['($search IS NULL OR toLower(n.name) CONTAINS toLower($search))', ...extra];
  const keyset = after
    ? ['(toLower(n.name) > $afterValue OR (toLower(n.name) = $afterValue AND n.id > $afterId))']
    : [];
  return {
    text: `MATCH (n:${label}) WHERE ${[...filter, ...keyset].join(' AND ')}
RETURN n {.*} AS row ORDER BY toLower(n.name), n.id LIMIT toInteger($limit)`,
    count: `MATCH (n:${label}) WHERE ${filter.join(' AND ')} RETURN count(n) AS count`,
    params: { afterValue: after?.[0] ?? null, afterId: after?.[1] ?? null, limit: page.first + 1 },
  };
}

export async function listCampaigns(
  executor: Executor,
  search: string | null,
  page: KeysetPage,
): Promise<CampaignRow[]> {
  const { text, params } = namedListCypher('Campaign', page, []);
  return (
    await executor.read(cypher<{ row: CampaignRow }>('listCampaigns', text), { ...params, search })
  ).map((r) => r.row);
}

export async function countCampaigns(executor: Executor, search: string | null): Promise<number> {
  const { count } = namedListCypher('Campaign', noPage, []);
  return (
    (await executor.read(cypher<{ count: number }>('countCampaigns', count), { search }))[0]
      ?.count ?? 0
  );
}

export interface OrganizationConditions {
  search: string | null;
  sectorIds: string[] | null;
  countryCode: string | null;
}

const organizationConditions = [
  '($sectorIds IS NULL OR EXISTS { (n)-[:IN_SECTOR]->(s:Sector) WHERE s.id IN $sectorIds })',
  '($countryCode IS NULL OR EXISTS { (n)-[:LOCATED_IN]->(:Country {iso2: $countryCode}) })',
];

export async function listOrganizations(
  executor: Executor,
  filter: OrganizationConditions,
  page: KeysetPage,
): Promise<OrganizationRow[]> {
  const { text, params } = namedListCypher('Organization', page, organizationConditions);
  return (
    await executor.read(cypher<{ row: OrganizationRow }>('listOrganizations', text), {
      ...params,
      ...filter,
    })
  ).map((r) => r.row);
}

export async function countOrganizations(
  executor: Executor,
  filter: OrganizationConditions,
): Promise<number> {
  const { count } = namedListCypher('Organization', noPage, organizationConditions);
  return (
    (await executor.read(cypher<{ count: number }>('countOrganizations', count), { ...filter }))[0]
      ?.count ?? 0
  );
}

export const ORGANIZATION_SECTORS = cypher<Parented<SectorRow>>(
  'organizationSectors',
  'UNWIND $ids AS id MATCH (:Organization {id: id})-[:IN_SECTOR]->(s:Sector) WITH id, s ORDER BY s.name RETURN id AS parentId, collect(s {.*}) AS rows',
);
export const ORGANIZATION_COUNTRIES = cypher<Parented<CountryRow>>(
  'organizationCountries',
  'UNWIND $ids AS id MATCH (:Organization {id: id})-[:LOCATED_IN]->(c:Country) RETURN id AS parentId, collect(c {.*}) AS rows',
);
