import { cypher, type Executor } from '../db/database.js';
import { whereClause } from './incident-filter.js';
import { perParent } from './per-parent.js';
import { noPage, type Keyset, type KeysetPage } from './keyset.js';
import type {
  ActorRow,
  AffiliationRow,
  Parented,
  ReportedTargetRow,
  StateClaimRow,
} from './rows.js';

export interface ActorConditions {
  search?: string | null;
  types?: string[] | null;
  originCountryCodes?: string[] | null;
  sponsorCountryCodes?: string[] | null;
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

/** `scope: 'origin'` lists, per parent country `p.id`, the actors originating from it. */
export function actorListCypher(
  filter: ActorConditions,
  order: ActorOrdering,
  page: KeysetPage,
  scope?: 'origin',
) {
  const params: Record<string, unknown> = {};
  const where: string[] = [];
  const match = filter.search
    ? "CALL db.index.fulltext.queryNodes('actor_search', $search) YIELD node AS a"
    : 'MATCH (a:Actor)';
  if (filter.search) params.search = filter.search;
  if (filter.types?.length) {
    where.push('a.type IN $types');
    params.types = filter.types;
  }
  if (filter.originCountryCodes?.length) {
    where.push(
      'EXISTS { (a)-[:ORIGINATES_FROM]->(c:Country) WHERE c.iso2 IN $originCountryCodes }',
    );
    params.originCountryCodes = filter.originCountryCodes;
  }
  if (filter.sponsorCountryCodes?.length) {
    where.push('EXISTS { (a)-[:SPONSORED_BY]->(c:Country) WHERE c.iso2 IN $sponsorCountryCodes }');
    params.sponsorCountryCodes = filter.sponsorCountryCodes;
  }
  if (scope === 'origin') where.push('EXISTS { (a)-[:ORIGINATES_FROM]->(:Country {iso2: p.id}) }');
  const sort =
    order.field === 'NAME'
      ? 'toLower(a.name)'
      : 'COUNT { MATCH (a)<-[:ATTRIBUTED_TO]-(i:Incident) RETURN DISTINCT i }';
  const { after } = page;
  const comparison = order.direction === 'DESC' ? '<' : '>';
  const keyset = after
    ? `WHERE sortValue ${comparison} $afterValue OR (sortValue = $afterValue AND a.id ${comparison} $afterId)`
    : '';
  if (after) {
    params.afterValue = after[0];
    params.afterId = after[1];
  }
  params.limit = page.first + 1;
  const text = perParent(
    [
      match,
      whereClause(where),
      `WITH a, ${sort} AS sortValue`,
      keyset,
      `WITH a, sortValue ORDER BY sortValue ${order.direction}, a.id ${order.direction} LIMIT toInteger($limit)`,
      'RETURN collect(a {.*, sortValue: sortValue}) AS rows',
    ],
    'rows',
  );
  const count = perParent([match, whereClause(where), 'RETURN count(a) AS count'], 'count');
  return { text, count, params };
}

export type ActorListRow = ActorRow & { sortValue: string | number };

export async function listActors(
  executor: Executor,
  parents: { id: string | null }[],
  filter: ActorConditions,
  order: ActorOrdering,
  page: KeysetPage,
  scope?: 'origin',
): Promise<Parented<ActorListRow>[]> {
  const { text, params } = actorListCypher(filter, order, page, scope);
  return executor.read(
    cypher<Parented<ActorListRow>>(`listActors${scope ? ':origin' : ''}`, text),
    { ...params, parents },
  );
}

export async function countActors(
  executor: Executor,
  parents: { id: string | null }[],
  filter: ActorConditions,
  scope?: 'origin',
): Promise<{ parentId: string | null; count: number }[]> {
  const { count, params } = actorListCypher(
    filter,
    { field: 'NAME', direction: 'ASC' },
    noPage,
    scope,
  );
  return executor.read(cypher<{ parentId: string | null; count: number }>('countActors', count), {
    ...params,
    parents,
  });
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
