import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { projectRoot } from '../../src/paths.js';
import { openEmptyDatabase } from '../support/database.js';
import { countDataNodes, graphSnapshot } from '../support/graph-snapshot.js';
import { importFile, tempFile } from '../support/import.js';

const fixture = path.join(projectRoot, 'test/fixtures/native/small.json');
let database: Database;
let fixtureText: string;

beforeAll(async () => {
  database = await openEmptyDatabase();
  fixtureText = await readFile(fixture, 'utf8');
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.executor().write(cypher<never>('test:wipe', 'MATCH (n) DETACH DELETE n'));
});

/** The fixture with one record changed by `edit`. */
async function fixtureWith(edit: (doc: Record<string, unknown[]>) => void): Promise<string> {
  const doc = JSON.parse(fixtureText) as Record<string, unknown[]>;
  edit(doc);
  return tempFile('edited.json', JSON.stringify(doc, null, 2));
}

const incident = (doc: Record<string, unknown[]>, index: number): Record<string, unknown> =>
  doc.incidents?.[index] as Record<string, unknown>;

describe('importing a native dataset', () => {
  it('writes every record and link of the file', async () => {
    const report = await importFile(database, fixture);
    expect(report.issues).toEqual([]);
    expect(report.written.incidents).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(report.written.actors).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const [row] = await database.executor().read(
      cypher<{
        title: string;
        start: string;
        end: string;
        precision: string;
        sectors: string[];
        countries: string[];
        claims: number;
      }>(
        'test:incident',
        `MATCH (i:Incident {id: '2022-02-test-wiper'})
         RETURN i.title AS title, toString(i.startDate) AS start, toString(i.endDate) AS end, i.datePrecision AS precision,
                [(i)-[:TARGETED]->(s) | s.id] AS sectors, [(i)-[:AFFECTED]->(c) | c.iso2] AS countries,
                COUNT { (i)-[:ATTRIBUTED_TO]->() } AS claims`,
      ),
    );
    expect(row).toMatchObject({
      title: 'Wiper at a test utility',
      start: '2022-02-24',
      end: '2022-02-24',
      precision: 'DAY',
      sectors: ['electricity'],
      claims: 2,
    });
    expect(row?.countries.sort()).toEqual(['PL', 'UA']);
  });

  it('keeps a month-precise date as the month it covers, never an invented day', async () => {
    await importFile(database, fixture);
    const [row] = await database.executor().read(
      cypher<{ start: string; end: string; precision: string; endPrecision: string }>(
        'test:dates',
        `MATCH (i:Incident {id: '2022-03-test-ddos'})
         RETURN toString(i.startDate) AS start, toString(i.endDate) AS end, i.datePrecision AS precision, i.endPrecision AS endPrecision`,
      ),
    );
    expect(row).toEqual({
      start: '2022-03-01',
      end: '2022-04-30',
      precision: 'MONTH',
      endPrecision: 'MONTH',
    });
  });

  it('leaves the graph identical when the same file is imported twice', async () => {
    await importFile(database, fixture);
    const first = await graphSnapshot(database);
    const again = await importFile(database, fixture);
    expect(await graphSnapshot(database)).toEqual(first);
    expect(again.written.incidents).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.written.actors).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.written.sources).toEqual({ created: 0, updated: 0, unchanged: 2 });
  });

  it('imports a file whose kinds come in any order, incidents before what they cite', async () => {
    await importFile(database, fixture);
    const inOrder = await graphSnapshot(database, { audit: false });
    await database.executor().write(cypher<never>('test:wipe', 'MATCH (n) DETACH DELETE n'));
    const doc = JSON.parse(fixtureText) as Record<string, unknown>;
    const reversed = await tempFile(
      'reversed.json',
      JSON.stringify(Object.fromEntries(Object.entries(doc).reverse()), null, 2),
    );
    const report = await importFile(database, reversed, { datasetName: 'small.json' });
    expect(report.issues).toEqual([]);
    expect(report.written.incidents).toEqual({ created: 2, updated: 0, unchanged: 0 });
    // The same graph, pointing at the same dataset; only the dataset's record of its file differs.
    const withoutFileRecord = (lines: string[]) => lines.filter((l) => !l.startsWith('(Dataset '));
    expect(withoutFileRecord(await graphSnapshot(database, { audit: false }))).toEqual(
      withoutFileRecord(inOrder),
    );
  });

  it('updates what changed in a changed file, links included', async () => {
    await importFile(database, fixture);
    const changed = await fixtureWith((doc) => {
      incident(doc, 1).sectors = ['government-national', 'banking'];
    });
    const report = await importFile(database, changed);
    expect(report.written.incidents).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const rows = await database
      .executor()
      .read(
        cypher<{ id: string }>(
          'test:sectors',
          "MATCH (:Incident {id: '2022-03-test-ddos'})-[:TARGETED]->(s) RETURN s.id AS id ORDER BY id",
        ),
      );
    expect(rows.map((r) => r.id)).toEqual(['banking', 'government-national']);
  });
});

describe('bad input', () => {
  it('reports malformed JSON with its line and column, and writes nothing', async () => {
    const file = await tempFile(
      'broken.json',
      '{\n  "format": "cig-dataset/1",\n  "incidents": [ { "id": "x", }\n]}',
    );
    const report = await importFile(database, file, { format: 'json' });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ file, location: 'line 3, column 31' });
    expect(report.issues[0]?.reason).toMatch(/^malformed JSON/);
    expect(report.wrote).toBe(false);
    expect(await countDataNodes(database)).toBe(0);
  });

  it('rejects an impossible date, naming the record and the field, and writes the good records', async () => {
    const file = await fixtureWith((doc) => {
      incident(doc, 1).startDate = '2022-02-30';
    });
    const report = await importFile(database, file);
    expect(report.issues).toEqual([
      expect.objectContaining({
        kind: 'incidents',
        location: 'incidents[1]',
        recordId: '2022-03-test-ddos',
        field: 'startDate',
        reason: expect.stringMatching(/not a real date/) as string,
      }),
    ]);
    expect(report.rejected.incidents).toBe(1);
    expect(report.written.incidents).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const ids = await database
      .executor()
      .read(cypher<{ id: string }>('test:ids', 'MATCH (i:Incident) RETURN i.id AS id'));
    expect(ids).toEqual([{ id: '2022-02-test-wiper' }]);
  });

  it('rejects an end before the start', async () => {
    const file = await fixtureWith((doc) => {
      incident(doc, 1).endDate = '2021';
    });
    const report = await importFile(database, file);
    expect(report.issues[0]).toMatchObject({
      recordId: '2022-03-test-ddos',
      field: 'endDate',
      reason: '"2021" is before the start "2022-03"',
    });
  });

  it('rejects an unknown country code and an unknown sector', async () => {
    const file = await fixtureWith((doc) => {
      incident(doc, 0).countries = [{ country: 'XX', primary: true }];
      incident(doc, 1).sectors = ['nuclear-fusion'];
    });
    const report = await importFile(database, file);
    expect(report.issues.map((i) => [i.recordId, i.field, i.reason])).toEqual([
      [
        '2022-02-test-wiper',
        'countries.0.country',
        'unknown country code "XX" (expected ISO 3166-1 alpha-2)',
      ],
      [
        '2022-03-test-ddos',
        'sectors.0',
        'unknown sector "nuclear-fusion" (see seeds/taxonomy/sectors.json)',
      ],
    ]);
    expect(
      await database
        .executor()
        .read(cypher<{ n: number }>('test:n', 'MATCH (i:Incident) RETURN count(i) AS n')),
    ).toEqual([{ n: 0 }]);
  });

  it('rejects a wrong type, saying what was expected', async () => {
    const file = await fixtureWith((doc) => {
      const attributions = incident(doc, 1).attributions as Record<string, unknown>[];
      (attributions[0] as Record<string, unknown>).confidence = 'high';
    });
    const report = await importFile(database, file);
    expect(report.issues[0]).toMatchObject({
      recordId: '2022-03-test-ddos',
      field: 'attributions.0.confidence',
    });
    expect(report.issues[0]?.reason).toMatch(/expected number/);
  });

  it('rejects an incident whose attribution names an unknown actor, whole — not without the attribution', async () => {
    const file = await fixtureWith((doc) => {
      const attributions = incident(doc, 0).attributions as Record<string, unknown>[];
      (attributions[1] as Record<string, unknown>).actor = 'nobody-knows';
    });
    const report = await importFile(database, file);
    expect(report.issues).toEqual([
      expect.objectContaining({
        location: 'incidents[0]',
        field: 'attributions',
        reason: expect.stringMatching(/actor "nobody-knows"/) as string,
      }),
    ]);
    const ids = await database
      .executor()
      .read(cypher<{ id: string }>('test:ids', 'MATCH (i:Incident) RETURN i.id AS id'));
    expect(ids).toEqual([{ id: '2022-03-test-ddos' }]);
  });

  it('with --strict writes nothing at all when any record is bad', async () => {
    const file = await fixtureWith((doc) => {
      incident(doc, 1).startDate = 'last spring';
    });
    const report = await importFile(database, file, { strict: true });
    expect(report.wrote).toBe(false);
    expect(report.issues[0]?.reason).toMatch(/expected YYYY, YYYY-MM or YYYY-MM-DD/);
    expect(await countDataNodes(database)).toBe(0);
  });

  it('with --strict writes nothing when a reference points at nothing, found only once all is read', async () => {
    const file = await fixtureWith((doc) => {
      incident(doc, 1).organizations = ['nobody-owns-this'];
    });
    const report = await importFile(database, file, { strict: true });
    expect(report.wrote).toBe(false);
    expect(report.issues).toEqual([
      expect.objectContaining({
        location: 'incidents[1]',
        field: 'organizations',
        reason: expect.stringMatching(/organization "nobody-owns-this"/) as string,
      }),
    ]);
    expect(await countDataNodes(database)).toBe(0);
  });

  it('with --dry-run validates and reports, and writes nothing', async () => {
    const report = await importFile(database, fixture, { dryRun: true });
    expect(report.wrote).toBe(false);
    expect(report.issues).toEqual([]);
    expect(report.read.incidents).toBe(2);
    expect(await countDataNodes(database)).toBe(0);
  });

  it('refuses a file that is not a native dataset, saying which format it expected', async () => {
    const file = await tempFile(
      'other.json',
      JSON.stringify({ format: 'something-else', incidents: [] }),
    );
    const report = await importFile(database, file, { format: 'json' });
    expect(report.issues[0]?.reason).toMatch(/expected "format": "cig-dataset\/1"/);
  });
});
