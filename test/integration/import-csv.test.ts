import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { ImportInputError } from '../../src/import/input-error.js';
import { projectRoot } from '../../src/paths.js';
import { openEmptyDatabase } from '../support/database.js';
import { countDataNodes, graphSnapshot } from '../support/graph-snapshot.js';
import { importFile, tempFile } from '../support/import.js';

const example = path.join(projectRoot, 'examples/csv/tracker-export.csv');
const mappingFile = path.join(projectRoot, 'examples/csv/tracker-mapping.json');
const header =
  'Incident ID,Date,Title,Summary,Victim country,Sector,Incident type,Attributed to,Source links';
let database: Database;

beforeAll(async () => {
  database = await openEmptyDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.executor().write(cypher<never>('test:wipe', 'MATCH (n) DETACH DELETE n'));
});

const csv = (...rows: string[]): Promise<string> =>
  tempFile('export.csv', [header, ...rows].join('\n'));

describe("importing another tracker's CSV export with a mapping file", () => {
  it('loads the example export as documented, resolving names through the vocabularies', async () => {
    const report = await importFile(database, example, { mappingFile });
    expect(report.issues).toEqual([]);
    expect(report.written.incidents).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const rows = await database.executor().read(
      cypher<{
        id: string;
        start: string;
        precision: string;
        countries: string[];
        sectors: string[];
        types: string[];
        actors: string[];
      }>(
        'test:csv',
        `MATCH (i:Incident) RETURN i.id AS id, toString(i.startDate) AS start, i.datePrecision AS precision,
           [(i)-[:AFFECTED]->(c) | c.iso2] AS countries, [(i)-[:TARGETED]->(s) | s.id] AS sectors, i.attackTypes AS types,
           [(i)-[:ATTRIBUTED_TO]->(a) | a.name] AS actors ORDER BY id`,
      ),
    );
    expect(rows.map((r) => r.id)).toEqual(['tracker-t-001', 'tracker-t-002', 'tracker-t-003']);
    expect(rows[0]).toMatchObject({
      start: '2022-02-24',
      precision: 'DAY',
      types: ['WIPER'],
      actors: ['Sandworm'],
    });
    expect(rows[0]?.countries.sort()).toEqual(['DE', 'UA']);
    expect(rows[2]).toMatchObject({
      start: '2022-03-01',
      precision: 'MONTH',
      types: ['DDOS'],
      actors: [],
    });
  });

  it('is idempotent', async () => {
    await importFile(database, example, { mappingFile });
    const first = await graphSnapshot(database);
    const again = await importFile(database, example, { mappingFile });
    expect(again.written.incidents).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(await graphSnapshot(database)).toEqual(first);
  });

  it('reports an unknown country per row with its line, and writes the other rows', async () => {
    const file = await csv(
      'A-1,01/01/2023,Good row,,France,Government,Espionage,,https://example.org/a',
      'A-2,02/01/2023,Bad row,,Atlantis,Government,Espionage,,https://example.org/b',
    );
    const report = await importFile(database, file, { mappingFile });
    expect(report.issues).toEqual([
      expect.objectContaining({
        location: 'line 3',
        recordId: 'A-2',
        field: 'Victim country',
        reason: 'unknown country',
        value: 'Atlantis',
      }),
    ]);
    const ids = await database
      .executor()
      .read(cypher<{ id: string }>('test:ids', 'MATCH (i:Incident) RETURN i.id AS id'));
    expect(ids).toEqual([{ id: 'tracker-a-1' }]);
  });

  it('keeps a row whose victim is known not to be a country, dropping and counting the value', async () => {
    const file = await csv(
      'A-3,01/01/2023,Row,,U.S. satellite and aerospace sector,Government,Espionage,,https://example.org/a',
    );
    const report = await importFile(database, file, { mappingFile });
    expect(report.issues).toEqual([]);
    expect(report.written.incidents).toMatchObject({ created: 1 });
    expect(report.dropped).toEqual([
      expect.objectContaining({
        location: 'line 2',
        field: 'Victim country',
        reason: expect.stringMatching(/^not a country \(a sector/) as string,
        value: 'U.S. satellite and aerospace sector',
      }),
    ]);
  });

  it('reports a broken row (wrong number of cells) and an impossible date by line', async () => {
    const file = await csv(
      'B-1,01/01/2023,Short row',
      'B-2,31/02/2023,Bad date,,France,Government,Espionage,,https://example.org/c',
    );
    const report = await importFile(database, file, { mappingFile });
    expect(report.issues.map((i) => [i.location, i.reason])).toEqual([
      ['line 2', 'expected 9 columns, found 3'],
      ['line 3', '"2023-02-31" is not a real date (2023-02 has 28 days)'],
    ]);
    expect(await countDataNodes(database)).toBe(0);
  });

  it('reports malformed CSV (an unclosed quote) with its line and writes nothing', async () => {
    const file = await csv(
      'C-1,01/01/2023,"Unclosed,,France,Government,Espionage,,https://example.org/d',
    );
    const report = await importFile(database, file, { mappingFile });
    expect(report.issues[0]?.reason).toMatch(/^malformed CSV/);
    expect(await countDataNodes(database)).toBe(0);
  });

  it('refuses a mapping that names a column the file lacks', async () => {
    const mapping = await tempFile(
      'm.json',
      JSON.stringify({
        columns: { title: 'Headline', startDate: 'Date', sources: { column: 'Source links' } },
      }),
    );
    const report = await importFile(database, example, { mappingFile: mapping });
    expect(report.issues[0]?.reason).toMatch(/title → "Headline"/);
  });

  it('refuses an invalid mapping file, naming the field', async () => {
    const mapping = await tempFile('m.json', JSON.stringify({ columns: { title: 'Title' } }));
    await expect(importFile(database, example, { mappingFile: mapping })).rejects.toThrow(
      ImportInputError,
    );
    await expect(importFile(database, example, { mappingFile: mapping })).rejects.toThrow(
      /columns\.startDate/,
    );
  });
});
