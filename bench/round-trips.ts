import type { Logger } from 'pino';
import type { Config } from '../src/config.js';
import { Database } from '../src/db/database.js';
import { createDriver } from '../src/db/driver.js';
import { databaseSettings } from '../src/db/open-database.js';
import { createLogger } from '../src/logger.js';
import { createServer } from '../src/server.js';
import type { MeasuredOperation } from './operations/index.js';
import { isPeerGap } from './operations/types.js';
import { createPeerServer } from './peer/peer-server.js';
import { graphqlRequester } from './probes.js';
import type { Subjects } from './query-mix.js';

export interface RoundTrips {
  ours: number;
  /** Null where the peer cannot express the operation. */
  peer: number | null;
  /** One hand-written statement, by construction. */
  floor: 1;
}

/** The line our server logs per operation (queryStatsPlugin, debug level), with its round trips. */
const FINISHED = 'graphql operation finished';

/**
 * Our round trips as the server itself counts them: an in-process server, built by the same
 * factory `cig serve` uses, logging at debug level into a buffer; each operation is sent with its
 * own request id and the count read back from the line that id logged. Nothing in the server
 * changes for it.
 */
async function ourRoundTrips(
  config: Config,
  uri: string,
  operations: MeasuredOperation[],
  port: number,
): Promise<number[]> {
  const counts = new Map<string, number>();
  const logger = createLogger('debug', {
    write(line: string) {
      const entry = JSON.parse(line) as { msg?: string; requestId?: string; roundTrips?: number };
      if (entry.msg === FINISHED && entry.requestId && entry.roundTrips !== undefined)
        counts.set(entry.requestId, entry.roundTrips);
    },
  });
  const database = new Database(databaseSettings(config, uri), logger);
  const server = createServer({ config: { ...config, LOG_LEVEL: 'debug' }, database, logger });
  try {
    await server.listen(port, '127.0.0.1');
    const result: number[] = [];
    for (const [index, { ours }] of operations.entries()) {
      const requestId = `bench-round-trips-${index}`;
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({ query: ours.query, variables: ours.variables }),
      });
      const body = (await response.json()) as { errors?: { message: string }[] };
      if (body.errors?.length)
        throw new Error(
          `"${ours.name}" failed while counting round trips: ${body.errors[0]?.message ?? ''}`,
        );
      const count = counts.get(requestId);
      if (count === undefined) throw new Error(`no round-trip count logged for "${ours.name}"`);
      result.push(count);
    }
    return result;
  } finally {
    await server.stop();
    await database.close();
  }
}

/**
 * The peer's round trips: @neo4j/graphql opens one session per Cypher statement it runs, so a
 * driver whose `session` counts its calls counts them. Each operation runs once first, as the
 * library asks the server's version on its first request.
 */
async function peerRoundTrips(
  config: Config,
  uri: string,
  operations: MeasuredOperation[],
  subjects: Subjects,
  port: number,
  log: Logger,
): Promise<(number | null)[]> {
  const driver = createDriver(databaseSettings(config, uri), log);
  let sessions = 0;
  const openSession = driver.session.bind(driver);
  driver.session = (sessionConfig) => {
    sessions += 1;
    return openSession(sessionConfig);
  };
  const server = await createPeerServer({
    driver,
    database: config.NEO4J_DATABASE,
    txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS,
    bodyLimit: config.HTTP_BODY_LIMIT,
  });
  try {
    await server.listen(port, '127.0.0.1');
    const request = graphqlRequester(`http://127.0.0.1:${port}/graphql`);
    const result: (number | null)[] = [];
    for (const { bench } of operations) {
      if (isPeerGap(bench.peer)) {
        result.push(null);
        continue;
      }
      await bench.peer.ask(request, subjects);
      sessions = 0;
      await bench.peer.ask(request, subjects);
      result.push(sessions);
    }
    return result;
  } finally {
    await server.stop();
    await driver.close();
  }
}

export async function countRoundTrips(
  config: Config,
  uri: string,
  operations: MeasuredOperation[],
  subjects: Subjects,
  ports: { ours: number; peer: number },
  log: Logger,
): Promise<RoundTrips[]> {
  const ours = await ourRoundTrips(config, uri, operations, ports.ours);
  const peer = await peerRoundTrips(config, uri, operations, subjects, ports.peer, log);
  return operations.map((_, i) => ({
    ours: ours[i] ?? Number.NaN,
    peer: peer[i] ?? null,
    floor: 1,
  }));
}
