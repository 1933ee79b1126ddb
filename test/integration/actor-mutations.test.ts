/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/database.js';
import { as, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { aSourceOf, dataOf, errorOf, fieldsOf } from '../support/server.js';

const seeded = useSeededApi({ AUTH_API_KEYS: roleKeysSetting });

const CREATE = `mutation ($input: ActorInput!) { createActor(input: $input) { id key name aliases type firstSeen version } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $patch: ActorPatch!) { updateActor(id: $id, version: $version, patch: $patch) { key name description version } }`;
const DELETE = `mutation ($id: ID!, $version: Int!) { deleteActor(id: $id, version: $version) { id changeId } }`;
const CHANGES = `query ($id: ID!) { changes(entityId: $id) { totalCount edges { node { action by via entityId before after } } } }`;

/** What the database holds, counted independently of the API. */
const counts = async () =>
  (
    await seeded.database
      .executor()
      .read(
        cypher<{ actors: number; changes: number }>(
          'test:counts',
          'RETURN COUNT { (:Actor) } AS actors, COUNT { (:Change) } AS changes',
        ),
      )
  )[0];

describe('actor mutations', () => {
  it('refuses anonymous callers and viewers, and a refused mutation writes nothing', async () => {
    const before = await counts();
    const input = { name: 'Refused Group', type: 'CRIMINAL' };
    const anonymous = await errorOf(seeded.api, CREATE, { input });
    expect(anonymous.status).toBe(401);
    expect(anonymous.error?.extensions?.code).toBe('UNAUTHENTICATED');
    const viewer = await errorOf(seeded.api, CREATE, { input }, as('viewer'));
    expect(viewer.status).toBe(403);
    expect(viewer.error).toMatchObject({
      message: 'createActor needs the role editor; vw has the role viewer.',
      extensions: { code: 'FORBIDDEN', requiredRole: 'editor' },
    });
    const update = await errorOf(
      seeded.api,
      UPDATE,
      { id: 'sandworm', version: 0, patch: { name: 'x' } },
      as('viewer'),
    );
    expect(update.error?.extensions?.code).toBe('FORBIDDEN');
    const editorDeletes = await errorOf(
      seeded.api,
      DELETE,
      { id: 'sandworm', version: 0 },
      as('editor'),
    );
    expect(editorDeletes.error?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      requiredRole: 'admin',
    });
    expect(await counts()).toEqual(before);
  });

  it('lists every invalid field at once and writes nothing', async () => {
    const before = await counts();
    const { error } = await errorOf(
      seeded.api,
      CREATE,
      {
        input: {
          name: '  ',
          type: 'CRIMINAL',
          firstSeen: '2023-02-30',
          key: 'Not A Slug',
          aliases: ['x'.repeat(201)],
        },
      },
      as('editor'),
    );
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (error?.extensions?.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['input.aliases.0', 'input.firstSeen', 'input.key', 'input.name']);
    expect(error?.message).toContain('input.firstSeen');
    expect(await counts()).toEqual(before);
  });

  it('creates, updates with the version it read, refuses a stale version, and records each change', async () => {
    const created = (
      await dataOf(
        seeded.api,
        CREATE,
        {
          input: {
            name: 'Test Wiper Crew',
            type: 'HACKTIVIST',
            aliases: ['TWC'],
            firstSeen: '2023-04',
          },
        },
        as('editor'),
      )
    ).createActor;
    expect(created).toEqual({
      id: 'Actor:test-wiper-crew',
      key: 'test-wiper-crew',
      name: 'Test Wiper Crew',
      aliases: ['TWC'],
      type: 'HACKTIVIST',
      firstSeen: '2023-04',
      version: 1,
    });
    const taken = await errorOf(
      seeded.api,
      CREATE,
      { input: { name: 'Test Wiper Crew', type: 'UNKNOWN' } },
      as('editor'),
    );
    expect(taken.error?.extensions?.code).toBe('CONFLICT');

    const updated = (
      await dataOf(
        seeded.api,
        UPDATE,
        { id: created.id, version: 1, patch: { description: 'Wipes things.' } },
        as('editor'),
      )
    ).updateActor;
    expect(updated).toEqual({
      key: 'test-wiper-crew',
      name: 'Test Wiper Crew',
      description: 'Wipes things.',
      version: 2,
    });
    const stale = await errorOf(
      seeded.api,
      UPDATE,
      { id: created.id, version: 1, patch: { name: 'Lost edit' } },
      as('editor'),
    );
    expect(stale.error?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
    const cleared = (
      await dataOf(
        seeded.api,
        UPDATE,
        { id: created.id, version: 2, patch: { description: null } },
        as('admin'),
      )
    ).updateActor;
    expect(cleared.description).toBeNull();

    const trail = (await dataOf(seeded.api, CHANGES, { id: created.id })).changes;
    expect(trail.totalCount).toBe(3);
    expect(trail.edges.map((e: any) => [e.node.action, e.node.by, e.node.via])).toEqual([
      ['UPDATE', 'ad', 'api-key'],
      ['UPDATE', 'ed', 'api-key'],
      ['CREATE', 'ed', 'api-key'],
    ]);
    const edit = trail.edges[1].node;
    expect(edit.before).toMatchObject({ version: 1 });
    expect(edit.before.description).toBeUndefined();
    expect(edit.after).toMatchObject({ version: 2, description: 'Wipes things.' });
    expect(trail.edges[2].node).toMatchObject({ entityId: 'Actor:test-wiper-crew', before: null });

    const PAGE = `query ($id: ID!, $after: String) { changes(entityId: $id, first: 2, after: $after) { edges { node { action by } } pageInfo { hasNextPage endCursor } } }`;
    const first = (await dataOf(seeded.api, PAGE, { id: created.id })).changes;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (
      await dataOf(seeded.api, PAGE, { id: created.id, after: first.pageInfo.endCursor })
    ).changes;
    expect([...first.edges, ...second.edges].map((e: any) => e.node)).toEqual(
      trail.edges.map((e: any) => ({ action: e.node.action, by: e.node.by })),
    );
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('edits a seeded actor from the version its import gave it, and finds the new name by search', async () => {
    const { updateActor } = await dataOf(
      seeded.api,
      UPDATE,
      {
        id: 'Actor:cyberberkut',
        version: 1,
        patch: { aliases: ['CyberBerkut', 'КиберБеркут', 'Test Alias Falcon'] },
      },
      as('editor'),
    );
    expect(updateActor.version).toBe(2);
    const { search } = await dataOf(
      seeded.api,
      '{ search(text: "Test Alias Falcon", types: [ACTOR]) { node { ... on Actor { key } } } }',
    );
    expect(search[0].node.key).toBe('cyberberkut');
  });

  it('deletes only as admin, only an actor no claim names, and keeps the deleted values in the trail', async () => {
    const named = await errorOf(seeded.api, DELETE, { id: 'sandworm', version: 1 }, as('admin'));
    expect(named.error?.extensions?.code).toBe('CONFLICT');
    expect(named.error?.message).toContain('retract them or merge');
    const missing = await errorOf(
      seeded.api,
      DELETE,
      { id: 'no-such-actor', version: 0 },
      as('admin'),
    );
    expect(missing.error?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });

    const { createActor } = await dataOf(
      seeded.api,
      CREATE,
      { input: { name: 'Short Lived', type: 'UNKNOWN' } },
      as('editor'),
    );
    const { deleteActor } = await dataOf(
      seeded.api,
      DELETE,
      { id: createActor.id, version: 1 },
      as('admin'),
    );
    expect(deleteActor.id).toBe('Actor:short-lived');
    expect((await dataOf(seeded.api, '{ actor(id: "short-lived") { key } }')).actor).toBeNull();
    const trail = (await dataOf(seeded.api, CHANGES, { id: 'Actor:short-lived' })).changes;
    expect(trail.edges[0].node).toMatchObject({
      action: 'DELETE',
      after: null,
      before: { name: 'Short Lived' },
    });
  });
});

describe('actor origin and sponsors', () => {
  const ORIGIN = `mutation ($id: ID!, $version: Int!, $origin: StateClaimInput) { setActorOrigin(id: $id, version: $version, origin: $origin) { version origin { country { code } confidence sources { id } } } }`;
  const SPONSORS = `mutation ($id: ID!, $version: Int!, $sponsors: [StateClaimInput!]!) { setActorSponsors(id: $id, version: $version, sponsors: $sponsors) { version sponsors { country { code } confidence } } }`;

  it('sets, replaces and clears them with confidence and sources, by version, each change audited', async () => {
    const source = await aSourceOf(seeded.api, 'Incident:2022-02-viasat-ka-sat');
    const { createActor } = await dataOf(
      seeded.api,
      CREATE,
      { input: { name: 'State Test Group', type: 'STATE' } },
      as('editor'),
    );
    const bad = await errorOf(
      seeded.api,
      ORIGIN,
      {
        id: createActor.id,
        version: 1,
        origin: { country: 'Atlantis', confidence: 120, sourceIds: [] },
      },
      as('editor'),
    );
    expect(fieldsOf(bad.error)).toEqual([
      'origin.confidence',
      'origin.country',
      'origin.sourceIds',
    ]);
    const viewer = await errorOf(
      seeded.api,
      ORIGIN,
      { id: createActor.id, version: 1, origin: null },
      as('viewer'),
    );
    expect(viewer.error?.extensions?.code).toBe('FORBIDDEN');

    const { setActorOrigin } = await dataOf(
      seeded.api,
      ORIGIN,
      {
        id: createActor.id,
        version: 1,
        origin: { country: 'Russia', confidence: 50, sourceIds: [source] },
      },
      as('editor'),
    );
    expect(setActorOrigin).toEqual({
      version: 2,
      origin: { country: { code: 'RU' }, confidence: 50, sources: [{ id: source }] },
    });
    const { setActorSponsors } = await dataOf(
      seeded.api,
      SPONSORS,
      {
        id: createActor.id,
        version: 2,
        sponsors: [
          { country: 'IR', confidence: 15, sourceIds: [source] },
          { country: 'KP', confidence: 50, sourceIds: [source] },
        ],
      },
      as('editor'),
    );
    expect(setActorSponsors.version).toBe(3);
    expect(setActorSponsors.sponsors.map((s: any) => s.country.code).sort()).toEqual(['IR', 'KP']);
    const stale = await errorOf(
      seeded.api,
      ORIGIN,
      { id: createActor.id, version: 2, origin: null },
      as('editor'),
    );
    expect(stale.error?.extensions?.code).toBe('CONFLICT');
    const cleared = (
      await dataOf(
        seeded.api,
        ORIGIN,
        { id: createActor.id, version: 3, origin: null },
        as('editor'),
      )
    ).setActorOrigin;
    expect(cleared).toEqual({ version: 4, origin: null });
    const { changes } = await dataOf(seeded.api, CHANGES, { id: createActor.id });
    expect(changes.edges[0].node.before.origin).toEqual([
      { country: 'RU', confidence: 50, sourceIds: [source.replace('Source:', '')] },
    ]);
    expect(changes.edges[0].node.after.origin).toEqual([]);
  });
});
