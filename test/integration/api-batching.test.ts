import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { openEmptyDatabase, testConfig } from '../support/database.js';
import { importFile, tempFile } from '../support/import.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** 100 actors with 3 incidents each, each incident in 2 sectors: enough rows to expose N+1. */
function syntheticDataset(): string {
  const url = 'https://example.org/source';
  const sectors = ['hospitals', 'electricity', 'banking', 'rail', 'schools'];
  const actors = Array.from({ length: 100 }, (_, a) => ({
    id: `actor-${a}`,
    name: `Actor ${a}`,
    type: 'CRIMINAL',
  }));
  const incidents = actors.flatMap((actor, a) =>
    [0, 1, 2].map((n) => ({
      id: `incident-${a}-${n}`,
      title: `Incident ${n} of ${actor.name}`,
      startDate: `2023-0${n + 1}-1${n}`,
      sectors: [sectors[(a + n) % 5], sectors[(a + n + 1) % 5]],
      countries: [{ country: 'FR', primary: true }],
      sources: [url],
      attributions: [
        { actor: actor.id, confidence: 50, basis: 'MEDIA', status: 'SUSPECTED', sources: [url] },
      ],
    })),
  );
  return JSON.stringify({
    format: 'cig-dataset/1',
    sources: [{ url, title: 'Synthetic', publisher: 'Tests' }],
    actors,
    incidents,
  });
}

let database: Database;
let api: TestServer;

beforeAll(async () => {
  database = await openEmptyDatabase();
  const report = await importFile(database, await tempFile('synthetic.json', syntheticDataset()));
  expect(report.issues).toEqual([]);
  api = await startTestServer(testConfig(), database);
});
afterAll(async () => {
  await api.stop();
  await database.close();
});

async function roundTripsOf(query: string): Promise<{ roundTrips: number; data: unknown }> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-request-id': `batching-${String(Math.random()).slice(2)}`,
    },
    body: JSON.stringify({ query }),
  });
  const requestId = response.headers.get('x-request-id');
  const body = (await response.json()) as { data: unknown; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  const line = api.logs.find(
    (l) => l.requestId === requestId && l.msg === 'graphql operation finished',
  );
  return { roundTrips: Number(line?.roundTrips), data: body.data };
}

describe('batched traversal', () => {
  it('takes one round trip per level for 100 actors × their incidents × their sectors', async () => {
    const { roundTrips, data } = await roundTripsOf(
      '{ actors(first: 100) { edges { node { name incidents(first: 5) { edges { node { title sectors { key } } } } } } } }',
    );
    const edges = (
      data as {
        actors: { edges: { node: { incidents: { edges: { node: { sectors: unknown[] } }[] } } }[] };
      }
    ).actors.edges;
    expect(edges).toHaveLength(100);
    expect(edges.flatMap((e) => e.node.incidents.edges)).toHaveLength(300);
    expect(
      edges.flatMap((e) => e.node.incidents.edges.flatMap((i) => i.node.sectors)),
    ).toHaveLength(600);
    expect(roundTrips).toBe(3);
  });

  it('stays bounded by depth with counts, countries and claims added', async () => {
    const { roundTrips } = await roundTripsOf(
      // 50 actors keeps the query under the default cost limit.
      `{ actors(first: 50) { totalCount edges { node { incidents(first: 5) { totalCount edges { node {
          countries { country { code } } attributions { actor { key } sources { url } } } } } } } } }`,
    );
    // actors, actor count, incidents, incident counts, countries, country nodes, claims, actor nodes, sources
    expect(roundTrips).toBeLessThanOrEqual(9);
  });

  it('keeps a cursor valid when rows are inserted before it', async () => {
    const page = async (after: string | null) =>
      (
        await api.graphql(
          'query($after: String) { incidents(first: 5, after: $after) { edges { node { key } } pageInfo { endCursor } } }',
          { after },
        )
      ).body.data as {
        incidents: { edges: { node: { key: string } }[]; pageInfo: { endCursor: string } };
      };
    const first = await page(null);
    const secondBefore = await page(first.incidents.pageInfo.endCursor);
    await database
      .executor()
      .write(
        cypher<never>(
          'test:newer',
          "CREATE (:Incident {id: 'zz-newest', title: 'Newest', startDate: date('2030-01-01'), endDate: date('2030-01-01'), datePrecision: 'DAY'})",
        ),
      );
    const secondAfter = await page(first.incidents.pageInfo.endCursor);
    expect(secondAfter.incidents.edges).toEqual(secondBefore.incidents.edges);
    expect((await page(null)).incidents.edges[0]?.node.key).toBe('zz-newest');
  });
});
