import { cypher, type Executor } from '../db/database.js';
import {
  claimConditions,
  incidentMatch,
  whereClause,
  type IncidentConditions,
} from '../repositories/incident-filter.js';

export interface StatsRow {
  incidents: number;
  actors: number;
  sectors: number;
  countriesAffected: number;
  attributedIncidents: number;
  unattributedIncidents: number;
}

/** One query: the filtered incidents once, then each count over them. */
export function statsCypher(filter: IncidentConditions) {
  const { match, where, params } = incidentMatch(filter);
  const claims = claimConditions(filter, undefined, params);
  const text = `${match}
${whereClause(where)}
WITH collect(i) AS incidents
CALL (incidents) {
  UNWIND incidents AS i
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${whereClause(claims)}
  RETURN count(DISTINCT a) AS actors, count(DISTINCT i) AS attributedIncidents
}
CALL (incidents) { UNWIND incidents AS i MATCH (i)-[:TARGETED]->(s:Sector) RETURN count(DISTINCT s) AS sectors }
CALL (incidents) { UNWIND incidents AS i MATCH (i)-[:AFFECTED]->(c:Country) RETURN count(DISTINCT c) AS countriesAffected }
RETURN size(incidents) AS incidents, actors, sectors, countriesAffected, attributedIncidents,
       size(incidents) - attributedIncidents AS unattributedIncidents`;
  return { text, params };
}

export async function stats(executor: Executor, filter: IncidentConditions): Promise<StatsRow> {
  const { text, params } = statsCypher(filter);
  const [row] = await executor.read(cypher<StatsRow>('analysis:stats', text), params);
  if (!row) throw new Error('the stats query returned no row');
  return row;
}
