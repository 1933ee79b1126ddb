import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { projectRoot } from '../../src/paths.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { openEmptyDatabase } from '../support/database.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { importFile, tempFile } from '../support/import.js';

/** An excerpt of the galaxy's threat-actor cluster: 31 real values, structure untouched. */
const galaxy = path.join(projectRoot, 'test', 'fixtures', 'misp-galaxy', 'threat-actor.json');
const values = (
  JSON.parse(readFileSync(galaxy, 'utf8')) as {
    values: { value: string; meta?: Record<string, string[] | string | undefined> }[];
  }
).values;
const listOf = (v: string[] | string | undefined): string[] =>
  Array.isArray(v) ? v : v === undefined ? [] : [v];
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
    expect(values).toHaveLength(31);
    expect(first.read.actors).toBe(31);
    const created = first.written.actors?.created ?? 0;
    expect(created).toBe(31);
    // The excerpt keeps each value's relations, most of them to values it left out.
    expect(first.skipped).toEqual({ 'relations to clusters outside this file': 67 });
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
    // Every victim name the taxonomy resolves, and every sector value it maps, once per actor.
    const taxonomy = loadTaxonomy();
    let countries = 0;
    let sectors = 0;
    for (const { meta } of values) {
      const victims = listOf(meta?.['cfr-suspected-victims']).map((v) =>
        taxonomy.resolveCountry(v),
      );
      countries += new Set(victims.filter((code) => code !== undefined)).size;
      const sectorValues = [
        ...listOf(meta?.['cfr-target-category']),
        ...listOf(meta?.['targeted-sector']),
      ];
      sectors += new Set(
        sectorValues.flatMap((v) => {
          const mapped = taxonomy.mapSector('misp', v);
          return mapped && 'ids' in mapped ? mapped.ids : [];
        }),
      ).size;
    }
    expect(countries).toBe(147);
    expect(sectors).toBe(95);
    const rows = await database.executor().read(
      cypher<{ countries: number; sectors: number; cited: boolean }>(
        'test:targets',
        `MATCH (a:Actor)-[t:TARGETS]->(x)
         WITH count(CASE WHEN x:Country THEN 1 END) AS countries, count(CASE WHEN x:Sector THEN 1 END) AS sectors,
              all(s IN collect(t.sourceIds) WHERE size(s) > 0) AS cited
         RETURN countries, sectors, cited`,
      ),
    );
    expect(rows[0]).toEqual({ countries, sectors, cited: true });

    // APT28's victims, by English name in the galaxy: the countries among them, by code.
    const apt28 = await database
      .executor()
      .read(
        cypher<{ codes: string[] }>(
          'test:apt28Targets',
          "MATCH (a:Actor {id: 'apt28'})-[:TARGETS]->(c:Country) WITH c ORDER BY c.iso2 RETURN collect(c.iso2) AS codes",
        ),
      );
    expect(apt28[0]?.codes).toEqual([
      'AF',
      'AM',
      'BE',
      'CN',
      'DE',
      'FR',
      'GB',
      'GE',
      'HU',
      'JO',
      'JP',
      'KZ',
      'MN',
      'PK',
      'PL',
      'TJ',
      'TR',
      'UA',
      'US',
    ]);
  });

  it('says which victims are not countries instead of dropping them silently', async () => {
    const report = await importFile(database, galaxy, { dryRun: true });
    const note = report.notes.find((n) => n.startsWith('victims left out as not countries'));
    expect(note).toContain('U.S. satellite and aerospace sector (1)');
    expect(note).toContain('Sony Pictures Entertainment (1)');
    expect(note).toContain('Europe (2)');
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
