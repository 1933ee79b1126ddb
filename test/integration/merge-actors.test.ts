/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/database.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { as, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { dataOf, errorOf } from '../support/server.js';

const seeded = useSeededApi({ AUTH_API_KEYS: roleKeysSetting });
const MERGE = `mutation ($s: ID!, $sv: Int!, $t: ID!, $tv: Int!) { mergeActors(sourceId: $s, sourceVersion: $sv, targetId: $t, targetVersion: $tv) { changeId target { key version aliases externalIds } } }`;
const UNDO = `mutation ($c: ID!) { undoMerge(changeId: $c) { key version } }`;

/** Counted with plain Cypher, apart from the API. */
const claimsOf = async (actor: string) =>
  (
    await seeded.database
      .executor()
      .read(
        cypher<{ n: number }>(
          'test:claimsOf',
          'RETURN COUNT { (:Incident)-[:ATTRIBUTED_TO]->(:Actor {id: $actor}) } AS n',
        ),
        { actor },
      )
  )[0]?.n;

/** The graph without audit records, tombstones and version counters: what a merge and its undo must leave alone. */
const dataGraph = async () =>
  (await graphSnapshot(seeded.database))
    .filter((line) => !/\(Change |MergedActor|MERGED_INTO/.test(line))
    .map((line) => line.replace(/"version":\d+,?/g, '').replace(/,}/g, '}'));

const resolves = async (id: string) =>
  (await dataOf(seeded.api, `{ actor(id: "${id}") { key } }`)).actor?.key;

describe('mergeActors', () => {
  it('needs admin and refuses a merge into itself or an unknown actor', async () => {
    const vars = { s: 'solntsepek', sv: 1, t: 'sandworm', tv: 1 };
    expect((await errorOf(seeded.api, MERGE, vars, as('editor'))).error?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await errorOf(seeded.api, MERGE, { ...vars, t: 'solntsepek' }, as('admin'))).error
        ?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await errorOf(seeded.api, MERGE, { ...vars, t: 'nobody' }, as('admin'))).error?.extensions,
    ).toMatchObject({
      code: 'NOT_FOUND',
      argument: 'targetId',
    });
    expect(
      (await errorOf(seeded.api, MERGE, { ...vars, sv: 3 }, as('admin'))).error?.extensions?.code,
    ).toBe('CONFLICT');
  });

  it('moves claims, ties, names and ids to the target, keeps the source id resolving, and undoes exactly', async () => {
    const before = await dataGraph();
    const [source, target] = [await claimsOf('solntsepek'), await claimsOf('sandworm')];
    expect(source).toBeGreaterThan(0);
    const { mergeActors } = await dataOf(
      seeded.api,
      MERGE,
      { s: 'Actor:solntsepek', sv: 1, t: 'sandworm', tv: 1 },
      as('admin'),
    );
    expect(mergeActors.target.key).toBe('sandworm');
    expect(mergeActors.target.version).toBe(2);
    expect(mergeActors.target.aliases).toContain('Solntsepek');
    expect(await claimsOf('sandworm')).toBe(Number(source) + Number(target));
    expect(await claimsOf('solntsepek')).toBe(0);
    expect(await resolves('solntsepek')).toBe('sandworm');
    const { node } = await dataOf(seeded.api, '{ node(id: "Actor:solntsepek") { id } }');
    expect(node.id).toBe('Actor:sandworm');
    const trail = await dataOf(
      seeded.api,
      '{ changes(entityId: "Actor:solntsepek") { edges { node { action } } } }',
    );
    expect(trail.changes.edges.map((e: any) => e.node.action)).toEqual(['MERGE', 'CREATE']);

    const { undoMerge } = await dataOf(seeded.api, UNDO, { c: mergeActors.changeId }, as('admin'));
    expect(undoMerge.key).toBe('solntsepek');
    expect(await dataGraph()).toEqual(before);
    const again = await errorOf(seeded.api, UNDO, { c: mergeActors.changeId }, as('admin'));
    expect(again.error?.extensions?.code).toBe('CONFLICT');
  });

  it('follows merges of merged actors, and refuses to undo once the target changed', async () => {
    const legionVersion = 1;
    const first = (
      await dataOf(
        seeded.api,
        MERGE,
        { s: 'legion', sv: legionVersion, t: 'killnet', tv: 1 },
        as('admin'),
      )
    ).mergeActors;
    const second = (
      await dataOf(seeded.api, MERGE, { s: 'killnet', sv: 2, t: 'apt28', tv: 1 }, as('admin'))
    ).mergeActors;
    expect(await resolves('legion')).toBe('apt28');
    expect(await resolves('killnet')).toBe('apt28');
    await dataOf(
      seeded.api,
      'mutation { updateActor(id: "apt28", version: 2, patch: { description: "Edited after the merge." }) { version } }',
      {},
      as('editor'),
    );
    const blocked = await errorOf(seeded.api, UNDO, { c: second.changeId }, as('admin'));
    expect(blocked.error?.extensions?.code).toBe('CONFLICT');
    expect(blocked.error?.message).toContain('changed since');
    expect(first.target.key).toBe('killnet');
  });
});
