/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/restrict-plus-operands -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { openEmptyDatabase, PREPARATION_TIMEOUT, testConfig } from '../support/database.js';
import { importFile, tempFile } from '../support/import.js';
import { as, roleKeysSetting } from '../support/seeded.js';
import { dataOf, errorOf, startTestServer, type TestServer } from '../support/server.js';

let database: Database;
let api: TestServer;
beforeAll(async () => {
  // The first import plans its statements on a database just started, which takes long on a busy machine.
  database = await openEmptyDatabase(testConfig(PREPARATION_TIMEOUT));
  api = await startTestServer(testConfig({ AUTH_API_KEYS: roleKeysSetting }), database);
});
afterAll(async () => {
  await api.stop();
  await database.close();
});

const SOURCE = 'https://example.org/versions-advisory';
const CLAIM = {
  actor: 'versioned-crew',
  confidence: 60,
  basis: 'SECURITY_INDUSTRY',
  status: 'SUSPECTED',
  claimedBy: 'Example Lab',
  sources: [SOURCE],
};

/** A small native dataset; `description` and the claim's confidence are what later files change. */
const dataset = (description: string, confidence: number) =>
  JSON.stringify({
    format: 'cig-dataset/1',
    sources: [{ url: SOURCE, title: 'Advisory', publisher: 'Example Lab' }],
    actors: [{ id: 'versioned-crew', name: 'Versioned Crew', type: 'CRIMINAL', description }],
    incidents: [
      {
        id: '2024-01-versioned-incident',
        title: 'Versioned incident',
        startDate: '2024-01-10',
        sectors: ['electricity'],
        countries: [{ country: 'FI', primary: true }],
        sources: [SOURCE],
        attributions: [{ ...CLAIM, confidence }],
      },
    ],
  });

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

const ACTOR = `{ actor(id: "versioned-crew") { version description } }`;
const CLAIMS = `{ incident(id: "2024-01-versioned-incident") { version attributions { id version confidence } } }`;
const UPDATE_ACTOR = `mutation ($version: Int!) { updateActor(id: "versioned-crew", version: $version, patch: { description: "An editor's words." }) { version } }`;
const UPDATE_CLAIM = `mutation ($id: ID!, $version: Int!) { updateAttribution(id: $id, version: $version, patch: { confidence: 90 }) { version } }`;
const CHANGES = `query ($id: ID!) { changes(entityId: $id) { edges { node { action by via importFile importSha256 before after } } } }`;

const changeCount = async () =>
  (
    await database
      .executor()
      .read(cypher<{ n: number }>('test:changeCount', 'RETURN COUNT { (:Change) } AS n'))
  )[0]?.n;

describe('an import is a writer', () => {
  it('creates at version 1 with a CREATE record naming the file and its hash', async () => {
    const file = await tempFile('first.json', dataset('Steals things.', 60));
    const report = await importFile(database, file);
    expect(report.issues).toEqual([]);
    expect((await dataOf(api, ACTOR)).actor).toEqual({ version: 1, description: 'Steals things.' });
    const { changes } = await dataOf(api, CHANGES, { id: 'Actor:versioned-crew' });
    expect(changes.edges.map((e: any) => e.node)).toEqual([
      {
        action: 'CREATE',
        by: 'import',
        via: 'import',
        importFile: file,
        importSha256: await sha256(file),
        before: null,
        after: null,
      },
    ]);
    const { incident } = await dataOf(api, CLAIMS);
    expect(incident.version).toBe(1);
    expect(incident.attributions).toMatchObject([{ version: 1, confidence: 60 }]);
  });

  it('bumps what it changes, so an editor holding the old version gets CONFLICT', async () => {
    const read = (await dataOf(api, ACTOR)).actor.version;
    const claimRead = (await dataOf(api, CLAIMS)).incident.attributions[0];

    const file = await tempFile('second.json', dataset('Steals and wipes things.', 75));
    const report = await importFile(database, file);
    expect(report.written.actors).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(report.written.incidents).toEqual({ created: 0, updated: 1, unchanged: 0 });

    const stale = await errorOf(api, UPDATE_ACTOR, { version: read }, as('editor'));
    expect(stale.error?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: read + 1 });
    const staleClaim = await errorOf(
      api,
      UPDATE_CLAIM,
      { id: claimRead.id, version: claimRead.version },
      as('editor'),
    );
    expect(staleClaim.error?.extensions).toMatchObject({
      code: 'CONFLICT',
      currentVersion: claimRead.version + 1,
    });

    const { changes } = await dataOf(api, CHANGES, { id: 'Actor:versioned-crew' });
    expect(changes.edges[0].node).toMatchObject({
      action: 'UPDATE',
      by: 'import',
      via: 'import',
      importFile: file,
      importSha256: await sha256(file),
      before: { version: 1, description: 'Steals things.' },
      after: { version: 2, description: 'Steals and wipes things.' },
    });
    const incidentTrail = await dataOf(api, CHANGES, { id: 'Incident:2024-01-versioned-incident' });
    expect(incidentTrail.changes.edges[0].node).toMatchObject({
      action: 'UPDATE',
      importFile: file,
      before: { version: 1, claims: [{ confidence: 60, version: 1 }] },
      after: { version: 2, claims: [{ confidence: 75, version: 2 }] },
    });

    // Read again, the editor's update goes through.
    const { updateActor } = await dataOf(api, UPDATE_ACTOR, { version: read + 1 }, as('editor'));
    expect(updateActor.version).toBe(read + 2);
  });

  it('changes nothing, versions and trail included, when it finds the graph as its file says', async () => {
    const file = await tempFile('again.json', dataset("An editor's words.", 75));
    const before = await changeCount();
    const actor = (await dataOf(api, ACTOR)).actor;
    const incident = (await dataOf(api, CLAIMS)).incident;
    const report = await importFile(database, file);
    expect(report.written.actors).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report.written.incidents).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report.written.sources).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await changeCount()).toBe(before);
    expect((await dataOf(api, ACTOR)).actor).toEqual(actor);
    expect((await dataOf(api, CLAIMS)).incident).toEqual(incident);
  });

  it('counts an editor’s link that the file takes back as a change of the incident', async () => {
    const LINK = `mutation ($version: Int!) { linkIncident(id: "2024-01-versioned-incident", version: $version, links: { sectorIds: ["banking"] }) { version } }`;
    const read = (await dataOf(api, CLAIMS)).incident.version;
    const { linkIncident } = await dataOf(api, LINK, { version: read }, as('editor'));
    const file = await tempFile('restore.json', dataset("An editor's words.", 75));
    const report = await importFile(database, file);
    expect(report.written.incidents).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const { incident } = await dataOf(api, CLAIMS);
    expect(incident.version).toBe(linkIncident.version + 1);
    const { changes } = await dataOf(api, CHANGES, { id: 'Incident:2024-01-versioned-incident' });
    expect(changes.edges[0].node.before.sectorIds).toEqual(['banking', 'electricity']);
    expect(changes.edges[0].node.after.sectorIds).toEqual(['electricity']);
  });
});
