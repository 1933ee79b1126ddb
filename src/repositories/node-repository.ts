import { cypher, type CypherQuery, type Executor } from '../db/database.js';
import type { NodeType } from '../graphql/global-id.js';
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
const byKey = <Row>(label: string, key: string): CypherQuery<{ key: string; row: Row }> =>
  cypher(
    `find${label}s`,
    `UNWIND $keys AS key MATCH (n:${label} {${key}: key}) RETURN key, n {.*} AS row`,
  );

/** One query per type, fixed text; labels from this table only. */
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
  Incident: byKey<IncidentRow>('Incident', 'id'),
  Sector: byKey<SectorRow>('Sector', 'id'),
  Country: byKey<CountryRow>('Country', 'iso2'),
  Campaign: byKey<CampaignRow>('Campaign', 'id'),
  Organization: byKey<OrganizationRow>('Organization', 'id'),
  Source: byKey<SourceRow>('Source', 'id'),
  Dataset: byKey<DatasetRow>('Dataset', 'id'),
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
