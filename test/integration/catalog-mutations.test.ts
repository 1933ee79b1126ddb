/* eslint-disable @typescript-eslint/no-unsafe-member-access -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import { sourceIdOf } from '../../src/import/records.js';
import { as, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { dataOf, errorOf, fieldsOf } from '../support/server.js';

const seeded = useSeededApi({ AUTH_API_KEYS: roleKeysSetting });

describe('campaign mutations', () => {
  const CREATE = `mutation ($input: CampaignInput!) { createCampaign(input: $input) { id key name startDate endDate version } }`;
  const UPDATE = `mutation ($id: ID!, $version: Int!, $patch: CampaignPatch!) { updateCampaign(id: $id, version: $version, patch: $patch) { name startDate endDate version } }`;
  const DELETE = `mutation ($id: ID!, $version: Int!) { deleteCampaign(id: $id, version: $version) { id } }`;

  it('creates with partial dates kept as the days they cover, and checks their order', async () => {
    const { createCampaign } = await dataOf(
      seeded.api,
      CREATE,
      { input: { name: 'Test Winter Wave', startDate: '2022-02', endDate: '2022-03-15' } },
      as('editor'),
    );
    expect(createCampaign).toEqual({
      id: 'Campaign:test-winter-wave',
      key: 'test-winter-wave',
      name: 'Test Winter Wave',
      startDate: '2022-02-01',
      endDate: '2022-03-15',
      version: 1,
    });
    const backwards = await errorOf(
      seeded.api,
      UPDATE,
      { id: createCampaign.id, version: 1, patch: { endDate: '2021' } },
      as('editor'),
    );
    expect(fieldsOf(backwards.error)).toEqual(['patch.endDate']);
    const { updateCampaign } = await dataOf(
      seeded.api,
      UPDATE,
      { id: createCampaign.id, version: 1, patch: { name: 'Test Winter Wave II', endDate: null } },
      as('editor'),
    );
    expect(updateCampaign).toEqual({
      name: 'Test Winter Wave II',
      startDate: '2022-02-01',
      endDate: null,
      version: 2,
    });
    expect(
      (await errorOf(seeded.api, DELETE, { id: createCampaign.id, version: 2 }, as('editor'))).error
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await dataOf(seeded.api, DELETE, { id: createCampaign.id, version: 2 }, as('admin')))
        .deleteCampaign.id,
    ).toBe(createCampaign.id);
  });

  it('refuses to delete a campaign incidents are part of', async () => {
    const { error } = await errorOf(
      seeded.api,
      DELETE,
      { id: 'notpetya-2017', version: 1 },
      as('admin'),
    );
    expect(error?.extensions?.code).toBe('CONFLICT');
    expect(error?.message).toMatch(/\d+ incidents are part of it/);
  });
});

describe('organization mutations', () => {
  const CREATE = `mutation ($input: OrganizationInput!) { createOrganization(input: $input) { id name sectors { key } country { code } version } }`;
  const UPDATE = `mutation ($id: ID!, $version: Int!, $patch: OrganizationPatch!) { updateOrganization(id: $id, version: $version, patch: $patch) { sectors { key } country { code } version } }`;

  it('checks sectors and countries against the taxonomy, naming each bad one', async () => {
    const { error } = await errorOf(
      seeded.api,
      CREATE,
      { input: { name: 'Test Clinic', sectorIds: ['hospitals', 'no-such-sector'], country: 'XX' } },
      as('editor'),
    );
    expect(fieldsOf(error)).toEqual(['input.country', 'input.sectorIds.1']);
  });

  it('creates with its sectors and country, replaces them on update, and records both', async () => {
    const { createOrganization } = await dataOf(
      seeded.api,
      CREATE,
      { input: { name: 'Test Clinic', sectorIds: ['hospitals'], country: 'UA' } },
      as('editor'),
    );
    expect(createOrganization).toEqual({
      id: 'Organization:test-clinic',
      name: 'Test Clinic',
      sectors: [{ key: 'hospitals' }],
      country: { code: 'UA' },
      version: 1,
    });
    const { updateOrganization } = await dataOf(
      seeded.api,
      UPDATE,
      {
        id: 'test-clinic',
        version: 1,
        patch: { sectorIds: ['hospitals', 'pharmaceuticals'], country: null },
      },
      as('editor'),
    );
    expect(updateOrganization).toEqual({
      sectors: [{ key: 'hospitals' }, { key: 'pharmaceuticals' }],
      country: null,
      version: 2,
    });
    const { changes } = await dataOf(
      seeded.api,
      '{ changes(entityId: "Organization:test-clinic") { edges { node { action before after } } } }',
    );
    expect(changes.edges[0].node.before).toMatchObject({ sectorIds: ['hospitals'], country: 'UA' });
    expect(changes.edges[0].node.after).toMatchObject({
      sectorIds: ['hospitals', 'pharmaceuticals'],
    });
  });
});

describe('source mutations', () => {
  const CREATE = `mutation ($input: SourceInput!) { createSource(input: $input) { id url title publisher publishedAt version } }`;
  const UPDATE = `mutation ($id: ID!, $version: Int!, $patch: SourcePatch!) { updateSource(id: $id, version: $version, patch: $patch) { title version } }`;
  const DELETE = `mutation ($id: ID!, $version: Int!) { deleteSource(id: $id, version: $version) { id } }`;
  const url = 'https://example.org/test-advisory';

  it('keys a source by its URL, refuses the same URL twice and a bad URL', async () => {
    const { createSource } = await dataOf(
      seeded.api,
      CREATE,
      {
        input: {
          url,
          title: 'Test advisory',
          publisher: 'Example CERT',
          publishedAt: '2024-05-02',
        },
      },
      as('editor'),
    );
    expect(createSource).toEqual({
      id: `Source:${sourceIdOf(url)}`,
      url,
      title: 'Test advisory',
      publisher: 'Example CERT',
      publishedAt: '2024-05-02',
      version: 1,
    });
    const again = await errorOf(
      seeded.api,
      CREATE,
      { input: { url, title: 'Again', publisher: 'X' } },
      as('editor'),
    );
    expect(again.error?.extensions?.code).toBe('CONFLICT');
    const bad = await errorOf(
      seeded.api,
      CREATE,
      { input: { url: 'ftp://example.org/x', title: '', publisher: 'X' } },
      as('editor'),
    );
    expect(fieldsOf(bad.error)).toEqual(['input.title', 'input.url']);
    const { updateSource } = await dataOf(
      seeded.api,
      UPDATE,
      { id: createSource.id, version: 1, patch: { title: 'Test advisory (revised)' } },
      as('editor'),
    );
    expect(updateSource).toEqual({ title: 'Test advisory (revised)', version: 2 });
    expect(
      (await dataOf(seeded.api, DELETE, { id: createSource.id, version: 2 }, as('admin')))
        .deleteSource.id,
    ).toBe(createSource.id);
  });

  it('refuses to delete a source that incidents or claims cite', async () => {
    const { node } = await dataOf(
      seeded.api,
      '{ node(id: "Incident:2022-02-viasat-ka-sat") { ... on Incident { sources { id } } } }',
    );
    const { error } = await errorOf(
      seeded.api,
      DELETE,
      { id: node.sources[0].id, version: 1 },
      as('admin'),
    );
    expect(error?.extensions?.code).toBe('CONFLICT');
    expect(error?.message).toContain('every claim keeps its evidence');
    const viewer = await errorOf(
      seeded.api,
      CREATE,
      { input: { url: 'https://example.org/v', title: 'V', publisher: 'V' } },
      as('viewer'),
    );
    expect(viewer.error?.extensions?.code).toBe('FORBIDDEN');
  });
});
