import {
  fragment,
  param,
  statement,
  where,
  type Fragment,
  type Selection,
  type Statement,
} from '../db/cypher.js';
import { cypher, type Executor } from '../db/database.js';
import { forEachParent, lines, type BatchParent } from './per-parent.js';
import { countedPage, keysetPage, type Keyset, type KeysetPage } from './keyset.js';
import { ACTOR_PROPERTIES, projectionOf, type ActorProperty } from './projection.js';
import type {
  ActorRow,
  AffiliationRow,
  CountedParented,
  Parented,
  ParentCount,
  ReportedTargetRow,
  StateClaimRow,
} from './rows.js';

export interface ActorConditions {
  search?: string | null;
  types?: string[] | null;
  originCountryCodes?: string[] | null;
  sponsorCountryCodes?: string[] | null;
}

/** The actors a list or count holds; `scope: 'origin'` those originating from the parent country. */
export interface ScopedActors {
  scope: 'origin' | null;
  filter: ActorConditions;
}

export type ActorOrderField = 'NAME' | 'INCIDENT_COUNT';
export interface ActorOrdering {
  field: ActorOrderField;
  direction: 'ASC' | 'DESC';
}

/** Cursors of actor lists: (lower-cased name or incident count, actor id). */
export const actorKeysets: Record<ActorOrderField, Keyset> = {
  NAME: { list: 'actors:NAME', parts: ['text', 'text'] },
  INCIDENT_COUNT: { list: 'actors:INCIDENT_COUNT', parts: ['count', 'text'] },
};

/** `MATCH` (or the full-text call) binding the actors `a`, and the conditions they must meet. */
function actorsMatching({ scope, filter }: ScopedActors): Selection {
  const match = filter.search
    ? fragment`CALL db.index.fulltext.queryNodes('actor_search', ${param(filter.search, 'search')}) YIELD node AS a`
    : fragment`MATCH (a:Actor)`;
  const conditions: Fragment[] = [];
  if (filter.types?.length) conditions.push(fragment`a.type IN ${param(filter.types, 'types')}`);
  if (filter.originCountryCodes?.length)
    conditions.push(
      fragment`EXISTS { (a)-[:ORIGINATES_FROM]->(c:Country) WHERE c.iso2 IN ${param(filter.originCountryCodes, 'originCountryCodes')} }`,
    );
  if (filter.sponsorCountryCodes?.length)
    conditions.push(
      fragment`EXISTS { (a)-[:SPONSORED_BY]->(c:Country) WHERE c.iso2 IN ${param(filter.sponsorCountryCodes, 'sponsorCountryCodes')} }`,
    );
  if (scope === 'origin')
    conditions.push(fragment`EXISTS { (a)-[:ORIGINATES_FROM]->(:Country {iso2: p.id}) }`);
  return { match, conditions };
}

const sortExpression: Record<ActorOrderField, Fragment> = {
  NAME: fragment`toLower(a.name)`,
  INCIDENT_COUNT: fragment`COUNT { MATCH (a)<-[:ATTRIBUTED_TO]-(i:Incident) RETURN DISTINCT i }`,
};

const scoped = (name: string, { scope }: ScopedActors) => (scope ? `${name}:${scope}` : name);

/**
 * A parent's page of actors ordered by (name or incident count, id), each with `properties` and
 * its sort value; `counted`, also how many actors the parent holds, from the same match.
 */
function actorPage(
  actors: ScopedActors,
  order: ActorOrdering,
  page: KeysetPage,
  properties: readonly ActorProperty[],
  counted: boolean,
): Fragment {
  const { match, conditions } = actorsMatching(actors);
  const keyset = keysetPage(
    [
      { by: fragment`sortValue`, direction: order.direction },
      { by: fragment`a.id`, direction: order.direction },
    ],
    page,
  );
  const row = projectionOf(fragment`a`, ['id', ...properties], ACTOR_PROPERTIES, [
    fragment`sortValue: sortValue`,
  ]);
  const sorted = [
    match,
    where(conditions),
    fragment`WITH a, ${sortExpression[order.field]} AS sortValue`,
  ];
  if (counted)
    return lines([
      ...sorted,
      countedPage(['a', 'sortValue'], keyset, fragment`RETURN ${row} AS row`),
    ]);
  return lines([
    ...sorted,
    where([keyset.after]),
    fragment`WITH a, sortValue ${keyset.orderBy} ${keyset.limit}`,
    fragment`RETURN collect(${row}) AS rows`,
  ]);
}

/** For every parent, a page of its actors ordered by (name or incident count, id). */
export function actorListStatement(
  parents: readonly BatchParent[],
  actors: ScopedActors,
  order: ActorOrdering,
  page: KeysetPage,
  properties: readonly ActorProperty[],
): Statement<Parented<ActorListRow>> {
  const body = actorPage(actors, order, page, properties, false);
  return statement(scoped('listActors', actors), forEachParent(parents, body, 'rows'));
}

/** For every parent, a page of its actors and how many it holds, in one statement. */
function actorListAndCountStatement(
  parents: readonly BatchParent[],
  actors: ScopedActors,
  order: ActorOrdering,
  page: KeysetPage,
  properties: readonly ActorProperty[],
): Statement<CountedParented<ActorListRow>> {
  const body = actorPage(actors, order, page, properties, true);
  return statement(
    scoped('listAndCountActors', actors),
    forEachParent(parents, body, 'rows and count'),
  );
}

/** For every parent, how many actors it holds. */
function actorCountStatement(
  parents: readonly BatchParent[],
  actors: ScopedActors,
): Statement<ParentCount> {
  const { match, conditions } = actorsMatching(actors);
  const body = lines([match, where(conditions), fragment`RETURN count(a) AS count`]);
  return statement('countActors', forEachParent(parents, body, 'count'));
}

export type ActorListRow = ActorRow & { sortValue: string | number };

export async function listActors(
  executor: Executor,
  parents: readonly BatchParent[],
  actors: ScopedActors,
  order: ActorOrdering,
  page: KeysetPage,
  properties: readonly ActorProperty[],
): Promise<Parented<ActorListRow>[]> {
  const built = actorListStatement(parents, actors, order, page, properties);
  return executor.read(built.query, built.params);
}

/** A page of every parent's actors and how many it holds, in one statement. */
export async function listAndCountActors(
  executor: Executor,
  parents: readonly BatchParent[],
  actors: ScopedActors,
  order: ActorOrdering,
  page: KeysetPage,
  properties: readonly ActorProperty[],
): Promise<CountedParented<ActorListRow>[]> {
  const built = actorListAndCountStatement(parents, actors, order, page, properties);
  return executor.read(built.query, built.params);
}

export async function countActors(
  executor: Executor,
  parents: readonly BatchParent[],
  actors: ScopedActors,
): Promise<ParentCount[]> {
  const built = actorCountStatement(parents, actors);
  return executor.read(built.query, built.params);
}

const relation = <Row>(name: string, text: string) => cypher<Parented<Row>>(name, text);

export const ACTOR_ORIGINS = relation<StateClaimRow>(
  'actorOrigins',
  `UNWIND $ids AS id MATCH (:Actor {id: id})-[r:ORIGINATES_FROM]->(c:Country)
   WITH id, c, r ORDER BY r.confidence DESC, c.iso2
   RETURN id AS parentId, collect({countryCode: c.iso2, confidence: r.confidence, sourceIds: coalesce(r.sourceIds, [])}) AS rows`,
);
export const ACTOR_SPONSORS = relation<StateClaimRow>(
  'actorSponsors',
  `UNWIND $ids AS id MATCH (:Actor {id: id})-[r:SPONSORED_BY]->(c:Country)
   WITH id, c, r ORDER BY r.confidence DESC, c.iso2
   RETURN id AS parentId, collect({countryCode: c.iso2, confidence: r.confidence, sourceIds: coalesce(r.sourceIds, [])}) AS rows`,
);
export const ACTOR_AFFILIATIONS = relation<AffiliationRow>(
  'actorAffiliations',
  `UNWIND $ids AS id MATCH (a:Actor {id: id})-[r:AFFILIATED_WITH]-(b:Actor)
   WITH id, r, b, CASE WHEN startNode(r) = a THEN 'OUTGOING' ELSE 'INCOMING' END AS direction
   ORDER BY b.name
   RETURN id AS parentId, collect({kind: r.kind, actorId: b.id, direction: direction}) AS rows`,
);
export const ACTOR_REPORTED_SECTORS = relation<ReportedTargetRow>(
  'actorReportedSectors',
  `UNWIND $ids AS id MATCH (:Actor {id: id})-[r:TARGETS]->(s:Sector)
   WITH id, s, r ORDER BY s.id
   RETURN id AS parentId, collect({key: s.id, confidence: r.confidence, sourceIds: coalesce(r.sourceIds, [])}) AS rows`,
);
export const ACTOR_REPORTED_COUNTRIES = relation<ReportedTargetRow>(
  'actorReportedCountries',
  `UNWIND $ids AS id MATCH (:Actor {id: id})-[r:TARGETS]->(c:Country)
   WITH id, c, r ORDER BY c.iso2
   RETURN id AS parentId, collect({key: c.iso2, confidence: r.confidence, sourceIds: coalesce(r.sourceIds, [])}) AS rows`,
);
