import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { openEmptyDatabase, testConfig } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

let database: Database;
let api: TestServer;

beforeAll(async () => {
  database = await openEmptyDatabase();
  api = await startTestServer(testConfig(), database);
});

afterAll(async () => {
  await api.stop();
  await database.close();
});

const CREATE_ACTOR = cypher<{ id: string }>(
  'test:createActor',
  'CREATE (a:Actor {id: $id, name: $name, aliases: $aliases}) RETURN a.id AS id',
);
const READ_ACTOR = cypher<{ actor: { id: string; name: string; aliases: string[] } }>(
  'test:readActor',
  'MATCH (a:Actor {id: $id}) RETURN a AS actor',
);

describe('GraphQL over HTTP against the real database', () => {
  it('answers the health query the README promises', async () => {
    const result = await api.graphql('{ health { status database } }');
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ data: { health: { status: 'ok', database: 'up' } } });
  });

  it('reads back through GraphQL what was written through the driver', async () => {
    const executor = database.executor();
    await executor.write(CREATE_ACTOR, {
      id: 'sandworm',
      name: 'Sandworm',
      aliases: ['Voodoo Bear', 'APT44'],
    });
    await executor.write(CREATE_ACTOR, { id: 'apt28', name: 'APT28', aliases: ['Fancy Bear'] });

    const [row] = await executor.read(READ_ACTOR, { id: 'sandworm' });
    expect(row?.actor).toEqual({
      id: 'sandworm',
      name: 'Sandworm',
      aliases: ['Voodoo Bear', 'APT44'],
    });

    const result = await api.graphql('{ nodeCounts { label count } }');
    expect(result.body.data?.nodeCounts).toEqual([
      { label: 'Actor', count: 2 },
      { label: 'Incident', count: 0 },
      { label: 'Sector', count: 0 },
      { label: 'Country', count: 0 },
      { label: 'Organization', count: 0 },
      { label: 'Campaign', count: 0 },
      { label: 'Source', count: 0 },
    ]);
  });

  it('enforces the uniqueness constraints of the model', async () => {
    await expect(
      database.executor().write(CREATE_ACTOR, { id: 'sandworm', name: 'Duplicate', aliases: [] }),
    ).rejects.toThrow(/already exists/);
  });

  it('tags every response and every error with the request id, and logs it', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abc-123' },
      body: JSON.stringify({ query: '{ health { nope } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      requestId: 'trace-abc-123',
    });
    expect(api.logs.some((line) => line.requestId === 'trace-abc-123')).toBe(true);
  });

  it('makes up a request id when the caller sends none or an unsafe one', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id\twith spaces' },
      body: JSON.stringify({ query: '{ health { status } }' }),
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves GET with CSRF prevention: a simple request is refused, a preflighted one answered', async () => {
    const url = `${api.url}/graphql?query=${encodeURIComponent('{ health { status } }')}`;
    expect((await fetch(url)).status).toBe(400);
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { health: { status: 'ok' } } });
  });

  it('refuses a body over the configured limit', async () => {
    const small = await startTestServer(testConfig({ HTTP_BODY_LIMIT: '1kb' }), database);
    try {
      const response = await fetch(`${small.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ health { status } } # ${'x'.repeat(2048)}` }),
      });
      expect(response.status).toBe(413);
    } finally {
      await small.stop();
    }
  });

  it('has probes: /healthz for the process, /readyz for the database', async () => {
    const health = await fetch(`${api.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', database: 'up' });
  });
});
