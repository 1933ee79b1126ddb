import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { projectRoot } from '../../src/paths.js';
import { openEmptyDatabase } from '../support/database.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { importFile, tempFile } from '../support/import.js';

const galaxy = path.join(projectRoot, '..', 'shared', 'data', 'misp-galaxy', 'threat-actor.json');
let database: Database;

beforeAll(async () => {
  database = await openEmptyDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('importing the MISP galaxy threat-actor cluster', () => {
  it('imports every actor, twice with the same result', async () => {
    const first = await importFile(database, galaxy);
    expect(first.issues).toEqual([]);
    expect(first.read.actors).toBe(1041);
    const created = first.written.actors?.created ?? 0;
    expect(created).toBeGreaterThan(1000);
    const snapshot = await graphSnapshot(database);

    const second = await importFile(database, galaxy);
    expect(second.written.actors).toEqual({ created: 0, updated: 0, unchanged: created });
    expect(await graphSnapshot(database)).toEqual(snapshot);
  });

  it('keeps synonyms as aliases, the MISP uuid and ATT&CK G-ids as external ids, and the origin', async () => {
    const [row] = await database.executor().read(
      cypher<{ name: string; aliases: string[]; externalIds: string[]; origin: string[] }>(
        'test:apt28',
        `MATCH (a:Actor) WHERE 'G0007' IN a.externalIds
         RETURN a.name AS name, a.aliases AS aliases, a.externalIds AS externalIds,
                [(a)-[:ORIGINATES_FROM]->(c) | c.iso2] AS origin`,
      ),
    );
    expect(row?.name).toBe('APT28');
    expect(row?.aliases).toEqual(expect.arrayContaining(['FANCY BEAR', 'Sednit', 'Pawn Storm']));
    expect(row?.externalIds.some((e) => e.startsWith('misp:'))).toBe(true);
    expect(row?.origin).toEqual(['RU']);
  });

  it('records reported victimology as TARGETS edges citing the galaxy, with victim names resolved', async () => {
    const rows = await database.executor().read(
      cypher<{ countries: number; sectors: number; cited: boolean }>(
        'test:targets',
        `MATCH (a:Actor)-[t:TARGETS]->(x)
         WITH count(CASE WHEN x:Country THEN 1 END) AS countries, count(CASE WHEN x:Sector THEN 1 END) AS sectors,
              all(s IN collect(t.sourceIds) WHERE size(s) > 0) AS cited
         RETURN countries, sectors, cited`,
      ),
    );
    expect(rows[0]?.countries).toBeGreaterThan(100);
    expect(rows[0]?.sectors).toBeGreaterThan(50);
    expect(rows[0]?.cited).toBe(true);
  });

  it('says which victims are not countries instead of dropping them silently', async () => {
    const report = await importFile(database, galaxy, { dryRun: true });
    const note = report.notes.find((n) => n.startsWith('victims left out as not countries'));
    expect(note).toContain('U.S. satellite and aerospace sector');
  });

  it('survives values without meta, duplicate uuids and relations to absent clusters', async () => {
    const file = await tempFile(
      'cluster.json',
      JSON.stringify({
        type: 'threat-actor',
        name: 'Threat Actor',
        uuid: 'c0',
        values: [
          {
            value: 'Meta-less Group',
            uuid: 'u-1',
            related: [{ 'dest-uuid': 'not-here', type: 'similar' }],
          },
          { value: 'Twin Group', uuid: 'u-1' },
          {
            value: 'Sub Group',
            uuid: 'u-2',
            meta: { country: 'IR' },
            related: [{ 'dest-uuid': 'u-1', type: 'part-of' }],
          },
        ],
      }),
    );
    const report = await importFile(database, file, { format: 'misp' });
    expect(report.issues).toEqual([
      expect.objectContaining({
        location: 'values[1]',
        field: 'uuid',
        reason: expect.stringMatching(/duplicate uuid u-1/) as string,
      }),
    ]);
    expect(report.skipped).toEqual({ 'relations to clusters outside this file': 1 });
    const rows = await database
      .executor()
      .read(
        cypher<{ kind: string }>(
          'test:sub',
          "MATCH (:Actor {id: 'sub-group'})-[r:AFFILIATED_WITH]->(:Actor {id: 'meta-less-group'}) RETURN r.kind AS kind",
        ),
      );
    expect(rows).toEqual([{ kind: 'SUBGROUP' }]);
  });
});
