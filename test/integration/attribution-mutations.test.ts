/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/database.js';
import { as, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { aSourceOf, dataOf, errorOf, fieldsOf } from '../support/server.js';

const seeded = useSeededApi({ AUTH_API_KEYS: roleKeysSetting });

const INCIDENT = 'Incident:2022-02-viasat-ka-sat';
const CLAIM =
  'id version actor { key } confidence basis status claimedBy assessedAt sources { id }';
const ADD = `mutation ($incidentId: ID!, $actorId: ID!, $confidence: Int!, $basis: AttributionBasis!, $status: AttributionStatus, $claimedBy: String, $assessedAt: String, $sourceIds: [ID!]!) {
  addAttribution(incidentId: $incidentId, actorId: $actorId, confidence: $confidence, basis: $basis, status: $status, claimedBy: $claimedBy, assessedAt: $assessedAt, sourceIds: $sourceIds) { ${CLAIM} }
}`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $patch: AttributionPatch!) { updateAttribution(id: $id, version: $version, patch: $patch) { ${CLAIM} } }`;
const RETRACT = `mutation ($id: ID!, $version: Int!) { retractAttribution(id: $id, version: $version) { ${CLAIM} } }`;

const claimCount = async () =>
  (
    await seeded.database
      .executor()
      .read(
        cypher<{ n: number }>(
          'test:claims',
          'RETURN COUNT { ()-[:ATTRIBUTED_TO]->() } + COUNT { (:Change) } AS n',
        ),
      )
  )[0]?.n;

describe('attribution claims', () => {
  it('gives every imported claim a stable id, and version 1', async () => {
    const { node } = await dataOf(
      seeded.api,
      `{ node(id: "Incident:2017-06-notpetya-maersk") { ... on Incident { attributions { id version } } } }`,
    );
    expect(node.attributions).toHaveLength(2);
    for (const claim of node.attributions) {
      expect(claim.id).toMatch(/^claim-[0-9a-f]{20}$/);
      expect(claim.version).toBe(1);
    }
  });

  it('refuses anonymous callers, viewers and bad values, naming every bad field, and writes nothing', async () => {
    const before = await claimCount();
    const source = await aSourceOf(seeded.api, 'Incident:2022-02-viasat-ka-sat');
    const good = {
      incidentId: INCIDENT,
      actorId: 'apt28',
      confidence: 50,
      basis: 'SECURITY_INDUSTRY',
      sourceIds: [source],
    };
    expect((await errorOf(seeded.api, ADD, good)).error?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await errorOf(seeded.api, ADD, good, as('viewer'))).error?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const bad = await errorOf(
      seeded.api,
      ADD,
      { ...good, confidence: 150, assessedAt: '2022-13', sourceIds: [] },
      as('editor'),
    );
    expect(bad.error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad.error)).toEqual([
      'attribution.assessedAt',
      'attribution.confidence',
      'attribution.sourceIds',
    ]);
    const retracted = await errorOf(
      seeded.api,
      ADD,
      { ...good, status: 'RETRACTED' },
      as('editor'),
    );
    expect(retracted.error?.message).toContain('attribution.status');
    const unknownSource = await errorOf(
      seeded.api,
      ADD,
      { ...good, sourceIds: [source, 'src-nope'] },
      as('editor'),
    );
    expect(unknownSource.error?.message).toContain('no Source has the id "src-nope"');
    const unknownActor = await errorOf(
      seeded.api,
      ADD,
      { ...good, actorId: 'nobody' },
      as('editor'),
    );
    expect(unknownActor.error?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      argument: 'actorId',
    });
    expect(await claimCount()).toBe(before);
  });

  it('adds, updates by version, retracts and keeps a claim, with each step in the incident’s trail', async () => {
    const source = await aSourceOf(seeded.api, 'Incident:2022-02-viasat-ka-sat');
    const added = (
      await dataOf(
        seeded.api,
        ADD,
        {
          incidentId: INCIDENT,
          actorId: 'Actor:apt28',
          confidence: 15,
          basis: 'MEDIA',
          claimedBy: 'A newspaper',
          assessedAt: '2022-03',
          sourceIds: [source],
        },
        as('editor'),
      )
    ).addAttribution;
    expect(added).toMatchObject({
      version: 1,
      actor: { key: 'apt28' },
      confidence: 15,
      status: 'ATTRIBUTED',
      sources: [{ id: source }],
    });

    const updated = (
      await dataOf(
        seeded.api,
        UPDATE,
        { id: added.id, version: 1, patch: { confidence: 50, status: 'SUSPECTED' } },
        as('editor'),
      )
    ).updateAttribution;
    expect(updated).toMatchObject({
      id: added.id,
      version: 2,
      confidence: 50,
      status: 'SUSPECTED',
      claimedBy: 'A newspaper',
    });
    const stale = await errorOf(
      seeded.api,
      UPDATE,
      { id: added.id, version: 1, patch: { confidence: 85 } },
      as('editor'),
    );
    expect(stale.error?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const retracted = (
      await dataOf(seeded.api, RETRACT, { id: added.id, version: 2 }, as('editor'))
    ).retractAttribution;
    expect(retracted).toMatchObject({ version: 3, status: 'RETRACTED', confidence: 50 });
    const again = await errorOf(seeded.api, RETRACT, { id: added.id, version: 3 }, as('editor'));
    expect(again.error?.extensions?.code).toBe('CONFLICT');

    const { node } = await dataOf(
      seeded.api,
      `{ node(id: "${INCIDENT}") { ... on Incident { attributions(statuses: [RETRACTED]) { id status } } } }`,
    );
    expect(node.attributions).toEqual([{ id: added.id, status: 'RETRACTED' }]);
    const { changes } = await dataOf(
      seeded.api,
      `{ changes(entityId: "${INCIDENT}") { edges { node { action before after } } } }`,
    );
    expect(changes.edges.map((e: any) => e.node.action)).toEqual([
      'RETRACT_ATTRIBUTION',
      'UPDATE_ATTRIBUTION',
      'ADD_ATTRIBUTION',
      'CREATE',
    ]);
    expect(changes.edges[0].node.before).toMatchObject({ actorId: 'apt28', status: 'SUSPECTED' });
    expect(changes.edges[0].node.after).toMatchObject({ actorId: 'apt28', status: 'RETRACTED' });
  });

  it('edits an imported claim from the version its import gave it', async () => {
    const { node } = await dataOf(
      seeded.api,
      `{ node(id: "Incident:2017-06-notpetya-maersk") { ... on Incident { attributions { id actor { key } } } } }`,
    );
    const claim = node.attributions.find((a: any) => a.actor.key === 'sandworm');
    const { updateAttribution } = await dataOf(
      seeded.api,
      UPDATE,
      { id: claim.id, version: 1, patch: { claimedBy: 'US DOJ' } },
      as('editor'),
    );
    expect(updateAttribution).toMatchObject({
      id: claim.id,
      version: 2,
      claimedBy: 'US DOJ',
      confidence: 85,
    });
  });
});
