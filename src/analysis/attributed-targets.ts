import { fragment, where, type Fragment } from '../db/cypher.js';
import {
  claimConditionsOf,
  incidentsMatching,
  type IncidentConditions,
} from '../repositories/incident-filter.js';
import { topLevelSector } from '../repositories/sector-rollup.js';

/**
 * Cypher binding every (incident `i`, actor `a`) pair where the incident passes the filter and a
 * qualifying claim names the actor, with the incident's top-level `sectors` and its `countries`
 * (nodes): what the actor-centred analyses aggregate.
 */
export function attributedIncidentTargets(filter: IncidentConditions): Fragment {
  const { match, conditions } = incidentsMatching(filter);
  return fragment`${match}
  ${where(conditions)}
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${where(claimConditionsOf(filter))}
  WITH DISTINCT i, a
  CALL (i) { MATCH (i)-[:TARGETED]->(s:Sector) RETURN collect(DISTINCT ${topLevelSector(fragment`s`)}) AS sectors }
  CALL (i) { MATCH (i)-[:AFFECTED]->(c:Country) RETURN collect(DISTINCT c) AS countries }`;
}
