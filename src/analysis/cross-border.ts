import {
  EMPTY,
  fragment,
  join,
  statement,
  trusted,
  where,
  type Fragment,
  type Statement,
} from '../db/cypher.js';
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
import {
  countedPage,
  keysetPage,
  pagedRows,
  type Keyset,
  type KeysetPage,
  type ListParts,
  type PagedRows,
  type SortKey,
} from '../repositories/keyset.js';
import type { ActorRow, CountryRow, SectorRow } from '../repositories/rows.js';
import { reportedSectorLinks, reportedToTarget } from './reported-links.js';
import { coversSector } from '../repositories/sector-rollup.js';
import { withActorOrigins } from './actor-origins.js';

export interface CrossBorderRecord {
  actor: ActorRow;
  origin: CountryRow | null;
  sector: SectorRow;
  affectedCountry: CountryRow;
  incidentCount: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Null when the client did not ask for it (on a basis that does not show lines by it). */
  reported: boolean | null;
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
 * Where a line's `reported` is worked out: for every line before the page is cut, when the basis
 * shows lines by it; otherwise for the page's lines only, after the cut, and only when asked for.
 */
type ReportedAt = 'lines' | 'page' | 'nowhere';

const reportedAt = (basis: AnalysisBasis, asked: boolean): ReportedAt =>
  countsVictimology(basis) ? 'lines' : asked ? 'page' : 'nowhere';

/** The actor's reported victimology names the line's sector (or its parent) and its country. */
const reportedOf = (filter: IncidentConditions): Fragment =>
  fragment`${reportedToTarget(filter, fragment`(rs:Sector)`, [coversSector(fragment`rs`, fragment`s`)])}
       AND ${reportedToTarget(filter, fragment`(v)`)}`;

/**
 * The headline question in one query: per (actor, sector, affected country) the incidents whose
 * qualifying claim names the actor, where the affected country is none of the actor's origins;
 * with reported victimology, also each reported sector paired with each reported country outside
 * the origins. `known` selects actors with an origin; the others are listed apart by the same
 * query shape. Incident counts are always counted, whatever the basis: it decides which lines
 * show, by `reported` on a basis with reported victimology.
 */
function crossBorderLines(
  filter: IncidentConditions,
  basis: AnalysisBasis,
  known: boolean,
  reported: ReportedAt,
) {
  const origin = known ? HAS_ORIGIN : fragment`NOT ${HAS_ORIGIN}`;
  const fromVictimology = fragment`UNION ALL
  ${linesFromVictimology(filter, origin)}`;
  const shown =
    reported === 'lines'
      ? fragment`WITH a, s, v, n, firstDate, lastDate,
     ${reportedOf(filter)} AS reported
WHERE ${shownByBasis(basis)}`
      : fragment`WHERE ${shownByBasis(basis)}`;
  return fragment`CALL () {
  ${linesFromIncidents(filter, known)}
  ${countsVictimology(basis) ? fromVictimology : EMPTY}
}
WITH a, s, v, sum(n) AS n, min(firstDate) AS firstDate, max(lastDate) AS lastDate
${shown}`;
}

/**
 * Per actor `a` with (`known`) or without a claimed origin, sector `s` and affected country `v`:
 * its incidents `n`.
 */
function linesFromIncidents(filter: IncidentConditions, known: boolean): Fragment {
  const { match, conditions } = incidentsMatching(filter);
  const { regroup, origins } = withActorOrigins(known ? 'known' : 'unknown');
  return fragment`${match}
  ${where(conditions)}
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${where(claimConditionsOf(filter))}
  WITH DISTINCT i, a
  ${regroup}
  MATCH (i)-[:TARGETED]->(s:Sector), (i)-[:AFFECTED]->(v:Country)
  WHERE NOT v IN ${origins}
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

/** What of the lines a client asked for: which parts of the list, and their `reported`. */
export interface CrossBorderAsk {
  parts: ListParts;
  reported: boolean;
}

/** The variables a line is made of once aggregated, in order, up to its identity. */
const lineNames = (reported: ReportedAt): string[] => [
  'a',
  's',
  'v',
  'n',
  'firstDate',
  'lastDate',
  ...(reported === 'lines' ? ['reported'] : []),
  'rowKey',
];

/** The lines with their identity, `rowKey`, the keyset's tie-breaker. */
const identified = (reported: ReportedAt): Fragment =>
  fragment`WITH ${join(lineNames(reported).slice(0, -1).map(trusted), ', ')}, a.id + '|' + s.id + '|' + v.iso2 AS rowKey`;

/** After the cut: the actor's origin, and the line as one map (a CrossBorderRecord). */
function pageLine(filter: IncidentConditions, reported: ReportedAt): Fragment {
  const value: Record<ReportedAt, Fragment> = {
    lines: fragment`reported`,
    page: reportedOf(filter),
    nowhere: fragment`null`,
  };
  return fragment`OPTIONAL CALL (a) { MATCH (a)-[o:ORIGINATES_FROM]->(c:Country) RETURN c ORDER BY o.confidence DESC, c.iso2 LIMIT 1 }
RETURN {actor: a {.*}, origin: c {.*}, sector: s {.*}, affectedCountry: v {.*},
        incidentCount: n, firstDate: firstDate, lastDate: lastDate,
        reported: ${value[reported]}, rowKey: rowKey} AS line`;
}

function crossBorderKeyset(order: CrossBorderOrdering, page: KeysetPage) {
  const keys: SortKey[] = [
    { by: sortedBy[order.field], direction: order.direction },
    { by: fragment`rowKey`, direction: 'ASC' },
  ];
  return keysetPage(keys, page);
}

const statementName = (known: boolean) => `analysis:crossBorder${known ? '' : ':unknownOrigin'}`;

function crossBorderPage(
  filter: IncidentConditions,
  basis: AnalysisBasis,
  order: CrossBorderOrdering,
  page: KeysetPage,
  known: boolean,
  reportedAsked: boolean,
): Statement<{ line: CrossBorderRecord }> {
  const reported = reportedAt(basis, reportedAsked);
  const { after, orderBy, limit } = crossBorderKeyset(order, page);
  return statement(
    statementName(known),
    fragment`${crossBorderLines(filter, basis, known, reported)}
${identified(reported)}
${where([after])}
WITH ${join(lineNames(reported).map(trusted), ', ')} ${orderBy} ${limit}
${pageLine(filter, reported)}`,
  );
}

/** The page of the lines of actors with a known origin, and how many lines there are, at once. */
function crossBorderPageAndCount(
  filter: IncidentConditions,
  basis: AnalysisBasis,
  order: CrossBorderOrdering,
  page: KeysetPage,
  reportedAsked: boolean,
): Statement<{ count: number; rows: CrossBorderRecord[] }> {
  const reported = reportedAt(basis, reportedAsked);
  return statement(
    'analysis:crossBorderAndCount',
    fragment`${crossBorderLines(filter, basis, true, reported)}
${identified(reported)}
${countedPage(lineNames(reported), crossBorderKeyset(order, page), pageLine(filter, reported))}`,
  );
}

/** How many lines there are of actors with a known origin, whatever the page and order. */
const crossBorderCount = (
  filter: IncidentConditions,
  basis: AnalysisBasis,
): Statement<{ count: number }> =>
  statement(
    'analysis:crossBorderCount',
    fragment`${crossBorderLines(filter, basis, true, reportedAt(basis, false))}
RETURN count(*) AS count`,
  );

/** A page of the lines of actors whose origin is known (`known`) or unknown. */
export async function crossBorderRows(
  executor: Executor,
  filter: IncidentConditions,
  basis: AnalysisBasis,
  order: CrossBorderOrdering,
  page: KeysetPage,
  known: boolean,
  reportedAsked: boolean,
): Promise<CrossBorderRecord[]> {
  const built = crossBorderPage(filter, basis, order, page, known, reportedAsked);
  return (await executor.read(built.query, built.params)).map(({ line }) => line);
}

/** The lines of actors with a known origin: the page, the count, or both in one statement. */
export function crossBorderList(
  executor: Executor,
  filter: IncidentConditions,
  basis: AnalysisBasis,
  order: CrossBorderOrdering,
  page: KeysetPage,
  ask: CrossBorderAsk,
): Promise<PagedRows<CrossBorderRecord>> {
  const read = async <Row>(built: Statement<Row>) => executor.read(built.query, built.params);
  return pagedRows(ask.parts, {
    rows: () => crossBorderRows(executor, filter, basis, order, page, true, ask.reported),
    count: async () => (await read(crossBorderCount(filter, basis)))[0]?.count ?? 0,
    rowsAndCount: async () =>
      (await read(crossBorderPageAndCount(filter, basis, order, page, ask.reported)))[0] ?? {
        rows: [],
        count: 0,
      },
  });
}

export const crossBorderSortValue = (
  row: CrossBorderRecord,
  field: CrossBorderOrderField,
): string | number => (field === 'INCIDENT_COUNT' ? row.incidentCount : (row.lastDate ?? ''));
