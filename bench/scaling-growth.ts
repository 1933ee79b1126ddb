import type { Driver } from 'neo4j-driver';
import { loadTaxonomy, withSubsectors } from '../src/taxonomy/taxonomy.js';
import type { ScalingParents } from './scaling-probe.js';

/**
 * Copies every incident the graph holds `copies` times under new ids, with its properties and its
 * links, but none of its links to the probe's parents (the actor, the sector with its sub-sectors,
 * the country, the campaign): the graph grows with incidents as varied as the generated ones while
 * every parent keeps exactly the incidents it had. An auto-commit query, as CALL … IN TRANSACTIONS
 * asks, so that no transaction holds the whole growth.
 */
const GROW = `
MATCH (i:Incident)
WITH collect(i) AS originals
UNWIND range(1, $copies) AS copy
UNWIND originals AS i
CALL (i, copy) {
  CREATE (c:Incident)
  SET c = i {.*, id: 'grown-' + toString(copy) + '-' + i.id}
  WITH i, c
  CALL (i, c) {
    MATCH (i)-[t:TARGETED]->(n) WHERE NOT n.id IN $sectorIds
    CREATE (c)-[u:TARGETED]->(n) SET u = properties(t)
  }
  CALL (i, c) {
    MATCH (i)-[t:AFFECTED]->(n) WHERE n.iso2 <> $countryCode
    CREATE (c)-[u:AFFECTED]->(n) SET u = properties(t)
  }
  CALL (i, c) {
    MATCH (i)-[t:ATTRIBUTED_TO]->(n) WHERE n.id <> $actorId
    CREATE (c)-[u:ATTRIBUTED_TO]->(n) SET u = properties(t)
  }
  CALL (i, c) {
    MATCH (i)-[t:PART_OF]->(n) WHERE n.id <> $campaignId
    CREATE (c)-[u:PART_OF]->(n) SET u = properties(t)
  }
  CALL (i, c) {
    MATCH (i)-[t:HIT]->(n)
    CREATE (c)-[u:HIT]->(n) SET u = properties(t)
  }
  CALL (i, c) {
    MATCH (i)-[t:REPORTED_BY]->(n)
    CREATE (c)-[u:REPORTED_BY]->(n) SET u = properties(t)
  }
  CALL (i, c) {
    MATCH (i)-[t:FROM_DATASET]->(n)
    CREATE (c)-[u:FROM_DATASET]->(n) SET u = properties(t)
  }
} IN TRANSACTIONS OF 2000 ROWS`;

export async function growAroundParents(
  driver: Driver,
  database: string,
  parents: ScalingParents,
  copies: number,
): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run(GROW, {
      ...parents,
      sectorIds: withSubsectors([parents.sectorId], loadTaxonomy()),
      copies,
    });
  } finally {
    await session.close();
  }
}
