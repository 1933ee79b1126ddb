import { cypher, type Executor, type Transaction } from '../db/database.js';
import { fragment, render } from '../db/cypher.js';
import { cachedRows, rememberRows, rowsVersion } from './profile-rows-cache.js';
import { topLevelSector } from './sector-rollup.js';
import {
  decodeRows,
  encodeRows,
  replaceRows,
  totalsOfRows,
  type ProfileRow,
} from './target-profile-rows.js';

/**
 * Per actor, what its incidents target, kept so that ranking attribution candidates reads one
 * node per actor instead of every claim of the graph: a `(:TargetProfile {actorId})` per actor
 * with at least one live (not RETRACTED) claim on an incident, holding the totals the ranking's
 * bounds read, and a `(:TargetProfileRows {actorId})` beside it with one row per such incident
 * (target-profile-rows.ts: its firmest claim, dates, top-level sectors, countries, attack types and
 * campaigns), which the exact evidence of a candidate is computed from. Every write that can change a profile
 * refreshes it in its own transaction: the rows of the incidents it changed are replaced (a few
 * rows, however busy the actor), and only an actor with no profile yet is read from its claims.
 */
const { text: TOP_SECTOR_ID } = render(fragment`${topLevelSector(fragment`s`)}.id`);

/** The row of incident `j` for an actor whose firmest live claim on it is `confidence`. */
const ROW = `{incidentId: j.id, confidence: confidence,
     start: toString(j.startDate), end: toString(j.endDate),
     sectorIds: COLLECT { MATCH (j)-[:TARGETED]->(s:Sector) RETURN DISTINCT ${TOP_SECTOR_ID} },
     countryCodes: COLLECT { MATCH (j)-[:AFFECTED]->(c:Country) RETURN DISTINCT c.iso2 },
     attackTypes: COLLECT { UNWIND coalesce(j.attackTypes, []) AS t RETURN DISTINCT t },
     campaignIds: COLLECT { MATCH (j)-[:PART_OF]->(k:Campaign) RETURN DISTINCT k.id }}`;

const LIVE_CLAIMS = `WHERE r.status <> 'RETRACTED'
   WITH a, j, toFloat(max(coalesce(r.confidence, 0))) AS confidence`;

/** Every row of these actors, from their claims. */
const ROWS_OF_ACTORS = cypher<{ actorId: string; rows: ProfileRow[] }>(
  'targetProfiles:rowsOfActors',
  `UNWIND $actorIds AS actorId
   MATCH (a:Actor {id: actorId})
   CALL (a) {
     MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) ${LIVE_CLAIMS}
     RETURN collect(${ROW}) AS rows
   }
   RETURN actorId, rows`,
);

/** The rows of these incidents for these actors, from their claims. */
const ROWS_OF_INCIDENTS = cypher<{ actorId: string; rows: ProfileRow[] }>(
  'targetProfiles:rowsOfIncidents',
  `UNWIND $incidentIds AS incidentId
   MATCH (j:Incident {id: incidentId})-[r:ATTRIBUTED_TO]->(a:Actor) WHERE a.id IN $actorIds
   WITH a, j, r ${LIVE_CLAIMS}
   RETURN a.id AS actorId, collect(${ROW}) AS rows`,
);

const READ_ROWS = cypher<{ actorId: string; rows: string; version: string }>(
  'targetProfiles:readRows',
  `UNWIND $actorIds AS actorId
   MATCH (r:TargetProfileRows {actorId: actorId})
   RETURN actorId, r.rows AS rows, r.version AS version`,
);

/**
 * Profiles replaced whole; dates stored as dates, as the bounds compare them with incidents', and
 * confidences as whole numbers (they are; rounded up so that a bound stays a bound), since Neo4j
 * reads a list of floats, which is what a JavaScript number arrives as, several times slower. The
 * rows live on a node of their own, so that the bounds, which read every profile, never load them.
 */
const WRITE_PROFILES = cypher<never>(
  'targetProfiles:write',
  `UNWIND $profiles AS profile
   WITH profile, profile.totals AS totals
   MERGE (p:TargetProfile {actorId: profile.actorId})
   SET p = totals, p.actorId = profile.actorId, p.incidents = toInteger(totals.incidents),
       p.firstStart = date(totals.firstStart), p.firstEnd = date(totals.firstEnd), p.lastEnd = date(totals.lastEnd),
       p.maxConfidence = toInteger(ceil(totals.maxConfidence)),
       p.nextConfidence = toInteger(ceil(totals.nextConfidence))
   MERGE (r:TargetProfileRows {actorId: profile.actorId})
   SET r.rows = profile.rows, r.version = profile.totals.rowsVersion`,
);

const DROP_TARGET_PROFILES = cypher<never>(
  'targetProfiles:drop',
  `UNWIND $actorIds AS actorId
   CALL (actorId) { MATCH (p:TargetProfile {actorId: actorId}) DELETE p }
   CALL (actorId) { MATCH (r:TargetProfileRows {actorId: actorId}) DELETE r }`,
);

/**
 * Drops the profiles of these actors, in the caller's transaction, for buildTargetProfiles to
 * recompute later: an import, whose batches would otherwise each rewrite its busiest actors'
 * rows, calls it with each batch. Until then the ranking reads those actors' claims, as it did
 * before profiles (see attribution.ts), so no answer changes.
 */
export async function dropTargetProfiles(
  tx: Transaction,
  actorIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(actorIds)];
  if (ids.length > 0) await tx.run(DROP_TARGET_PROFILES, { actorIds: ids });
}

/** Each actor's rows as stored, for those that have a profile. */
/**
 * Each actor's rows as stored, for those that have a profile. An actor whose rows' version is
 * given (as the ranking's bounds read it) and still cached is not read again.
 */
export async function readProfileRows(
  tx: Transaction,
  actorIds: readonly string[],
  versions: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, readonly ProfileRow[]>> {
  const rowsOf = new Map<string, readonly ProfileRow[]>();
  for (const actorId of actorIds) {
    const version = versions.get(actorId);
    const cached = version === undefined ? undefined : cachedRows(version);
    if (cached) rowsOf.set(actorId, cached);
  }
  const unread = actorIds.filter((actorId) => !rowsOf.has(actorId));
  const found = unread.length === 0 ? [] : await tx.run(READ_ROWS, { actorIds: unread });
  for (const { actorId, rows, version } of found) {
    const decoded = decodeRows(rows, actorId);
    rememberRows(version, decoded);
    rowsOf.set(actorId, decoded);
  }
  return rowsOf;
}

/** Each actor's rows read from its claims (none for an actor without live claims). */
export async function rowsFromClaims(
  tx: Transaction,
  actorIds: readonly string[],
): Promise<Map<string, readonly ProfileRow[]>> {
  const found = actorIds.length === 0 ? [] : await tx.run(ROWS_OF_ACTORS, { actorIds });
  return new Map(found.map((row) => [row.actorId, row.rows]));
}

async function rowsOfIncidents(
  tx: Transaction,
  actorIds: readonly string[],
  incidentIds: readonly string[],
): Promise<Map<string, ProfileRow[]>> {
  const found =
    actorIds.length === 0 || incidentIds.length === 0
      ? []
      : await tx.run(ROWS_OF_INCIDENTS, { actorIds, incidentIds });
  return new Map(found.map((row) => [row.actorId, row.rows]));
}

/** What changed: these actors' claims, or, when `incidentIds` is given, only those incidents'. */
export interface ProfileChange {
  actorIds: Iterable<string>;
  incidentIds?: readonly string[];
}

/**
 * Brings the profiles of these actors up to date, in the caller's transaction: a write calls it
 * last. With `incidentIds`, a profile keeps its other rows and only those of the incidents are read
 * again; without, or for an actor with no profile yet, all rows are read from its claims. An actor
 * left without live claims, or gone, has none.
 */
export async function refreshTargetProfiles(tx: Transaction, change: ProfileChange): Promise<void> {
  const incidentIds = change.incidentIds ?? [];
  const actorIds = [...new Set(change.actorIds)];
  if (actorIds.length === 0) return;
  const kept = change.incidentIds
    ? await readProfileRows(tx, actorIds)
    : new Map<string, readonly ProfileRow[]>();
  const fresh = await rowsOfIncidents(tx, [...kept.keys()], incidentIds);
  const read = await rowsFromClaims(
    tx,
    actorIds.filter((id) => !kept.has(id)),
  );
  const changed = new Set(incidentIds);
  const profiles = actorIds.map((actorId) => {
    const rows = kept.get(actorId);
    return {
      actorId,
      rows: rows ? replaceRows(rows, changed, fresh.get(actorId) ?? []) : (read.get(actorId) ?? []),
    };
  });
  await writeProfiles(tx, profiles);
}

async function writeProfiles(
  tx: Transaction,
  profiles: readonly { actorId: string; rows: readonly ProfileRow[] }[],
): Promise<void> {
  const written = profiles.filter((p) => p.rows.length > 0);
  await tx.run(WRITE_PROFILES, {
    profiles: written.map(({ actorId, rows }) => {
      const text = encodeRows(rows);
      return {
        actorId,
        totals: { ...totalsOfRows(rows), rowsVersion: rowsVersion(text) },
        rows: text,
      };
    }),
  });
  await dropTargetProfiles(
    tx,
    profiles.filter((p) => p.rows.length === 0).map((p) => p.actorId),
  );
}

/**
 * Brings up to date the profiles an edit or deletion of these incidents changed: those of the
 * actors their claims named before (`formerActorIds`) and of those they name now.
 */
export async function refreshProfilesOfIncidents(
  tx: Transaction,
  incidentIds: readonly string[],
  formerActorIds: Iterable<string>,
): Promise<void> {
  const actorIds = [...formerActorIds, ...(await actorsClaiming(tx, incidentIds))];
  await refreshTargetProfiles(tx, { actorIds, incidentIds });
}

/** The actors an incident's claims name, from its links as an edit and its audit record read them. */
export function claimedActorIds(links: Readonly<Record<string, unknown>> | null): string[] {
  const claims = links?.claims;
  if (!Array.isArray(claims)) return [];
  return claims.flatMap((claim: unknown) =>
    claim !== null &&
    typeof claim === 'object' &&
    'actorId' in claim &&
    typeof claim.actorId === 'string'
      ? [claim.actorId]
      : [],
  );
}

const ACTORS_CLAIMING = cypher<{ actorId: string }>(
  'targetProfiles:actorsClaiming',
  `UNWIND $incidentIds AS incidentId
   MATCH (:Incident {id: incidentId})-[:ATTRIBUTED_TO]->(a:Actor)
   RETURN DISTINCT a.id AS actorId`,
);

/** The actors any claim on these incidents names, live or retracted. */
export async function actorsClaiming(
  tx: Transaction,
  incidentIds: readonly string[],
): Promise<string[]> {
  if (incidentIds.length === 0) return [];
  return (await tx.run(ACTORS_CLAIMING, { incidentIds })).map((row) => row.actorId);
}

/** The actors whose profile is missing, or every actor with a live claim when `all`. */
const ACTORS_TO_PROFILE = cypher<{ actorId: string }>(
  'targetProfiles:actorsToProfile',
  `MATCH (a:Actor)
   WHERE EXISTS { MATCH (:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE r.status <> 'RETRACTED' }
     AND ($all OR NOT EXISTS { MATCH (:TargetProfile {actorId: a.id}) })
   RETURN a.id AS actorId ORDER BY actorId`,
);

/** Profiles left behind by an actor that no longer exists or no longer has a live claim. */
const DELETE_STRAY_PROFILES = cypher<{ deleted: number }>(
  'targetProfiles:deleteStray',
  `MATCH (p:TargetProfile|TargetProfileRows)
   WHERE NOT EXISTS {
     MATCH (:Incident)-[r:ATTRIBUTED_TO]->(:Actor {id: p.actorId}) WHERE r.status <> 'RETRACTED'
   }
   DELETE p
   RETURN count(*) AS deleted`,
);

/** Actors per transaction when building profiles: each reads all of its actors' incidents. */
const ACTORS_PER_BUILD = 25;

/**
 * Builds the profiles a database lacks (one written before profiles existed), or rebuilds every
 * one when `rebuild`; returns how many actors it profiled. Each batch of actors is a transaction
 * of its own, so a large graph stays under the transaction timeout.
 */
export async function buildTargetProfiles(
  executor: Executor,
  { rebuild }: { rebuild: boolean },
): Promise<number> {
  const actorIds = (await executor.read(ACTORS_TO_PROFILE, { all: rebuild })).map(
    (row) => row.actorId,
  );
  for (let start = 0; start < actorIds.length; start += ACTORS_PER_BUILD) {
    const batch = actorIds.slice(start, start + ACTORS_PER_BUILD);
    await executor.writeTransaction('targetProfiles:build', (tx) =>
      refreshTargetProfiles(tx, { actorIds: batch }),
    );
  }
  await executor.write(DELETE_STRAY_PROFILES);
  return actorIds.length;
}
