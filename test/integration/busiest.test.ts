/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { openEmptyDatabase, testConfig } from '../support/database.js';
import { importFile, tempFile } from '../support/import.js';
import { dataOf, errorOf, startTestServer, type TestServer } from '../support/server.js';

const SOURCE = 'https://example.org/busiest';
const claim = (actor: string, confidence: number, status = 'ATTRIBUTED') => ({
  actor,
  confidence,
  basis: 'SECURITY_INDUSTRY',
  status,
  sources: [SOURCE],
});
const incident = (
  id: string,
  startDate: string,
  sectors: string[],
  countries: string[],
  attributions: ReturnType<typeof claim>[],
) => ({
  id,
  title: id,
  startDate,
  attackTypes: ['WIPER'],
  sectors,
  countries: countries.map((country, i) => ({ country, primary: i === 0 })),
  sources: [SOURCE],
  attributions,
});

/**
 * Six incidents, small enough that every expected figure below is worked out by hand. Sub-sectors
 * roll up: top-1 hits two energy sub-sectors and counts once for energy; top-5 hits health and
 * finance and counts for both.
 */
const DATASET = {
  format: 'cig-dataset/1',
  sources: [{ url: SOURCE, title: 'Busiest', publisher: 'Example' }],
  actors: [
    {
      id: 'top-bear',
      name: 'Top Bear',
      type: 'STATE_SPONSORED',
      origin: { country: 'RU', confidence: 80, sources: [SOURCE] },
    },
    {
      id: 'top-panda',
      name: 'Top Panda',
      type: 'STATE_SPONSORED',
      origin: { country: 'CN', confidence: 80, sources: [SOURCE] },
    },
    { id: 'top-crew', name: 'Top Crew', type: 'CRIMINAL' },
  ],
  incidents: [
    incident('top-1', '2021-03-01', ['electricity', 'gas'], ['UA', 'PL'], [claim('top-bear', 90)]),
    incident(
      'top-2',
      '2022-01-10',
      ['electricity'],
      ['UA'],
      [claim('top-bear', 60, 'SUSPECTED'), claim('top-panda', 30, 'SUSPECTED')],
    ),
    incident('top-3', '2022-05-05', ['hospitals'], ['DE'], [claim('top-panda', 80)]),
    incident('top-4', '2022-08-01', ['banking'], ['US'], [claim('top-crew', 50)]),
    incident('top-5', '2023-02-02', ['hospitals', 'banking'], ['US', 'DE'], []),
    incident('top-6', '2023-06-06', ['energy'], ['UA', 'PL'], [claim('top-bear', 85)]),
  ],
};

let database: Database;
let api: TestServer;
beforeAll(async () => {
  database = await openEmptyDatabase();
  const report = await importFile(
    database,
    await tempFile('busiest.json', JSON.stringify(DATASET)),
  );
  expect(report.issues).toEqual([]);
  api = await startTestServer(testConfig(), database);
});
afterAll(async () => {
  await api.stop();
  await database.close();
});

const EDGES = 'totalCount edges { cursor incidentCount firstDate lastDate node { key } }';
const COUNTRY_EDGES = 'totalCount edges { cursor incidentCount node { code } }';

/** (key, incident count) per edge, in the answer's order. */
const counted = (connection: any, key = 'key'): [string, number][] =>
  connection.edges.map((e: any) => [e.node[key], e.incidentCount]);

describe('topActors, topSectors, topCountries, topOrigins', () => {
  it('rank everything, most incidents first, ties by key, sub-sectors rolled up', async () => {
    const data = await dataOf(
      api,
      `{ topActors { ${EDGES} } topSectors { ${EDGES} } topCountries { ${COUNTRY_EDGES} } }`,
    );
    expect(counted(data.topActors)).toEqual([
      ['top-bear', 3],
      ['top-panda', 2],
      ['top-crew', 1],
    ]);
    expect(data.topActors.edges[0]).toMatchObject({
      firstDate: '2021-03-01',
      lastDate: '2023-06-06',
    });
    expect(counted(data.topSectors)).toEqual([
      ['energy', 3],
      ['finance', 2],
      ['health', 2],
    ]);
    expect(counted(data.topCountries, 'code')).toEqual([
      ['UA', 3],
      ['DE', 2],
      ['PL', 2],
      ['US', 2],
    ]);
    expect([
      data.topActors.totalCount,
      data.topSectors.totalCount,
      data.topCountries.totalCount,
    ]).toEqual([3, 3, 4]);
  });

  it('take the filter: dates, sectors with their sub-sectors, countries, claim conditions', async () => {
    const data = await dataOf(
      api,
      `{
        since2022: topActors(filter: { from: "2022-01-01" }) { ${EDGES} }
        energyCountries: topCountries(filter: { sectorIds: ["energy"] }) { ${COUNTRY_EDGES} }
        energySectors: topSectors(filter: { sectorIds: ["energy"] }) { ${EDGES} }
        germanSectors: topSectors(filter: { countryCodes: ["DE"] }) { ${EDGES} }
        germanActors: topActors(filter: { countryCodes: ["DE"] }) { ${EDGES} }
        confident: topActors(filter: { minConfidence: 80 }) { ${EDGES} }
      }`,
    );
    expect(counted(data.since2022)).toEqual([
      ['top-bear', 2],
      ['top-panda', 2],
      ['top-crew', 1],
    ]);
    expect(data.since2022.edges[0].firstDate).toBe('2022-01-10');
    expect(counted(data.energyCountries, 'code')).toEqual([
      ['UA', 3],
      ['PL', 2],
    ]);
    expect(counted(data.energySectors)).toEqual([['energy', 3]]);
    expect(counted(data.germanSectors)).toEqual([
      ['health', 2],
      ['finance', 1],
    ]);
    expect(counted(data.germanActors)).toEqual([['top-panda', 1]]);
    // Only the claims of at least 80 count: top-2's claims (60, 30) name nobody here.
    expect(counted(data.confident)).toEqual([
      ['top-bear', 2],
      ['top-panda', 1],
    ]);
  });

  it('agree with stats and with each actor’s own incident count under the filter', async () => {
    for (const filter of ['{}', '{ from: "2022-01-01" }', '{ minConfidence: 80 }']) {
      const data = await dataOf(
        api,
        `{
          stats(filter: ${filter}) { incidents actors countriesAffected attributedIncidents }
          topActors(filter: ${filter}, first: 100) { ${EDGES} }
          topCountries(filter: ${filter}, first: 100) { ${COUNTRY_EDGES} }
        }`,
      );
      const sum = (connection: any): number =>
        counted(connection).reduce((total, [, count]) => total + count, 0);
      expect(data.topActors.totalCount).toBe(data.stats.actors);
      expect(data.topCountries.totalCount).toBe(data.stats.countriesAffected);
      // Every incident here names a country, some several.
      expect(sum(data.topCountries)).toBeGreaterThanOrEqual(data.stats.incidents);
      expect(sum(data.topActors)).toBeGreaterThanOrEqual(data.stats.attributedIncidents);
      for (const edge of data.topActors.edges) {
        const own = await dataOf(
          api,
          `{ actor(id: "${edge.node.key}") { incidents(filter: ${filter}) { totalCount } } }`,
        );
        expect(own.actor.incidents.totalCount, `${edge.node.key} under ${filter}`).toBe(
          edge.incidentCount,
        );
      }
    }
  });

  it('rank origins: the claimed origins of the actors behind the incidents, under the filter', async () => {
    const data = await dataOf(
      api,
      `{
        all: topOrigins { ${EDGES.replace('node { key }', 'node { code }')} }
        confident: topOrigins(filter: { minConfidence: 80 }) { ${COUNTRY_EDGES} }
        german: topOrigins(filter: { countryCodes: ["DE"] }) { ${COUNTRY_EDGES} }
        suspected: topOrigins(filter: { attributionStatuses: [SUSPECTED] }) { ${COUNTRY_EDGES} }
      }`,
    );
    // top-2 has claims on a Russian and a Chinese actor: it counts once for each country. top-4's
    // actor has no claimed origin, top-5 no claim: neither counts anywhere.
    expect(counted(data.all, 'code')).toEqual([
      ['RU', 3],
      ['CN', 2],
    ]);
    expect(data.all.totalCount).toBe(2);
    expect(data.all.edges[0]).toMatchObject({ firstDate: '2021-03-01', lastDate: '2023-06-06' });
    expect(counted(data.confident, 'code')).toEqual([
      ['RU', 2],
      ['CN', 1],
    ]);
    expect(counted(data.german, 'code')).toEqual([['CN', 1]]);
    expect(counted(data.suspected, 'code')).toEqual([
      ['CN', 1],
      ['RU', 1],
    ]);
  });

  it('page with keyset cursors, the count the same on every page', async () => {
    const page = (after: string | null) =>
      dataOf(
        api,
        `query($after: String) { topCountries(first: 2, after: $after) { ${COUNTRY_EDGES} pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
    const first = (await page(null)).topCountries;
    expect(counted(first, 'code')).toEqual([
      ['UA', 3],
      ['DE', 2],
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await page(first.pageInfo.endCursor)).topCountries;
    expect(counted(second, 'code')).toEqual([
      ['PL', 2],
      ['US', 2],
    ]);
    expect(second.pageInfo).toEqual({
      hasNextPage: false,
      endCursor: second.edges[1].cursor,
    });
    expect([first.totalCount, second.totalCount]).toEqual([4, 4]);
  });

  it("refuse another list's cursor, naming after", async () => {
    const { topSectors } = await dataOf(api, '{ topSectors(first: 1) { edges { cursor } } }');
    const cursor = topSectors.edges[0].cursor;
    const { error } = await errorOf(
      api,
      'query($after: String) { topCountries(after: $after) { totalCount } }',
      { after: cursor },
    );
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    // A rolled-up sector's cursor is not a cursor of an actor's sectors as recorded.
    const nested = await errorOf(
      api,
      'query($after: String) { actor(id: "top-bear") { sectors(after: $after) { totalCount } } }',
      { after: cursor },
    );
    expect(nested.error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it('stay under the query limits: first at most 500, cost multiplied through first', async () => {
    const tooMany = await errorOf(api, '{ topActors(first: 501) { totalCount } }');
    expect(tooMany.error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'first',
      field: 'Query.topActors',
    });
    const costly = await errorOf(
      api,
      '{ topSectors(first: 500) { edges { node { actors(first: 500) { edges { node { key } } } } } } }',
    );
    expect(costly.status).toBe(400);
    expect(costly.error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'maxCost' });
  });
});
