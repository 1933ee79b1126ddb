import { Writable } from 'node:stream';
import type { Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type CigServer } from '../../src/server.js';

export interface TestServer {
  readonly url: string;
  readonly server: CigServer;
  /** Every JSON log line the server wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** POSTs a GraphQL operation and returns the HTTP status, headers and parsed body. */
  graphql(query: string, variables?: Record<string, unknown>): Promise<GraphQLHttpResult>;
  stop(): Promise<void>;
}

export interface GraphQLHttpResult {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/** The real server (Express, Apollo, plugins) on an ephemeral loopback port, logs captured. */
export async function startTestServer(config: Config, database: Database): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const logger = createLogger('debug', sink);
  const server = createServer({ config, database, logger });
  const address = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    server,
    logs,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphQLHttpResult['body'],
      };
    },
    stop: () => server.stop(),
  };
}
