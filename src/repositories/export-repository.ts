import { cypher, type CypherQuery, type Executor } from '../db/database.js';
import { incidentMatch, whereClause, type IncidentConditions } from './incident-filter.js';

/*
 * What an export reads, one kind at a time and in batches ordered by key, so that memory stays
 * flat however large the graph: each batch starts after the last key of the one before. Rows are
 * what the graph holds, typed as such: a property or the far end of a link may be missing or of
 * any type (the database enforces keys, not shapes), so everything past the key is `unknown`,
 * for the export to check.
 */

/** A node's or relationship's properties, as stored. */
export type Props = Record<string, unknown>;

/** A source a claim or tie cites by id, with its URL (null when no such source exists). */
export interface CitationRow {
  id: unknown;
  url: unknown;
}

/** The far end of a link, as its key and name (null where missing). */
export interface NamedRow {
  id: unknown;
  name: unknown;
}

export interface IncidentRow {
  key: string;
  props: Props;
  sectorIds: unknown[];
  countries: { iso2: unknown; primary: unknown }[];
  organizations: NamedRow[];
  /** Every campaign the incident is part of (the model has at most one). */
  campaigns: NamedRow[];
  sources: CitationRow[];
  claims: ClaimRow[];
  /** The sources the incident's measured impact cites. */
  impactSources: CitationRow[];
}

/** A claim that an actor is behind an incident or campaign. */
export interface ClaimRow {
  props: Props;
  actor: NamedRow;
  sources: CitationRow[];
}

export interface TieRow {
  /** A country's alpha-2 code, or a sector's id. */
  target: unknown;
  confidence: unknown;
  sources: CitationRow[];
}

export interface ActorRow {
  key: string;
  props: Props;
  origins: TieRow[];
  sponsors: TieRow[];
  affiliations: { actor: NamedRow; kind: unknown }[];
  targetSectors: TieRow[];
  targetCountries: TieRow[];
}

export interface OrganizationRow {
  key: string;
  props: Props;
  sectorIds: unknown[];
  /** Every country it is located in (the model has at most one). */
  countries: unknown[];
}

export interface EntityRow {
  key: string;
  props: Props;
}

const citations = (list: string) =>
  `[sid IN coalesce(${list}, []) | {id: sid, url: COLLECT { MATCH (src:Source {id: sid}) RETURN src.url }[0]}]`;

/** The claims about who is behind incident or campaign `n`. */
const claimsOf = (n: string) =>
  `COLLECT { MATCH (${n})-[r:ATTRIBUTED_TO]->(a:Actor)
                 RETURN {props: properties(r), actor: {id: a.id, name: a.name}, sources: ${citations('r.sourceIds')}}
                 ORDER BY a.id, r.claimedBy }`;

/** Incidents passing the filter, after `$after`, with their links and claims. */
export function incidentBatch(filter: IncidentConditions) {
  const { match, where, params } = incidentMatch(filter);
  const query = cypher<IncidentRow>(
    'export:incidents',
    `${match}
     ${whereClause([...where, 'i.id > $after'])}
     WITH i ORDER BY i.id LIMIT toInteger($batch)
     RETURN i.id AS key, properties(i) AS props,
       COLLECT { MATCH (i)-[:TARGETED]->(s:Sector) RETURN s.id ORDER BY s.id } AS sectorIds,
       COLLECT { MATCH (i)-[r:AFFECTED]->(c:Country) RETURN {iso2: c.iso2, primary: coalesce(r.primary, false)} ORDER BY c.iso2 } AS countries,
       COLLECT { MATCH (i)-[:HIT]->(o:Organization) RETURN {id: o.id, name: o.name} ORDER BY o.id } AS organizations,
       COLLECT { MATCH (i)-[:PART_OF]->(k:Campaign) RETURN {id: k.id, name: k.name} ORDER BY k.id } AS campaigns,
       COLLECT { MATCH (i)-[:REPORTED_BY]->(s:Source) RETURN {id: s.id, url: s.url} ORDER BY s.url } AS sources,
       ${claimsOf('i')} AS claims,
       ${citations('i.impactSourceIds')} AS impactSources`,
  );
  return { query, params };
}

/** Entities of one kind after `$after`; all of them, or only those whose key is in `$only`. */
const entityBatch = <Row extends EntityRow>(name: string, label: string, extra: string) =>
  cypher<Row>(
    `export:${name}`,
    `MATCH (n:${label}) WHERE n.id > $after AND ($only IS NULL OR n.id IN $only)
     WITH n ORDER BY n.id LIMIT toInteger($batch)
     RETURN n.id AS key, properties(n) AS props${extra}`,
  );

export const SOURCE_BATCH = entityBatch<EntityRow>('sources', 'Source', '');
export interface CampaignRow extends EntityRow {
  claims: ClaimRow[];
}

export const CAMPAIGN_BATCH = entityBatch<CampaignRow>(
  'campaigns',
  'Campaign',
  `, ${claimsOf('n')} AS claims`,
);
export const ORGANIZATION_BATCH = entityBatch<OrganizationRow>(
  'organizations',
  'Organization',
  `, COLLECT { MATCH (n)-[:IN_SECTOR]->(s:Sector) RETURN s.id ORDER BY s.id } AS sectorIds,
     COLLECT { MATCH (n)-[:LOCATED_IN]->(c:Country) RETURN c.iso2 ORDER BY c.iso2 } AS countries`,
);
/** Ties to nodes of one label: `(n)-[r:type]->(t:label)`, the target named by `key`. */
const ties = (type: string, label: string, key: string, order: string) =>
  `COLLECT { MATCH (n)-[r:${type}]->(t:${label})
     RETURN {target: t.${key}, confidence: r.confidence, sources: ${citations('r.sourceIds')}}
     ORDER BY ${order} }`;
export const ACTOR_BATCH = entityBatch<ActorRow>(
  'actors',
  'Actor',
  `, ${ties('ORIGINATES_FROM', 'Country', 'iso2', 'r.confidence DESC, t.iso2')} AS origins,
     ${ties('SPONSORED_BY', 'Country', 'iso2', 'r.confidence DESC, t.iso2')} AS sponsors,
     COLLECT { MATCH (n)-[r:AFFILIATED_WITH]->(b:Actor) RETURN {actor: {id: b.id, name: b.name}, kind: r.kind} ORDER BY b.id } AS affiliations,
     ${ties('TARGETS', 'Sector', 'id', 't.id')} AS targetSectors,
     ${ties('TARGETS', 'Country', 'iso2', 't.iso2')} AS targetCountries`,
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
