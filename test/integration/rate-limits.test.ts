import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { databaseSettings } from '../../src/db/open-database.js';
import { openEmptyDatabase, silentLogger, testConfig } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

const KEY = 'viewer-key-0123456789abcdef';
const KEYS = `vw:viewer:${KEY}`;
const HEALTH = '{ health { status } }';

/** Counts the readiness checks that reach Neo4j. */
class CountingDatabase extends Database {
  readinessChecks = 0;

  override readiness(): ReturnType<Database['readiness']> {
    this.readinessChecks += 1;
    return super.readiness();
  }
}

let database: Database;
const servers: TestServer[] = [];
const start = async (overrides: Record<string, string>, on: Database = database) => {
  const server = await startTestServer(testConfig(overrides), on);
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

interface Answer {
  status: number;
  retryAfter: string | null;
  code: unknown;
  message: unknown;
}

async function send(
  api: TestServer,
  path: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response =
    path === '/graphql'
      ? await fetch(`${api.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: HEALTH }),
        })
      : await fetch(`${api.url}${path}`, { headers });
  const text = await response.text();
  const error = response.headers.get('content-type')?.startsWith('application/json')
    ? (JSON.parse(text) as { errors?: { message: string; extensions?: { code?: unknown } }[] })
        .errors?.[0]
    : undefined;
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    code: error?.extensions?.code,
    message: error?.message,
  };
}

const statuses = async (api: TestServer, requests: [string, Record<string, string>?][]) => {
  const answers: number[] = [];
  for (const [path, headers] of requests) answers.push((await send(api, path, headers)).status);
  return answers;
};

const randomKey = () => randomBytes(18).toString('base64url');

describe('the request budget', () => {
  it('is one budget for a key however it is sent: Bearer, bearer, extra spaces, a tab, X-API-Key', async () => {
    const api = await start({ RATE_LIMIT_PER_MINUTE: '5', AUTH_API_KEYS: KEYS });
    const spellings: Record<string, string>[] = [
      { authorization: `Bearer ${KEY}` },
      { authorization: `bearer ${KEY}` },
      { authorization: `Bearer    ${KEY}` },
      { authorization: `Bearer\t${KEY}` },
      { 'x-api-key': KEY },
    ];
    expect(
      await statuses(
        api,
        spellings.map((headers) => ['/graphql', headers]),
      ),
    ).toEqual([200, 200, 200, 200, 200]);
    for (const headers of spellings) {
      const limited = await send(api, '/graphql', headers);
      expect(limited.status).toBe(429);
      expect(limited.code).toBe('RATE_LIMITED');
      expect(limited.message).toMatch(/at most 5 a minute per client/);
      expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    }
    // An anonymous client from the same address has a budget of its own.
    expect((await send(api, '/graphql')).status).toBe(200);
  });

  it('is one budget across /graphql, /export and /readyz', async () => {
    const api = await start({ RATE_LIMIT_PER_MINUTE: '4', AUTH_API_KEYS: KEYS });
    const key = { 'x-api-key': KEY };
    expect(
      await statuses(api, [
        ['/graphql', key],
        ['/export/json', key],
        ['/readyz', key],
        ['/export/json', key],
        ['/graphql', key],
        ['/export/json', key],
        ['/readyz', key],
      ]),
    ).toEqual([200, 200, 200, 200, 429, 429, 429]);
    expect((await send(api, '/healthz', key)).status).toBe(200);
  });

  it('limits /readyz like any route, with a JSON 429', async () => {
    const api = await start({ RATE_LIMIT_PER_MINUTE: '3' });
    expect(await statuses(api, [['/readyz'], ['/readyz'], ['/readyz']])).toEqual([200, 200, 200]);
    const limited = await send(api, '/readyz');
    expect(limited).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(limited.retryAfter).not.toBeNull();
  });
});

describe('failed authentications', () => {
  it('are limited per address: of 34 random keys, the 11th on is refused with 429 (default 10 a minute)', async () => {
    const api = await start({ RATE_LIMIT_PER_MINUTE: '600', AUTH_API_KEYS: KEYS });
    const answers: Answer[] = [];
    for (let i = 0; i < 34; i++) {
      const headers: Record<string, string> =
        i % 2 === 0 ? { 'x-api-key': randomKey() } : { authorization: `Bearer ${randomKey()}` };
      answers.push(await send(api, '/graphql', headers));
    }
    expect(answers.slice(0, 10).map((a) => a.status)).toEqual(Array<number>(10).fill(401));
    expect(answers.slice(10).map((a) => a.status)).toEqual(Array<number>(24).fill(429));
    expect(answers[10]?.code).toBe('RATE_LIMITED');
    expect(answers[10]?.message).toMatch(/Too many failed authentications from this address/);
    expect(Number(answers[10]?.retryAfter)).toBeGreaterThan(0);
  });

  it('lock the address out for credentials, valid ones included, while anonymous requests pass', async () => {
    const api = await start({
      RATE_LIMIT_PER_MINUTE: '600',
      AUTH_FAILURES_PER_MINUTE: '3',
      AUTH_API_KEYS: KEYS,
    });
    // A valid key before the failures is let through and does not count as one.
    expect((await send(api, '/graphql', { 'x-api-key': KEY })).status).toBe(200);
    expect(
      await statuses(api, [
        ['/graphql', { 'x-api-key': randomKey() }],
        ['/export/json', { authorization: 'Basic YWxpY2U6c2VjcmV0' }],
        // A probe needs no credential, but one it carries is checked and counted all the same.
        ['/readyz', { authorization: `Bearer ${randomKey()}` }],
      ]),
    ).toEqual([401, 401, 200]);
    expect((await send(api, '/graphql', { 'x-api-key': randomKey() })).status).toBe(429);
    // A right guess now looks like a wrong one.
    const valid = await send(api, '/graphql', { 'x-api-key': KEY });
    expect(valid).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(valid.retryAfter)).toBeGreaterThan(0);
    expect((await send(api, '/graphql')).status).toBe(200);
  });

  it('are not limited by that budget when it is 0', async () => {
    const api = await start({ AUTH_FAILURES_PER_MINUTE: '0', AUTH_API_KEYS: KEYS });
    const answers = [];
    for (let i = 0; i < 15; i++)
      answers.push((await send(api, '/graphql', { 'x-api-key': randomKey() })).status);
    expect(answers).toEqual(Array<number>(15).fill(401));
  });
});

describe('/readyz', () => {
  it('asks Neo4j at most once a second however often it is called', async () => {
    const config = testConfig({ RATE_LIMIT_PER_MINUTE: '0' });
    const counting = new CountingDatabase(
      databaseSettings(config, config.NEO4J_URI ?? ''),
      silentLogger,
    );
    try {
      const api = await start({ RATE_LIMIT_PER_MINUTE: '0' }, counting);
      const started = performance.now();
      const answers = await statuses(
        api,
        Array.from({ length: 30 }, () => ['/readyz'] as [string]),
      );
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, async () => (await send(api, '/readyz')).status),
        )),
      );
      const elapsed = performance.now() - started;
      expect(answers).toEqual(Array<number>(40).fill(200));
      // The cache keeps an answer for a second after it arrives, so over `elapsed` at most one
      // check a second, plus the first.
      expect(counting.readinessChecks).toBeGreaterThanOrEqual(1);
      expect(counting.readinessChecks).toBeLessThanOrEqual(Math.floor(elapsed / 1000) + 1);

      const before = counting.readinessChecks;
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await send(api, '/readyz')).status).toBe(200);
      expect(counting.readinessChecks).toBe(before + 1);
    } finally {
      await counting.close();
    }
  });
});
