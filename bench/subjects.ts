import type { Driver } from 'neo4j-driver';
import type { Subjects } from './query-mix.js';

/**
 * What the mix asks about, chosen from the loaded data the way an analyst's screen would land on
 * it: the actor with the most incidents, the top-level sector and the country hit most often, that
 * actor's latest incident, and the first word of its name as a search text (names are how people
 * search). Busy subjects make the heavy end of each operation, not a lucky empty answer.
 */
const PICK = `
CALL () {
  MATCH (i:Incident)-[:ATTRIBUTED_TO]->(a:Actor)
  RETURN a, count(DISTINCT i) AS n ORDER BY n DESC, a.id LIMIT 1
}
CALL () {
  MATCH (i:Incident)-[:TARGETED]->(s:Sector)
  WITH DISTINCT i, coalesce([(s)-[:SUBSECTOR_OF]->(p:Sector) | p][0], s) AS top
  RETURN top.id AS sectorId, count(*) AS hits ORDER BY hits DESC, sectorId LIMIT 1
}
CALL () {
  MATCH (:Incident)-[:AFFECTED]->(c:Country)
  RETURN c.iso2 AS countryCode, count(*) AS affected ORDER BY affected DESC, countryCode LIMIT 1
}
CALL (a) {
  MATCH (i:Incident)-[:ATTRIBUTED_TO]->(a)
  RETURN i.id AS incidentId ORDER BY i.startDate DESC, i.id DESC LIMIT 1
}
RETURN a.id AS actorId, a.name AS actorName, sectorId, countryCode, incidentId`;

export async function pickSubjects(driver: Driver, database: string): Promise<Subjects> {
  const { records } = await driver.executeQuery(PICK, {}, { database, routing: 'READ' });
  const row = records[0]?.toObject() as
    | {
        actorId: string;
        actorName: string;
        sectorId: string;
        countryCode: string;
        incidentId: string;
      }
    | undefined;
  if (!row) throw new Error('the benchmark database has no attributed incidents to ask about');
  const searchText = row.actorName.split(/\s+/)[0]?.toLowerCase() ?? row.actorName;
  return {
    actorId: row.actorId,
    incidentId: row.incidentId,
    sectorId: row.sectorId,
    countryCode: row.countryCode,
    searchText,
  };
}
