import { beforeAll, describe, expect, it } from 'vitest';
import { as, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { dataOf, type Data } from '../support/server.js';

/**
 * Every paginated list, given cursors a client forged from a real one: wrong types, wrong arity,
 * huge values, another list's cursor, garbage and JSON of the wrong shape. Each must be a
 * BAD_USER_INPUT naming `after`, never an internal error or an error-level log line.
 */

const seeded = useSeededApi({ AUTH_API_KEYS: roleKeysSetting });

/** pino's level number for `error`: what the server logs for a failure it did not expect. */
const ERROR_LEVEL = 50;

const PAGE = 'first: 1, after: $after) { pageInfo { endCursor } }';

/** Each list: a query taking `$after`, and the field path to its connection. */
const lists: { name: string; query: string; path: string[] }[] = [
  ['incidents by START_DATE', 'incidents(orderBy: { field: START_DATE }, '],
  ['incidents by TITLE', 'incidents(orderBy: { field: TITLE, direction: ASC }, '],
  ['actors by NAME', 'actors(orderBy: { field: NAME }, '],
  ['actors by INCIDENT_COUNT', 'actors(orderBy: { field: INCIDENT_COUNT }, '],
  ['campaigns', 'campaigns('],
  ['organizations', 'organizations('],
  ['crossBorder by INCIDENT_COUNT', 'crossBorder('],
  ['crossBorder by LAST_DATE', 'crossBorder(orderBy: { field: LAST_DATE }, '],
  ['hypotheses', 'hypotheses('],
  ['changes', 'changes(entityId: "Actor:cursor-test", '],
].map(([name, field]) => ({
  name: name ?? '',
  query: `query ($after: String) { list: ${field}${PAGE} }`,
  path: ['list'],
}));
for (const [name, parent, field] of [
  ['Actor.incidents', 'actor(id: "sandworm")', 'incidents('],
  ['Actor.sectors', 'actor(id: "sandworm")', 'sectors('],
  ['Actor.targetCountries', 'actor(id: "sandworm")', 'targetCountries('],
  ['Sector.incidents', 'sector(id: "energy")', 'incidents(orderBy: { field: TITLE }, '],
  ['Sector.actors', 'sector(id: "energy")', 'actors('],
  ['Country.incidents', 'country(code: "UA")', 'incidents('],
  ['Country.originatingActors', 'country(code: "RU")', 'originatingActors('],
  ['Country.targetingActors', 'country(code: "UA")', 'targetingActors('],
  ['Campaign.incidents', 'campaign(id: "notpetya-2017")', 'incidents('],
  ['Organization.incidents', 'organization(id: "nhs-england")', 'incidents('],
] as const) {
  lists.push({
    name,
    query: `query ($after: String) { parent: ${parent} { list: ${field}${PAGE} } }`,
    path: ['parent', 'list'],
  });
}

const endCursorOf = (data: Data, path: string[]): unknown =>
  (path.reduce<Data>((value, key) => value[key] as Data, data).pageInfo as Data).endCursor;

const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const forged = (content: unknown): string => base64url(JSON.stringify(content));
const decoded = (cursor: string): unknown[] =>
  JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];

/** Sort values of the wrong type or out of range, for the kind of sort value the list has. */
function wrongSortValues(value: unknown): [string, unknown][] {
  if (typeof value === 'number') {
    return [
      ['a count as a string', String(value)],
      ['a fractional count', value + 0.5],
      ['a negative count', -1],
      ['a count beyond 2^53', 2 ** 64],
    ];
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) {
    return [
      ['a date as a number', 20220101],
      ['a date that is no date', 'yesterday'],
      ['a date that does not exist', `2022-02-30${value.slice(10)}`],
      ['a date with Cypher after it', `${value}') RETURN 1 //`],
    ];
  }
  return [
    ['a text as a number', 12345],
    ['a text as a boolean', true],
  ];
}

/** Tampered versions of a list's own cursor, `other` being a real cursor of another list. */
function tampered(cursor: string, other: string): [string, string][] {
  const [list, value, key] = decoded(cursor);
  const json = (v: unknown) => JSON.stringify(v);
  return [
    ...wrongSortValues(value).map(([name, wrong]): [string, string] => [
      name,
      forged([list, wrong, key]),
    ]),
    ['an infinite sort value', base64url(`[${json(list)},1e400,${json(key)}]`)],
    ['a null sort value', forged([list, null, key])],
    ['a key as a number', forged([list, value, 7])],
    ['an operator object as key', forged([list, value, { $gt: '' }])],
    ['too few values', forged([list, value])],
    ['too many values', forged([list, value, key, key])],
    ['the tag only', forged([list])],
    ['no tag', forged([value, key])],
    ["another list's cursor", other],
    ['base64 of garbage', base64url('garbage, not JSON')],
    ['not base64', '!!!***'],
    ['JSON of the wrong shape: an object', forged({ list, value, key })],
    ['JSON of the wrong shape: a string', forged(String(list))],
    ['JSON of the wrong shape: null', forged(null)],
  ];
}

describe('tampered cursors', () => {
  const cursors = new Map<string, string>();

  beforeAll(async () => {
    // Lists that are empty in the seeds get a row: a hypothesis, and an actor with its audit trail.
    await dataOf(
      seeded.api,
      'mutation { createActor(input: { name: "Cursor Test", type: UNKNOWN }) { id } }',
      {},
      as('editor'),
    );
    await dataOf(
      seeded.api,
      `mutation { createHypothesis(input: { incidentId: "Incident:2017-06-notpetya-maersk",
         actorId: "apt28", rationale: "Cursor test.", confidence: 10 }) { id } }`,
      {},
      as('editor'),
    );
    for (const list of lists) {
      const data = await dataOf(seeded.api, list.query, { after: null });
      const cursor = endCursorOf(data, list.path);
      expect(cursor, list.name).toEqual(expect.any(String));
      cursors.set(list.name, String(cursor));
    }
  });

  it('a list takes back its own cursor', async () => {
    for (const list of lists) {
      await dataOf(seeded.api, list.query, { after: cursors.get(list.name) });
    }
  });

  it.each(lists)(
    '$name refuses every tampered cursor with BAD_USER_INPUT naming after',
    async (list) => {
      const own = cursors.get(list.name) ?? '';
      const tag = decoded(own)[0];
      const other = [...cursors.values()].find((c) => decoded(c)[0] !== tag) ?? '';
      const cases = tampered(own, other);
      expect(cases.length).toBeGreaterThanOrEqual(16);
      for (const [name, after] of cases) {
        const result = await seeded.api.graphql(list.query, { after });
        const label = `${list.name}, ${name}: ${JSON.stringify(result.body)}`;
        expect(result.status, label).toBe(200);
        expect(result.body.errors?.length, label).toBeGreaterThan(0);
        for (const error of result.body.errors ?? []) {
          expect(error.extensions, label).toMatchObject({
            code: 'BAD_USER_INPUT',
            argument: 'after',
          });
          expect(error.message, label).toMatch(
            /^Argument "after" is not a cursor this list gave out/,
          );
        }
        // The refused list's root field carries no data, not even a partial answer.
        expect(result.body.data?.[list.path[0] ?? ''] ?? null, label).toBeNull();
      }
    },
  );

  it('logged nothing at error level', () => {
    const unexpected = seeded.api.logs.filter((line) => Number(line.level) >= ERROR_LEVEL);
    expect(unexpected.map((line) => line.msg)).toEqual([]);
  });
});
