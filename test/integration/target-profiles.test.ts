/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/database.js';
import { projectRoot } from '../../src/paths.js';
import { buildTargetProfiles } from '../../src/repositories/target-profile-repository.js';
import { importFile, tempFile } from '../support/import.js';
import { as, roleKeysSetting, useSeededApi } from '../support/seeded.js';
import { aSourceOf, dataOf } from '../support/server.js';

const seeded = useSeededApi({ AUTH_API_KEYS: roleKeysSetting });

const PROFILES = cypher<{ profile: Record<string, unknown> }>(
  'test:targetProfiles',
  `MATCH (p:TargetProfile)
   OPTIONAL MATCH (r:TargetProfileRows {actorId: p.actorId})
   RETURN p {.*, rows: r.rows} AS profile ORDER BY p.actorId`,
);

const ROW_NODES = cypher<{ rowNodes: number }>(
  'test:targetProfileRows',
  'MATCH (r:TargetProfileRows) RETURN count(r) AS rowNodes',
);

const profiles = async () =>
  (await seeded.database.executor().read(PROFILES)).map((row) => row.profile);

/** The stored profiles are exactly those a recomputation from every claim gives. */
async function expectProfilesFresh(): Promise<Record<string, unknown>[]> {
  const stored = await profiles();
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.every((profile) => typeof profile.rows === 'string')).toBe(true);
  const [counted] = await seeded.database.executor().read(ROW_NODES);
  expect(counted?.rowNodes).toBe(stored.length);
  await buildTargetProfiles(seeded.database.executor(), { rebuild: true });
  expect(stored).toEqual(await profiles());
  return stored;
}

const profileOf = async (actorId: string) =>
  (await profiles()).find((profile) => profile.actorId === actorId);

/** The keys of one kind (a feature's one-letter prefix) in an actor's profile totals. */
async function featuresOf(actorId: string, kind: string): Promise<string[]> {
  const keys = (await profileOf(actorId))?.featureKeys;
  if (!Array.isArray(keys)) return [];
  return keys.flatMap((key) =>
    typeof key === 'string' && key.startsWith(kind) ? [key.slice(1)] : [],
  );
}

const INCIDENT = 'Incident:2022-02-viasat-ka-sat';
const VERSION = `{ node(id: "${INCIDENT}") { ... on Incident { version attributions { id version actor { key } } } } }`;
const UPDATE = `mutation ($id: ID!, $version: Int!, $patch: IncidentPatch!) { updateIncident(id: $id, version: $version, patch: $patch) { version } }`;
const LINK = `mutation ($id: ID!, $version: Int!, $links: IncidentLinks!) { linkIncident(id: $id, version: $version, links: $links) { version } }`;
const DELETE = `mutation ($id: ID!, $version: Int!) { deleteIncident(id: $id, version: $version) { changeId } }`;
const ADD = `mutation ($s: [ID!]!) { addAttribution(incidentId: "${INCIDENT}", actorId: "apt28", confidence: 35, basis: MEDIA, sourceIds: $s) { id version } }`;
const EDIT = `mutation ($id: ID!, $version: Int!) { updateAttribution(id: $id, version: $version, patch: { confidence: 95 }) { id version } }`;
const RETRACT = `mutation ($id: ID!, $version: Int!) { retractAttribution(id: $id, version: $version) { id version } }`;
const MERGE = `mutation ($s: ID!, $sv: Int!, $t: ID!, $tv: Int!) { mergeActors(sourceId: $s, sourceVersion: $sv, targetId: $t, targetVersion: $tv) { changeId } }`;
const UNDO = `mutation ($c: ID!) { undoMerge(changeId: $c) { key } }`;

const incident = async () => (await dataOf(seeded.api, VERSION)).node;

describe('target profiles', () => {
  it('are written by the seed import, one per actor with a live claim', async () => {
    await expectProfilesFresh();
  });

  it('follow incident edits and links', async () => {
    const { version } = await incident();
    const { updateIncident } = await dataOf(
      seeded.api,
      UPDATE,
      { id: INCIDENT, version, patch: { attackTypes: ['WIPER', 'DDOS'], startDate: '2021-01-01' } },
      as('editor'),
    );
    await dataOf(
      seeded.api,
      LINK,
      {
        id: INCIDENT,
        version: updateIncident.version,
        links: { sectorIds: ['hospitals'], countries: [{ code: 'PL' }] },
      },
      as('editor'),
    );
    await expectProfilesFresh();
  });

  it('follow a claim added, edited and retracted', async () => {
    const before = await profileOf('apt28');
    const source = await aSourceOf(seeded.api, INCIDENT);
    const { addAttribution } = await dataOf(seeded.api, ADD, { s: [source] }, as('editor'));
    const added = await expectProfilesFresh();
    expect(added.find((p) => p.actorId === 'apt28')).not.toEqual(before);
    const { updateAttribution } = await dataOf(seeded.api, EDIT, addAttribution, as('editor'));
    await expectProfilesFresh();
    await dataOf(seeded.api, RETRACT, updateAttribution, as('editor'));
    await expectProfilesFresh();
    expect(await profileOf('apt28')).toEqual(before);
  });

  it('follow an actor merge and its undo', async () => {
    const { mergeActors } = await dataOf(
      seeded.api,
      MERGE,
      { s: 'Actor:solntsepek', sv: 1, t: 'sandworm', tv: 1 },
      as('admin'),
    );
    expect(await profileOf('solntsepek')).toBeUndefined();
    await expectProfilesFresh();
    await dataOf(seeded.api, UNDO, { c: mergeActors.changeId }, as('admin'));
    expect(await profileOf('solntsepek')).toBeDefined();
    await expectProfilesFresh();
  });

  it('follow an incident deleted with its claims', async () => {
    const { version, attributions } = await incident();
    expect(attributions.length).toBeGreaterThan(0);
    await dataOf(seeded.api, DELETE, { id: INCIDENT, version }, as('admin'));
    await expectProfilesFresh();
  });

  it('follow an import, a re-import and a changed re-import', async () => {
    const fixture = path.join(projectRoot, 'test/fixtures/native/small.json');
    await importFile(seeded.database, fixture);
    expect(await profileOf('test-hacktivists')).toMatchObject({ incidents: 2 });
    expect(await featuresOf('test-hacktivists', 'S')).toEqual(['energy', 'public-administration']);
    expect(await featuresOf('test-hacktivists', 'K')).toEqual(['test-campaign']);
    const imported = await expectProfilesFresh();
    await importFile(seeded.database, fixture);
    expect(await profiles()).toEqual(imported);
    const doc = JSON.parse(await readFile(fixture, 'utf8')) as {
      incidents: { sectors: string[]; attributions: { actor: string }[] }[];
    };
    const [first] = doc.incidents;
    if (!first) throw new Error('the fixture has no incident');
    first.sectors = ['banking'];
    first.attributions = first.attributions.filter((a) => a.actor !== 'test-state-actor');
    await importFile(seeded.database, await tempFile('changed.json', JSON.stringify(doc)));
    expect(await profileOf('test-state-actor')).toBeUndefined();
    expect(await featuresOf('test-hacktivists', 'S')).toEqual(['finance', 'public-administration']);
    await expectProfilesFresh();
  });
});
