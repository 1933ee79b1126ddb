import { topLevel } from './cypher-fragments.js';
import type { BenchOperation, CypherRow, Digest } from './types.js';

const FIRST = 10;

const lines = (candidates: { name: string; score: number }[]): Digest =>
  candidates.map((c, i) => `${i + 1} ${c.name} ${c.score.toFixed(6)}`);

interface OursData {
  suggestAttributions: { rank: number; score: number; actor: { name: string } }[];
}

/** Union of lists without repeats: the distinct values of a column of lists. */
const distinctUnion = (lists: string) =>
  `reduce(acc = [], l IN ${lists} | acc + [v IN l WHERE NOT v IN acc])`;
/** found ÷ of, 0 when there is nothing to share. */
const share = (found: string, of: string) =>
  `CASE WHEN (${of}) = 0 THEN 0.0 ELSE toFloat(${found}) / (${of}) END`;

/**
 * Candidate actors for an incident, ranked by the documented score (README, "Attribution
 * ranking"), computed entirely in Cypher: per candidate, what its *other* incidents share with this
 * one (sectors, countries, attack types, campaign, time), discounted by how firmly they are
 * attributed, plus what its reported victimology names. Ours gathers the same evidence in one query
 * and scores it in TypeScript.
 */
export const suggestAttributions: BenchOperation = {
  name: 'suggestAttributions',
  digestOurs(data) {
    return lines(
      (data as OursData).suggestAttributions.map((c) => ({ name: c.actor.name, score: c.score })),
    );
  },
  floor: {
    cypher: `MATCH (x:Incident {id: $incident})
WITH x,
     COLLECT { MATCH (x)-[:TARGETED]->(s:Sector) RETURN DISTINCT ${topLevel('s')}.id } AS xSectors,
     COLLECT { MATCH (x)-[:AFFECTED]->(c:Country) RETURN DISTINCT c.iso2 } AS xCountries,
     COLLECT { MATCH (x)-[:PART_OF]->(k:Campaign) RETURN DISTINCT k.id } AS xCampaigns,
     coalesce(x.attackTypes, []) AS xTypes
CALL (x, xSectors, xCountries, xCampaigns, xTypes) {
  MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a:Actor)
  WHERE j <> x AND r.status <> 'RETRACTED'
  WITH a, j, max(coalesce(r.confidence, 0)) AS confidence
  WITH a, j, confidence,
       COLLECT { MATCH (j)-[:TARGETED]->(s:Sector) WITH DISTINCT ${topLevel('s')}.id AS top WHERE top IN xSectors RETURN top } AS sharedS,
       COLLECT { MATCH (j)-[:AFFECTED]->(c:Country) WHERE c.iso2 IN xCountries RETURN DISTINCT c.iso2 } AS sharedC,
       [t IN coalesce(j.attackTypes, []) WHERE t IN xTypes] AS sharedT,
       EXISTS { MATCH (j)-[:PART_OF]->(k:Campaign) WHERE k.id IN xCampaigns } AS sameCampaign,
       CASE WHEN j.endDate < x.startDate THEN duration.inDays(j.endDate, x.startDate).days
            WHEN j.startDate > x.endDate THEN duration.inDays(x.endDate, j.startDate).days
            ELSE 0 END AS gap
  WITH a, confidence, sharedS, sharedC, sharedT, sameCampaign, gap,
       size(sharedS) + size(sharedC) + size(sharedT) > 0 OR sameCampaign AS supports
  RETURN a,
         size(${distinctUnion('collect(sharedS)')}) AS sectors,
         size(${distinctUnion('collect(sharedC)')}) AS countries,
         size(${distinctUnion('collect(sharedT)')}) AS types,
         count(CASE WHEN sameCampaign THEN 1 END) > 0 AS campaign,
         min(gap) AS nearest,
         count(CASE WHEN supports THEN 1 END) AS supporting,
         avg(CASE WHEN supports THEN confidence END) AS meanConfidence
  UNION ALL
  MATCH (a:Actor)
  WHERE NOT EXISTS { MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE j <> x AND r.status <> 'RETRACTED' }
  RETURN a, 0 AS sectors, 0 AS countries, 0 AS types, false AS campaign, null AS nearest,
         0 AS supporting, null AS meanConfidence
}
WITH x, xSectors, xCountries, xTypes, a, sectors, countries, types, campaign, nearest, supporting, meanConfidence,
     size(COLLECT { MATCH (a)-[:TARGETS]->(t:Sector) WITH DISTINCT ${topLevel('t')}.id AS top WHERE top IN xSectors RETURN top })
       + size(COLLECT { MATCH (a)-[:TARGETS]->(c:Country) WHERE c.iso2 IN xCountries RETURN DISTINCT c.iso2 }) AS reported
WHERE supporting > 0 OR reported > 0
WITH a, supporting,
     0.5 + 0.5 * (coalesce(meanConfidence, 0) / 100.0) AS trust,
     ${share('sectors', 'size(xSectors)')} AS sectorShare,
     ${share('countries', 'size(xCountries)')} AS countryShare,
     ${share('types', 'size(xTypes)')} AS typeShare,
     CASE WHEN campaign THEN 1.0 ELSE 0.0 END AS campaignValue,
     CASE WHEN nearest IS NULL THEN 0.0 ELSE 0.5 ^ (nearest / 365.0) END AS timeValue,
     ${share('reported', 'size(xSectors) + size(xCountries)')} AS reportedShare
WITH a, supporting,
     0.0 + sectorShare * 0.2 * trust + countryShare * 0.2 * trust + typeShare * 0.2 * trust
         + campaignValue * 0.2 * trust + timeValue * 0.1 * trust + reportedShare * 0.1 AS score
ORDER BY score DESC, supporting DESC, a.id
LIMIT toInteger($first)
RETURN a.name AS name, score`,
    params: (s) => ({ incident: s.incidentId, first: FIRST }),
    digest: (rows: CypherRow[]) => lines(rows as unknown as { name: string; score: number }[]),
  },
  peer: {
    gap:
      "a score per candidate actor computed over the actor's other incidents (shared sectors, " +
      'countries, attack types and campaign, the time gap, the confidence of their claims) and its ' +
      'reported victimology, then ranked: no generated query computes it; a client would fetch ' +
      'every candidate’s full incident history and score it itself, or use @cypher',
  },
};
