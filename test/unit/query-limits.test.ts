import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import {
  buildSchema,
  getIntrospectionQuery,
  parse,
  type GraphQLError,
  type GraphQLFormattedError,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  checkOperation,
  countTokens,
  createQueryLimitsPlugin,
  defaultQueryLimits,
  measureOperation,
  queryLimitsParseOptions,
  type QueryLimits,
} from '../../src/graphql/limits/index.js';

const typeDefs = /* GraphQL */ `
  interface Node {
    id: ID!
  }
  type Query {
    node(id: ID!): Node
    nodes(ids: [ID!]!): [Node]!
    actors(first: Int = 20, after: String): ActorConnection!
    sectors: [Sector!]!
  }
  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }
  type Actor implements Node {
    id: ID!
    name: String!
    incidents(first: Int = 20): IncidentConnection!
  }
  type ActorEdge {
    cursor: String!
    node: Actor!
  }
  type ActorConnection {
    edges: [ActorEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type Incident implements Node {
    id: ID!
    actors(first: Int = 20): ActorConnection!
  }
  type IncidentEdge {
    cursor: String!
    node: Incident!
  }
  type IncidentConnection {
    edges: [IncidentEdge!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }
  type Sector implements Node {
    id: ID!
    subsectors: [Sector!]!
  }
`;

const schema = buildSchema(typeDefs);
const limits: QueryLimits = defaultQueryLimits;

function measure(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  return measureOperation(schema, parse(query), operationName, variables, limits);
}

function check(query: string, variables: Record<string, unknown> = {}): GraphQLError | undefined {
  return checkOperation(schema, parse(query), undefined, variables, limits);
}

/** actors → incidents → actors … through the connections, `levels` list fields deep. */
function depthBomb(levels: number): string {
  let selection = 'id';
  for (let level = levels; level > 0; level -= 1) {
    const field = level % 2 === 1 ? 'actors' : 'incidents';
    selection = `${field}(first: 1) { edges { node { ${selection} } } }`;
  }
  return `{ ${selection} }`;
}

function aliasBomb(aliases: number): string {
  const fields = Array.from({ length: aliases }, (_, index) => `s${index}: sectors { id }`);
  return `{ ${fields.join(' ')} }`;
}

/** Each fragment spreads the one below it `timesPerLevel` times; the bottom one holds `leaf`. */
function fragmentBomb(levels: number, timesPerLevel: number, leaf: string): string {
  const fragments = [`fragment F0 on Actor { ${leaf} }`];
  for (let level = 1; level <= levels; level += 1) {
    const spreads = Array.from({ length: timesPerLevel }, () => `...F${level - 1}`).join(' ');
    fragments.push(`fragment F${level} on Actor { ${spreads} }`);
  }
  return `{ actors(first: 1) { edges { node { ...F${levels} } } } } ${fragments.join(' ')}`;
}

const circularFragments = `
  { actors { edges { node { ...A } } } }
  fragment A on Actor { incidents { edges { node { actors { edges { node { ...B } } } } } } }
  fragment B on Actor { name ...A }
`;

describe('measureOperation', () => {
  it('measures an ordinary connection query without multiplying its edges twice', () => {
    // name 1, node 1 + 1, edges 1 + 2 (sized by the connection's first), actors 1 + 20 × 3
    expect(measure('{ actors { edges { node { name } } } }')).toEqual({
      depth: 4,
      cost: 61,
      aliases: 0,
    });
  });

  it('multiplies nested lists by their first and reports the computed cost', () => {
    const query =
      '{ actors(first: 500) { edges { node { incidents(first: 500) { edges { node { id } } } } } } }';
    // incidents: 1 + 500 × 3 = 1501; actors: 1 + 500 × (1 + (1 + 1501)) = 751501
    expect(measure(query).cost).toBe(751_501);
    const error = check(query);
    expect(error?.message).toBe(
      'Query cost 751501 exceeds the maximum of 50000 by 701501; ' +
        'ask for fewer items (smaller first) or fewer nested lists.',
    );
    expect(error?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'maxCost',
      maximum: 50_000,
      actual: 751_501,
    });
  });

  it('sizes plain lists by defaultListSize and nodes(ids:) by the number of ids', () => {
    expect(measure('{ sectors { subsectors { id } } }').cost).toBe(1 + 10 * (1 + 10 * 1));
    expect(measure('{ nodes(ids: ["a", "b", "c"]) { id } }').cost).toBe(1 + 3 * 1);
    expect(measure('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: ['a'] }).cost).toBe(2);
  });

  it('counts __typename like any other field', () => {
    expect(measure('{ sectors { __typename } }')).toEqual({ depth: 2, cost: 11, aliases: 0 });
  });

  it('takes the costliest type of an interface, not the sum of its fragments', () => {
    const query = `{ node(id: "1") {
      id
      ... on Actor { incidents(first: 50) { totalCount } }
      ... on Incident { actors(first: 100) { totalCount } }
    } }`;
    // id 1 + max(Actor 1 + 50, Incident 1 + 100); node 1 + 1 × 102
    expect(measure(query).cost).toBe(103);
  });

  it('measures only the operation operationName selects', () => {
    const twoOperations = `query Cheap { sectors { id } } query Deep ${depthBomb(4)}`;
    expect(measure(twoOperations, {}, 'Cheap').depth).toBe(2);
    expect(measure(twoOperations, {}, 'Deep').depth).toBe(13);
  });

  it('resolves first from variables, their defaults, then the schema default', () => {
    const query = 'query($n: Int) { actors(first: $n) { edges { node { id } } } }';
    expect(measure(query, { n: 5 }).cost).toBe(1 + 5 * 3);
    expect(measure(query).cost).toBe(1 + 20 * 3);
    const withDefault = 'query($n: Int = 7) { actors(first: $n) { edges { node { id } } } }';
    expect(measure(withDefault).cost).toBe(1 + 7 * 3);
    expect(check(query, { n: 1000 })?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'Query.actors',
      actual: 1000,
    });
  });

  it('rejects first above maxFirst as BAD_USER_INPUT naming the field', () => {
    const error = check('{ actors(first: 1000) { totalCount } }');
    expect(error?.message).toBe('Argument "first" on field "actors" is 1000; the maximum is 500.');
    expect(error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'first',
      field: 'Query.actors',
      maximum: 500,
      actual: 1000,
    });
    const nested = check('{ actors { edges { node { incidents(first: 501) { totalCount } } } } }');
    expect(nested?.extensions).toMatchObject({ field: 'Actor.incidents', actual: 501 });
  });

  it('rejects a negative first', () => {
    const error = check('{ actors(first: -1) { totalCount } }');
    expect(error?.message).toBe('Argument "first" on field "actors" is -1; it must be 0 or more.');
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', minimum: 0, actual: -1 });
  });

  it('rejects a depth bomb with its actual depth', () => {
    const error = check(depthBomb(20));
    expect(error?.message).toBe('Query depth 61 exceeds the maximum of 12 by 49.');
    expect(error?.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'maxDepth',
      maximum: 12,
      actual: 61,
    });
  });

  it('lets the standard introspection query through every limit', () => {
    // __schema types fields args type name: the nine nested ofType levels are free
    expect(measure(getIntrospectionQuery())).toEqual({ depth: 6, cost: 0, aliases: 0 });
    const everything = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    });
    expect(check(everything)).toBeUndefined();
  });

  it('still limits the depth of introspection that recurses through types', () => {
    let selection = 'name';
    for (let level = 0; level < 6; level += 1)
      selection = `fields { type { ofType { ${selection} } } }`;
    expect(check(`{ __schema { types { ${selection} } } }`)?.extensions).toMatchObject({
      limit: 'maxDepth',
      actual: 15,
    });
  });

  it('still counts aliases inside introspection', () => {
    expect(measure('{ __schema { a: types { b: name } } }').aliases).toBe(2);
  });

  it('rejects an alias bomb', () => {
    const error = check(aliasBomb(40));
    expect(error?.message).toBe('Query uses 40 aliases; the maximum is 30.');
    expect(error?.extensions).toMatchObject({ limit: 'maxAliases', maximum: 30, actual: 40 });
  });

  it('measures fragment bombs in time linear in the document', () => {
    const started = performance.now();
    expect(measure(fragmentBomb(5, 10, 'a: name')).aliases).toBe(100_000);
    expect(check(fragmentBomb(5, 10, 'a: name'))?.extensions).toMatchObject({
      limit: 'maxAliases',
      actual: 100_000,
    });
    expect(check(fragmentBomb(5, 10, 'name'))?.extensions).toMatchObject({ limit: 'maxCost' });
    // 10^40 spreads: counted without expanding them, capped at the largest exact integer
    expect(measure(fragmentBomb(40, 10, 'a: name')).aliases).toBe(Number.MAX_SAFE_INTEGER);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stops at circular fragments instead of recursing forever', () => {
    const measured = measure(circularFragments);
    expect(measured.depth).toBe(10);
    expect(Number.isFinite(measured.cost)).toBe(true);
  });
});

describe('countTokens', () => {
  it('counts tokens and comments', () => {
    expect(countTokens('{ a b }', 100)).toBe(4);
    expect(countTokens('# why\n{ a } # trailing', 100)).toBe(5);
    expect(countTokens('', 100)).toBe(0);
  });

  it('stops at stopAfter however long the document', () => {
    const huge = `{ ${'a '.repeat(5_000_000)}}`;
    const started = performance.now();
    expect(countTokens(huge, 5_001)).toBe(5_001);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('leaves unreadable text to the parser', () => {
    expect(countTokens('{ a "unterminated', 100)).toBe(2);
  });
});

interface Outcome {
  status: number | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
}

const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };

const resolvers = {
  Query: {
    actors: () => ({ edges: [], pageInfo: { hasNextPage: false }, totalCount: 0 }),
    sectors: () => [{ id: 's1', subsectors: [] }],
  },
};

function createServer({ withParseOptions = true } = {}): ApolloServer {
  return new ApolloServer<BaseContext>({
    typeDefs,
    resolvers,
    logger: silentLogger,
    plugins: [createQueryLimitsPlugin(limits)],
    ...(withParseOptions ? { parseOptions: queryLimitsParseOptions(limits) } : {}),
  });
}

async function run(
  server: ApolloServer,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Outcome> {
  const response = await server.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, errors: response.body.singleResult.errors };
}

function expectRejected(outcome: Outcome, extensions: Record<string, unknown>): void {
  expect(outcome.status).toBe(400);
  expect(outcome.errors).toHaveLength(1);
  expect(outcome.errors?.[0]?.extensions).toMatchObject(extensions);
  expect(outcome.errors?.[0]?.extensions).not.toHaveProperty('http');
}

describe('createQueryLimitsPlugin in Apollo Server', () => {
  const server = createServer();

  it('runs ordinary queries and introspection', async () => {
    const ordinary = await run(server, '{ actors { totalCount edges { node { name } } } }');
    expect(ordinary.errors).toBeUndefined();
    expect(ordinary.status).not.toBe(400);
    const introspection = await run(server, getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
  });

  it('answers a depth bomb with 400 and the depth', async () => {
    expectRejected(await run(server, depthBomb(20)), {
      code: 'QUERY_TOO_COMPLEX',
      limit: 'maxDepth',
      maximum: 12,
      actual: 61,
    });
  });

  it('answers an alias bomb with 400', async () => {
    expectRejected(await run(server, aliasBomb(40)), {
      code: 'QUERY_TOO_COMPLEX',
      limit: 'maxAliases',
      maximum: 30,
      actual: 40,
    });
  });

  it('answers a costly query with 400 and its cost', async () => {
    const query =
      '{ actors(first: 500) { edges { node { incidents(first: 500) { edges { node { id } } } } } } }';
    expectRejected(await run(server, query), {
      code: 'QUERY_TOO_COMPLEX',
      limit: 'maxCost',
      maximum: 50_000,
      actual: 751_501,
    });
  });

  it('answers first above the cap, literal or variable, with BAD_USER_INPUT', async () => {
    expectRejected(await run(server, '{ actors(first: 1000) { totalCount } }'), {
      code: 'BAD_USER_INPUT',
      field: 'Query.actors',
      maximum: 500,
      actual: 1000,
    });
    const query = 'query($n: Int) { actors(first: $n) { totalCount } }';
    expectRejected(await run(server, query, { n: 1000 }), { code: 'BAD_USER_INPUT' });
    expect((await run(server, query, { n: 500 })).errors).toBeUndefined();
  });

  it('rejects a fragment bomb quickly', async () => {
    const started = performance.now();
    expectRejected(await run(server, fragmentBomb(5, 10, 'a: name')), {
      limit: 'maxAliases',
      actual: 100_000,
    });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('rejects circular fragments in validation', async () => {
    const outcome = await run(server, circularFragments);
    expect(outcome.status).toBe(400);
    expect(outcome.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects a 10 MB document by its tokens before parsing it', async () => {
    const huge = `{ sectors { ${'id '.repeat(3_500_000)}} }`;
    const started = performance.now();
    const outcome = await run(server, huge);
    expect(performance.now() - started).toBeLessThan(1000);
    expectRejected(outcome, {
      code: 'QUERY_TOO_COMPLEX',
      limit: 'maxTokens',
      maximum: 5000,
      actual: '>5000',
    });
    expect(outcome.errors?.[0]?.message).toBe(
      'Query has more than 5000 tokens (the limit); shorten it.',
    );
  });

  it('rejects by tokens even when the parser was not told the limit', async () => {
    const commented = `${'# padding\n'.repeat(6000)}{ sectors { id } }`;
    expectRejected(await run(createServer({ withParseOptions: false }), commented), {
      limit: 'maxTokens',
    });
  });

  it('keeps what other plugins added to the error it replaces', async () => {
    const tagged = new ApolloServer<BaseContext>({
      typeDefs,
      resolvers,
      logger: silentLogger,
      parseOptions: queryLimitsParseOptions(limits),
      plugins: [
        {
          requestDidStart: () =>
            Promise.resolve({
              willSendResponse({ response }) {
                if (response.body.kind === 'single') {
                  response.body.singleResult.errors = response.body.singleResult.errors?.map(
                    (error) => ({ ...error, extensions: { ...error.extensions, requestId: 'r1' } }),
                  );
                }
                return Promise.resolve();
              },
            }),
        },
        createQueryLimitsPlugin(limits),
      ],
    });
    const outcome = await run(tagged, `{ ${'a '.repeat(6000)}}`);
    expectRejected(outcome, { limit: 'maxTokens', requestId: 'r1' });
  });

  it('answers over HTTP with status 400', async () => {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: { query: aliasBomb(40) },
      },
      context: () => Promise.resolve({}),
    });
    expect(response.status).toBe(400);
    if (response.body.kind !== 'complete') throw new Error('expected a complete body');
    const body = JSON.parse(response.body.string) as { errors: GraphQLFormattedError[] };
    expect(body.errors[0]?.extensions).toMatchObject({ limit: 'maxAliases', actual: 40 });
  });
});
