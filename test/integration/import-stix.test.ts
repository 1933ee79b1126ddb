import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { projectRoot } from '../../src/paths.js';
import { openEmptyDatabase } from '../support/database.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { importFile, tempFile } from '../support/import.js';

/** Excerpts of MITRE ATT&CK mobile 17.1 and of the MISP galaxy, objects unchanged. */
const fixtures = path.join(projectRoot, 'test', 'fixtures');
const attackMobile = path.join(fixtures, 'mitre-attack', 'mobile-attack-17.1-excerpt.json');
const mispActors = path.join(fixtures, 'misp-galaxy', 'threat-actor.json');
let database: Database;

beforeAll(async () => {
  database = await openEmptyDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('importing a STIX 2.1 bundle (MITRE ATT&CK mobile)', () => {
  it('imports intrusion sets and campaigns, skips and counts revoked, deprecated and unsupported objects', async () => {
    const report = await importFile(database, attackMobile);
    expect(report.issues).toEqual([]);
    expect(report.read.actors).toBe(4);
    expect(report.skipped).toMatchObject({
      'revoked objects': 2,
      'deprecated objects': 2,
      'objects of type attack-pattern': 4,
      'objects of type malware': 3,
      'relationships to or of skipped objects': 2,
      'relationships of type uses between intrusion-set and malware': 3,
    });
    // A campaign attributed-to an intrusion set is a claim that the actor ran it.
    expect(
      Object.keys(report.skipped).filter((r) => r.includes('attributed-to between campaign')),
    ).toEqual([]);
    const actors = await database
      .executor()
      .read(
        cypher<{ name: string; externalIds: string[] }>(
          'test:g',
          "MATCH (a:Actor) WHERE 'G0007' IN a.externalIds RETURN a.name AS name, a.externalIds AS externalIds",
        ),
      );
    expect(actors).toHaveLength(1);
    expect(actors[0]?.externalIds.some((e) => e.startsWith('stix:intrusion-set--'))).toBe(true);
    expect(report.written.campaigns?.created).toBe(1);
    const claims = await database
      .executor()
      .read(
        cypher<{ actor: string; confidence: number }>(
          'test:campaignClaims',
          'MATCH (:Campaign)-[r:ATTRIBUTED_TO]->(a:Actor) RETURN a.name AS actor, r.confidence AS confidence',
        ),
      );
    expect(claims).toHaveLength(1);
  });

  it('gives the same graph when imported again', async () => {
    const before = await graphSnapshot(database);
    const again = await importFile(database, attackMobile);
    expect(again.written.actors?.created).toBe(0);
    expect(again.written.actors?.updated).toBe(0);
    expect(await graphSnapshot(database)).toEqual(before);
  });

  it('recognises the same actor from MISP and ATT&CK as one node (G-id in both)', async () => {
    const report = await importFile(database, mispActors);
    // Four actors of the MISP excerpt carry a G-id of the ATT&CK excerpt; only Sandworm's slug
    // differs from the known actor's, so only its merge is a rename.
    expect(report.notes.filter((n) => /is the known actor/.test(n))).toEqual([
      'actor "Sandworm" (sandworm) is the known actor "sandworm-team"; merged into it',
    ]);
    expect(report.written.actors).toMatchObject({ created: 27, updated: 4 });
    const rows = await database
      .executor()
      .read(
        cypher<{ n: number; ids: string[][] }>(
          'test:one',
          "MATCH (a:Actor) WHERE 'G0007' IN a.externalIds RETURN count(a) AS n, collect(a.externalIds) AS ids",
        ),
      );
    expect(rows[0]?.n).toBe(1);
    const ids = rows[0]?.ids[0] ?? [];
    expect(ids.some((e) => e.startsWith('misp:'))).toBe(true);
    expect(ids.some((e) => e.startsWith('stix:'))).toBe(true);
  });

  it('survives relationships whose ends are absent and duplicate ids, reporting both', async () => {
    const file = await tempFile(
      'bundle.json',
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--1',
        objects: [
          {
            type: 'intrusion-set',
            id: 'intrusion-set--a',
            name: 'Dup Set',
            modified: '2020-01-01T00:00:00Z',
          },
          {
            type: 'intrusion-set',
            id: 'intrusion-set--a',
            name: 'Dup Set Renamed',
            modified: '2021-01-01T00:00:00Z',
          },
          { type: 'location', id: 'location--ua', country: 'UA' },
          {
            type: 'relationship',
            id: 'relationship--1',
            relationship_type: 'originates-from',
            source_ref: 'intrusion-set--a',
            target_ref: 'location--ua',
          },
          {
            type: 'relationship',
            id: 'relationship--2',
            relationship_type: 'targets',
            source_ref: 'intrusion-set--a',
            target_ref: 'identity--gone',
          },
          { type: 'x-custom-thing', id: 'x-custom-thing--1' },
        ],
      }),
    );
    const report = await importFile(database, file, { format: 'stix' });
    expect(report.issues).toEqual([]);
    expect(report.skipped).toMatchObject({
      'duplicate ids (older version dropped)': 1,
      'relationships whose ends are absent from the bundle': 1,
      'objects of type x-custom-thing': 1,
    });
    const rows = await database
      .executor()
      .read(
        cypher<{ origin: string[] }>(
          'test:dup',
          "MATCH (a:Actor {name: 'Dup Set Renamed'}) RETURN [(a)-[:ORIGINATES_FROM]->(c) | c.iso2] AS origin",
        ),
      );
    expect(rows).toEqual([{ origin: ['UA'] }]);
  });
});
