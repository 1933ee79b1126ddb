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

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Row states the shape the caller's table promises; nothing in the text can.
const byKey = <Row>(type: NodeType): CypherQuery<{ key: string; row: Row }> =>
  cypher(
    `find${type}s`,
    `UNWIND $keys AS key MATCH (n:${type} {${keyOf(type)}: key}) RETURN key, n {.*} AS row`,
  );

/** One query per type of the graph model, fixed text. */
const FIND: { [T in NodeType]: CypherQuery<{ key: string; row: NodeRows[T] }> } = {
  // A merged actor's id resolves to the actor it was merged into (see merge-repository.ts).
  Actor: cypher(
    'findActors',
    `UNWIND $keys AS key
     OPTIONAL MATCH (a:Actor {id: key})
     OPTIONAL MATCH (:MergedActor {id: key})-[:MERGED_INTO]->(m:Actor)
     WITH key, coalesce(a, m) AS n WHERE n IS NOT NULL
     RETURN key, n {.*} AS row`,
  ),
  Incident: byKey<IncidentRow>('Incident'),
  Sector: byKey<SectorRow>('Sector'),
  Country: byKey<CountryRow>('Country'),
  Campaign: byKey<CampaignRow>('Campaign'),
  Organization: byKey<OrganizationRow>('Organization'),
  Source: byKey<SourceRow>('Source'),
  Dataset: byKey<DatasetRow>('Dataset'),
};

/** Nodes of one type by key, in one round trip; missing keys are absent from the map. */
export async function findNodes<T extends NodeType>(
  executor: Executor,
  type: T,
  keys: readonly string[],
): Promise<Map<string, NodeRows[T]>> {
  const rows = await executor.read(FIND[type], { keys });
  return new Map(rows.map((r) => [r.key, r.row]));
}
