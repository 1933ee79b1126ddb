import { cypher, type Executor } from '../db/database.js';
import {
  claimConditions,
  incidentMatch,
  whereClause,
  type IncidentConditions,
} from '../repositories/incident-filter.js';
import { afterValues, type PageRequest } from '../repositories/pagination.js';
import type { ActorRow, CountryRow, SectorRow } from '../repositories/rows.js';

export interface CrossBorderRecord {
  actor: ActorRow;
  origin: CountryRow | null;
  sector: SectorRow;
  affectedCountry: CountryRow;
  incidentCount: number;
  firstDate: string;
  lastDate: string;
  /** actor|sector|country: the row's identity, the keyset's tie-breaker. */
  rowKey: string;
}

export type CrossBorderOrderField = 'INCIDENT_COUNT' | 'LAST_DATE';
export interface CrossBorderOrdering {
  field: CrossBorderOrderField;
  direction: 'ASC' | 'DESC';
}

/**
 * The headline question in one query: per (actor, sector, affected country) the incidents whose
 * qualifying claim names the actor, where the affected country is none of the actor's origins.
 * `known` selects actors with an origin; the others are listed apart by the same query shape.
 */
export function crossBorderCypher(
  filter: IncidentConditions,
  order: CrossBorderOrdering,
  page: PageRequest,
  known: boolean,
) {
  const { match, where, params } = incidentMatch(filter);
  const claims = claimConditions(filter, undefined, params);
  const sort = order.field === 'INCIDENT_COUNT' ? 'n' : 'toString(lastDate)';
  const comparison = order.direction === 'DESC' ? '<' : '>';
  const after = afterValues(page);
  if (after) {
    params.afterValue = after[0];
    params.afterKey = after[1];
  }
  params.limit = page.first + 1;
  const text = `${match}
${whereClause(where)}
MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${whereClause(claims)}
WITH DISTINCT i, a
WHERE ${known ? '' : 'NOT '}EXISTS { (a)-[:ORIGINATES_FROM]->(:Country) }
MATCH (i)-[:TARGETED]->(s:Sector), (i)-[:AFFECTED]->(v:Country)
WHERE NOT EXISTS { (a)-[:ORIGINATES_FROM]->(v) }
WITH a, s, v, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate
WITH a, s, v, n, firstDate, lastDate, a.id + '|' + s.id + '|' + v.iso2 AS rowKey
${after ? `WHERE ${sort} ${comparison} $afterValue OR (${sort} = $afterValue AND rowKey > $afterKey)` : ''}
WITH a, s, v, n, firstDate, lastDate, rowKey ORDER BY ${sort} ${order.direction}, rowKey ASC LIMIT toInteger($limit)
OPTIONAL CALL (a) { MATCH (a)-[o:ORIGINATES_FROM]->(c:Country) RETURN c ORDER BY o.confidence DESC, c.iso2 LIMIT 1 }
RETURN a {.*} AS actor, c {.*} AS origin, s {.*} AS sector, v {.*} AS affectedCountry,
       n AS incidentCount, firstDate, lastDate, rowKey`;
  const count = `${match}
${whereClause(where)}
MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${whereClause(claims)}
WITH DISTINCT i, a
WHERE EXISTS { (a)-[:ORIGINATES_FROM]->(:Country) }
MATCH (i)-[:TARGETED]->(s:Sector), (i)-[:AFFECTED]->(v:Country)
WHERE NOT EXISTS { (a)-[:ORIGINATES_FROM]->(v) }
RETURN count(DISTINCT [a.id, s.id, v.iso2]) AS count`;
  return { text, count, params };
}

export async function crossBorderRows(
  executor: Executor,
  filter: IncidentConditions,
  order: CrossBorderOrdering,
  page: PageRequest,
  known: boolean,
): Promise<CrossBorderRecord[]> {
  const { text, params } = crossBorderCypher(filter, order, page, known);
  return executor.read(
    cypher<CrossBorderRecord>(`analysis:crossBorder${known ? '' : ':unknownOrigin'}`, text),
    params,
  );
}

export async function countCrossBorderRows(
  executor: Executor,
  filter: IncidentConditions,
): Promise<number> {
  const { count, params } = crossBorderCypher(
    filter,
    { field: 'INCIDENT_COUNT', direction: 'DESC' },
    { first: 0 },
    true,
  );
  return (
    (await executor.read(cypher<{ count: number }>('analysis:crossBorderCount', count), params))[0]
      ?.count ?? 0
  );
}

export const crossBorderSortValue = (
  row: CrossBorderRecord,
  field: CrossBorderOrderField,
): string | number => (field === 'INCIDENT_COUNT' ? row.incidentCount : row.lastDate);
