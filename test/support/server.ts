import { Writable } from 'node:stream';
import { expect } from 'vitest';
import type { Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { createServer, type CigServer, type ServerDependencies } from '../../src/server.js';

export interface TestServer {
  readonly url: string;
  readonly server: CigServer;
  /** Every JSON log line the server wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** POSTs a GraphQL operation and returns the HTTP status, headers and parsed body. */
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLHttpResult>;
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
export async function startTestServer(
  config: Config,
  database: Database,
  { executorFor }: Pick<ServerDependencies, 'executorFor'> = {},
): Promise<TestServer> {
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
  const server = createServer({ config, database, logger, executorFor });
  const address = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    server,
    logs,
    async graphql(query, variables, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
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

/** GraphQL answers are untyped JSON in tests; every field used is checked by an assertion. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Data = Record<string, any>;

/** The data of an operation that must succeed (the errors, if any, are the failure message). */
export async function dataOf(
  api: TestServer,
  text: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<Data> {
  const result = await api.graphql(text, variables, headers);
  expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
  return result.body.data as Data;
}

/** The HTTP status and first error of an operation that must fail. */
export async function errorOf(
  api: TestServer,
  text: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  const result = await api.graphql(text, variables, headers);
  expect(result.body.errors?.length).toBeGreaterThan(0);
  return { status: result.status, error: result.body.errors?.[0] };
}

/** The offending fields a BAD_USER_INPUT names, sorted. */
export const fieldsOf = (error: { extensions?: Record<string, unknown> } | undefined): string[] =>
  ((error?.extensions?.fields ?? []) as { field: string }[]).map((f) => f.field).sort();

/** The global id of a source an incident cites, to cite it again. */
export async function aSourceOf(api: TestServer, incident: string): Promise<string> {
  const data = await dataOf(
    api,
    `{ node(id: "${incident}") { ... on Incident { sources { id } } } }`,
  );
  return (data.node as { sources: { id: string }[] }).sources[0]?.id ?? '';
}

/** The status of the server's answer to a browser opening `path` (an explorer address: 200). */
export async function pageStatus(api: TestServer, path: string): Promise<number> {
  const answer = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
  return answer.status;
}
