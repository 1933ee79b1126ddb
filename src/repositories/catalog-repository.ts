import {
  fragment,
  param,
  statement,
  trusted,
  where,
  type Fragment,
  type Selection,
} from '../db/cypher.js';
import { cypher, type Executor } from '../db/database.js';
import { keysetPage, type Keyset, type KeysetPage } from './keyset.js';
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

const NAME_ORDER = [
  { by: fragment`toLower(n.name)`, direction: 'ASC' },
  { by: fragment`n.id`, direction: 'ASC' },
] as const;

/** The nodes `n` of `label` that meet the conditions; a name fragment matches in any case. */
function namedMatching(
  label: NamedLabel,
  search: string | null,
  conditions: readonly Fragment[],
): Selection {
  const named =
    search !== null ? [fragment`toLower(n.name) CONTAINS toLower(${param(search, 'search')})`] : [];
  return { match: fragment`MATCH (n:${trusted(label)})`, conditions: [...named, ...conditions] };
}

async function namedPage<Row>(
  executor: Executor,
  name: string,
  matching: Selection,
  page: KeysetPage,
): Promise<Row[]> {
  const keyset = keysetPage(NAME_ORDER, page);
  const built = statement<{ row: Row }>(
    name,
    fragment`${matching.match} ${where([...matching.conditions, keyset.after])}
RETURN n {.*} AS row ${keyset.orderBy} ${keyset.limit}`,
  );
  return (await executor.read(built.query, built.params)).map((r) => r.row);
}

async function namedCount(executor: Executor, name: string, matching: Selection): Promise<number> {
  const built = statement<{ count: number }>(
    name,
    fragment`${matching.match} ${where(matching.conditions)} RETURN count(n) AS count`,
  );
  return (await executor.read(built.query, built.params))[0]?.count ?? 0;
}

export function listCampaigns(
  executor: Executor,
  search: string | null,
  page: KeysetPage,
): Promise<CampaignRow[]> {
  return namedPage(executor, 'listCampaigns', namedMatching('Campaign', search, []), page);
}

export function countCampaigns(executor: Executor, search: string | null): Promise<number> {
  return namedCount(executor, 'countCampaigns', namedMatching('Campaign', search, []));
}

export interface OrganizationConditions {
  search: string | null;
  sectorIds: string[] | null;
  countryCode: string | null;
}

function organizationsMatching({ search, sectorIds, countryCode }: OrganizationConditions) {
  const conditions: Fragment[] = [];
  if (sectorIds !== null)
    conditions.push(
      fragment`EXISTS { (n)-[:IN_SECTOR]->(s:Sector) WHERE s.id IN ${param(sectorIds, 'sectorIds')} }`,
    );
  if (countryCode !== null)
    conditions.push(
      fragment`EXISTS { (n)-[:LOCATED_IN]->(:Country {iso2: ${param(countryCode, 'countryCode')}}) }`,
    );
  return namedMatching('Organization', search, conditions);
}

export function listOrganizations(
  executor: Executor,
  filter: OrganizationConditions,
  page: KeysetPage,
): Promise<OrganizationRow[]> {
  return namedPage(executor, 'listOrganizations', organizationsMatching(filter), page);
}

export function countOrganizations(
  executor: Executor,
  filter: OrganizationConditions,
): Promise<number> {
  return namedCount(executor, 'countOrganizations', organizationsMatching(filter));
}

export const ORGANIZATION_SECTORS = cypher<Parented<SectorRow>>(
  'organizationSectors',
  'UNWIND $ids AS id MATCH (:Organization {id: id})-[:IN_SECTOR]->(s:Sector) WITH id, s ORDER BY s.name RETURN id AS parentId, collect(s {.*}) AS rows',
);
export const ORGANIZATION_COUNTRIES = cypher<Parented<CountryRow>>(
  'organizationCountries',
  'UNWIND $ids AS id MATCH (:Organization {id: id})-[:LOCATED_IN]->(c:Country) RETURN id AS parentId, collect(c {.*}) AS rows',
);
