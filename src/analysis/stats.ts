import { cypher, type Executor } from '../db/database.js';
import {
  claimConditions,
  incidentMatch,
  whereClause,
  type IncidentConditions,
} from '../repositories/incident-filter.js';
import {
  unionByBasis,
  victimologyMatch,
  type AnalysisBasis,
} from '../repositories/victimology-filter.js';

export interface StatsRow {
  incidents: number;
  actors: number;
  sectors: number;
  countriesAffected: number;
  attributedIncidents: number;
  unattributedIncidents: number;
}

/**
 * One query: the filtered incidents once, then each count over them. Actors, sectors and countries
 * come from the incidents, the reported victimology, or both (`basis`); the incident counts are
 * always incidents.
 */
export function statsCypher(filter: IncidentConditions, basis: AnalysisBasis) {
  const { match, where, params } = incidentMatch(filter);
  const claims = claimConditions(filter, undefined, params);
  const reported = victimologyMatch(filter, params);
  /** Distinct values of `key` over the branches the basis asks for. */
  const distinct = (key: string, alias: string, fromIncidents: string, fromVictimology: string) => {
    const branches = unionByBasis(
      basis,
      `${fromIncidents} RETURN ${key} AS key`,
      `${fromVictimology} RETURN ${key} AS key`,
    );
    return `CALL (incidents) {
  CALL (incidents) { ${branches} }
  RETURN count(DISTINCT key) AS ${alias}
}`;
  };
  const text = `${match}
${whereClause(where)}
WITH collect(i) AS incidents
CALL (incidents) {
  UNWIND incidents AS i
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${whereClause(claims)}
  RETURN count(DISTINCT i) AS attributedIncidents
}
${distinct(
  'a.id',
  'actors',
  `UNWIND incidents AS i MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${whereClause(claims)}`,
  `MATCH (a:Actor) ${whereClause(reported.actor)}`,
)}
${distinct(
  's.id',
  'sectors',
  'UNWIND incidents AS i MATCH (i)-[:TARGETED]->(s:Sector)',
  `MATCH (a:Actor)-[t:TARGETS]->(s:Sector) ${whereClause([...reported.actor, ...reported.sector])}`,
)}
${distinct(
  'c.iso2',
  'countriesAffected',
  'UNWIND incidents AS i MATCH (i)-[:AFFECTED]->(c:Country)',
  `MATCH (a:Actor)-[t:TARGETS]->(c:Country) ${whereClause([...reported.actor, ...reported.country])}`,
)}
RETURN size(incidents) AS incidents, actors, sectors, countriesAffected, attributedIncidents,
       size(incidents) - attributedIncidents AS unattributedIncidents`;
  return { text, params };
}

export async function stats(
  executor: Executor,
  filter: IncidentConditions,
  basis: AnalysisBasis,
): Promise<StatsRow> {
  const { text, params } = statsCypher(filter, basis);
  const [row] = await executor.read(cypher<StatsRow>('analysis:stats', text), params);
  if (!row) throw new Error('the stats query returned no row');
  return row;
}
