import { fragment, param, statement, type Fragment, type Statement } from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import {
  rankTopCandidates,
  type CandidateBound,
  type Candidates,
  type TopCandidates,
} from './attribution-bound.js';
import type { CandidateEvidence, IncidentProfile, ScoredCandidate } from './attribution-score.js';
import { topLevelSector } from '../repositories/sector-rollup.js';

/**
 * The ids of the top-level sectors of the incident bound to `incident`, as `sectors` (a sub-sector
 * counts as its parent).
 */
export const topSectors = (incident: Fragment): Fragment =>
  fragment`CALL (${incident}) {
    OPTIONAL MATCH (${incident})-[:TARGETED]->(s:Sector)
    RETURN collect(DISTINCT ${topLevelSector(fragment`s`)}.id) AS sectors
  }`;

const X = fragment`x`;
const J = fragment`j`;

/**
 * The incident bound to `x` and what it offers to compare against: `xSectors` (top-level),
 * `xCountries`, `xCampaigns` and `xTypes`; no row when no incident has the id.
 */
const incidentFeatures = (incidentId: string): Fragment =>
  fragment`MATCH (x:Incident {id: ${param(incidentId, 'incidentId')}})
${topSectors(X)}
CALL (x) { OPTIONAL MATCH (x)-[:AFFECTED]->(c:Country) RETURN collect(DISTINCT c.iso2) AS countries }
CALL (x) { OPTIONAL MATCH (x)-[:PART_OF]->(k:Campaign) RETURN collect(DISTINCT k.id) AS campaigns }
WITH x, sectors AS xSectors, countries AS xCountries, campaigns AS xCampaigns, coalesce(x.attackTypes, []) AS xTypes`;

/** The reported victimology shared with the incident, per actor that reports any. */
interface ReportedTargets {
  actorId: string;
  sectorIds: string[];
  countryCodes: string[];
}

/**
 * Every candidate with what its target profile (see target-profile-repository.ts) shares with the
 * incident, and the bounds on what it does not tell (see CandidateBound): one small node per actor
 * instead of every claim of the graph. The incident's own live claims are taken out of the counts
 * (each named its features once), so what is shared is what the actor's *other* incidents share.
 * A candidate shares a feature or reported victimology; an actor that reports some is listed with
 * its profile's bounds even when its incidents share nothing, as their time still counts. Actors
 * with other incidents but no profile yet (an import under way rebuilds theirs) have no bound.
 */
const attributionBounds = (
  incidentId: string,
): Statement<{
  profile: IncidentProfile;
  profiles: Omit<CandidateBound, 'reportedSectorIds' | 'reportedCountryCodes'>[];
  reported: ReportedTargets[];
  unprofiled: string[];
}> =>
  statement(
    'analysis:attributionBounds',
    fragment`${incidentFeatures(incidentId)},
     COLLECT { MATCH (x)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.status <> 'RETRACTED' RETURN DISTINCT a.id } AS xActors,
     COLLECT {
       MATCH (a:Actor) WHERE NOT EXISTS { (:TargetProfile {actorId: a.id}) }
         AND EXISTS { MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE j <> x AND r.status <> 'RETRACTED' }
       RETURN a.id ORDER BY a.id
     } AS unprofiled
CALL (xSectors, xCountries) {
  CALL (xSectors, xCountries) {
    MATCH (a:Actor)-[:TARGETS]->(t:Sector)
    WITH a, ${topLevelSector(fragment`t`)}.id AS top WHERE top IN xSectors
    RETURN a, top AS sectorId, null AS countryCode
    UNION ALL
    MATCH (a:Actor)-[:TARGETS]->(c:Country) WHERE c.iso2 IN xCountries
    RETURN a, null AS sectorId, c.iso2 AS countryCode
  }
  WITH a, collect(DISTINCT sectorId) AS sectorIds, collect(DISTINCT countryCode) AS countryCodes
  RETURN collect({actorId: a.id, sectorIds: sectorIds, countryCodes: countryCodes}) AS reported
}
CALL (x, xSectors, xCountries, xCampaigns, xTypes, xActors, reported) {
  MATCH (p:TargetProfile)
  WITH x, xSectors, xCountries, xCampaigns, xTypes, reported, p,
       CASE WHEN p.actorId IN xActors THEN 1 ELSE 0 END AS own
  WITH x, reported, p, own,
       [i IN range(0, size(p.sectorIds) - 1) WHERE p.sectorIncidents[i] > own AND p.sectorIds[i] IN xSectors] AS s,
       [i IN range(0, size(p.countryCodes) - 1) WHERE p.countryIncidents[i] > own AND p.countryCodes[i] IN xCountries] AS c,
       [i IN range(0, size(p.attackTypes) - 1) WHERE p.attackTypeIncidents[i] > own AND p.attackTypes[i] IN xTypes] AS t,
       [i IN range(0, size(p.campaignIds) - 1) WHERE p.campaignIncidents[i] > own AND p.campaignIds[i] IN xCampaigns] AS k
  WITH x, reported, p, own, s, c, t, k,
       [i IN s | p.sectorConfidence[i]] + [i IN c | p.countryConfidence[i]]
         + [i IN t | p.attackTypeConfidence[i]] + [i IN k | p.campaignConfidence[i]] AS confidences
  WHERE size(confidences) > 0 OR p.actorId IN [r IN reported | r.actorId]
  RETURN collect({
    actorId: p.actorId,
    sharedSectorIds: [i IN s | p.sectorIds[i]], sharedCountryCodes: [i IN c | p.countryCodes[i]],
    sharedAttackTypes: [i IN t | p.attackTypes[i]], sharesCampaign: size(k) > 0,
    otherIncidents: p.incidents - own,
    maxSharedConfidence: reduce(m = null, v IN confidences | CASE WHEN m IS NULL OR v > m THEN v ELSE m END),
    minIncidentDays: CASE WHEN p.incidents - own = 0 THEN null
      WHEN p.lastEnd < x.startDate THEN duration.inDays(p.lastEnd, x.startDate).days
      WHEN p.firstStart > x.endDate AND p.firstEnd >= x.startDate THEN duration.inDays(x.endDate, p.firstStart).days
      ELSE 0 END
  }) AS profiles
}
RETURN {sectorIds: xSectors, countryCodes: xCountries, attackTypes: xTypes} AS profile, profiles, reported, unprofiled`,
  );

/**
 * Everything the score weighs about these candidate actors, exactly: what their *other*
 * incidents share with the incident (claims on this incident are never evidence, and retracted
 * claims are no evidence at all) and what their reported victimology names.
 */
const attributionEvidence = (
  incidentId: string,
  actorIds: readonly string[],
): Statement<{ candidates: CandidateEvidence[] }> =>
  statement(
    'analysis:attributionEvidence',
    fragment`${incidentFeatures(incidentId)}
CALL (x, xSectors, xCountries, xCampaigns, xTypes) {
  UNWIND ${param(actorIds, 'actorIds')} AS actorId
  MATCH (a:Actor {id: actorId})
  CALL (a, x, xSectors, xCountries, xCampaigns, xTypes) {
    OPTIONAL MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE j <> x AND r.status <> 'RETRACTED'
    WITH j, max(coalesce(r.confidence, 0)) AS confidence
    ${topSectors(J)}
    CALL (j) { OPTIONAL MATCH (j)-[:AFFECTED]->(c:Country) RETURN collect(DISTINCT c.iso2) AS countries }
    CALL (j) { OPTIONAL MATCH (j)-[:PART_OF]->(k:Campaign) RETURN collect(DISTINCT k.id) AS campaigns }
    WITH j, confidence,
         [v IN sectors WHERE v IN xSectors] AS sharedS,
         [v IN countries WHERE v IN xCountries] AS sharedC,
         [v IN coalesce(j.attackTypes, []) WHERE v IN xTypes] AS sharedT,
         any(k IN campaigns WHERE k IN xCampaigns) AS sameCampaign,
         CASE WHEN j IS NULL THEN null
              WHEN j.endDate < x.startDate THEN duration.inDays(j.endDate, x.startDate).days
              WHEN j.startDate > x.endDate THEN duration.inDays(x.endDate, j.startDate).days
              ELSE 0 END AS gap
    WITH j, confidence, sharedS, sharedC, sharedT, sameCampaign, gap,
         size(sharedS) + size(sharedC) + size(sharedT) > 0 OR sameCampaign AS supports
    RETURN count(j) AS otherIncidents,
           reduce(acc = [], l IN collect(sharedS) | acc + [v IN l WHERE NOT v IN acc]) AS sharedSectorIds,
           reduce(acc = [], l IN collect(sharedC) | acc + [v IN l WHERE NOT v IN acc]) AS sharedCountryCodes,
           reduce(acc = [], l IN collect(sharedT) | acc + [v IN l WHERE NOT v IN acc]) AS sharedAttackTypes,
           min(gap) AS nearestIncidentDays,
           collect(CASE WHEN sameCampaign THEN j.id END) AS sameCampaignIncidentIds,
           count(CASE WHEN supports THEN 1 END) AS supportingIncidents,
           avg(CASE WHEN supports THEN confidence END) AS meanPriorConfidence
  }
  CALL (a, xSectors) {
    OPTIONAL MATCH (a)-[:TARGETS]->(t:Sector)
    WITH ${topLevelSector(fragment`t`)}.id AS top WHERE top IN xSectors
    RETURN collect(DISTINCT top) AS reportedSectorIds
  }
  CALL (a, xCountries) {
    OPTIONAL MATCH (a)-[:TARGETS]->(c:Country) WHERE c.iso2 IN xCountries
    RETURN collect(DISTINCT c.iso2) AS reportedCountryCodes
  }
  WITH a, x, otherIncidents, sharedSectorIds, sharedCountryCodes, sharedAttackTypes, nearestIncidentDays,
       sameCampaignIncidentIds, supportingIncidents, meanPriorConfidence, reportedSectorIds, reportedCountryCodes
  WHERE supportingIncidents > 0 OR size(reportedSectorIds) + size(reportedCountryCodes) > 0
  RETURN collect({
    actorId: a.id,
    alreadyAttributed: EXISTS { (x)-[r:ATTRIBUTED_TO]->(a) WHERE r.status <> 'RETRACTED' },
    sharedSectorIds: sharedSectorIds, sharedCountryCodes: sharedCountryCodes,
    sharedAttackTypes: sharedAttackTypes, nearestIncidentDays: nearestIncidentDays,
    sameCampaignIncidentIds: [v IN sameCampaignIncidentIds WHERE v IS NOT NULL],
    reportedSectorIds: reportedSectorIds, reportedCountryCodes: reportedCountryCodes,
    supportingIncidents: supportingIncidents, otherIncidents: otherIncidents,
    meanPriorConfidence: meanPriorConfidence
  }) AS candidates
}
RETURN candidates`,
  );

/**
 * Each candidate's bound: its profile's (if it has one) with its reported victimology; none for an
 * actor whose other incidents have no profile yet.
 */
function candidatesOf(
  profiles: Omit<CandidateBound, 'reportedSectorIds' | 'reportedCountryCodes'>[],
  reported: ReportedTargets[],
  unprofiled: string[],
): Candidates {
  const reports = new Map(reported.map((r) => [r.actorId, r]));
  const fromProfiles = profiles.map((p) => ({
    ...p,
    reportedSectorIds: reports.get(p.actorId)?.sectorIds ?? [],
    reportedCountryCodes: reports.get(p.actorId)?.countryCodes ?? [],
  }));
  const known = new Set([...profiles.map((p) => p.actorId), ...unprofiled]);
  const reportsOnly = reported
    .filter((r) => !known.has(r.actorId))
    .map((r) => ({
      actorId: r.actorId,
      sharedSectorIds: [],
      sharedCountryCodes: [],
      sharedAttackTypes: [],
      sharesCampaign: false,
      reportedSectorIds: r.sectorIds,
      reportedCountryCodes: r.countryCodes,
      otherIncidents: 0,
      maxSharedConfidence: null,
      minIncidentDays: null,
    }));
  return { bounded: [...fromProfiles, ...reportsOnly], unbounded: unprofiled };
}

export interface RankedSuggestions extends TopCandidates {
  /** How many actors could be candidates at all, before any was read exactly. */
  candidates: number;
}

/**
 * The ranked candidates for an incident, with how much of the work the bounds saved; undefined
 * when no incident has the id. Bounds and exact evidence are read in one transaction, so both see
 * the same graph.
 */
export function rankAttributionCandidates(
  executor: Executor,
  incidentId: string,
  first: number,
): Promise<RankedSuggestions | undefined> {
  return executor.readTransaction('suggestAttributions', async (tx) => {
    const bounds = attributionBounds(incidentId);
    const [row] = await tx.run(bounds.query, bounds.params);
    if (!row) return undefined;
    const candidates = candidatesOf(row.profiles, row.reported, row.unprofiled);
    const top = await rankTopCandidates(row.profile, candidates, first, async (actorIds) => {
      const evidence = attributionEvidence(incidentId, actorIds);
      const [found] = await tx.run(evidence.query, evidence.params);
      return found?.candidates ?? [];
    });
    return { ...top, candidates: candidates.bounded.length + candidates.unbounded.length };
  });
}

/** The ranked candidates for an incident; undefined when no incident has the id. */
export async function suggestAttributions(
  executor: Executor,
  incidentId: string,
  first: number,
): Promise<ScoredCandidate[] | undefined> {
  return (await rankAttributionCandidates(executor, incidentId, first))?.ranked;
}
