import { fragment, statement, where, type Fragment, type Statement } from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import { claimConditionsOf, incidentsMatching } from './incident-filter.js';
import { keysetPage, type Keyset, type KeysetPage } from './keyset.js';
import { forEachParent, lines, type BatchParent } from './per-parent.js';
import { topLevelSector } from './sector-rollup.js';
import type { ScopedIncidents } from './incident-repository.js';
import type { ActorRow, CountRow, CountryRow, Parented, ParentCount, SectorRow } from './rows.js';

/**
 * "Which sectors did this actor hit, how often, when": incidents of a scope grouped by what they
 * link to, most incidents first, keyset-paginated on (count, key). One query for all parents.
 * `sector` groups by the sector as recorded, `topLevelSector` by its top-level sector (an
 * incident that hit two sub-sectors of one sector counts once for it); `originCountry` by the
 * claimed origins of the actors its claims name (an incident counts once for each country its
 * actors come from).
 */
export type CountGroup = 'sector' | 'topLevelSector' | 'country' | 'actor' | 'originCountry';

/** What each group counts incidents for. */
export interface GroupRows {
  sector: SectorRow;
  topLevelSector: SectorRow;
  country: CountryRow;
  actor: ActorRow;
  originCountry: CountryRow;
}

/** The scope's incidents passing the filter, grouped by `group`. */
export interface GroupedIncidents<G extends CountGroup = CountGroup> extends ScopedIncidents {
  group: G;
}

/** Cursors of count connections: (incident count, key of the sector, country or actor). */
export const countKeysets: Record<CountGroup, Keyset> = {
  sector: { list: 'counts:sector', parts: ['count', 'text'] },
  topLevelSector: { list: 'counts:topLevelSector', parts: ['count', 'text'] },
  country: { list: 'counts:country', parts: ['count', 'text'] },
  actor: { list: 'counts:actor', parts: ['count', 'text'] },
  originCountry: { list: 'counts:originCountry', parts: ['count', 'text'] },
};

/** How the incidents `i` reach what they are grouped by, bound to `x`, and its key. */
function groupPattern({ group, filter }: GroupedIncidents): { pattern: Fragment; key: Fragment } {
  if (group === 'sector')
    return { pattern: fragment`MATCH (i)-[:TARGETED]->(x:Sector)`, key: X_ID };
  if (group === 'topLevelSector')
    return {
      pattern: fragment`MATCH (i)-[:TARGETED]->(s:Sector) WITH i, ${topLevelSector(fragment`s`)} AS x`,
      key: X_ID,
    };
  if (group === 'country')
    return { pattern: fragment`MATCH (i)-[:AFFECTED]->(x:Country)`, key: fragment`x.iso2` };
  // The actor counted (or whose origin is) must be named by a claim that itself passes the
  // filter's claim conditions.
  const claimed = fragment`MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${where(claimConditionsOf(filter))}`;
  if (group === 'originCountry')
    return {
      pattern: fragment`${claimed} MATCH (a)-[:ORIGINATES_FROM]->(x:Country)`,
      key: fragment`x.iso2`,
    };
  return { pattern: fragment`${claimed} WITH i, a AS x`, key: X_ID };
}

const X_ID = fragment`x.id`;

const scoped = (name: string, { group, scope }: GroupedIncidents) =>
  scope ? `${name}:${group}:${scope}` : `${name}:${group}`;

/** For every parent, a page of its groups: most incidents first, ties by key. */
export function countListStatement<G extends CountGroup>(
  parents: readonly BatchParent[],
  grouped: GroupedIncidents<G>,
  page: KeysetPage,
): Statement<Parented<CountRow<GroupRows[G]>>> {
  const { match, conditions } = incidentsMatching(grouped.filter, grouped.scope);
  const { pattern, key } = groupPattern(grouped);
  const keyset = keysetPage(
    [
      { by: fragment`n`, direction: 'DESC' },
      { by: key, direction: 'ASC' },
    ],
    page,
  );
  const body = lines([
    match,
    where(conditions),
    pattern,
    fragment`WITH x, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate`,
    where([keyset.after]),
    fragment`WITH x, n, firstDate, lastDate ${keyset.orderBy} ${keyset.limit}`,
    fragment`RETURN collect({node: x {.*}, incidentCount: n, firstDate: firstDate, lastDate: lastDate}) AS rows`,
  ]);
  return statement(scoped('count', grouped), forEachParent(parents, body, 'rows'));
}

/** For every parent, how many groups it has. */
function groupCountStatement(
  parents: readonly BatchParent[],
  grouped: GroupedIncidents,
): Statement<ParentCount> {
  const { match, conditions } = incidentsMatching(grouped.filter, grouped.scope);
  const body = lines([
    match,
    where(conditions),
    groupPattern(grouped).pattern,
    fragment`RETURN count(DISTINCT x) AS count`,
  ]);
  return statement(`countGroups:${grouped.group}`, forEachParent(parents, body, 'count'));
}

export async function listCounts<G extends CountGroup>(
  executor: Executor,
  parents: readonly BatchParent[],
  grouped: GroupedIncidents<G>,
  page: KeysetPage,
): Promise<Parented<CountRow<GroupRows[G]>>[]> {
  const built = countListStatement(parents, grouped, page);
  return executor.read(built.query, built.params);
}

export async function countGroups(
  executor: Executor,
  parents: readonly BatchParent[],
  grouped: GroupedIncidents,
): Promise<ParentCount[]> {
  const built = groupCountStatement(parents, grouped);
  return executor.read(built.query, built.params);
}

/** The key a count row's cursor ends with: a country's code, a sector's or an actor's id. */
export const countKey = (row: CountRow<SectorRow | CountryRow | ActorRow>): string =>
  'iso2' in row.node ? row.node.iso2 : row.node.id;
