import net from 'node:net';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import {
  startLocalNeo4j,
  type LocalNeo4j,
  type LocalNeo4jOptions,
} from '../../src/db/local-neo4j.js';
import { openEmptyDatabase, silentLogger, testConfig } from '../support/database.js';
import { testDataDir, testNeo4jPorts } from '../support/ports.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * This file owns a Neo4j of its own (whatever NEO4J_URI says) because it stops and restarts it.
 */
const neo4jOptions: LocalNeo4jOptions = {
  port: testNeo4jPorts.outage,
  dataDir: testDataDir('outage'),
  heap: '512m',
  pageCache: '128m',
  startTimeoutMs: 900_000,
  log: silentLogger,
};

let neo4j: LocalNeo4j;
let database: Database;
let api: TestServer;

beforeAll(async () => {
  await rm(neo4jOptions.dataDir, { recursive: true, force: true });
  neo4j = await startLocalNeo4j(neo4jOptions);
  const config = testConfig({
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: '',
    NEO4J_DATABASE: 'neo4j',
  });
  database = await openEmptyDatabase(config);
  api = await startTestServer(config, database);
});

afterAll(async () => {
  await api.stop();
  await database.close();
  await neo4j.stop();
});

const CREATE_SOURCE = cypher<never>(
  'test:createSource',
  "CREATE (:Source {id: 'cert-ua-1', url: 'https://cert.gov.ua/'})",
);

async function readyStatus(): Promise<number> {
  return (await fetch(`${api.url}/readyz`)).status;
}

async function waitForReady(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await readyStatus()) !== 200) {
    if (Date.now() > deadline)
      throw new Error(`/readyz did not return to 200 within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('when Neo4j goes away and comes back', () => {
  it('refuses a second Neo4j on the same data directory, saying so', async () => {
    await expect(
      startLocalNeo4j({ ...neo4jOptions, port: testNeo4jPorts.outage + 10 }),
    ).rejects.toThrow(/data directory is in use by another Neo4j/);
  });

  it('reports 503 and DATABASE_UNAVAILABLE while down, and recovers without restarting the API', async () => {
    expect(await readyStatus()).toBe(200);
    await database.executor().write(CREATE_SOURCE);

    await neo4j.stop();
    // /readyz keeps Neo4j's last answer for a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'down' });

    const counts = await api.graphql('{ nodeCounts { label count } }');
    expect(counts.status).toBe(503);
    expect(counts.body.errors?.[0]?.extensions).toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    expect(counts.body.errors?.[0]?.message).not.toMatch(/bolt|ECONNREFUSED|127\.0\.0\.1/);

    const health = await api.graphql('{ health { status database } }');
    expect(health.status).toBe(200);
    expect(health.body.data).toEqual({ health: { status: 'ok', database: 'down' } });

    neo4j = await startLocalNeo4j(neo4jOptions);
    await waitForReady(60_000);

    const after = await api.graphql('{ nodeCounts { label count } }');
    expect(after.status).toBe(200);
    expect(after.body.data?.nodeCounts).toContainEqual({ label: 'Source', count: 1 });
  });
});

describe('the local Neo4j launcher', () => {
  it('says so when its port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) =>
      blocker.listen(testNeo4jPorts.outage + 20, '127.0.0.1', resolve),
    );
    try {
      await expect(
        startLocalNeo4j({
          ...neo4jOptions,
          port: testNeo4jPorts.outage + 20,
          dataDir: testDataDir('port-taken'),
        }),
      ).rejects.toThrow(/port is already in use[\s\S]*--port/);
    } finally {
      blocker.close();
    }
  });
});
