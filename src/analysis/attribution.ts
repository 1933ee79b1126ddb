import { fragment, param, statement, type Fragment, type Statement } from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import {
  rankCandidates,
  type CandidateEvidence,
  type IncidentProfile,
  type ScoredCandidate,
} from './attribution-score.js';
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
 * Everything `suggestAttributions` weighs, in one query: the incident's profile, then per candidate
 * actor what its *other* incidents share with it (claims on this incident are never evidence, and
 * retracted claims are no evidence at all) and what its reported victimology names. A candidate
 * shares at least a sector, country, attack type, campaign or reported target; time alone is not
 * enough to be one.
 */
const attributionEvidence = (
  incidentId: string,
): Statement<{ profile: IncidentProfile; candidates: CandidateEvidence[] }> =>
  statement(
    'analysis:attributionEvidence',
    fragment`MATCH (x:Incident {id: ${param(incidentId, 'incidentId')}})
${topSectors(X)}
CALL (x) { OPTIONAL MATCH (x)-[:AFFECTED]->(c:Country) RETURN collect(DISTINCT c.iso2) AS countries }
CALL (x) { OPTIONAL MATCH (x)-[:PART_OF]->(k:Campaign) RETURN collect(DISTINCT k.id) AS campaigns }
WITH x, sectors AS xSectors, countries AS xCountries, campaigns AS xCampaigns, coalesce(x.attackTypes, []) AS xTypes
CALL (x, xSectors, xCountries, xCampaigns, xTypes) {
  CALL (x, xSectors, xCountries) {
    MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE j <> x AND r.status <> 'RETRACTED'
    RETURN DISTINCT a
    UNION
    MATCH (a:Actor)-[:TARGETS]->(t:Sector)
    WITH a, ${topLevelSector(fragment`t`)} AS top WHERE top.id IN xSectors
    RETURN DISTINCT a
    UNION
    MATCH (a:Actor)-[:TARGETS]->(c:Country) WHERE c.iso2 IN xCountries
    RETURN DISTINCT a
  }
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
RETURN {sectorIds: xSectors, countryCodes: xCountries, attackTypes: xTypes} AS profile, candidates`,
  );

/** The ranked candidates for an incident; undefined when no incident has the id. */
export async function suggestAttributions(
  executor: Executor,
  incidentId: string,
  first: number,
): Promise<ScoredCandidate[] | undefined> {
  const built = attributionEvidence(incidentId);
  const [row] = await executor.read(built.query, built.params);
  if (!row) return undefined;
  return rankCandidates(row.profile, row.candidates).slice(0, first);
}
