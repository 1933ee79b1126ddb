import { cypher, type Executor, type Transaction } from '../db/database.js';
import { fragment, render } from '../db/cypher.js';
import { topLevelSector } from './sector-rollup.js';

/**
 * Per actor, what its incidents target, kept so that ranking attribution candidates reads one
 * small node per actor instead of every claim of the graph: a `(:TargetProfile {actorId})` per
 * actor with at least one live (not RETRACTED) claim on an incident, counting each such incident
 * once: how many, the earliest start, the earliest end and the latest end, and per top-level
 * sector, country, attack type and campaign (parallel lists, in key order) how many of them name
 * it and the highest claim confidence among them. A profile is never edited in place: every write
 * that can change one recomputes the profiles of the actors it touched, in its own transaction.
 */
const { text: TOP_SECTOR_ID } = render(fragment`${topLevelSector(fragment`n`)}.id`);

const REFRESH_TARGET_PROFILES = cypher<{ refreshed: number }>(
  'targetProfiles:refresh',
  `UNWIND $actorIds AS actorId
   WITH DISTINCT actorId
   CALL (actorId) { MATCH (old:TargetProfile {actorId: actorId}) DELETE old }
   MATCH (a:Actor {id: actorId})
   CALL (a) {
     MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE r.status <> 'RETRACTED'
     WITH j, toFloat(max(coalesce(r.confidence, 0))) AS confidence
     // One walk over the incident's links finds its sectors, countries and campaigns alike.
     WITH j, confidence,
          COLLECT {
            MATCH (j)-[e:TARGETED|AFFECTED|PART_OF]->(n)
            WITH DISTINCT CASE type(e)
              WHEN 'TARGETED' THEN ['SECTOR', ${TOP_SECTOR_ID}]
              WHEN 'AFFECTED' THEN ['COUNTRY', n.iso2]
              ELSE ['CAMPAIGN', n.id] END AS feature
            RETURN feature
          } + [v IN COLLECT { UNWIND coalesce(j.attackTypes, []) AS t RETURN DISTINCT t } | ['ATTACK_TYPE', v]] AS features
     // A missing date leaves the bound open (null), as an undated incident's gap counts as none.
     RETURN count(j) AS incidents,
            CASE WHEN count(j.startDate) = count(j) THEN min(j.startDate) END AS firstStart,
            CASE WHEN count(j.endDate) = count(j) THEN min(j.endDate) END AS firstEnd,
            CASE WHEN count(j.endDate) = count(j) THEN max(j.endDate) END AS lastEnd,
            collect({confidence: confidence, features: features}) AS rows
   }
   WITH a, incidents, firstStart, firstEnd, lastEnd, rows WHERE incidents > 0
   CALL (rows) {
     UNWIND rows AS row
     UNWIND row.features AS feature
     WITH feature[0] AS kind, feature[1] AS key, count(*) AS incidents, max(row.confidence) AS confidence
     ORDER BY kind, key
     RETURN collect({kind: kind, key: key, incidents: incidents, confidence: confidence}) AS features
   }
   WITH a, incidents, firstStart, firstEnd, lastEnd,
        [f IN features WHERE f.kind = 'SECTOR'] AS sectors,
        [f IN features WHERE f.kind = 'COUNTRY'] AS countries,
        [f IN features WHERE f.kind = 'ATTACK_TYPE'] AS types,
        [f IN features WHERE f.kind = 'CAMPAIGN'] AS campaigns
   CREATE (:TargetProfile {
     actorId: a.id, incidents: incidents, firstStart: firstStart, firstEnd: firstEnd, lastEnd: lastEnd,
     sectorIds: [f IN sectors | f.key], sectorIncidents: [f IN sectors | f.incidents],
     sectorConfidence: [f IN sectors | f.confidence],
     countryCodes: [f IN countries | f.key], countryIncidents: [f IN countries | f.incidents],
     countryConfidence: [f IN countries | f.confidence],
     attackTypes: [f IN types | f.key], attackTypeIncidents: [f IN types | f.incidents],
     attackTypeConfidence: [f IN types | f.confidence],
     campaignIds: [f IN campaigns | f.key], campaignIncidents: [f IN campaigns | f.incidents],
     campaignConfidence: [f IN campaigns | f.confidence]
   })
   RETURN count(*) AS refreshed`,
);

const DROP_TARGET_PROFILES = cypher<never>(
  'targetProfiles:drop',
  `UNWIND $actorIds AS actorId
   MATCH (p:TargetProfile {actorId: actorId})
   DELETE p`,
);

/**
 * Drops the profiles of these actors, in the caller's transaction, for buildTargetProfiles to
 * recompute later: an import, whose batches would otherwise each recompute its busiest actors
 * from all of their incidents, calls it with each batch. Until then the ranking reads those
 * actors' incidents as it did before profiles (see attribution.ts), so no answer changes.
 */
export async function dropTargetProfiles(
  tx: Transaction,
  actorIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(actorIds)];
  if (ids.length > 0) await tx.run(DROP_TARGET_PROFILES, { actorIds: ids });
}

/**
 * Recomputes the profiles of these actors from their claims as they now are, in the caller's
 * transaction: a write calls it last, with every actor whose claims or claimed incidents it
 * changed (before and after the change). An actor left without live claims, or gone, has none.
 */
export async function refreshTargetProfiles(
  tx: Transaction,
  actorIds: Iterable<string>,
): Promise<void> {
  const ids = [...new Set(actorIds)];
  if (ids.length > 0) await tx.run(REFRESH_TARGET_PROFILES, { actorIds: ids });
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
  `MATCH (p:TargetProfile)
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
      refreshTargetProfiles(tx, batch),
    );
  }
  await executor.write(DELETE_STRAY_PROFILES);
  return actorIds.length;
}
