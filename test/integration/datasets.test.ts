/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { sha256Of } from '../../src/import/file-hash.js';
import { loadSeeds } from '../../src/import/seeds.js';
import { projectRoot } from '../../src/paths.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { openEmptyDatabase, testConfig } from '../support/database.js';
import { importFile } from '../support/import.js';
import { dataOf, errorOf, startTestServer, type TestServer } from '../support/server.js';

const fixtures = path.join(projectRoot, 'test/fixtures/datasets');
const trackerA = path.join(fixtures, 'tracker-a.json');
const trackerB = path.join(fixtures, 'tracker-b.json');

let database: Database;
let api: TestServer;

const keys = (connection: { edges: { node: { key: string } }[] }): string[] =>
  connection.edges.map((e) => e.node.key).sort();

const incidentKeys = async (filter: string): Promise<string[]> =>
  keys(
    (await dataOf(api, `{ incidents(filter: ${filter}) { edges { node { key } } } }`)).incidents,
  );

/**
 * What other readers write and the native format cannot say: a region named instead of a
 * country, impact categories. An import of the file replaces them, as it replaces any property.
 */
const setTrackerDetails = () =>
  database.executor().write(
    cypher<never>(
      'test:trackerDetails',
      `MATCH (r:Incident {id: 'prov-a-regional'}) SET r.regions = ['Eastern Europe'], r.impactCategories = ['DISINFORMATION']
         WITH r MATCH (w:Incident {id: 'prov-shared-wiper'}) SET w.impactCategories = ['DISRUPTION', 'DESTRUCTION']`,
    ),
  );

beforeAll(async () => {
  database = await openEmptyDatabase();
  const a = await importFile(database, trackerA, { datasetName: 'Tracker A' });
  expect(a.issues).toEqual([]);
  const b = await importFile(database, trackerB);
  expect(b.issues).toEqual([]);
  await setTrackerDetails();
  api = await startTestServer(testConfig(), database);
});
afterAll(async () => {
  await api.stop();
  await database.close();
});

describe('every import is a dataset', () => {
  it('lists both imports, newest first, with what each read and what points to it', async () => {
    const { datasets } = await dataOf(
      api,
      `{ datasets { id key name format files sha256 importedAt issueCount droppedCount skippedCount
           incidentCount actorCount claimCount counts { kind read created updated unchanged rejected } } }`,
    );
    expect(datasets.map((d: any) => d.key)).toEqual(['tracker-b-json', 'tracker-a']);
    const [b, a] = datasets;
    expect(a).toMatchObject({
      id: 'Dataset:tracker-a',
      name: 'Tracker A',
      format: 'json',
      files: ['tracker-a.json'],
      sha256: sha256Of([await readFile(trackerA)]),
      issueCount: 0,
      droppedCount: 0,
      skippedCount: 0,
      incidentCount: 3,
      actorCount: 2,
      claimCount: 2,
    });
    expect(a.counts.find((c: any) => c.kind === 'incidents')).toEqual({
      kind: 'incidents',
      read: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    expect(b).toMatchObject({ name: 'tracker-b.json', incidentCount: 2, actorCount: 1 });
    expect(b.counts.find((c: any) => c.kind === 'incidents')).toMatchObject({
      read: 2,
      created: 1,
      unchanged: 1,
    });
    expect(Date.parse(b.importedAt)).toBeGreaterThanOrEqual(Date.parse(a.importedAt));
  });

  it('points a record two imports brought at both: incident, actor and claim', async () => {
    const data = await dataOf(
      api,
      `{ incident(id: "prov-shared-wiper") { datasets { key } attributions { datasets { key } } }
         only: incident(id: "prov-b-phishing") { datasets { key } }
         actor(id: "prov-state-actor") { aliases datasets { key } }
         crew: actor(id: "prov-crew") { datasets { key } }
         node(id: "Dataset:tracker-a") { ... on Dataset { name } } }`,
    );
    expect(data.incident.datasets).toEqual([{ key: 'tracker-a' }, { key: 'tracker-b-json' }]);
    expect(data.incident.attributions[0].datasets).toEqual([
      { key: 'tracker-a' },
      { key: 'tracker-b-json' },
    ]);
    expect(data.only.datasets).toEqual([{ key: 'tracker-b-json' }]);
    expect(data.actor).toEqual({
      aliases: ['PSA'],
      datasets: [{ key: 'tracker-a' }, { key: 'tracker-b-json' }],
    });
    expect(data.crew.datasets).toEqual([{ key: 'tracker-a' }]);
    expect(data.node).toEqual({ name: 'Tracker A' });
  });

  it('leaves a dataset as it was when the same bytes are imported again under its name', async () => {
    const before = await dataOf(
      api,
      '{ dataset(id: "tracker-a") { importedAt counts { kind created } } }',
    );
    const again = await importFile(database, trackerA, { datasetName: 'tracker a' });
    expect(again.written.incidents?.created).toBe(0);
    await setTrackerDetails();
    const after = await dataOf(
      api,
      '{ dataset(id: "tracker-a") { importedAt counts { kind created } } }',
    );
    expect(after).toEqual(before);
    const claims = await database
      .executor()
      .read(
        cypher<{ datasetIds: string[] }>(
          'test:claimDatasets',
          `MATCH (:Incident {id: 'prov-shared-wiper'})-[r:ATTRIBUTED_TO]->() RETURN r.datasetIds AS datasetIds`,
        ),
      );
    expect(claims).toEqual([{ datasetIds: ['tracker-a', 'tracker-b-json'] }]);
  });
});

describe('IncidentFilter.datasetIds', () => {
  it('restricts lists to the incidents the datasets brought, by key or global id', async () => {
    expect(await incidentKeys('{ datasetIds: ["tracker-b-json"] }')).toEqual([
      'prov-b-phishing',
      'prov-shared-wiper',
    ]);
    expect(await incidentKeys('{ datasetIds: ["Dataset:tracker-a", "tracker-b-json"] }')).toEqual([
      'prov-a-ransomware',
      'prov-a-regional',
      'prov-b-phishing',
      'prov-shared-wiper',
    ]);
    expect(await incidentKeys('{ datasetIds: ["no-such-dataset"] }')).toEqual([]);
  });

  it('restricts stats: incidents, actors and countries of those incidents only', async () => {
    const data = await dataOf(
      api,
      `{ b: stats(filter: { datasetIds: ["tracker-b-json"] }) { incidents actors sectors countriesAffected attributedIncidents }
         bUpTo2022: stats(filter: { datasetIds: ["tracker-b-json"], to: "2022-12-31" }) { incidents actors countriesAffected }
         a: stats(filter: { datasetIds: ["tracker-a"] }) { incidents actors countriesAffected unattributedIncidents } }`,
    );
    expect(data.b).toEqual({
      incidents: 2,
      actors: 1,
      sectors: 2,
      countriesAffected: 3,
      attributedIncidents: 2,
    });
    expect(data.bUpTo2022).toEqual({ incidents: 1, actors: 1, countriesAffected: 2 });
    expect(data.a).toEqual({
      incidents: 3,
      actors: 2,
      countriesAffected: 3,
      unattributedIncidents: 1,
    });
  });

  it('restricts crossBorder, known and unknown origins alike', async () => {
    const { b, a } = await dataOf(
      api,
      `{ b: crossBorder(filter: { datasetIds: ["tracker-b-json"] }) { edges { node { actor { key } affectedCountry { code } incidentCount } } unknownOrigin { actor { key } } }
         a: crossBorder(filter: { datasetIds: ["tracker-a"] }) { unknownOrigin { actor { key } affectedCountry { code } } } }`,
    );
    expect(
      b.edges.map((e: any) => `${e.node.actor.key}>${e.node.affectedCountry.code}`).sort(),
    ).toEqual(['prov-state-actor>PL', 'prov-state-actor>UA', 'prov-state-actor>US']);
    expect(b.unknownOrigin).toEqual([]);
    expect(a.unknownOrigin).toEqual([
      { actor: { key: 'prov-crew' }, affectedCountry: { code: 'JP' } },
    ]);
  });

  it('restricts an export the same way', async () => {
    const response = await fetch(`${api.url}/export/json?datasetIds=tracker-b-json`);
    expect(response.status).toBe(200);
    const exported = (await response.json()) as { incidents: { id: string }[] };
    expect(exported.incidents.map((i) => i.id).sort()).toEqual([
      'prov-b-phishing',
      'prov-shared-wiper',
    ]);
  });
});

describe('IncidentFilter.regions', () => {
  it('matches an affected country in the region, or a region the incident names inside it', async () => {
    expect(await incidentKeys('{ regions: ["Eastern Europe"] }')).toEqual([
      'prov-a-regional',
      'prov-shared-wiper',
    ]);
    expect(await incidentKeys('{ regions: ["europe"] }')).toEqual([
      'prov-a-regional',
      'prov-shared-wiper',
    ]);
    expect(await incidentKeys('{ regions: ["Eastern Asia", "Northern America"] }')).toEqual([
      'prov-a-ransomware',
      'prov-b-phishing',
    ]);
  });

  it('takes EU as its 27 member states', async () => {
    // Poland is a member; Ukraine is not, and a region named "Eastern Europe" is not the EU.
    expect(await incidentKeys('{ regions: ["EU"] }')).toEqual(['prov-shared-wiper']);
    const { regions } = await dataOf(api, '{ regions { name kind parent countries { code } } }');
    const eu = regions.find((r: any) => r.name === 'EU');
    expect(eu).toMatchObject({ kind: 'UNION', parent: 'Europe' });
    expect(eu.countries).toHaveLength(27);
    expect(regions.find((r: any) => r.name === 'South America')).toMatchObject({
      kind: 'INTERMEDIATE_REGION',
      parent: 'Latin America and the Caribbean',
    });
  });

  it('refuses an unknown region, naming it and the regions there are', async () => {
    const { error } = await errorOf(
      api,
      '{ incidents(filter: { regions: ["Narnia"] }) { totalCount } }',
    );
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('filter.regions: unknown region "Narnia"');
    expect(error?.message).toContain('Eastern Europe');
  });
});

describe('IncidentFilter.attributed and impactCategories', () => {
  it('separates incidents with a standing claim from those with none', async () => {
    expect(await incidentKeys('{ attributed: false }')).toEqual(['prov-a-regional']);
    expect(await incidentKeys('{ attributed: true, minConfidence: 85 }')).toEqual([
      'prov-shared-wiper',
    ]);
    // Unattributed at 85 or above: the two claimed with less count as unattributed there.
    expect(await incidentKeys('{ attributed: false, minConfidence: 85 }')).toEqual([
      'prov-a-ransomware',
      'prov-a-regional',
      'prov-b-phishing',
    ]);
  });

  it('counts a retracted claim as no attribution', async () => {
    await database
      .executor()
      .write(
        cypher<never>(
          'test:retract',
          `MATCH (:Incident {id: 'prov-a-ransomware'})-[r:ATTRIBUTED_TO]->() SET r.status = 'RETRACTED'`,
        ),
      );
    try {
      expect(await incidentKeys('{ attributed: false }')).toEqual([
        'prov-a-ransomware',
        'prov-a-regional',
      ]);
      expect(await incidentKeys('{ attributed: true, datasetIds: ["tracker-a"] }')).toEqual([
        'prov-shared-wiper',
      ]);
    } finally {
      await database
        .executor()
        .write(
          cypher<never>(
            'test:unretract',
            `MATCH (:Incident {id: 'prov-a-ransomware'})-[r:ATTRIBUTED_TO]->() SET r.status = 'SUSPECTED'`,
          ),
        );
    }
  });

  it('refuses crossBorder with attributed: false, which has no attributed actor', async () => {
    const { error } = await errorOf(
      api,
      '{ incidents(filter: { attributed: false, crossBorder: false }) { totalCount } }',
    );
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('filter.crossBorder');
  });

  it('matches incidents whose impact falls in any category asked for', async () => {
    expect(await incidentKeys('{ impactCategories: [DESTRUCTION] }')).toEqual([
      'prov-shared-wiper',
    ]);
    expect(await incidentKeys('{ impactCategories: [DISINFORMATION, DISRUPTION] }')).toEqual([
      'prov-a-regional',
      'prov-shared-wiper',
    ]);
    expect(await incidentKeys('{ impactCategories: [DATA] }')).toEqual([]);
  });

  it('refuses the new conditions on reported victimology, which has none of them', async () => {
    const { error } = await errorOf(
      api,
      '{ stats(basis: REPORTED_VICTIMOLOGY, filter: { datasetIds: ["tracker-a"] }) { incidents } }',
    );
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('filter.datasetIds cannot apply to reported victimology');
  });
});

describe('datasets stay out of the graph traversed', () => {
  it('refuses a dataset as the end of a path', async () => {
    const { error } = await errorOf(
      api,
      '{ paths(from: "Dataset:tracker-a", to: "Actor:prov-crew") { paths { length } } }',
    );
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('Dataset');
  });

  it('walks no path through a dataset', async () => {
    // The two actors share no incident; only their datasets would join them.
    const { paths } = await dataOf(
      api,
      '{ paths(from: "Actor:prov-crew", to: "Actor:prov-state-actor", maxHops: 2) { paths { nodeIds } } }',
    );
    expect(paths.paths).toEqual([]);
  });
});

describe('the seeds', () => {
  it('are a dataset of their own', async () => {
    const empty = await openEmptyDatabase();
    try {
      const outcome = await loadSeeds(empty.executor(), loadTaxonomy());
      expect(outcome.loaded).toBe(true);
      const [row] = await empty.executor().read(
        cypher<{ name: string; incidents: number; unlinked: number }>(
          'test:seedsDataset',
          `MATCH (d:Dataset {id: 'seeds'})
             RETURN d.name AS name, COUNT { (:Incident)-[:FROM_DATASET]->(d) } AS incidents,
                    COUNT { MATCH (i:Incident) WHERE NOT (i)-[:FROM_DATASET]->(d) } AS unlinked`,
        ),
      );
      expect(row?.name).toBe('seeds');
      expect(row?.incidents).toBeGreaterThan(0);
      expect(row?.unlinked).toBe(0);
    } finally {
      await empty.close();
    }
  });
});
