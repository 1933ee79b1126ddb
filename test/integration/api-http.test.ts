/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { testConfig } from '../support/database.js';
import { startSeededApi } from '../support/seeded.js';
import { startTestServer, type TestServer } from '../support/server.js';

const seeds = (await readSeedDataset(loadTaxonomy())).read.records;
let database: Database;
let api: TestServer;

beforeAll(async () => {
  ({ database, api } = await startSeededApi());
});
afterAll(async () => {
  await api.stop();
  await database.close();
});

describe('GraphQL over HTTP', () => {
  it('answers in application/graphql-response+json when asked to', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ attackTypes { id } }' }),
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    const body = (await response.json()) as { data: { attackTypes: { id: string }[] } };
    expect(body.data.attackTypes.map((t) => t.id)).toContain('WIPER');
  });

  it('can turn introspection off', async () => {
    const closed = await startTestServer(testConfig({ GRAPHQL_INTROSPECTION: 'false' }), database);
    try {
      const result = await closed.graphql('{ __schema { queryType { name } } }');
      expect(result.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect((await api.graphql('{ __schema { queryType { name } } }')).body.data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
    } finally {
      await closed.stop();
    }
  });
});

describe('organizations and sources', () => {
  it('gives an organization its sectors, country and incidents, and sources their fields', async () => {
    const organization = seeds.organizations.find((o) =>
      seeds.incidents.some((i) => i.organizationIds.includes(o.id)),
    );
    const hitting = seeds.incidents.filter((i) =>
      i.organizationIds.includes(organization?.id ?? ''),
    );
    const result = await api.graphql(`{ organization(id: "${organization?.id ?? ''}") {
      id name country { code } sectors { key } incidents { totalCount edges { node { key sources { id url publisher } } } }
    } }`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the file header
    const data = result.body.data as { organization: any };
    expect(data.organization).toMatchObject({
      id: `Organization:${organization?.id ?? ''}`,
      name: organization?.name,
      country: organization?.country ? { code: organization.country } : null,
    });
    expect(data.organization.sectors.map((s: { key: string }) => s.key).sort()).toEqual(
      [...(organization?.sectorIds ?? [])].sort(),
    );
    expect(data.organization.incidents.totalCount).toBe(hitting.length);
    const source = data.organization.incidents.edges[0].node.sources[0];
    expect(source.id).toMatch(/^Source:src-[0-9a-f]{16}$/);
    expect(seeds.sources.find((s) => `Source:${s.id}` === source.id)?.url).toBe(source.url);
  });
});
