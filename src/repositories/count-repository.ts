import { cypher, type Executor } from '../db/database.js';
import {
  claimConditions,
  incidentMatch,
  whereClause,
  type IncidentConditions,
  type IncidentScope,
} from './incident-filter.js';
import type { Keyset, KeysetPage } from './keyset.js';
import { perParent } from './per-parent.js';
import { topLevelSector } from './sector-rollup.js';
import type { ScopeParent } from './incident-repository.js';
import type { ActorRow, CountRow, CountryRow, Parented, SectorRow } from './rows.js';

/**
 * "Which sectors did this actor hit, how often, when": incidents of a scope grouped by what they
 * link to, most incidents first, keyset-paginated on (count, key). One query for all parents.
 * `sector` groups by the sector as recorded, `topLevelSector` by its top-level sector (an
 * incident that hit two sub-sectors of one sector counts once for it).
 */
export type CountGroup = 'sector' | 'topLevelSector' | 'country' | 'actor';

interface GroupRows {
  sector: SectorRow;
  topLevelSector: SectorRow;
  country: CountryRow;
  actor: ActorRow;
}

/** Cursors of count connections: (incident count, key of the sector, country or actor). */
export const countKeysets: Record<CountGroup, Keyset> = {
  sector: { list: 'counts:sector', parts: ['count', 'text'] },
  topLevelSector: { list: 'counts:topLevelSector', parts: ['count', 'text'] },
  country: { list: 'counts:country', parts: ['count', 'text'] },
  actor: { list: 'counts:actor', parts: ['count', 'text'] },
};

function groupPattern(
  group: CountGroup,
  filter: IncidentConditions,
  params: Record<string, unknown>,
): { pattern: string; key: string } {
  if (group === 'sector') return { pattern: 'MATCH (i)-[:TARGETED]->(x:Sector)', key: 'x.id' };
  if (group === 'topLevelSector')
    return {
      pattern: `MATCH (i)-[:TARGETED]->(s:Sector) WITH i, ${topLevelSector('s')} AS x`,
      key: 'x.id',
    };
  if (group === 'country') return { pattern: 'MATCH (i)-[:AFFECTED]->(x:Country)', key: 'x.iso2' };
  // The actor counted must be named by a claim that itself passes the filter's claim conditions.
  const conditions = claimConditions(filter, undefined, params);
  return {
    pattern: `MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${whereClause(conditions)} WITH i, a AS x`,
    key: 'x.id',
  };
}

export function countConnectionCypher(
  group: CountGroup,
  filter: IncidentConditions,
  page: KeysetPage,
  scope?: IncidentScope,
) {
  const { match, where, params } = incidentMatch(filter, scope);
  const { pattern, key } = groupPattern(group, filter, params);
  const { after } = page;
  const keyset = after ? `WHERE n < $afterCount OR (n = $afterCount AND ${key} > $afterKey)` : '';
  if (after) {
    params.afterCount = after[0];
    params.afterKey = after[1];
  }
  params.limit = page.first + 1;
  const text = perParent(
    [
      match,
      whereClause(where),
      pattern,
      'WITH x, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate',
      keyset,
      `WITH x, n, firstDate, lastDate ORDER BY n DESC, ${key} ASC LIMIT toInteger($limit)`,
      'RETURN collect({node: x {.*}, incidentCount: n, firstDate: firstDate, lastDate: lastDate}) AS rows',
    ],
    'rows',
  );
  return { text, params };
}

export async function listCounts<G extends CountGroup>(
  executor: Executor,
  group: G,
  parents: ScopeParent[],
  filter: IncidentConditions,
  page: KeysetPage,
  scope?: IncidentScope,
): Promise<Parented<CountRow<GroupRows[G]>>[]> {
  const { text, params } = countConnectionCypher(group, filter, page, scope);
  return executor.read(
    cypher<Parented<CountRow<GroupRows[G]>>>(`count:${group}${scope ? `:${scope}` : ''}`, text),
    { ...params, parents },
  );
}

export async function countGroups(
  executor: Executor,
  group: CountGroup,
  parents: ScopeParent[],
  filter: IncidentConditions,
  scope?: IncidentScope,
): Promise<{ parentId: string | null; count: number }[]> {
  const { match, where, params } = incidentMatch(filter, scope);
  const { pattern } = groupPattern(group, filter, params);
  const text = perParent(
    [match, whereClause(where), pattern, 'RETURN count(DISTINCT x) AS count'],
    'count',
  );
  return executor.read(
    cypher<{ parentId: string | null; count: number }>(`countGroups:${group}`, text),
    { ...params, parents },
  );
}

export const countKey = (
  group: CountGroup,
  row: CountRow<SectorRow | CountryRow | ActorRow>,
): string =>
  group === 'country' ? (row.node as CountryRow).iso2 : (row.node as SectorRow | ActorRow).id;
