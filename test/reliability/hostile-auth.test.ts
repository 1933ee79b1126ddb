import { randomBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openEmptyDatabase, testConfig } from '../support/database.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { json, type HostileCase, type HostileRequest } from '../support/hostile-case.js';
import { roleKeys, roleKeysSetting } from '../support/seeded.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Hostile credentials against a server that accepts JWTs and API keys: tokens that never expire
 * or live too long, forged and malformed credentials, and a flood of guesses spelled every way a
 * header allows. Each must be refused without writing anything; guessing must run into the
 * failed-authentication limit whatever the spelling, and a right guess must then look like a
 * wrong one.
 */

const SECRET = 'a-hostile-test-secret-long-enough-for-hs256';
const ISSUER = 'https://idp.example.org';
const AUDIENCE = 'cig';
const DAY_S = 86_400;
const nowS = () => Math.floor(Date.now() / 1000);

/** A write an editor may make: were a credential wrongly accepted, the graph would change. */
const WRITE = `mutation { createSource(input: { url: "https://hostile.example.org/${Date.now()}", title: "x", publisher: "x" }) { id } }`;

/** An HS256 token with our secret, issuer and audience; exp and iat only when given. */
const signed = (claims: Record<string, unknown>, secret = SECRET) =>
  new SignJWT({ roles: ['admin'], sub: 'mallory', iss: ISSUER, aud: AUDIENCE, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));

const bearer = (token: string): HostileRequest =>
  json({ query: WRITE }, { authorization: `Bearer ${token}` });

/** Every case here is refused the same way. */
const unauthenticated = (name: string, request: () => HostileRequest): HostileCase => ({
  name,
  request,
  refusal: { status: 401, code: 'UNAUTHENTICATED' },
});

/** Tokens are signed before the cases are built, so each case's request stays a plain value. */
async function tokenCases(): Promise<HostileCase[]> {
  const now = nowS();
  const tokens: [string, string][] = [
    ['a token without exp', await signed({ iat: now })],
    ['a token without exp or iat', await signed({})],
    ['a token valid for ten years', await signed({ iat: now, exp: now + 3650 * DAY_S })],
    ['a token valid for a day and a second', await signed({ iat: now, exp: now + DAY_S + 1 })],
    ['a token without iat, expiring in 30 days', await signed({ exp: now + 30 * DAY_S })],
    [
      'a token issued a year ahead, valid for an hour from then',
      await signed({ iat: now + 365 * DAY_S, exp: now + 365 * DAY_S + 3600 }),
    ],
    ['a token whose exp is 1e300', await signed({ iat: now, exp: 1e300 })],
    ['a token whose exp is a string', await signed({ iat: now, exp: String(now + 60) })],
    ['an expired token', await signed({ iat: now - 7200, exp: now - 3600 })],
    [
      'a short-lived token signed with another secret',
      await signed({ iat: now, exp: now + 60 }, 'another-secret-that-is-also-long-enough'),
    ],
    [
      'an unsigned token (alg none) claiming admin',
      new UnsecuredJWT({ roles: ['admin'] })
        .setSubject('mallory')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('5m')
        .encode(),
    ],
  ];
  return tokens.map(([name, token]) => unauthenticated(name, () => bearer(token)));
}

const headers: [string, Record<string, string>][] = [
  [
    'Authorization with two values',
    { authorization: `Bearer ${roleKeys.editor} ${roleKeys.editor}` },
  ],
  ['Authorization: Bearer and nothing', { authorization: 'Bearer' }],
  [
    'Authorization with another scheme and a valid key',
    { authorization: `Token ${roleKeys.editor}` },
  ],
  ['Authorization: Basic', { authorization: 'Basic bWFsbG9yeTpzZWNyZXQ=' }],
  ['Authorization: Bearer and 8 KB of noise', { authorization: `Bearer ${'A'.repeat(8192)}` }],
  ['an empty X-API-Key', { 'x-api-key': '' }],
  ['a valid key with a suffix', { 'x-api-key': `${roleKeys.editor}x` }],
  ['a valid key cut short', { 'x-api-key': roleKeys.editor.slice(0, -1) }],
  ['a valid key in another case', { 'x-api-key': roleKeys.editor.toUpperCase() }],
  [
    'a valid Bearer key beside an unknown X-API-Key (X-API-Key wins)',
    { authorization: `Bearer ${roleKeys.editor}`, 'x-api-key': 'not-a-key-0123456789abcdef' },
  ],
];
const headerCases = headers.map(([name, sent]) =>
  unauthenticated(name, () => json({ query: WRITE }, sent)),
);

interface Answer {
  status: number;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  text: string;
}

async function send(api: TestServer, request: HostileRequest): Promise<Answer> {
  const init: RequestInit = { method: request.method ?? 'POST', headers: request.headers ?? {} };
  if (request.body !== undefined) init.body = request.body;
  const response = await fetch(`${api.url}${request.path ?? '/graphql'}`, init);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Answer['body'], text };
}

let database: Database;
let before: string[];
const servers: TestServer[] = [];
const start = async (overrides: Record<string, string>) => {
  const server = await startTestServer(
    testConfig({
      AUTH_JWT_SECRET: SECRET,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_JWT_AUDIENCE: AUDIENCE,
      AUTH_API_KEYS: roleKeysSetting,
      ...overrides,
    }),
    database,
  );
  servers.push(server);
  return server;
};
beforeAll(async () => {
  database = await openEmptyDatabase();
  before = await graphSnapshot(database);
});
afterAll(async () => {
  for (const server of servers) await server.stop();
  await database.close();
});

describe('hostile credentials', () => {
  it('refuses each with 401 UNAUTHENTICATED, saying why, writing nothing', async () => {
    // The limits off, so that each case gets its own answer rather than a 429.
    const api = await start({ RATE_LIMIT_PER_MINUTE: '0', AUTH_FAILURES_PER_MINUTE: '0' });
    const cases = [...(await tokenCases()), ...headerCases];
    const failures: string[] = [];
    for (const { name, request } of cases) {
      const answer = await send(api, request());
      if (
        answer.status !== 401 ||
        answer.body.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED' ||
        answer.body.data != null ||
        /node_modules|\bat [^\s]+ \(/.test(answer.text)
      )
        failures.push(`${name}: ${answer.status} ${answer.text.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(20);
    // The two cases this server exists for say what is wrong with the token.
    const noExp = await send(api, bearer(await signed({ iat: nowS() })));
    expect(noExp.body.errors?.[0]?.message).toMatch(/no expiry \(exp claim\)/);
    const long = await send(api, bearer(await signed({ iat: nowS(), exp: nowS() + 7 * DAY_S })));
    expect(long.body.errors?.[0]?.message).toMatch(/valid for 604800 s .*at most 86400 s/);
    expect(api.logs.filter((line) => Number(line.level) >= 50)).toEqual([]);
    expect(await graphSnapshot(database)).toEqual(before);
  });

  it('limits a flood of guesses, however they are spelled, and then hides a right one', async () => {
    const api = await start({}); // the defaults: 600 requests and 10 failed authentications a minute
    const spellings = [
      (credential: string) => ({ authorization: `Bearer ${credential}` }),
      (credential: string) => ({ authorization: `bearer ${credential}` }),
      (credential: string) => ({ authorization: `BEARER   ${credential}` }),
      (credential: string) => ({ authorization: `Bearer\t${credential}` }),
      (credential: string) => ({ 'x-api-key': credential }),
    ];
    const guesses: Promise<string>[] = Array.from({ length: 40 }, (_, i) =>
      i % 3 === 0
        ? signed({ iat: nowS() }) // no exp
        : Promise.resolve(randomBytes(20).toString('base64url')),
    );
    const statuses: number[] = [];
    for (const [i, guess] of guesses.entries()) {
      const spell = spellings[i % spellings.length] ?? spellings[0];
      if (!spell) throw new Error('no spelling');
      statuses.push((await send(api, json({ query: WRITE }, spell(await guess)))).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array<number>(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array<number>(30).fill(429));

    for (const spell of spellings) {
      const right = await send(api, json({ query: WRITE }, spell(roleKeys.editor)));
      expect(right.status).toBe(429);
      expect(right.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(right.body.data).toBeUndefined();
    }
    // Reading without credentials is not the guesser's to take away.
    expect((await send(api, json({ query: '{ health { status } }' }))).status).toBe(200);
    expect(await graphSnapshot(database)).toEqual(before);
  });
});
