import {
  claimConditions,
  incidentMatch,
  whereClause,
  type IncidentConditions,
} from '../repositories/incident-filter.js';
import { topLevelSector } from '../repositories/sector-rollup.js';

/**
 * Cypher binding every (incident `i`, actor `a`) pair where the incident passes the filter and a
 * qualifying claim names the actor, with the incident's top-level `sectors` and its `countries`
 * (nodes): what the actor-centred analyses aggregate.
 */
export function attributedIncidentTargets(filter: IncidentConditions): {
  text: string;
  params: Record<string, unknown>;
} {
  const { match, where, params } = incidentMatch(filter);
  const claims = claimConditions(filter, undefined, params);
  const text = `${match}
  ${whereClause(where)}
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${whereClause(claims)}
  WITH DISTINCT i, a
  CALL (i) { MATCH (i)-[:TARGETED]->(s:Sector) RETURN collect(DISTINCT ${topLevelSector('s')}) AS sectors }
  CALL (i) { MATCH (i)-[:AFFECTED]->(c:Country) RETURN collect(DISTINCT c) AS countries }`;
  return { text, params };
}
