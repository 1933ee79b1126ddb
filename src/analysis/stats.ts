import { fragment, statement, where, type Fragment, type Statement } from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import {
  claimConditionsOf,
  incidentsMatching,
  type IncidentConditions,
} from '../repositories/incident-filter.js';
import {
  unionOfBasis,
  victimologyConditionsOf,
  type AnalysisBasis,
} from '../repositories/victimology-filter.js';
import { reportedCountryLinks, reportedSectorLinks } from './reported-links.js';

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
function statsStatement(filter: IncidentConditions, basis: AnalysisBasis): Statement<StatsRow> {
  const { match, conditions } = incidentsMatching(filter);
  const claims = where(claimConditionsOf(filter));
  const reported = victimologyConditionsOf(filter);
  /** Distinct values of `key` over the branches the basis asks for, as `alias`. */
  const distinct = (
    key: Fragment,
    alias: Fragment,
    fromIncidents: Fragment,
    fromVictimology: Fragment,
  ) => {
    const branches = unionOfBasis(
      basis,
      fragment`${fromIncidents} RETURN ${key} AS key`,
      fragment`${fromVictimology} RETURN ${key} AS key`,
    );
    return fragment`CALL (incidents) {
  CALL (incidents) { ${branches} }
  RETURN count(DISTINCT key) AS ${alias}
}`;
  };
  return statement(
    'analysis:stats',
    fragment`${match}
${where(conditions)}
WITH collect(i) AS incidents
CALL (incidents) {
  UNWIND incidents AS i
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${claims}
  RETURN count(DISTINCT i) AS attributedIncidents
}
${distinct(
  fragment`a.id`,
  fragment`actors`,
  fragment`UNWIND incidents AS i MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${claims}`,
  fragment`MATCH (a:Actor) ${where(reported.actor)}`,
)}
${distinct(
  fragment`s.id`,
  fragment`sectors`,
  fragment`UNWIND incidents AS i MATCH (i)-[:TARGETED]->(s:Sector)`,
  reportedSectorLinks(reported),
)}
${distinct(
  fragment`c.iso2`,
  fragment`countriesAffected`,
  fragment`UNWIND incidents AS i MATCH (i)-[:AFFECTED]->(c:Country)`,
  reportedCountryLinks(reported),
)}
RETURN size(incidents) AS incidents, actors, sectors, countriesAffected, attributedIncidents,
       size(incidents) - attributedIncidents AS unattributedIncidents`,
  );
}

export async function stats(
  executor: Executor,
  filter: IncidentConditions,
  basis: AnalysisBasis,
): Promise<StatsRow> {
  const built = statsStatement(filter, basis);
  const [row] = await executor.read(built.query, built.params);
  if (!row) throw new Error('the stats query returned no row');
  return row;
}
