import { EMPTY, fragment, statement, where, type Fragment, type Statement } from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import {
  claimConditionsOf,
  incidentsMatching,
  type IncidentConditions,
} from '../repositories/incident-filter.js';
import {
  countsVictimology,
  shownByBasis,
  victimologyConditionsOf,
  type AnalysisBasis,
} from '../repositories/victimology-filter.js';
import { keysetPage, type Keyset, type KeysetPage, type SortKey } from '../repositories/keyset.js';
import type { ActorRow, CountryRow, SectorRow } from '../repositories/rows.js';
import { reportedSectorLinks, reportedToTarget } from './reported-links.js';
import { coversSector } from '../repositories/sector-rollup.js';

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

const HAS_ORIGIN = fragment`EXISTS { (a)-[:ORIGINATES_FROM]->(:Country) }`;

/**
 * The headline question in one query: per (actor, sector, affected country) the incidents whose
 * qualifying claim names the actor, where the affected country is none of the actor's origins;
 * with reported victimology, also each reported sector paired with each reported country outside
 * the origins. `known` selects actors with an origin; the others are listed apart by the same
 * query shape. Incident counts are always counted, whatever the basis: it decides which lines show.
 */
function crossBorderLines(filter: IncidentConditions, basis: AnalysisBasis, known: boolean) {
  const origin = known ? HAS_ORIGIN : fragment`NOT ${HAS_ORIGIN}`;
  const fromVictimology = fragment`UNION ALL
  ${linesFromVictimology(filter, origin)}`;
  return fragment`CALL () {
  ${linesFromIncidents(filter, origin)}
  ${countsVictimology(basis) ? fromVictimology : EMPTY}
}
WITH a, s, v, sum(n) AS n, min(firstDate) AS firstDate, max(lastDate) AS lastDate
WITH a, s, v, n, firstDate, lastDate,
     ${reportedToTarget(filter, fragment`(rs:Sector)`, [coversSector(fragment`rs`, fragment`s`)])}
       AND ${reportedToTarget(filter, fragment`(v)`)} AS reported
WHERE ${shownByBasis(basis)}`;
}

/** Per actor `a` meeting `origin`, sector `s` and affected country `v`: its incidents `n`. */
function linesFromIncidents(filter: IncidentConditions, origin: Fragment): Fragment {
  const { match, conditions } = incidentsMatching(filter);
  return fragment`${match}
  ${where(conditions)}
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${where(claimConditionsOf(filter))}
  WITH DISTINCT i, a
  WHERE ${origin}
  MATCH (i)-[:TARGETED]->(s:Sector), (i)-[:AFFECTED]->(v:Country)
  WHERE NOT EXISTS { (a)-[:ORIGINATES_FROM]->(v) }
  RETURN a, s, v, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate`;
}

/** Each reported sector `s` of an actor `a` meeting `origin` with each reported country `v`. */
function linesFromVictimology(filter: IncidentConditions, origin: Fragment): Fragment {
  const reported = victimologyConditionsOf(filter);
  const abroad = fragment`NOT EXISTS { (a)-[:ORIGINATES_FROM]->(c) }`;
  return fragment`${reportedSectorLinks(reported, [origin])}
  WITH DISTINCT a, s
  MATCH (a)-[t:TARGETS]->(c:Country)
  ${where([abroad, ...reported.country(fragment`t`, fragment`c`)])}
  RETURN a, s, c AS v, 0 AS n, null AS firstDate, null AS lastDate`;
}

/** Cursors of cross-border lines: (incident count or last date, the row's identity). */
export const crossBorderKeysets: Record<CrossBorderOrderField, Keyset> = {
  INCIDENT_COUNT: { list: 'crossBorder:INCIDENT_COUNT', parts: ['count', 'text'] },
  LAST_DATE: { list: 'crossBorder:LAST_DATE', parts: ['dayOrNone', 'text'] },
};

/** What each order sorts the lines by; a line without a date sorts as the empty string. */
const sortedBy: Record<CrossBorderOrderField, Fragment> = {
  INCIDENT_COUNT: fragment`n`,
  LAST_DATE: fragment`coalesce(toString(lastDate), '')`,
};

function crossBorderPage(
  filter: IncidentConditions,
  basis: AnalysisBasis,
  order: CrossBorderOrdering,
  page: KeysetPage,
  known: boolean,
): Statement<CrossBorderRecord> {
  const keys: SortKey[] = [
    { by: sortedBy[order.field], direction: order.direction },
    { by: fragment`rowKey`, direction: 'ASC' },
  ];
  const { after, orderBy, limit } = keysetPage(keys, page);
  return statement(
    `analysis:crossBorder${known ? '' : ':unknownOrigin'}`,
    fragment`${crossBorderLines(filter, basis, known)}
WITH a, s, v, n, firstDate, lastDate, reported, a.id + '|' + s.id + '|' + v.iso2 AS rowKey
${where([after])}
WITH a, s, v, n, firstDate, lastDate, reported, rowKey ${orderBy} ${limit}
OPTIONAL CALL (a) { MATCH (a)-[o:ORIGINATES_FROM]->(c:Country) RETURN c ORDER BY o.confidence DESC, c.iso2 LIMIT 1 }
RETURN a {.*} AS actor, c {.*} AS origin, s {.*} AS sector, v {.*} AS affectedCountry,
       n AS incidentCount, firstDate, lastDate, reported, rowKey`,
  );
}

/** How many lines there are of actors with a known origin, whatever the page and order. */
const crossBorderCount = (
  filter: IncidentConditions,
  basis: AnalysisBasis,
): Statement<{ count: number }> =>
  statement(
    'analysis:crossBorderCount',
    fragment`${crossBorderLines(filter, basis, true)}
RETURN count(*) AS count`,
  );

export async function crossBorderRows(
  executor: Executor,
  filter: IncidentConditions,
  basis: AnalysisBasis,
  order: CrossBorderOrdering,
  page: KeysetPage,
  known: boolean,
): Promise<CrossBorderRecord[]> {
  const built = crossBorderPage(filter, basis, order, page, known);
  return executor.read(built.query, built.params);
}

export async function countCrossBorderRows(
  executor: Executor,
  filter: IncidentConditions,
  basis: AnalysisBasis,
): Promise<number> {
  const built = crossBorderCount(filter, basis);
  return (await executor.read(built.query, built.params))[0]?.count ?? 0;
}

export const crossBorderSortValue = (
  row: CrossBorderRecord,
  field: CrossBorderOrderField,
): string | number => (field === 'INCIDENT_COUNT' ? row.incidentCount : (row.lastDate ?? ''));
