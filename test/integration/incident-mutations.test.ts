/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/database.js';
import { as, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { aSourceOf, dataOf, errorOf, fieldsOf } from '../support/server.js';

const seeded = useSeededApi({ AUTH_API_KEYS: roleKeysSetting });
const FIELDS = `id key version title date startDate endDate datePrecision attackTypes
  sectors { key } countries { country { code } primary } organizations { key } campaign { key } sources { id }`;
const CREATE = `mutation ($input: IncidentInput!) { createIncident(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $patch: IncidentPatch!) { updateIncident(id: $id, version: $version, patch: $patch) { ${FIELDS} } }`;
const LINK = `mutation ($id: ID!, $version: Int!, $links: IncidentLinks!) { linkIncident(id: $id, version: $version, links: $links) { ${FIELDS} } }`;
const UNLINK = `mutation ($id: ID!, $version: Int!, $links: IncidentLinks!) { unlinkIncident(id: $id, version: $version, links: $links) { ${FIELDS} } }`;
const DELETE = `mutation ($id: ID!, $version: Int!) { deleteIncident(id: $id, version: $version) { id changeId } }`;

const incidentCount = async () =>
  (
    await seeded.database
      .executor()
      .read(cypher<{ n: number }>('test:incidents', 'RETURN COUNT { (:Incident) } AS n'))
  )[0]?.n;

describe('incident mutations', () => {
  it('names every bad value and writes nothing', async () => {
    const before = await incidentCount();
    const { error } = await errorOf(
      seeded.api,
      CREATE,
      {
        input: {
          title: 'Broken',
          startDate: '2024-03-10',
          endDate: '2024-03-01',
          attackTypes: ['WIPER', 'TELEPATHY'],
          sectorIds: ['no-such-sector'],
          organizationIds: ['no-such-org'],
          sourceIds: ['src-nope'],
        },
      },
      as('editor'),
    );
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(error)).toEqual([
      'input.attackTypes.1',
      'input.endDate',
      'input.organizationIds.0',
      'input.sectorIds.0',
      'input.sourceIds.0',
    ]);
    expect(await incidentCount()).toBe(before);
  });

  it('creates an incident known to the month, which the filters and analyses then see', async () => {
    const source = await aSourceOf(seeded.api, 'Incident:2022-02-viasat-ka-sat');
    const { createIncident } = await dataOf(
      seeded.api,
      CREATE,
      {
        input: {
          title: 'Test grid wiper',
          startDate: '2024-03',
          attackTypes: ['WIPER'],
          sectorIds: ['electricity'],
          countries: [{ code: 'UA', primary: true }],
          sourceIds: [source],
        },
      },
      as('editor'),
    );
    expect(createIncident).toEqual({
      id: 'Incident:2024-03-test-grid-wiper',
      key: '2024-03-test-grid-wiper',
      version: 1,
      title: 'Test grid wiper',
      date: '2024-03',
      startDate: '2024-03-01',
      endDate: '2024-03-31',
      datePrecision: 'MONTH',
      attackTypes: ['WIPER'],
      sectors: [{ key: 'electricity' }],
      countries: [{ country: { code: 'UA' }, primary: true }],
      organizations: [],
      campaign: null,
      sources: [{ id: source }],
    });
    const { incidents } = await dataOf(
      seeded.api,
      '{ incidents(filter: { from: "2024-03-15", sectorIds: ["energy"], countryCodes: ["UA"] }) { edges { node { key } } } }',
    );
    expect(incidents.edges.map((e: any) => e.node.key)).toContain('2024-03-test-grid-wiper');
  });

  it('updates its values by version and changes its links, keeping at least one source', async () => {
    const id = 'Incident:2024-03-test-grid-wiper';
    const { updateIncident } = await dataOf(
      seeded.api,
      UPDATE,
      { id, version: 1, patch: { title: 'Test grid wiper (confirmed)', startDate: '2024-03-04' } },
      as('editor'),
    );
    expect(updateIncident).toMatchObject({
      title: 'Test grid wiper (confirmed)',
      date: '2024-03-04',
      endDate: '2024-03-04',
      datePrecision: 'DAY',
      version: 2,
      sectors: [{ key: 'electricity' }],
    });
    const stale = await errorOf(
      seeded.api,
      UPDATE,
      { id, version: 1, patch: { title: 'x' } },
      as('editor'),
    );
    expect(stale.error?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const { linkIncident } = await dataOf(
      seeded.api,
      LINK,
      {
        id,
        version: 2,
        links: {
          sectorIds: ['hospitals'],
          countries: [{ code: 'PL' }],
          campaignId: 'sandworm-ukraine-energy',
        },
      },
      as('editor'),
    );
    expect(linkIncident).toMatchObject({
      version: 3,
      sectors: expect.arrayContaining([{ key: 'electricity' }, { key: 'hospitals' }]),
      countries: expect.arrayContaining([
        { country: { code: 'UA' }, primary: true },
        { country: { code: 'PL' }, primary: false },
      ]),
      campaign: { key: 'sandworm-ukraine-energy' },
    });
    const { unlinkIncident } = await dataOf(
      seeded.api,
      UNLINK,
      {
        id,
        version: 3,
        links: { sectorIds: ['electricity'], campaignId: 'sandworm-ukraine-energy' },
      },
      as('editor'),
    );
    expect(unlinkIncident).toMatchObject({
      version: 4,
      sectors: [{ key: 'hospitals' }],
      campaign: null,
    });
    const lastSource = await errorOf(
      seeded.api,
      UNLINK,
      { id, version: 4, links: { sourceIds: [linkIncident.sources[0].id] } },
      as('editor'),
    );
    expect(fieldsOf(lastSource.error)).toEqual(['patch.sourceIds']);
    const { changes } = await dataOf(
      seeded.api,
      `{ changes(entityId: "${id}") { totalCount edges { node { action before after } } } }`,
    );
    expect(changes.totalCount).toBe(4);
    expect(changes.edges[0].node.before).toMatchObject({ sectorIds: ['electricity', 'hospitals'] });
    expect(changes.edges[0].node.after).toMatchObject({
      sectorIds: ['hospitals'],
      campaignId: null,
    });
  });

  it('deletes as admin only, its claims with it, the audit record keeping them', async () => {
    const id = 'Incident:2024-03-test-grid-wiper';
    await dataOf(
      seeded.api,
      `mutation ($s: [ID!]!) { addAttribution(incidentId: "${id}", actorId: "sandworm", confidence: 15, basis: MEDIA, sourceIds: $s) { id } }`,
      { s: [await aSourceOf(seeded.api, 'Incident:2022-02-viasat-ka-sat')] },
      as('editor'),
    );
    expect(
      (await errorOf(seeded.api, DELETE, { id, version: 4 }, as('editor'))).error?.extensions?.code,
    ).toBe('FORBIDDEN');
    const { deleteIncident } = await dataOf(seeded.api, DELETE, { id, version: 4 }, as('admin'));
    expect(deleteIncident.id).toBe(id);
    expect((await dataOf(seeded.api, `{ node(id: "${id}") { id } }`)).node).toBeNull();
    const { changes } = await dataOf(
      seeded.api,
      `{ changes(entityId: "${id}", first: 1) { edges { node { action before } } } }`,
    );
    expect(changes.edges[0].node.action).toBe('DELETE');
    expect(changes.edges[0].node.before.claims).toEqual([
      expect.objectContaining({ actorId: 'sandworm', confidence: 15 }),
    ]);
  });
});
