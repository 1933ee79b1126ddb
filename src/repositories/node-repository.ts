import { cypher, type CypherQuery, type Executor } from '../db/database.js';
import { keyOf, type NodeType } from '../db/graph-model.js';
import type {
  ActorRow,
  CampaignRow,
  CountryRow,
  DatasetRow,
  IncidentRow,
  OrganizationRow,
  SectorRow,
  SourceRow,
} from './rows.js';

export interface NodeRows {
  Actor: ActorRow;
  Incident: IncidentRow;
  Sector: SectorRow;
  Country: CountryRow;
  Campaign: CampaignRow;
  Organization: OrganizationRow;
  Source: SourceRow;
  Dataset: DatasetRow;
}

/** A merged actor's id resolves to the actor it was merged into (see merge-repository.ts). */
const FIND_ACTORS = `UNWIND $keys AS key
     OPTIONAL MATCH (a:Actor {id: key})
     OPTIONAL MATCH (:MergedActor {id: key})-[:MERGED_INTO]->(m:Actor)
     WITH key, coalesce(a, m) AS n WHERE n IS NOT NULL
     RETURN key, n {.*} AS row`;

/** The query for nodes of one type of the graph model by key: fixed text per type. */
const findQuery = <T extends NodeType>(type: T): CypherQuery<{ key: string; row: NodeRows[T] }> =>
  cypher(
    `find${type}s`,
    type === 'Actor'
      ? FIND_ACTORS
      : `UNWIND $keys AS key MATCH (n:${type} {${keyOf(type)}: key}) RETURN key, n {.*} AS row`,
  );

/** Nodes of one type by key, in one round trip; missing keys are absent from the map. */
export async function findNodes<T extends NodeType>(
  executor: Executor,
  type: T,
  keys: readonly string[],
): Promise<Map<string, NodeRows[T]>> {
  const rows = await executor.read(findQuery(type), { keys });
  return new Map(rows.map((r) => [r.key, r.row]));
}
