import { cypher, type Executor } from '../db/database.js';
import type { CountryRow, Parented, SectorRow } from './rows.js';

export const SECTOR_CHILDREN = cypher<Parented<SectorRow>>(
  'sectorChildren',
  'UNWIND $ids AS id MATCH (:Sector {id: id})<-[:SUBSECTOR_OF]-(s:Sector) WITH id, s ORDER BY s.name RETURN id AS parentId, collect(s {.*}) AS rows',
);
export const SECTOR_PARENTS = cypher<Parented<SectorRow>>(
  'sectorParents',
  'UNWIND $ids AS id MATCH (:Sector {id: id})-[:SUBSECTOR_OF]->(s:Sector) RETURN id AS parentId, collect(s {.*}) AS rows',
);

const TOP_SECTORS = cypher<{ row: SectorRow }>(
  'topSectors',
  'MATCH (s:Sector) WHERE NOT (s)-[:SUBSECTOR_OF]->() RETURN s {.*} AS row ORDER BY s.name',
);

export async function topLevelSectors(executor: Executor): Promise<SectorRow[]> {
  return (await executor.read(TOP_SECTORS)).map((r) => r.row);
}

const COUNTRIES = cypher<{ row: CountryRow }>(
  'countries',
  'MATCH (c:Country) WHERE $region IS NULL OR toLower(c.region) = toLower($region) OR toLower(c.subregion) = toLower($region) RETURN c {.*} AS row ORDER BY c.name',
);

export async function listCountries(
  executor: Executor,
  region: string | null,
): Promise<CountryRow[]> {
  return (await executor.read(COUNTRIES, { region })).map((r) => r.row);
}
