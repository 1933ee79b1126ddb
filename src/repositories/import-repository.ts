import { cypher, type Executor } from '../db/database.js';

/**
 * The Cypher of imports: batched `UNWIND $rows … MERGE`, one transaction per call. Every write
 * returns how many rows it created, updated or left unchanged, judged by comparing the node's
 * properties before and after, so re-importing the same file reports (and changes) nothing.
 */
export type Outcome = 'created' | 'updated' | 'unchanged';
export interface OutcomeRow {
  outcome: Outcome;
  count: number;
}

const OUTCOME = `CASE WHEN before IS NULL THEN 'created' WHEN before = properties(n) THEN 'unchanged' ELSE 'updated' END`;

/** The higher of two confidences, either possibly null. */
const strongest = (a: string, b: string): string =>
  `CASE WHEN ${a} IS NULL OR ${b} > ${a} THEN ${b} ELSE ${a} END`;

/** Union of two lists without duplicates, in first-seen order (no APOC). */
const union = (a: string, b: string): string =>
  `reduce(acc = [], x IN coalesce(${a}, []) + coalesce(${b}, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END)`;

export const UPSERT_SECTORS = cypher<OutcomeRow>(
  'import:upsertSectors',
  `UNWIND $rows AS row
   OPTIONAL MATCH (old:Sector {id: row.id})
   WITH row, properties(old) AS before
   MERGE (n:Sector {id: row.id})
   SET n = row.props
   WITH n, row, before
   CALL (n, row) {
     OPTIONAL MATCH (n)-[r:SUBSECTOR_OF]->(p) WHERE p.id <> row.parentId OR row.parentId IS NULL
     DELETE r
   }
   CALL (n, row) {
     UNWIND CASE WHEN row.parentId IS NULL THEN [] ELSE [row.parentId] END AS parentId
     MERGE (p:Sector {id: parentId})
     MERGE (n)-[:SUBSECTOR_OF]->(p)
   }
   RETURN ${OUTCOME} AS outcome, count(*) AS count`,
);

export const UPSERT_COUNTRIES = cypher<OutcomeRow>(
  'import:upsertCountries',
  `UNWIND $rows AS row
   OPTIONAL MATCH (old:Country {iso2: row.iso2})
   WITH row, properties(old) AS before
   MERGE (n:Country {iso2: row.iso2})
   SET n = row
   RETURN ${OUTCOME} AS outcome, count(*) AS count`,
);

export const UPSERT_SOURCES = cypher<OutcomeRow>(
  'import:upsertSources',
  `UNWIND $rows AS row
   OPTIONAL MATCH (old:Source {id: row.id})
   WITH row, properties(old) AS before
   MERGE (n:Source {id: row.id})
   SET n += row.props
   RETURN ${OUTCOME} AS outcome, count(*) AS count`,
);

export const UPSERT_CAMPAIGNS = cypher<OutcomeRow>(
  'import:upsertCampaigns',
  `UNWIND $rows AS row
   OPTIONAL MATCH (old:Campaign {id: row.id})
   WITH row, properties(old) AS before
   MERGE (n:Campaign {id: row.id})
   SET n = row.props,
       n.startDate = CASE WHEN row.startDate IS NULL THEN null ELSE date(row.startDate) END,
       n.endDate = CASE WHEN row.endDate IS NULL THEN null ELSE date(row.endDate) END
   RETURN ${OUTCOME} AS outcome, count(*) AS count`,
);

export const UPSERT_ORGANIZATIONS = cypher<OutcomeRow>(
  'import:upsertOrganizations',
  `UNWIND $rows AS row
   OPTIONAL MATCH (old:Organization {id: row.id})
   WITH row, properties(old) AS before
   MERGE (n:Organization {id: row.id})
   SET n = row.props
   WITH n, row, before
   CALL (n) { MATCH (n)-[r:IN_SECTOR|LOCATED_IN]->() DELETE r }
   CALL (n, row) { UNWIND row.sectorIds AS sid MATCH (s:Sector {id: sid}) CREATE (n)-[:IN_SECTOR]->(s) }
   CALL (n, row) {
     UNWIND CASE WHEN row.country IS NULL THEN [] ELSE [row.country] END AS code
     MATCH (c:Country {iso2: code}) CREATE (n)-[:LOCATED_IN]->(c)
   }
   RETURN ${OUTCOME} AS outcome, count(*) AS count`,
);

/**
 * Actors are shared between sources (seeds, MISP, ATT&CK): aliases, external ids and motivations
 * accumulate, scalar fields take the newest non-empty value, and state claims merge per country
 * (highest confidence, union of sources). Edge changes count through the edges' own
 * before/after properties.
 */
export const UPSERT_ACTORS = cypher<OutcomeRow>(
  'import:upsertActors',
  `UNWIND $rows AS row
   OPTIONAL MATCH (old:Actor {id: row.id})
   WITH row, properties(old) AS before
   MERGE (n:Actor {id: row.id})
   SET n += row.props,
       n.type = coalesce(row.type, n.type, 'UNKNOWN'),
       n.aliases = ${union('n.aliases', 'row.aliases')},
       n.externalIds = ${union('n.externalIds', 'row.externalIds')},
       n.motivations = ${union('n.motivations', 'row.motivations')}
   WITH n, row, before
   CALL (n, row) {
     UNWIND [c IN [row.origin] WHERE c IS NOT NULL] AS claim
     MATCH (country:Country {iso2: claim.country})
     MERGE (n)-[r:ORIGINATES_FROM]->(country)
     WITH r, claim, properties(r) AS rb
     SET r.confidence = ${strongest('r.confidence', 'claim.confidence')},
         r.sourceIds = ${union('r.sourceIds', 'claim.sourceIds')}
     RETURN sum(CASE WHEN rb = properties(r) THEN 0 ELSE 1 END) AS originChanges
   }
   CALL (n, row) {
     UNWIND row.sponsors AS claim
     MATCH (country:Country {iso2: claim.country})
     MERGE (n)-[r:SPONSORED_BY]->(country)
     WITH r, claim, properties(r) AS rb
     SET r.confidence = ${strongest('r.confidence', 'claim.confidence')},
         r.sourceIds = ${union('r.sourceIds', 'claim.sourceIds')}
     RETURN sum(CASE WHEN rb = properties(r) THEN 0 ELSE 1 END) AS sponsorChanges
   }
   CALL (n, row) {
     UNWIND CASE WHEN row.targets IS NULL THEN [] ELSE row.targets.sectorIds END AS sid
     MATCH (s:Sector {id: sid})
     MERGE (n)-[r:TARGETS]->(s)
     WITH r, row, properties(r) AS rb
     SET r.confidence = row.targets.confidence, r.sourceIds = ${union('r.sourceIds', 'row.targets.sourceIds')}
     RETURN sum(CASE WHEN rb = properties(r) THEN 0 ELSE 1 END) AS sectorChanges
   }
   CALL (n, row) {
     UNWIND CASE WHEN row.targets IS NULL THEN [] ELSE row.targets.countries END AS code
     MATCH (c:Country {iso2: code})
     MERGE (n)-[r:TARGETS]->(c)
     WITH r, row, properties(r) AS rb
     SET r.confidence = row.targets.confidence, r.sourceIds = ${union('r.sourceIds', 'row.targets.sourceIds')}
     RETURN sum(CASE WHEN rb = properties(r) THEN 0 ELSE 1 END) AS countryChanges
   }
   WITH n, before, originChanges + sponsorChanges + sectorChanges + countryChanges AS edgeChanges
   RETURN CASE WHEN before IS NULL THEN 'created'
               WHEN before = properties(n) AND edgeChanges = 0 THEN 'unchanged'
               ELSE 'updated' END AS outcome, count(*) AS count`,
);

/** After all actors exist, since affiliations may point forward in the file. */
export const LINK_AFFILIATIONS = cypher<{ changed: number }>(
  'import:linkAffiliations',
  `UNWIND $rows AS row
   MATCH (a:Actor {id: row.id}), (b:Actor {id: row.actorId})
   MERGE (a)-[r:AFFILIATED_WITH {kind: row.kind}]->(b)
   RETURN count(*) AS changed`,
);

/**
 * Incidents belong to the file that describes them: properties are replaced and their links
 * rebuilt, so the graph mirrors the file. `importSignature` (a hash of the whole record) makes a
 * change in links alone show as an update.
 */
export const UPSERT_INCIDENTS = cypher<OutcomeRow>(
  'import:upsertIncidents',
  `UNWIND $rows AS row
   OPTIONAL MATCH (old:Incident {id: row.id})
   WITH row, properties(old) AS before
   MERGE (n:Incident {id: row.id})
   SET n = row.props, n.startDate = date(row.startDate), n.endDate = date(row.endDate)
   WITH n, row, before
   CALL (n) { MATCH (n)-[r:TARGETED|AFFECTED|HIT|REPORTED_BY|PART_OF|ATTRIBUTED_TO]->() DELETE r }
   CALL (n, row) { UNWIND row.sectorIds AS id MATCH (s:Sector {id: id}) CREATE (n)-[:TARGETED]->(s) }
   CALL (n, row) {
     UNWIND row.countries AS c MATCH (k:Country {iso2: c.iso2}) CREATE (n)-[:AFFECTED {primary: c.primary}]->(k)
   }
   CALL (n, row) { UNWIND row.organizationIds AS id MATCH (o:Organization {id: id}) CREATE (n)-[:HIT]->(o) }
   CALL (n, row) { UNWIND row.sourceIds AS id MATCH (s:Source {id: id}) CREATE (n)-[:REPORTED_BY]->(s) }
   CALL (n, row) {
     UNWIND CASE WHEN row.campaignId IS NULL THEN [] ELSE [row.campaignId] END AS id
     MATCH (c:Campaign {id: id}) CREATE (n)-[:PART_OF]->(c)
   }
   CALL (n, row) {
     UNWIND row.attributions AS at
     MATCH (a:Actor {id: at.actorId})
     CREATE (n)-[r:ATTRIBUTED_TO]->(a)
     SET r = at.props
   }
   RETURN ${OUTCOME} AS outcome, count(*) AS count`,
);

const EXISTING_IDS = cypher<{ kind: keyof IdsByKind; id: string }>(
  'import:existingIds',
  `CALL () { MATCH (n:Actor) WHERE n.id IN $actors RETURN 'actors' AS kind, n.id AS id
     UNION ALL MATCH (n:Campaign) WHERE n.id IN $campaigns RETURN 'campaigns' AS kind, n.id AS id
     UNION ALL MATCH (n:Organization) WHERE n.id IN $organizations RETURN 'organizations' AS kind, n.id AS id
     UNION ALL MATCH (n:Source) WHERE n.id IN $sources RETURN 'sources' AS kind, n.id AS id }
   RETURN kind, id`,
);

export interface IdsByKind {
  actors: string[];
  campaigns: string[];
  organizations: string[];
  sources: string[];
}

/** Ids per lookup: an import may point at a million ids the database has, and one list would be huge. */
const IDS_PER_LOOKUP = 10_000;

/** Which of these ids the database holds, per kind. */
export async function findExistingIds(executor: Executor, ids: IdsByKind): Promise<IdsByKind> {
  const found: IdsByKind = { actors: [], campaigns: [], organizations: [], sources: [] };
  const longest = Math.max(
    ids.actors.length,
    ids.campaigns.length,
    ids.organizations.length,
    ids.sources.length,
  );
  for (let start = 0; start < longest; start += IDS_PER_LOOKUP) {
    const slice = (list: string[]) => list.slice(start, start + IDS_PER_LOOKUP);
    const rows = await executor.read(EXISTING_IDS, {
      actors: slice(ids.actors),
      campaigns: slice(ids.campaigns),
      organizations: slice(ids.organizations),
      sources: slice(ids.sources),
    });
    for (const { kind, id } of rows) found[kind].push(id);
  }
  return found;
}

export interface ActorIdentityRow {
  id: string;
  name: string;
  aliases: string[] | null;
  externalIds: string[] | null;
}

const ACTOR_IDENTITIES = cypher<ActorIdentityRow>(
  'import:actorIdentities',
  'MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.externalIds AS externalIds',
);

/** Every actor's names and external ids, to recognise the same actor arriving from another source. */
export function actorIdentities(executor: Executor): Promise<ActorIdentityRow[]> {
  return executor.read(ACTOR_IDENTITIES);
}

const COUNT_INCIDENTS = cypher<{ count: number }>(
  'import:countIncidents',
  'RETURN COUNT { (:Incident) } AS count',
);

export async function countIncidents(executor: Executor): Promise<number> {
  const [row] = await executor.read(COUNT_INCIDENTS);
  return row?.count ?? 0;
}
