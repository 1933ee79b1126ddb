import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, Database } from '../../src/db/database.js';
import { databaseSettings } from '../../src/db/open-database.js';
import { openEmptyDatabase, silentLogger, testConfig } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

let database: Database;
let api: TestServer;

beforeAll(async () => {
  database = await openEmptyDatabase();
  api = await startTestServer(testConfig({ GRAPHQL_MAX_ALIASES: '10' }), database);
});
afterAll(async () => {
  await api.stop();
  await database.close();
});

const nest = (levels: number): string =>
  levels === 0
    ? 'key'
    : `incidents(first: 1) { edges { node { attributions { actor { ${nest(levels - 1)} } } } } }`;

describe('query limits, each rejecting with the limit it broke and by how much', () => {
  it('refuses a depth bomb', async () => {
    const result = await api.graphql(`{ actor(id: "x") { ${nest(4)} } }`);
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'maxDepth',
      maximum: 12,
    });
    expect(result.body.errors?.[0]?.message).toMatch(
      /^Query depth \d+ exceeds the maximum of 12 by \d+\.$/,
    );
  });

  it('refuses an alias bomb (limit configured to 10 here)', async () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `a${i}: health { status }`).join(' ');
    const result = await api.graphql(`{ ${aliases} }`);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'maxAliases',
      maximum: 10,
      actual: 11,
    });
  });

  it('refuses a query whose cost multiplies past the limit through first', async () => {
    const result = await api.graphql(
      '{ actors(first: 500) { edges { node { incidents(first: 500) { edges { node { key } } } } } } }',
    );
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'maxCost',
      maximum: 50000,
    });
    expect(result.body.errors?.[0]?.message).toMatch(/smaller first/);
  });

  it('refuses first above 500, naming the field', async () => {
    const result = await api.graphql('query($n: Int) { actors(first: $n) { totalCount } }', {
      n: 1000,
    });
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'first',
      field: 'Query.actors',
      maximum: 500,
      actual: 1000,
    });
  });

  it('refuses a document with too many tokens without parsing it all', async () => {
    const result = await api.graphql(`{ ${'health { status } '.repeat(3000)} }`);
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'maxTokens',
      maximum: 5000,
    });
  });

  it('takes its limits from the configuration', async () => {
    const strict = await startTestServer(testConfig({ GRAPHQL_MAX_DEPTH: '2' }), database);
    try {
      const result = await strict.graphql('{ actor(id: "x") { sponsors { country { code } } } }');
      expect(result.body.errors?.[0]?.extensions).toMatchObject({ limit: 'maxDepth', maximum: 2 });
      expect(Number(result.body.errors?.[0]?.extensions?.actual)).toBeGreaterThan(2);
    } finally {
      await strict.stop();
    }
  });
});

describe('the transaction timeout', () => {
  it('ends a runaway query with TIMEOUT', async () => {
    const config = testConfig({ NEO4J_TX_TIMEOUT_MS: '200' });
    const impatient = new Database(databaseSettings(config, config.NEO4J_URI ?? ''), silentLogger);
    try {
      const runaway = cypher<{ n: number }>(
        'test:runaway',
        'UNWIND range(1, 100000000) AS x WITH x WHERE x % 7 = 0 RETURN count(x) AS n',
      );
      await expect(impatient.executor().read(runaway)).rejects.toMatchObject({ code: 'TIMEOUT' });
    } finally {
      await impatient.close();
    }
  });
});
