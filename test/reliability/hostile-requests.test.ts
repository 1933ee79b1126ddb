import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphSnapshot } from '../support/graph-snapshot.js';
import {
  json,
  query,
  type HostileCase,
  type HostileRequest,
  type Refusal,
} from '../support/hostile-case.js';
import { useSeededApi } from '../support/seeded.js';
import { cursorCases } from './hostile/cursor-cases.js';
import { exportCases } from './hostile/export-cases.js';

/**
 * A corpus of hostile requests sent to the real HTTP server over real sockets. Each must be
 * refused (an HTTP 4xx, or a GraphQL answer whose errors say why and which carries no data) or,
 * for injection strings, find nothing — quickly, without a 5xx; afterwards the server must still
 * be healthy and the graph exactly as the seeds left it.
 */

// The rate limits would start refusing this many requests with 429, hiding what each case gets.
const seeded = useSeededApi({ RATE_LIMIT_PER_MINUTE: '0', AUTH_FAILURES_PER_MINUTE: '0' });

/** Every case must be answered within this; a slower answer is a denial of service waiting. */
const ANSWER_WITHIN_MS = 1_000;
/** A hang fails the case at this point instead of blocking the run until the test timeout. */
const GIVE_UP_AFTER_MS = 10_000;
/** pino's level number for `error`: what the server logs for a failure it did not expect. */
const ERROR_LEVEL = 50;

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

interface Answer {
  status: number;
  text: string;
  /** The body when it is a JSON object: a GraphQL answer, or an error from the HTTP layer. */
  json: GraphQLBody | undefined;
  ms: number;
}

/** `levels` rounds of actor → incidents → attributions → actor: 5 field levels each. */
const deepSelection = (levels: number): string =>
  levels === 0
    ? 'key'
    : `incidents(first: 1) { edges { node { attributions { actor { ${deepSelection(levels - 1)} } } } } }`;

/** Fragment i spreads fragment i+1 twice: 2^levels spreads of the last one if expanded naively. */
function fragmentBomb(levels: number, leaf: string): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment F${i} on Query { ${leaf} }`
      : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `query Bomb { ...F0 } ${fragments.join(' ')}`;
}

/** Introspection nesting that reads only the schema but grows with the schema's size per level. */
const introspectionNesting = (levels: number): string =>
  levels === 0 ? 'name' : `fields { type { name ${introspectionNesting(levels - 1)} } }`;

/** Bytes that are not UTF-8: a lone continuation byte, an overlong NUL and a truncated sequence. */
const invalidUtf8 = Uint8Array.from([0x80, 0xc0, 0x80, 0xe2, 0x82, 0xff, 0xfe]);
const withBytes = (before: string, bytes: Uint8Array, after: string): Uint8Array =>
  Buffer.concat([Buffer.from(before, 'utf8'), bytes, Buffer.from(after, 'utf8')]);

/** A 100,000-element list, small enough per id to stay under the 1 MB body limit. */
const hundredThousandIds = Array.from({ length: 100_000 }, (_, i) => `a${i}`);

const limitCases: HostileCase[] = [
  {
    name: 'depth bomb: 27 levels of nested connections (limit 12)',
    request: () => query(`{ actor(id: "sandworm") { ${deepSelection(5)} } }`),
    refusal: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'depth bomb: 1,000 levels of nested fields',
    request: () =>
      query(
        `{ actor(id: "sandworm") { ${'sponsors { country { originatingActors { edges { node { '.repeat(200)}key${' } } } } }'.repeat(200)} } }`,
      ),
    refusal: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'alias bomb: 400 aliases of one field (limit 30)',
    request: () =>
      query(`{ ${Array.from({ length: 400 }, (_, i) => `a${i}: health { status }`).join(' ')} }`),
    refusal: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'alias bomb: 600 aliases of an expensive root field',
    request: () =>
      query(`{ ${Array.from({ length: 600 }, (_, i) => `s${i}: stats { incidents }`).join(' ')} }`),
    refusal: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'fragment bomb: 40 levels of fragments spreading the next twice (2^40 actors)',
    request: () => query(fragmentBomb(40, 'actor(id: "sandworm") { name }')),
    refusal: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'fragment bomb: aliased leaf spread 2^30 times',
    request: () => query(fragmentBomb(30, 'a: health { status } b: health { status }')),
    refusal: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'circular fragments: A spreads B spreads A',
    request: () =>
      query(
        'query Loop { ...A } fragment A on Query { health { status } ...B } fragment B on Query { ...A }',
      ),
    refusal: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'circular fragments: a fragment spreading itself inside a connection',
    request: () =>
      query(
        'query Self { actors { edges { node { ...Me } } } } fragment Me on Actor { name incidents { edges { node { attributions { actor { ...Me } } } } } }',
      ),
    refusal: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'huge first: actors(first: 1000000000)',
    request: () => query('{ actors(first: 1000000000) { edges { node { id } } } }'),
    refusal: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'huge first in a variable: incidents(first: $n) with n = 2147483647',
    request: () =>
      query('query($n: Int) { incidents(first: $n) { edges { node { id } } } }', {
        n: 2_147_483_647,
      }),
    refusal: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'first beyond 32-bit: search(first: 99999999999)',
    request: () => query('{ search(text: "sandworm", first: 99999999999) { score } }'),
    refusal: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'negative first: actors(first: -1)',
    request: () => query('{ actors(first: -1) { edges { node { id } } } }'),
    refusal: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'negative first in a variable: search(first: $n) with n = -1000000',
    request: () => query('query($n: Int) { search(text: "a", first: $n) { score } }', { n: -1e6 }),
    refusal: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'unbounded traversal: neighborhood(depth: 1000000, limit: 1000000)',
    request: () =>
      query(
        '{ neighborhood(ids: ["Actor:sandworm"], depth: 1000000, limit: 1000000) { nodes { id } } }',
      ),
    refusal: { status: 200, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'unbounded traversal: paths(maxHops: 1000)',
    request: () =>
      query(
        '{ paths(from: "Actor:sandworm", to: "Sector:electricity", maxHops: 1000) { paths { nodeIds } } }',
      ),
    refusal: { status: 200, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'huge list in variables: nodes(ids:) with 100,000 ids',
    request: () =>
      query('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: hundredThousandIds }),
    refusal: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'huge list in variables: incidents(filter: { actorIds }) with 100,000 ids',
    request: () =>
      query(
        'query($ids: [ID!]) { incidents(filter: { actorIds: $ids }) { totalCount edges { node { id } } } }',
        { ids: hundredThousandIds },
      ),
    refusal: { status: 200, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'huge list in variables: incidents(filter: { countryCodes }) with 100,000 codes',
    request: () =>
      query(
        'query($codes: [String!]) { incidents(filter: { countryCodes: $codes }) { totalCount } }',
        {
          codes: Array.from({ length: 100_000 }, () => 'UA'),
        },
      ),
    refusal: { status: 200, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'huge text: search with 5,000 words',
    request: () =>
      query('query($t: String!) { search(text: $t) { score } }', {
        t: Array.from({ length: 5000 }, (_, i) => `w${i}`).join(' '),
      }),
    refusal: { status: 200, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'huge text: one 500 KB word in search',
    request: () =>
      query('query($t: String!) { search(text: $t) { score } }', { t: 'x'.repeat(500_000) }),
    refusal: { status: 200, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'huge text: one 2,000-character word in incidents(filter: { search })',
    request: () =>
      query('query($t: String!) { incidents(filter: { search: $t }) { totalCount } }', {
        t: 'x'.repeat(2000),
      }),
    refusal: { status: 200, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'huge text: a 500 KB country code',
    request: () =>
      query('query($c: String!) { country(code: $c) { code } }', { c: 'U'.repeat(500_000) }),
    refusal: 'nothing found',
  },
  {
    name: 'huge cursor: actors(after:) of 500 KB',
    request: () =>
      query('query($after: String) { actors(after: $after) { edges { node { id } } } }', {
        after: Buffer.from(`[${'"x",'.repeat(120_000)}"x"]`)
          .toString('base64url')
          .slice(0, 500_000),
      }),
    refusal: { status: 200, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'introspection: __type nested 20 levels through fields { type }',
    request: () => query(`{ __type(name: "Query") { ${introspectionNesting(20)} } }`),
    refusal: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'introspection: __schema types nested 8 levels deep under every type',
    request: () => query(`{ __schema { types { ${introspectionNesting(8)} } } }`),
    refusal: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
  {
    name: 'token limit: 1 MB of tokens',
    request: () => query(`{ ${'a '.repeat(480_000)}}`),
    refusal: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'token limit: 1 MB of comments',
    // "#\n" is three bytes in JSON: just under the 1 MB body limit.
    request: () => query(`${'#\n'.repeat(340_000)}{ health { status } }`),
    refusal: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'token limit: 1 MB of whitespace and nothing else',
    request: () => query(' '.repeat(1_000_000)),
    refusal: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  },
];

const httpCases: HostileCase[] = [
  {
    name: 'body over the limit: 10 MB JSON',
    request: () => query(`{ search(text: "${'x'.repeat(10 * 1024 * 1024)}") { score } }`),
    refusal: { status: 413, code: 'BAD_REQUEST' },
  },
  {
    name: 'body over the limit once inflated: a gzip bomb of 20 MB in 20 KB',
    request: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync(
        Buffer.from(
          JSON.stringify({ query: `{ health { status } }${' '.repeat(20 * 1024 * 1024)}` }),
        ),
      ),
    }),
    refusal: { status: 413, code: 'BAD_REQUEST' },
  },
  {
    name: 'invalid UTF-8 bytes inside a GraphQL string',
    // The body parser decodes bad bytes as U+FFFD, so the id is merely one nobody has.
    request: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: withBytes('{"query":"{ actor(id: \\"sandworm', invalidUtf8, '\\") { name } }"}'),
    }),
    refusal: 'nothing found',
  },
  {
    name: 'invalid UTF-8 bytes between JSON tokens',
    request: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: withBytes('{"query":', invalidUtf8, '"{ health { status } }"}'),
    }),
    refusal: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'invalid UTF-8 bytes in the GraphQL document itself',
    request: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: withBytes('{"query":"{ health ', invalidUtf8, ' { status } }"}'),
    }),
    refusal: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  },
  {
    name: 'invalid JSON: truncated object',
    request: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ health { status } }"',
    }),
    refusal: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'invalid JSON: 100,000 nested arrays',
    request: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    }),
    refusal: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'JSON that is not an operation: a bare string',
    request: () => json('{ health { status } }'),
    refusal: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'query that is an object: {"$gt": ""}',
    request: () => json({ query: { $gt: '' } }),
    refusal: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'variable that is an operator object: actor(id: {"$gt": ""})',
    request: () => query('query($id: ID!) { actor(id: $id) { name } }', { id: { $gt: '' } }),
    refusal: { status: 400, code: 'BAD_USER_INPUT' },
  },
  {
    name: 'batched array of 100 operations',
    request: () =>
      json(Array.from({ length: 100 }, () => ({ query: '{ actors(first: 500) { totalCount } }' }))),
    refusal: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'POST with text/plain content type and no preflight header',
    request: () => ({
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ health { status } }' }),
    }),
    refusal: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'POST form-encoded (a cross-site form)',
    request: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: '{ health { status } }' }).toString(),
    }),
    refusal: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'POST with no content type',
    request: () => ({
      method: 'POST',
      body: Buffer.from(JSON.stringify({ query: '{ health { status } }' })),
    }),
    refusal: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'POST with a charset that does not match the bytes (UTF-16)',
    request: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-16' },
      body: JSON.stringify({ query: '{ health { status } }' }),
    }),
    refusal: { status: 400, code: 'BAD_REQUEST' },
  },
  {
    name: 'POST with an unknown content encoding',
    request: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'x-bomb' },
      body: JSON.stringify({ query: '{ health { status } }' }),
    }),
    refusal: { status: 415, code: 'BAD_REQUEST' },
  },
  {
    name: 'GET with application/json and a mutation in the query string',
    request: () => ({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('mutation { createActor(input: { name: "X", type: UNKNOWN }) { id } }')}`,
      headers: { 'content-type': 'application/json' },
    }),
    refusal: { status: 405, code: 'BAD_REQUEST' },
  },
  {
    name: 'GET with a 100 KB query string (over the header size)',
    // Node refuses the request line itself, before any middleware, with an empty 431.
    request: () => ({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent(`{ ${'health { status } '.repeat(5000)}}`)}`,
      headers: { 'apollo-require-preflight': 'true' },
    }),
    refusal: { status: 431 },
  },
  {
    name: 'GET with a 12 KB query string of 6,000 tokens (token limit)',
    // "+" is a space in a query string: two bytes a token keeps the line under Node's header limit.
    request: () => ({
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('{')}${'a+'.repeat(6000)}${encodeURIComponent('}')}`,
      headers: { 'apollo-require-preflight': 'true' },
    }),
    refusal: { status: 400, code: 'QUERY_TOO_COMPLEX' },
  },
  {
    name: 'PUT on /graphql',
    request: () => ({ ...query('{ health { status } }'), method: 'PUT' }),
    refusal: { status: 405, code: 'BAD_REQUEST' },
  },
  {
    name: 'anonymous mutation: createActor',
    request: () => query('mutation { createActor(input: { name: "X", type: UNKNOWN }) { id } }'),
    refusal: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'anonymous mutation with an injection payload and a forged prototype',
    request: () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Written by hand: JSON.stringify would drop the own "__proto__" key this case is about.
      body: `{"__proto__": {"role": "admin"}, "query": "mutation { deleteActor(id: \\"sandworm\\\\\\"}) DETACH DELETE n //\\", version: 0) { id } }"}`,
    }),
    refusal: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'mutation with an unknown API key',
    request: () =>
      json(
        { query: 'mutation { deleteActor(id: "sandworm", version: 0) { id } }' },
        { 'x-api-key': 'not-a-key-0123456789abcdef' },
      ),
    refusal: { status: 401, code: 'UNAUTHENTICATED' },
  },
  {
    name: 'unknown operation name',
    request: () =>
      json({
        query: 'query A { health { status } } query B { actors { totalCount } }',
        operationName: 'C',
      }),
    refusal: { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  },
  {
    name: 'several operations and no operation name',
    request: () =>
      json({
        query: 'query A { health { status } } mutation B { undoMerge(changeId: "x") { id } }',
      }),
    refusal: { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  },
  {
    name: 'subscription operation (the schema has none)',
    request: () => query('subscription { health { status } }'),
    refusal: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  },
];

/** Payloads aimed at Cypher, Lucene, NoSQL and C-string handling beneath the API. */
const injections: { name: string; text: string }[] = [
  { name: 'SQL tautology', text: "' OR 1=1 --" },
  { name: 'Cypher break-out', text: '"}) DETACH DELETE n //' },
  { name: 'Cypher UNION', text: "sandworm' }) RETURN 1 UNION MATCH (n) RETURN n //" },
  { name: 'Mongo $where', text: '$where' },
  { name: 'Mongo operator', text: '{"$gt": ""}' },
  { name: 'NUL byte', text: '\u0000' },
  // A layer that cut strings at NUL would find Sandworm here.
  { name: 'NUL-terminated id', text: 'sandworm\u0000' },
  { name: 'Lucene match-all', text: '*:*' },
];

/** Root fields, every string argument of each given the payload `s` (a GraphQL literal). */
const injectedFields: { name: string; selection: (s: string) => string }[] = [
  { name: 'actor(id)', selection: (s) => `actor(id: ${s}) { id name }` },
  { name: 'incident(id)', selection: (s) => `incident(id: ${s}) { id title }` },
  { name: 'sector(id)', selection: (s) => `sector(id: ${s}) { id }` },
  { name: 'country(code)', selection: (s) => `country(code: ${s}) { code }` },
  { name: 'node(id)', selection: (s) => `node(id: ${s}) { id }` },
  { name: 'nodes(ids)', selection: (s) => `nodes(ids: [${s}, ${s}]) { id }` },
  { name: 'search(text)', selection: (s) => `search(text: ${s}) { score }` },
  {
    name: 'incidents(filter: { search, actorIds })',
    selection: (s) =>
      `incidents(filter: { search: ${s}, actorIds: [${s}] }) { totalCount edges { node { id } } }`,
  },
  {
    name: 'actors(filter: { search })',
    selection: (s) => `actors(filter: { search: ${s} }) { totalCount edges { node { id } } }`,
  },
  {
    name: 'campaigns(search)',
    selection: (s) => `campaigns(search: ${s}) { totalCount edges { node { id } } }`,
  },
  {
    name: 'organizations(search)',
    selection: (s) => `organizations(search: ${s}) { totalCount edges { node { id } } }`,
  },
  {
    name: 'paths(from, to)',
    selection: (s) => `paths(from: ${s}, to: ${s}) { paths { nodeIds } }`,
  },
  {
    name: 'suggestAttributions(incidentId)',
    selection: (s) => `suggestAttributions(incidentId: ${s}) { rank }`,
  },
  {
    name: 'coTargeting(actorId)',
    selection: (s) => `coTargeting(actorId: ${s}) { score }`,
  },
  {
    name: 'neighborhood(ids)',
    selection: (s) => `neighborhood(ids: [${s}]) { nodes { id } }`,
  },
  {
    name: 'hypotheses(incidentId, actorId, author)',
    selection: (s) =>
      `hypotheses(incidentId: ${s}, actorId: ${s}, author: ${s}) { totalCount edges { node { id } } }`,
  },
];

const injectionCases: HostileCase[] = injections.flatMap((payload) =>
  injectedFields.map((field) => ({
    name: `injection (${payload.name}) into ${field.name}`,
    // JSON string escapes are GraphQL string escapes too, so the payload arrives byte for byte.
    request: () => query(`{ ${field.selection(JSON.stringify(payload.text))} }`),
    refusal: 'nothing found' as const,
    reachesCypher: true,
  })),
);

const corpus: HostileCase[] = [
  ...limitCases,
  ...httpCases,
  ...injectionCases,
  ...cursorCases,
  ...exportCases,
];

/** Sends one request, timing it, and gives up (failing the case) if it hangs. */
async function send(request: HostileRequest): Promise<Answer> {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, GIVE_UP_AFTER_MS);
  const started = performance.now();
  try {
    const init: RequestInit = {
      method: request.method ?? 'POST',
      headers: request.headers ?? {},
      signal: controller.signal,
    };
    if (request.body !== undefined) init.body = request.body;
    const response = await fetch(`${seeded.api.url}${request.path ?? '/graphql'}`, init);
    const text = await response.text();
    return {
      status: response.status,
      text,
      json: jsonObject(text),
      ms: performance.now() - started,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as a JSON object, if it is one; every field read from it is checked by an assertion. */
function jsonObject(text: string): GraphQLBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

/** Null, empty lists, zero counts, and lists and objects made only of those: nothing found. */
function nothingIn(value: unknown): boolean {
  if (value === null || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.every(nothingIn);
  if (typeof value === 'object') return Object.values(value).every(nothingIn);
  return false;
}

/**
 * Internals an answer must never show: stack traces and frames, install paths, driver errors.
 * (Error messages may quote the client's own input back, Cypher-looking payloads included.)
 */
const LEAK =
  /stacktrace|\bat [^\s]+ \(|node_modules|Neo4jError|Neo\.(Client|Transient|Database)Error/i;

/** The checks every answer to a hostile request must pass, bar its time. */
function expectRefused(answer: Answer, refusal: Refusal): void {
  const codes = (answer.json?.errors ?? []).map((e) => e.extensions?.code);
  expect(answer.status).toBeLessThan(500);
  expect(answer.text).not.toMatch(LEAK);
  // An error masked as internal is a bug reached by user input, however politely answered.
  expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
  // Whatever answers says why in JSON (only Node's own 431 for an oversized head is empty).
  if (answer.text !== '') expect(answer.json, answer.text.slice(0, 200)).toBeDefined();

  if (refusal === 'nothing found') {
    expect(answer.status).toBe(200);
    const fields = Object.entries(answer.json?.data ?? {});
    for (const [field, value] of fields) {
      const failed = answer.json?.errors?.some((e) => e.path?.[0] === field) ?? false;
      expect(failed || nothingIn(value), `${field}: ${JSON.stringify(value)}`).toBe(true);
    }
    if (fields.length === 0) expect(answer.json?.errors?.length).toBeGreaterThan(0);
    return;
  }
  expect(answer.status, answer.text.slice(0, 500)).toBe(refusal.status);
  // A refusal that is not an HTTP error must be a GraphQL error.
  if (refusal.status < 400) expect(codes.length).toBeGreaterThan(0);
  if (refusal.code !== undefined) expect(codes[0], answer.text.slice(0, 500)).toBe(refusal.code);
  // Whatever was refused produced no data, not even a partial answer.
  expect(answer.json?.data ?? null).toBeNull();
}

describe('hostile requests', () => {
  let before: string[];
  beforeAll(async () => {
    before = await graphSnapshot(seeded.database);
  });

  it('has a corpus of at least 30 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it.each(corpus)('refuses $name', async ({ request, refusal, reachesCypher }) => {
    if (reachesCypher) expectRefused(await send(request()), refusal);
    const answer = await send(request());
    expect(answer.ms).toBeLessThan(ANSWER_WITHIN_MS);
    expectRefused(answer, refusal);
  });

  it('leaves the server healthy and the graph unchanged', async () => {
    // Errors the server did not expect are logged at error level, whatever the client was told.
    const unexpected = seeded.api.logs.filter((line) => Number(line.level) >= ERROR_LEVEL);
    expect(unexpected.map((line) => line.msg)).toEqual([]);
    expect((await send({ method: 'GET', path: '/healthz' })).status).toBe(200);
    expect((await send({ method: 'GET', path: '/readyz' })).status).toBe(200);
    const normal = await seeded.api.graphql('{ actor(id: "sandworm") { name } }');
    expect(normal.status).toBe(200);
    expect(normal.body).toEqual({ data: { actor: { name: 'Sandworm' } } });
    expect(await graphSnapshot(seeded.database)).toEqual(before);
  });
});
