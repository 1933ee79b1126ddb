import type { Driver } from 'neo4j-driver';
import type { Operation, Subjects } from './query-mix.js';
import type { CypherRow, FloorQuery, GraphQLRequester, PeerQuery } from './operations/types.js';
import type { Probe } from './load-harness.js';

interface GraphQLBody {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * A GraphQL client over fetch (keep-alive by default): any status but 200, and any entry in
 * `errors`, is a failed request, reported with the server's message.
 */
export function graphqlRequester(url: string): GraphQLRequester {
  return async (query, variables) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: GraphQLBody;
    try {
      body = JSON.parse(text) as GraphQLBody;
    } catch {
      throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
    }
    const [first] = body.errors ?? [];
    if (first) throw new Error(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
    if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    return body.data;
  };
}

export const oursProbe =
  (request: GraphQLRequester, operation: Operation): Probe =>
  () =>
    request(operation.query, operation.variables);

export const peerProbe =
  (request: GraphQLRequester, peer: PeerQuery, subjects: Subjects): Probe =>
  () =>
    peer.ask(request, subjects);

export interface FloorSettings {
  database: string;
  txTimeoutMs: number;
}

/** One read transaction with the floor's Cypher, the rows as plain objects. */
export async function runFloor(
  driver: Driver,
  settings: FloorSettings,
  floor: FloorQuery,
  subjects: Subjects,
): Promise<CypherRow[]> {
  const session = driver.session({ database: settings.database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(
      async (tx) => {
        const result = await tx.run(floor.cypher, floor.params(subjects));
        return result.records.map((record) => record.toObject());
      },
      { timeout: settings.txTimeoutMs, metadata: { app: 'bench-floor' } },
    );
  } finally {
    await session.close();
  }
}

export const floorProbe =
  (driver: Driver, settings: FloorSettings, floor: FloorQuery, subjects: Subjects): Probe =>
  () =>
    runFloor(driver, settings, floor, subjects);
