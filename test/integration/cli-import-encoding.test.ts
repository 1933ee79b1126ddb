import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { runImportCli } from '../support/cli.js';
import { deleteAllButReferenceData, openEmptyDatabase } from '../support/database.js';
import { tempFile } from '../support/import.js';

/**
 * `cig import` of files in other encodings than UTF-8 (refused unless --encoding names theirs,
 * then read faithfully), and the summary and JSON report of an import with many problems.
 */
let database: Database;
beforeAll(async () => {
  database = await openEmptyDatabase();
});
beforeEach(async () => {
  await deleteAllButReferenceData(database);
});
afterAll(async () => {
  await database.close();
});

const cig = runImportCli;

const MAPPING = JSON.stringify({
  columns: {
    title: 'Title',
    startDate: 'Date',
    countries: { column: 'Country', split: ';' },
    sources: { column: 'Source', split: ' ' },
  },
  attribution: { confidence: 50, basis: 'MEDIA', status: 'SUSPECTED' },
});

/** A CSV as Excel on Windows saves it: cp1252, "é" as 0xE9 and "€" as 0x80. */
const cp1252Csv = Buffer.concat([
  Buffer.from('Title,Date,Country,Source\n'),
  Buffer.from('Caf'),
  Buffer.from([0xe9]),
  Buffer.from(' attack '),
  Buffer.from([0x80]),
  Buffer.from('5m ransom,2024-01-05,FR,https://example.org/cafe\n'),
]);

const titles = async (): Promise<string[]> =>
  (
    await database
      .executor()
      .read(
        cypher<{ title: string }>(
          'test:encodingTitles',
          'MATCH (i:Incident) RETURN i.title AS title ORDER BY title',
        ),
      )
  ).map((row) => row.title);

describe('cig import --encoding', () => {
  it('refuses a cp1252 file without --encoding, naming line, byte and bytes, writing nothing', async () => {
    const file = await tempFile('excel.csv', cp1252Csv);
    const mapping = await tempFile('mapping.json', MAPPING);
    const result = await cig(['import', file, '--mapping', mapping]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr.trim()).toBe(
      `cig: ${file} is not valid UTF-8: at line 2, byte 4 of the line (offset 29 in the file), 0xE9 0x20 is not a UTF-8 sequence; if it is in another encoding, name it with --encoding (cp1252 for files from Windows or Excel, latin1, utf-16…)`,
    );
    expect(await titles()).toEqual([]);
  });

  it('loads it with --encoding cp1252, "é" and "€" intact', async () => {
    const file = await tempFile('excel.csv', cp1252Csv);
    const mapping = await tempFile('mapping.json', MAPPING);
    const result = await cig(['import', file, '--mapping', mapping, '--encoding', 'CP1252']);
    expect(result.code, result.stderr).toBe(0);
    expect(await titles()).toEqual(['Café attack €5m ransom']);
  });

  it('loads a UTF-16 file with a byte-order mark given --encoding utf-16', async () => {
    const text = 'Title,Date,Country,Source\nŁódź outage,2024-02-01,PL,https://example.org/lodz\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const file = await tempFile('utf16.csv', bytes);
    const mapping = await tempFile('mapping.json', MAPPING);
    const refused = await cig(['import', file, '--mapping', mapping]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /UTF-16LE byte-order mark, so it is not UTF-8: pass --encoding utf-16/,
    );
    const result = await cig(['import', file, '--mapping', mapping, '--encoding', 'utf-16']);
    expect(result.code, result.stderr).toBe(0);
    expect(await titles()).toEqual(['Łódź outage']);
  });

  it('refuses an unknown encoding, listing those it knows', async () => {
    const file = await tempFile('excel.csv', cp1252Csv);
    const mapping = await tempFile('mapping.json', MAPPING);
    const result = await cig(['import', file, '--mapping', mapping, '--encoding', 'ebcdic']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/unknown --encoding "ebcdic": supported are utf-8, latin1/);
  });

  it('refuses a streamed native dataset that is not UTF-8, with its line and byte', async () => {
    const head = '{\n  "format": "cig-dataset/1",\n  "actors": [\n    {"id": "a", "name": "Caf';
    const bytes = Buffer.concat([
      Buffer.from(head),
      Buffer.from([0xe9]),
      Buffer.from('", "type": "CRIMINAL"}\n  ]\n}\n'),
    ]);
    const file = await tempFile('latin1.json', bytes);
    const result = await cig(['import', file]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(
      `${file} is not valid UTF-8: at line 4, byte 29 of the line (offset ${Buffer.byteLength(head)} in the file), 0xE9 0x22 is not a UTF-8 sequence`,
    );
    const withEncoding = await cig(['import', file, '--encoding', 'latin1']);
    expect(withEncoding.stderr).toMatch(/a native dataset is UTF-8: leave out --encoding/);
  });

  it('keeps a replacement character already in the file, but names its lines in the summary', async () => {
    const csv = 'Title,Date,Country,Source\nCaf\uFFFD attack,2024-01-05,FR,https://example.org/x\n';
    const file = await tempFile('mangled.csv', csv);
    const mapping = await tempFile('mapping.json', MAPPING);
    const result = await cig(['import', file, '--mapping', mapping]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`note: ${file}: 1 line holds U+FFFD`);
    expect(result.stdout).toContain('(line 2); stored as found');
  });
});

describe('cig import: the summary of an import with many problems', () => {
  const rows = [
    ...Array.from(
      { length: 7 },
      (_, i) => `Row ${i},2024-01-0${i + 1},Atlantis,https://example.org/${i}`,
    ),
    'Fine,2024-02-01,FR,https://example.org/fine',
    'Odd,2024-02-30,FR,https://example.org/odd',
  ];
  const csv = `Title,Date,Country,Source\n${rows.join('\n')}\n`;

  it('groups problems alike, lists at most --max-issues groups, and --report holds them all', async () => {
    const file = await tempFile('tracker.csv', csv);
    const mapping = await tempFile('mapping.json', MAPPING);
    const reportFile = path.join(path.dirname(file), 'report.json');
    const result = await cig([
      'import',
      file,
      '--mapping',
      mapping,
      '--max-issues',
      '1',
      '--report',
      reportFile,
    ]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toContain('8 problems (8 records rejected):');
    expect(result.stdout).toMatch(/^ {2}7 × .*Atlantis.* — lines 2, 3, 4, 5, 6 and 2 more$/m);
    expect(result.stdout).toContain('  … and 1 more group (1 problem)');
    expect(await titles()).toEqual(['Fine']);
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as {
      format: string;
      issues: { location: string }[];
      wrote: boolean;
    };
    expect(report.format).toBe('csv');
    expect(report.wrote).toBe(true);
    expect(report.issues.map((issue) => issue.location)).toEqual([
      'line 2',
      'line 3',
      'line 4',
      'line 5',
      'line 6',
      'line 7',
      'line 8',
      'line 10',
    ]);
  });

  it('an unwritable --report stops the import before it writes anything', async () => {
    const file = await tempFile('tracker.csv', csv);
    const mapping = await tempFile('mapping.json', MAPPING);
    const result = await cig([
      'import',
      file,
      '--mapping',
      mapping,
      '--report',
      '/no/such/dir/report.json',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cig: cannot write the report \/no\/such\/dir\/report\.json/);
    expect(await titles()).toEqual([]);
  });
});
