import { cypher, type CypherQuery, type Executor, type Transaction } from '../db/database.js';
import {
  CREATE_IMPORT_CHANGES,
  importChangeParams,
  importCreations,
  type ImportedChange,
  type ImportOrigin,
} from './change-repository.js';
import { LINK_TO_DATASET } from './dataset-repository.js';
import { readLinksOf, type EditableLabel } from './entity-write-repository.js';
import {
  actorsClaiming,
  claimedActorIds,
  dropTargetProfiles,
} from './target-profile-repository.js';

/**
 * The Cypher of imports: batched `UNWIND $rows … MERGE`. Every write returns how many rows it
 * created, updated or left unchanged, judged by comparing the node's properties (and links) before
 * and after, so re-importing the same file reports (and changes) nothing.
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

/**
 * An actor's aliases: the stored ones, then the incoming name and aliases, without regard to case
 * and never the actor's name (the first spelling kept), as distinctAliases does before writing.
 */
const aliasesOf = (name: string, stored: string, incoming: string): string =>
  `reduce(acc = [], x IN coalesce(${stored}, []) + coalesce(${incoming}, [])
     | CASE WHEN toLower(x) = toLower(${name}) OR toLower(x) IN [y IN acc | toLower(y)] THEN acc ELSE acc + x END)`;

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

/**
 * What an upsert of versioned nodes returns per outcome: how many, the keys of those it created,
 * and what each node it changed was and is.
 */
export interface UpsertRow extends OutcomeRow {
  created: string[];
  changes: ImportedChange[];
}

/** Whether two maps of links hold the same values; a missing link (null) equals only another. */
const sameLinks = (a: string, b: string): string =>
  `all(k IN keys(${b}) WHERE coalesce(${a}[k] = ${b}[k], ${a}[k] IS NULL AND ${b}[k] IS NULL))`;

/**
 * An upsert of nodes that editors also change, so versioned and audited: the node's properties
 * and links before, the write, the same after. A node created starts at version 1, recorded with
 * the others its batch created in one CREATE record this statement writes; one whose properties
 * or links differ afterwards goes one version up, so an editor holding the old version gets
 * CONFLICT, and comes back with its before and after for its UPDATE record, written in the same
 * transaction; one left as it was keeps its version. A created node's links are not read back:
 * they are what its row says. `write` sets `n` from `row`, with `before` in scope; `links` reads
 * `n`'s links, or is null for a label without any.
 */
function versionedUpsert(
  label: EditableLabel,
  write: string,
  links: string | null,
): CypherQuery<UpsertRow> {
  const unchanged = links
    ? `before = properties(n) AND ${sameLinks('beforeLinks', 'afterLinks')}`
    : 'before = properties(n)';
  return cypher<UpsertRow>(
    `import:upsert${label}`,
    `UNWIND $rows AS row
   OPTIONAL MATCH (n:${label} {id: row.id})
   WITH row, properties(n) AS before, ${links ? `CASE WHEN n IS NULL THEN null ELSE ${links} END` : 'null'} AS beforeLinks
   MERGE (n:${label} {id: row.id})
   ${write}
   WITH n, before, beforeLinks, ${links ? `CASE WHEN before IS NULL THEN null ELSE ${links} END` : 'null'} AS afterLinks
   WITH n, before, beforeLinks, afterLinks,
        CASE WHEN before IS NULL THEN 'created' WHEN ${unchanged} THEN 'unchanged' ELSE 'updated' END AS outcome
   SET n.version = CASE outcome WHEN 'created' THEN 1 WHEN 'updated' THEN coalesce(before.version, 0) + 1 ELSE n.version END
   WITH outcome, count(*) AS count, collect(CASE WHEN outcome = 'created' THEN n.id END) AS created,
        collect(CASE WHEN outcome = 'updated'
                     THEN {key: n.id, before: before, beforeLinks: beforeLinks, after: properties(n), afterLinks: afterLinks} END) AS changes
   CALL (outcome, created) {
     WITH created WHERE outcome = 'created'
     ${importCreations('created')}
   }
   RETURN outcome, count, created, changes`,
  );
}

/** Sources are known by their URL: a file that knows more of one adds it, and none takes away. */
export const UPSERT_SOURCES = versionedUpsert('Source', 'SET n += row.props', null);

/**
 * Claims that an actor is behind an incident or campaign, rebuilt from the file's: a claim keeps
 * its version while the file says what it holds, goes one up when the file says otherwise, and
 * starts at 1 when new. `beforeLinks.claims` holds the claims as they were.
 */
const REBUILD_CLAIMS = `CALL (n) { MATCH (n)-[r:ATTRIBUTED_TO]->(:Actor) DELETE r }
   CALL (n, row, beforeLinks) {
     UNWIND row.attributions AS at
     MATCH (a:Actor {id: at.actorId})
     WITH n, a, at, [c IN coalesce(beforeLinks.claims, []) WHERE c.id = at.props.id][0] AS was
     CREATE (n)-[r:ATTRIBUTED_TO]->(a)
     SET r = at.props, r.datasetIds = was.datasetIds
     SET r.version = CASE WHEN was IS NULL THEN 1
                          WHEN r {.*, actorId: a.id, version: coalesce(was.version, 0)} = was {.*, version: coalesce(was.version, 0)} THEN was.version
                          ELSE coalesce(was.version, 0) + 1 END
   }`;

/**
 * Properties and claims are replaced by the file's; the version is the graph's own, kept. A
 * campaign's claims are its links (STIX `campaign attributed-to intrusion-set`).
 */
export const UPSERT_CAMPAIGNS = versionedUpsert(
  'Campaign',
  `SET n = row.props,
       n.startDate = CASE WHEN row.startDate IS NULL THEN null ELSE date(row.startDate) END,
       n.endDate = CASE WHEN row.endDate IS NULL THEN null ELSE date(row.endDate) END,
       n.version = before.version
   WITH n, row, before, beforeLinks
   ${REBUILD_CLAIMS}`,
  `{claims: COLLECT { MATCH (n)-[r:ATTRIBUTED_TO]->(a:Actor) RETURN r {.*, actorId: a.id} ORDER BY a.id, r.id }}`,
);

export const UPSERT_ORGANIZATIONS = versionedUpsert(
  'Organization',
  `SET n = row.props, n.version = before.version
   WITH n, row, before, beforeLinks
   CALL (n) { MATCH (n)-[r:IN_SECTOR|LOCATED_IN]->() DELETE r }
   CALL (n, row) { UNWIND row.sectorIds AS sid MATCH (s:Sector {id: sid}) CREATE (n)-[:IN_SECTOR]->(s) }
   CALL (n, row) {
     UNWIND CASE WHEN row.country IS NULL THEN [] ELSE [row.country] END AS code
     MATCH (c:Country {iso2: code}) CREATE (n)-[:LOCATED_IN]->(c)
   }`,
  readLinksOf('Organization'),
);

/** An actor's ties to states and its reported victimology, as its audit record shows them. */
const ACTOR_LINKS = `{origin: COLLECT { MATCH (n)-[r:ORIGINATES_FROM]->(c:Country) RETURN r {.*, country: c.iso2} ORDER BY c.iso2 },
      sponsors: COLLECT { MATCH (n)-[r:SPONSORED_BY]->(c:Country) RETURN r {.*, country: c.iso2} ORDER BY c.iso2 },
      targets: COLLECT { MATCH (n)-[r:TARGETS]->(t) RETURN r {.*, target: coalesce(t.id, t.iso2)} ORDER BY coalesce(t.id, t.iso2) }}`;

/**
 * Actors are shared between sources (seeds, MISP, ATT&CK): aliases, external ids and motivations
 * accumulate, scalar fields take the newest non-empty value, and state claims merge per country
 * (highest confidence, union of sources). The name is the one the actor was created with: an
 * import that names a known actor otherwise adds that name to its aliases (only an edit renames).
 */
export const UPSERT_ACTORS = versionedUpsert(
  'Actor',
  `SET n += row.props,
       n.name = coalesce(before.name, row.name),
       n.type = coalesce(row.type, n.type, 'UNKNOWN'),
       n.aliases = ${aliasesOf('coalesce(before.name, row.name)', 'before.aliases', '[row.name] + row.aliases')},
       n.externalIds = ${union('n.externalIds', 'row.externalIds')},
       n.motivations = ${union('n.motivations', 'row.motivations')}
   WITH n, row, before, beforeLinks
   CALL (n, row) {
     UNWIND [c IN [row.origin] WHERE c IS NOT NULL] AS claim
     MATCH (country:Country {iso2: claim.country})
     MERGE (n)-[r:ORIGINATES_FROM]->(country)
     SET r.confidence = ${strongest('r.confidence', 'claim.confidence')},
         r.sourceIds = ${union('r.sourceIds', 'claim.sourceIds')}
   }
   CALL (n, row) {
     UNWIND row.sponsors AS claim
     MATCH (country:Country {iso2: claim.country})
     MERGE (n)-[r:SPONSORED_BY]->(country)
     SET r.confidence = ${strongest('r.confidence', 'claim.confidence')},
         r.sourceIds = ${union('r.sourceIds', 'claim.sourceIds')}
   }
   CALL (n, row) {
     UNWIND CASE WHEN row.targets IS NULL THEN [] ELSE row.targets.sectorIds END AS sid
     MATCH (s:Sector {id: sid})
     MERGE (n)-[r:TARGETS]->(s)
     SET r.confidence = row.targets.confidence, r.sourceIds = ${union('r.sourceIds', 'row.targets.sourceIds')}
   }
   CALL (n, row) {
     UNWIND CASE WHEN row.targets IS NULL THEN [] ELSE row.targets.countries END AS code
     MATCH (c:Country {iso2: code})
     MERGE (n)-[r:TARGETS]->(c)
     SET r.confidence = row.targets.confidence, r.sourceIds = ${union('r.sourceIds', 'row.targets.sourceIds')}
   }`,
  ACTOR_LINKS,
);

const AFFILIATIONS = `COLLECT { MATCH (n)-[r:AFFILIATED_WITH]->(b:Actor) RETURN {actorId: b.id, kind: r.kind} ORDER BY b.id, r.kind }`;

/**
 * After all actors exist, since affiliations may point forward in the file; one row per actor.
 * An actor that gains one gets an UPDATE record, unless this import created it (`row.created`):
 * then they are part of its creation. Its version stays: no edit changes affiliations, so none can
 * be lost to them, and an interrupted import run again ends at a clean import's versions.
 */
export const LINK_AFFILIATIONS = cypher<{ changes: ImportedChange[] }>(
  'import:linkAffiliations',
  `UNWIND $rows AS row
   MATCH (n:Actor {id: row.id})
   WITH n, row, ${AFFILIATIONS} AS beforeLinks
   CALL (n, row) {
     UNWIND row.affiliations AS f
     MATCH (b:Actor {id: f.actorId})
     MERGE (n)-[:AFFILIATED_WITH {kind: f.kind}]->(b)
   }
   WITH n, row, beforeLinks, ${AFFILIATIONS} AS afterLinks
   WHERE afterLinks <> beforeLinks AND NOT row.created
   RETURN collect({key: n.id, before: properties(n), beforeLinks: {affiliations: beforeLinks},
                   after: properties(n), afterLinks: {affiliations: afterLinks}}) AS changes`,
);

/**
 * Incidents belong to the file that describes them: properties are replaced and their links
 * rebuilt, so the graph mirrors the file. `importSignature` (a hash of the whole record) makes a
 * change in links alone show as an update. A claim keeps its version while the file says what it
 * holds, and goes one up when the file says otherwise; a new claim starts at 1.
 */
export const UPSERT_INCIDENTS = versionedUpsert(
  'Incident',
  `SET n = row.props, n.startDate = date(row.startDate), n.endDate = date(row.endDate),
       n.version = before.version
   WITH n, row, before, beforeLinks
   CALL (n) { MATCH (n)-[r:TARGETED|AFFECTED|HIT|REPORTED_BY|PART_OF]->() DELETE r }
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
   ${REBUILD_CLAIMS}`,
  readLinksOf('Incident'),
);

/**
 * Drops the target profiles an incident batch changed, for the import to rebuild once it is done:
 * those of the actors its created and changed incidents' claims name now, and of those the changed
 * ones named before.
 */
async function dropProfilesOfIncidents(
  tx: Transaction,
  written: readonly { created?: string[]; changes: ImportedChange[] }[],
): Promise<void> {
  const changes = written.flatMap((row) => row.changes);
  const incidentIds = [
    ...written.flatMap((row) => row.created ?? []),
    ...changes.map((c) => c.key),
  ];
  await dropTargetProfiles(tx, [
    ...changes.flatMap((change) => claimedActorIds(change.beforeLinks)),
    ...(await actorsClaiming(tx, incidentIds)),
  ]);
}

/**
 * Writes one batch and the audit records of what it created or changed, in one transaction: the
 * statement records what it creates, and hands back what it changed, recorded here. The records of
 * an import into a dataset point at it in the same transaction, and the target profiles a batch of
 * incidents changed are dropped in it.
 */
export function writeAudited<Row extends { changes: ImportedChange[]; created?: string[] }>(
  executor: Executor,
  query: CypherQuery<Row>,
  rows: readonly object[],
  entityType: EditableLabel,
  origin: ImportOrigin,
): Promise<Row[]> {
  return executor.writeTransaction(query.name, async (tx) => {
    const written = await tx.run(query, { rows, entityType, origin });
    const changes = written.flatMap((row) => row.changes);
    if (changes.length > 0)
      await tx.run(CREATE_IMPORT_CHANGES, importChangeParams(origin, entityType, changes));
    const provenance = origin.datasetId === undefined ? undefined : LINK_TO_DATASET[entityType];
    if (provenance) await tx.run(provenance, { rows, datasetId: origin.datasetId });
    if (entityType === 'Incident') await dropProfilesOfIncidents(tx, written);
    return written;
  });
}

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
