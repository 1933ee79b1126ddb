import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openEmptyDatabase, testConfig } from '../support/database.js';
import { errorOf, startTestServer, type TestServer } from '../support/server.js';

const VIEWER_KEY = 'viewer-key-0123456789abcdef';
const HEALTH = '{ health { status } }';

let database: Database;
const servers: TestServer[] = [];
const start = async (overrides: Record<string, string>) => {
  const server = await startTestServer(testConfig(overrides), database);
  servers.push(server);
  return server;
};
beforeAll(async () => {
  database = await openEmptyDatabase();
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await database.close();
});

describe('the HTTP guards', () => {
  it('with AUTH_READS=token, reads need a credential', async () => {
    const api = await start({ AUTH_READS: 'token', AUTH_API_KEYS: `vw:viewer:${VIEWER_KEY}` });
    const anonymous = await errorOf(api, HEALTH);
    expect(anonymous.status).toBe(401);
    expect(anonymous.error?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await errorOf(api, HEALTH, {}, { 'x-api-key': 'a-key-that-nobody-was-given' });
    expect(wrong.status).toBe(401);
    const read = await api.graphql(HEALTH, {}, { 'x-api-key': VIEWER_KEY });
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual({ health: { status: 'ok' } });
  });

  it('answers CORS preflights only for the allowed origins', async () => {
    const api = await start({ CORS_ORIGINS: 'https://analyst.example.org' });
    const preflight = (origin: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    const allowed = await preflight('https://analyst.example.org');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://analyst.example.org');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('limits requests per client per minute with 429 RATE_LIMITED, each credential its own budget', async () => {
    const api = await start({
      RATE_LIMIT_PER_MINUTE: '3',
      AUTH_API_KEYS: `vw:viewer:${VIEWER_KEY}`,
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.graphql(HEALTH)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await api.graphql(HEALTH);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.headers.get('retry-after')).not.toBeNull();
    expect((await api.graphql(HEALTH, {}, { 'x-api-key': VIEWER_KEY })).status).toBe(200);
  });
});
