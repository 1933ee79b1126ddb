import { coversSector } from '../repositories/sector-rollup.js';
import { cypher, type Executor } from '../db/database.js';
import {
  claimConditions,
  incidentMatch,
  whereClause,
  type IncidentConditions,
} from '../repositories/incident-filter.js';
import {
  countsVictimology,
  reportedLinkConditions,
  shownByBasis,
  victimologyMatch,
  type AnalysisBasis,
} from '../repositories/victimology-filter.js';
import { noPage, type Keyset, type KeysetPage } from '../repositories/keyset.js';
import type { ActorRow, CountryRow, SectorRow } from '../repositories/rows.js';

export interface CrossBorderRecord {
  actor: ActorRow;
  origin: CountryRow | null;
  sector: SectorRow;
  affectedCountry: CountryRow;
  incidentCount: number;
  firstDate: string | null;
  lastDate: string | null;
  reported: boolean;
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
 * qualifying claim names the actor, where the affected country is none of the actor's origins;
 * with reported victimology, also each reported sector paired with each reported country outside
 * the origins. `known` selects actors with an origin; the others are listed apart by the same
 * query shape. Incident counts are always counted, whatever the basis: it decides which lines show.
 */
function crossBorderLines(filter: IncidentConditions, basis: AnalysisBasis, known: boolean) {
  const { match, where, params } = incidentMatch(filter);
  const claims = claimConditions(filter, undefined, params);
  const reported = victimologyMatch(filter, params);
  const origin = `${known ? '' : 'NOT '}EXISTS { (a)-[:ORIGINATES_FROM]->(:Country) }`;
  const fromIncidents = `${match}
  ${whereClause(where)}
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${whereClause(claims)}
  WITH DISTINCT i, a
  WHERE ${origin}
  MATCH (i)-[:TARGETED]->(s:Sector), (i)-[:AFFECTED]->(v:Country)
  WHERE NOT EXISTS { (a)-[:ORIGINATES_FROM]->(v) }
  RETURN a, s, v, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate`;
  const fromVictimology = `MATCH (a:Actor)-[t:TARGETS]->(s:Sector)
  ${whereClause([origin, ...reported.actor, ...reported.sector])}
  WITH DISTINCT a, s
  MATCH (a)-[t:TARGETS]->(c:Country)
  ${whereClause(['NOT EXISTS { (a)-[:ORIGINATES_FROM]->(c) }', ...reported.country])}
  RETURN a, s, c AS v, 0 AS n, null AS firstDate, null AS lastDate`;
  const confidence = reportedLinkConditions(filter, params, 't')
    .map((c) => `AND ${c}`)
    .join(' ');
  const text = `CALL () {
  ${fromIncidents}
  ${countsVictimology(basis) ? `UNION ALL\n  ${fromVictimology}` : ''}
}
WITH a, s, v, sum(n) AS n, min(firstDate) AS firstDate, max(lastDate) AS lastDate
WITH a, s, v, n, firstDate, lastDate,
     EXISTS { (a)-[t:TARGETS]->(rs:Sector) WHERE ${coversSector('rs', 's')} ${confidence} }
       AND EXISTS { (a)-[t:TARGETS]->(v) WHERE true ${confidence} } AS reported
WHERE ${shownByBasis(basis)}`;
  return { text, params };
}

/** Cursors of cross-border lines: (incident count or last date, the row's identity). */
export const crossBorderKeysets: Record<CrossBorderOrderField, Keyset> = {
  INCIDENT_COUNT: { list: 'crossBorder:INCIDENT_COUNT', parts: ['count', 'text'] },
  LAST_DATE: { list: 'crossBorder:LAST_DATE', parts: ['dayOrNone', 'text'] },
};

export function crossBorderCypher(
  filter: IncidentConditions,
  basis: AnalysisBasis,
  order: CrossBorderOrdering,
  page: KeysetPage,
  known: boolean,
) {
  const { text: lines, params } = crossBorderLines(filter, basis, known);
  const sort = order.field === 'INCIDENT_COUNT' ? 'n' : "coalesce(toString(lastDate), '')";
  const comparison = order.direction === 'DESC' ? '<' : '>';
  const { after } = page;
  if (after) {
    params.afterValue = after[0];
    params.afterKey = after[1];
  }
  params.limit = page.first + 1;
  const text = `${lines}
WITH a, s, v, n, firstDate, lastDate, reported, a.id + '|' + s.id + '|' + v.iso2 AS rowKey
${after ? `WHERE ${sort} ${comparison} $afterValue OR (${sort} = $afterValue AND rowKey > $afterKey)` : ''}
WITH a, s, v, n, firstDate, lastDate, reported, rowKey ORDER BY ${sort} ${order.direction}, rowKey ASC LIMIT toInteger($limit)
OPTIONAL CALL (a) { MATCH (a)-[o:ORIGINATES_FROM]->(c:Country) RETURN c ORDER BY o.confidence DESC, c.iso2 LIMIT 1 }
RETURN a {.*} AS actor, c {.*} AS origin, s {.*} AS sector, v {.*} AS affectedCountry,
       n AS incidentCount, firstDate, lastDate, reported, rowKey`;
  const count = `${lines}
RETURN count(*) AS count`;
  return { text, count, params };
}

export async function crossBorderRows(
  executor: Executor,
  filter: IncidentConditions,
  basis: AnalysisBasis,
  order: CrossBorderOrdering,
  page: KeysetPage,
  known: boolean,
): Promise<CrossBorderRecord[]> {
  const { text, params } = crossBorderCypher(filter, basis, order, page, known);
  return executor.read(
    cypher<CrossBorderRecord>(`analysis:crossBorder${known ? '' : ':unknownOrigin'}`, text),
    params,
  );
}

export async function countCrossBorderRows(
  executor: Executor,
  filter: IncidentConditions,
  basis: AnalysisBasis,
): Promise<number> {
  const { count, params } = crossBorderCypher(
    filter,
    basis,
    { field: 'INCIDENT_COUNT', direction: 'DESC' },
    noPage,
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
): string | number => (field === 'INCIDENT_COUNT' ? row.incidentCount : (row.lastDate ?? ''));
