import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { projectRoot } from '../../src/paths.js';
import { openEmptyDatabase, PREPARATION_TIMEOUT, testConfig } from '../support/database.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { importFile, tempFile } from '../support/import.js';
import { as, roleKeysSetting } from '../support/seeded.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Synthetic data shaped after what the trackers record (see the fixture folder's README). */
const fixture = path.join(projectRoot, 'test/fixtures/impact/measured-impact.json');
let database: Database;
let api: TestServer;

beforeAll(async () => {
  // Imports compile large statements; a cold database on a busy machine takes its time.
  database = await openEmptyDatabase(testConfig(PREPARATION_TIMEOUT));
  api = await startTestServer(testConfig({ AUTH_API_KEYS: roleKeysSetting }), database);
});
afterAll(async () => {
  await api.stop();
  await database.close();
});
beforeEach(async () => {
  await database.executor().write(cypher<never>('test:wipe', 'MATCH (n) DETACH DELETE n'));
});

const query = async <T>(text: string): Promise<T> => {
  const { body } = await api.graphql(text);
  expect(body.errors).toBeUndefined();
  return body.data as T;
};

const IMPACT = `{
  incident(id: "2023-02-test-grid-outage") {
    impact {
      disruptionDays
      categories { category description }
      cyberIntensity { unweighted weighted targetMultiplier }
      functional intelligence
      political { measure level }
      economic
      economicValue { amount currency }
      casualties
      sources { url }
    }
  }
}`;

interface ImpactAnswer {
  incident: { impact: Record<string, unknown> };
}

const actorRow = cypher<{ name: string; aliases: string[]; externalIds: string[] }>(
  'test:actor',
  'MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.aliases AS aliases, a.externalIds AS externalIds',
);

/** A one-actor native dataset. */
const actorFile = (actor: Record<string, unknown>) =>
  tempFile(
    'actor.json',
    JSON.stringify({ format: 'cig-dataset/1', actors: [{ type: 'STATE', ...actor }] }),
  );

describe('an incident’s measured impact', () => {
  it('is stored on the incident and served by Incident.impact, each value citing its sources', async () => {
    const report = await importFile(database, fixture);
    expect(report.issues).toEqual([]);
    const { incident } = await query<ImpactAnswer>(IMPACT);
    expect(incident.impact).toEqual({
      disruptionDays: 2,
      categories: [
        { category: 'DISRUPTION', description: 'Customer portal down for two days.' },
        { category: 'DATA', description: null },
      ],
      cyberIntensity: { unweighted: 4, weighted: 6.5, targetMultiplier: 'Critical infrastructure' },
      functional: 'Day (< 24h)',
      intelligence: 'Minor data breach',
      political: [
        { measure: 'affected_entities', level: 'Government' },
        { measure: 'affected_eu', level: 'Yes' },
      ],
      economic: 'Moderate',
      economicValue: { amount: 125000, currency: 'EUR' },
      casualties: 'None',
      sources: [{ url: 'https://example.org/impact/report-1' }],
    });
    const [stored] = await database
      .executor()
      .read(
        cypher<{ categories: string[]; regions: string[] }>(
          'test:stored',
          "MATCH (i:Incident {id: '2023-02-test-grid-outage'}) RETURN i.impactCategories AS categories, i.regions AS regions",
        ),
      );
    expect(stored).toEqual({
      categories: ['DISRUPTION', 'DATA'],
      regions: ['Eastern Europe', 'EU'],
    });
  });

  it('is replaced by a re-import, like the incident’s other fields', async () => {
    await importFile(database, fixture);
    const file = await tempFile(
      'less.json',
      JSON.stringify({
        format: 'cig-dataset/1',
        incidents: [
          {
            id: '2023-02-test-grid-outage',
            title: 'Outage at a test grid operator',
            startDate: '2023-02-10',
            sources: ['https://example.org/tracker/event-1'],
            impact: { categories: [{ category: 'DESTRUCTION' }] },
          },
        ],
      }),
    );
    const report = await importFile(database, file);
    expect(report.issues).toEqual([]);
    const { incident } = await query<ImpactAnswer>(IMPACT);
    expect(incident.impact).toMatchObject({
      disruptionDays: null,
      categories: [{ category: 'DESTRUCTION', description: null }],
      cyberIntensity: null,
      political: [],
      economicValue: null,
      sources: [],
    });
  });

  it('keeps its measured values when an editor changes the incident', async () => {
    await importFile(database, fixture);
    const before = await query<ImpactAnswer>(IMPACT);
    const { body } = await api.graphql(
      `mutation ($version: Int!) {
        updateIncident(id: "2023-02-test-grid-outage", version: $version,
                       patch: { title: "Renamed", impact: { disruptionDays: 3 } }) { title }
      }`,
      { version: 1 },
      as('editor'),
    );
    expect(body.errors).toBeUndefined();
    const after = await query<ImpactAnswer>(IMPACT);
    expect(after.incident.impact).toEqual({ ...before.incident.impact, disruptionDays: 3 });
  });
});

describe('claims about who ran a campaign', () => {
  it('are read from a native dataset and served by Campaign.attributions', async () => {
    await importFile(database, fixture);
    const data = await query<{ campaign: { attributions: Record<string, unknown>[] } }>(`{
      campaign(id: "test-operation") {
        attributions { actor { key } confidence basis status claimedBy assessedAt sources { url } }
      }
    }`);
    expect(data.campaign.attributions).toEqual([
      {
        actor: { key: 'test-apt' },
        confidence: 70,
        basis: 'SECURITY_INDUSTRY',
        status: 'SUSPECTED',
        claimedBy: 'Example Vendor',
        assessedAt: '2023-03-01',
        sources: [{ url: 'https://example.org/campaign/claim-1' }],
      },
    ]);
    // A campaign's claims are the import's: the attribution mutations find incident claims only.
    const claim = await query<{ campaign: { attributions: { id: string; version: number }[] } }>(
      '{ campaign(id: "test-operation") { attributions { id version } } }',
    );
    const [first] = claim.campaign.attributions;
    const { body } = await api.graphql(
      'mutation ($id: ID!, $version: Int!) { retractAttribution(id: $id, version: $version) { id } }',
      { id: first?.id, version: first?.version },
      as('editor'),
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('come from STIX campaign attributed-to intrusion-set, strongest first', async () => {
    const file = await tempFile(
      'bundle.json',
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--c',
        objects: [
          { type: 'intrusion-set', id: 'intrusion-set--a', name: 'Set A' },
          { type: 'intrusion-set', id: 'intrusion-set--b', name: 'Set B' },
          {
            type: 'campaign',
            id: 'campaign--c',
            name: 'Operation C',
            first_seen: '2021-05-01T00:00:00Z',
          },
          {
            type: 'relationship',
            id: 'relationship--1',
            relationship_type: 'attributed-to',
            source_ref: 'campaign--c',
            target_ref: 'intrusion-set--a',
            confidence: 40,
            created: '2021-06-01T00:00:00Z',
            external_references: [{ source_name: 'vendor', url: 'https://example.org/c-a' }],
          },
          {
            type: 'relationship',
            id: 'relationship--2',
            relationship_type: 'attributed-to',
            source_ref: 'campaign--c',
            target_ref: 'intrusion-set--b',
            confidence: 90,
          },
        ],
      }),
    );
    const report = await importFile(database, file);
    expect(report.issues).toEqual([]);
    expect(
      Object.keys(report.skipped).filter((reason) => reason.includes('between campaign')),
    ).toEqual([]);
    const data = await query<{ campaign: { attributions: Record<string, unknown>[] } }>(`{
      campaign(id: "operation-c") { attributions { actor { name } confidence status assessedAt } }
    }`);
    expect(data.campaign.attributions).toEqual([
      { actor: { name: 'Set B' }, confidence: 90, status: 'ATTRIBUTED', assessedAt: null },
      { actor: { name: 'Set A' }, confidence: 40, status: 'SUSPECTED', assessedAt: '2021-06-01' },
    ]);
    const before = await graphSnapshot(database);
    const again = await importFile(database, file);
    expect(again.written.campaigns).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(await graphSnapshot(database)).toEqual(before);
  });

  it('reject their campaign, and the incidents in it, when they name an actor that is nowhere', async () => {
    const file = await tempFile(
      'dangling.json',
      JSON.stringify({
        format: 'cig-dataset/1',
        sources: [{ url: 'https://example.org/s', title: 'S', publisher: 'P' }],
        campaigns: [
          {
            id: 'lonely',
            name: 'Lonely',
            attributions: [
              {
                actor: 'nobody',
                confidence: 50,
                basis: 'MEDIA',
                status: 'SUSPECTED',
                sources: ['https://example.org/s'],
              },
            ],
          },
        ],
        incidents: [
          {
            id: 'in-lonely',
            title: 'In the lonely campaign',
            startDate: '2024',
            campaign: 'lonely',
            sources: ['https://example.org/s'],
          },
        ],
      }),
    );
    const report = await importFile(database, file);
    expect(report.issues.map((i) => [i.kind, i.recordId, i.field])).toEqual([
      ['campaigns', 'lonely', 'attributions'],
      ['incidents', 'in-lonely', 'campaign'],
    ]);
    expect(report.issues[0]?.reason).toContain('names actor "nobody"');
    const [counts] = await database
      .executor()
      .read(
        cypher<{ campaigns: number; incidents: number }>(
          'test:counts',
          'RETURN COUNT { (:Campaign) } AS campaigns, COUNT { (:Incident) } AS incidents',
        ),
      );
    expect(counts).toEqual({ campaigns: 0, incidents: 0 });
  });
});

describe('an actor’s name', () => {
  it('stays the first import’s: a later import’s other name becomes an alias', async () => {
    await importFile(
      database,
      await actorFile({ id: 'sandworm-team', name: 'Sandworm Team', externalIds: ['G0034'] }),
    );
    const report = await importFile(
      database,
      await actorFile({
        id: 'sandworm',
        name: 'Sandworm',
        aliases: ['Voodoo Bear'],
        externalIds: ['G0034', 'misp:1'],
      }),
    );
    expect(report.issues).toEqual([]);
    expect((await database.executor().read(actorRow, { id: 'sandworm-team' }))[0]).toEqual({
      name: 'Sandworm Team',
      aliases: ['Sandworm', 'Voodoo Bear'],
      externalIds: ['G0034', 'misp:1'],
    });
  });

  it('has aliases without repeats whatever their case, never its own name', async () => {
    await importFile(database, fixture);
    expect((await database.executor().read(actorRow, { id: 'test-apt' }))[0]?.aliases).toEqual([
      'Test Bear',
      'Bear Crew',
    ]);
    await importFile(
      database,
      await actorFile({ id: 'test-apt', name: 'test apt', aliases: ['BEAR CREW', 'New Name'] }),
    );
    expect((await database.executor().read(actorRow, { id: 'test-apt' }))[0]).toMatchObject({
      name: 'Test APT',
      aliases: ['Test Bear', 'Bear Crew', 'New Name'],
    });
  });
});

describe('the native export', () => {
  it('round-trips the measured impact, regions and campaign claims', async () => {
    await importFile(database, fixture);
    const before = (await graphSnapshot(database, { audit: false })).map((l) =>
      l.replace(/"importSignature":"[0-9a-f]+",?/, ''),
    );
    const response = await fetch(`${api.url}/export/json`);
    const file = await tempFile('export.json', await response.text());
    await database.executor().write(cypher<never>('test:wipe', 'MATCH (n) DETACH DELETE n'));
    // Under the first import's dataset name, so the datasets compare too.
    const report = await importFile(database, file, { datasetName: 'measured-impact.json' });
    expect(report.issues).toEqual([]);
    const after = (await graphSnapshot(database, { audit: false })).map((l) =>
      l.replace(/"importSignature":"[0-9a-f]+",?/, ''),
    );
    expect(after).toEqual(before);
  });
});
