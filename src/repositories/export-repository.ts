import { cypher, type CypherQuery, type Executor } from '../db/database.js';
import { incidentMatch, whereClause, type IncidentConditions } from './incident-filter.js';

/**
 * What an export reads, one kind at a time and in batches ordered by key, so that memory stays
 * flat however large the graph: each batch starts after the last key of the one before.
 */
export interface StoredIncident {
  props: Record<string, unknown>;
  sectorIds: string[];
  countries: { iso2: string; primary: boolean }[];
  organizationIds: string[];
  /** Names of the organizations, aligned with organizationIds. */
  organizationNames: string[];
  campaignId: string | null;
  campaignName: string | null;
  sourceUrls: string[];
  claims: (Record<string, unknown> & {
    actorId: string;
    actorName: string;
    sourceUrls: string[];
  })[];
}

export interface StoredStateTie {
  country: string;
  confidence: number | null;
  sourceUrls: string[];
}

export interface StoredActor {
  props: Record<string, unknown>;
  origins: StoredStateTie[];
  sponsors: StoredStateTie[];
  affiliations: { actorId: string; actorName: string; kind: string }[];
  targetSectors: { id: string; confidence: number | null; sourceUrls: string[] }[];
  targetCountries: { id: string; confidence: number | null; sourceUrls: string[] }[];
}

export interface StoredOrganization {
  props: Record<string, unknown>;
  sectorIds: string[];
  country: string | null;
}

const urls = (list: string) =>
  `[sid IN coalesce(${list}, []) | COLLECT { MATCH (src:Source {id: sid}) RETURN src.url }[0]]`;

/** Incidents passing the filter, after `$after`, with their links and claims. */
export function incidentBatch(filter: IncidentConditions) {
  const { match, where, params } = incidentMatch(filter);
  const query = cypher<StoredIncident & { key: string }>(
    'export:incidents',
    `${match}
     ${whereClause([...where, 'i.id > $after'])}
     WITH i ORDER BY i.id LIMIT toInteger($batch)
     RETURN i.id AS key, properties(i) AS props,
       COLLECT { MATCH (i)-[:TARGETED]->(s:Sector) RETURN s.id ORDER BY s.id } AS sectorIds,
       COLLECT { MATCH (i)-[r:AFFECTED]->(c:Country) RETURN {iso2: c.iso2, primary: coalesce(r.primary, false)} ORDER BY c.iso2 } AS countries,
       COLLECT { MATCH (i)-[:HIT]->(o:Organization) RETURN o.id ORDER BY o.id } AS organizationIds,
       COLLECT { MATCH (i)-[:HIT]->(o:Organization) RETURN o.name ORDER BY o.id } AS organizationNames,
       COLLECT { MATCH (i)-[:PART_OF]->(k:Campaign) RETURN k.id }[0] AS campaignId,
       COLLECT { MATCH (i)-[:PART_OF]->(k:Campaign) RETURN k.name }[0] AS campaignName,
       COLLECT { MATCH (i)-[:REPORTED_BY]->(s:Source) RETURN s.url ORDER BY s.url } AS sourceUrls,
       COLLECT { MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)
                 RETURN r {.*, actorId: a.id, actorName: a.name, sourceUrls: ${urls('r.sourceIds')}} ORDER BY a.id, r.claimedBy } AS claims`,
  );
  return { query, params };
}

/** Entities of one kind after `$after`; all of them, or only those whose key is in `$only`. */
const entityBatch = <Row>(name: string, label: string, extra: string) =>
  cypher<Row & { key: string }>(
    `export:${name}`,
    `MATCH (n:${label}) WHERE n.id > $after AND ($only IS NULL OR n.id IN $only)
     WITH n ORDER BY n.id LIMIT toInteger($batch)
     RETURN n.id AS key, properties(n) AS props${extra}`,
  );

export const SOURCE_BATCH = entityBatch<{ props: Record<string, unknown> }>(
  'sources',
  'Source',
  '',
);
export const CAMPAIGN_BATCH = entityBatch<{ props: Record<string, unknown> }>(
  'campaigns',
  'Campaign',
  '',
);
export const ORGANIZATION_BATCH = entityBatch<StoredOrganization>(
  'organizations',
  'Organization',
  `, COLLECT { MATCH (n)-[:IN_SECTOR]->(s:Sector) RETURN s.id ORDER BY s.id } AS sectorIds,
     COLLECT { MATCH (n)-[:LOCATED_IN]->(c:Country) RETURN c.iso2 }[0] AS country`,
);
const tie = (type: string) =>
  `COLLECT { MATCH (n)-[r:${type}]->(c:Country)
     RETURN {country: c.iso2, confidence: r.confidence, sourceUrls: ${urls('r.sourceIds')}}
     ORDER BY r.confidence DESC, c.iso2 }`;
export const ACTOR_BATCH = entityBatch<StoredActor>(
  'actors',
  'Actor',
  `, ${tie('ORIGINATES_FROM')} AS origins, ${tie('SPONSORED_BY')} AS sponsors,
     COLLECT { MATCH (n)-[r:AFFILIATED_WITH]->(b:Actor) RETURN {actorId: b.id, actorName: b.name, kind: r.kind} ORDER BY b.id } AS affiliations,
     COLLECT { MATCH (n)-[r:TARGETS]->(s:Sector)
               RETURN {id: s.id, confidence: r.confidence, sourceUrls: ${urls('r.sourceIds')}} ORDER BY s.id } AS targetSectors,
     COLLECT { MATCH (n)-[r:TARGETS]->(c:Country)
               RETURN {id: c.iso2, confidence: r.confidence, sourceUrls: ${urls('r.sourceIds')}} ORDER BY c.iso2 } AS targetCountries`,
);

/** A batched query's rows a batch at a time, each batch starting after the last key of the one before. */
export async function* batchesOf<Row extends { key: string }>(
  executor: Executor,
  query: CypherQuery<Row>,
  params: Record<string, unknown>,
  batch: number,
): AsyncGenerator<Row[]> {
  let after = '';
  for (;;) {
    const rows = await executor.read(query, { ...params, after, batch });
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batch) return;
    after = last.key;
  }
}

/** Every row of a batched query, one batch in memory at a time. */
export async function* inBatches<Row extends { key: string }>(
  executor: Executor,
  query: CypherQuery<Row>,
  params: Record<string, unknown>,
  batch: number,
): AsyncGenerator<Row> {
  for await (const rows of batchesOf(executor, query, params, batch)) yield* rows;
}
