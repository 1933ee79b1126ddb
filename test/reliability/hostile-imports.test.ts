import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { runImportCli, type CliResult } from '../support/cli.js';
import { deleteAllButReferenceData, openEmptyDatabase } from '../support/database.js';
import { tempFile } from '../support/import.js';

/**
 * Hostile files given to `cig import`: fields far over their limits in every format, malformed
 * files under every --format, a missing file, a bad option. Each ends with the exit code the README
 * states, a message of one line (no log line, no stack trace), and a graph without the bad record.
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

const MEGABYTE = 'x'.repeat(1_000_000);
const SOURCE = 'https://example.org/hostile';

/**
 * Records other than sources, with their audit records: what a rejected record would have left (a
 * MISP file's own source is written with it, as it describes the galaxy, not the bad value).
 */
const written = async () =>
  (
    await database
      .executor()
      .read(
        cypher<{ n: number }>(
          'test:hostileWritten',
          "RETURN COUNT { (n) WHERE n:Actor OR n:Incident OR n:Campaign OR n:Organization OR (n:Change AND n.entityType <> 'Source') } AS n",
        ),
      )
  )[0]?.n;

/** stderr holds no JSON log line and no stack trace; its last line is the one `cig:` message. */
function expectOneLineMessage(result: CliResult): string {
  expect(result.stderr).not.toMatch(/^\{"level"/m);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  const messages = result.stderr.split('\n').filter((line) => line.startsWith('cig: '));
  expect(messages, result.stderr).toHaveLength(1);
  return messages[0] ?? '';
}

const native = (actor: Record<string, unknown>) =>
  JSON.stringify({
    format: 'cig-dataset/1',
    actors: [{ id: 'hostile-crew', name: 'Hostile Crew', type: 'CRIMINAL', ...actor }],
  });
const misp = (value: Record<string, unknown>) =>
  JSON.stringify({
    type: 'threat-actor',
    name: 'Threat Actor',
    uuid: '7cdff317-a673-4474-84ec-4f1754947823',
    values: [{ value: 'Hostile Crew', uuid: 'a1b2c3d4-0000-4000-8000-000000000001', ...value }],
  });
const stix = (object: Record<string, unknown>) =>
  JSON.stringify({
    type: 'bundle',
    id: 'bundle--5f3b7a9e-0000-4000-8000-000000000001',
    objects: [
      {
        type: 'intrusion-set',
        spec_version: '2.1',
        id: 'intrusion-set--5f3b7a9e-0000-4000-8000-000000000002',
        name: 'Hostile Crew',
        ...object,
      },
    ],
  });
const CSV_MAPPING = JSON.stringify({
  columns: { title: 'Title', startDate: 'Date', sources: { column: 'Source', split: ' ' } },
  attribution: { confidence: 50, basis: 'MEDIA', status: 'SUSPECTED' },
});
const csv = (title: string) => `Title,Date,Source\n"${title}",2024-01-01,${SOURCE}\n`;

interface OversizedCase {
  name: string;
  file: string;
  text: string;
  args?: string[];
  /** What the summary names: the rejected field. */
  field: RegExp;
}

const oversized: OversizedCase[] = [
  { name: 'native: a 1 MB name', file: 'n.json', text: native({ name: MEGABYTE }), field: /name/ },
  {
    name: 'native: a 1 MB description',
    file: 'n.json',
    text: native({ description: MEGABYTE }),
    field: /description/,
  },
  { name: 'MISP: a 1 MB name', file: 'm.json', text: misp({ value: MEGABYTE }), field: /name/ },
  {
    name: 'MISP: a 1 MB description',
    file: 'm.json',
    text: misp({ description: MEGABYTE }),
    field: /description/,
  },
  {
    name: 'MISP: a 300 KB alias',
    file: 'm.json',
    text: misp({ meta: { synonyms: ['x'.repeat(300_000)] } }),
    field: /aliases\.0/,
  },
  { name: 'STIX: a 1 MB name', file: 's.json', text: stix({ name: MEGABYTE }), field: /name/ },
  {
    name: 'STIX: a 1 MB description',
    file: 's.json',
    text: stix({ description: MEGABYTE }),
    field: /description/,
  },
  { name: 'CSV: a 1 MB title', file: 'c.csv', text: csv(MEGABYTE), field: /title/ },
];

describe('hostile imports: fields over their limits', () => {
  it.each(oversized)('$name is rejected, named, before anything is written', async (c) => {
    const file = await tempFile(c.file, c.text);
    const mapping = c.file.endsWith('.csv') ? await tempFile('mapping.json', CSV_MAPPING) : '';
    const result = await cig(['import', file, ...(mapping ? ['--mapping', mapping] : [])]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).not.toMatch(/^\{"level"/m);
    const issue = result.stdout
      .split('\n')
      .find((line) => /at most \d+ characters are allowed/.test(line));
    expect(issue, result.stdout).toMatch(c.field);
    expect(await written()).toBe(0);
  });
});

describe('hostile imports: files that cannot be imported at all', () => {
  const malformed: { format: string; file: string; text: string }[] = [
    { format: 'json', file: 'broken.json', text: '{"format": "cig-dataset/1", "actors": [' },
    { format: 'misp', file: 'broken.json', text: '{"type": "threat-actor", "values": [{' },
    { format: 'stix', file: 'broken.json', text: '{"type": "bundle", "objects": [' },
    { format: 'csv', file: 'broken.csv', text: 'Title,Date,Source\n"unclosed,2024-01-01,x\n' },
    { format: 'eurepoc', file: 'broken.csv', text: 'ID,name,incident_type\n"unclosed,x,y\n' },
    { format: 'stix', file: 'not-stix.json', text: '{"format": "cig-dataset/1"}' },
    { format: 'misp', file: 'not-misp.json', text: '[1, 2, 3]' },
  ];
  it.each(malformed)(
    'a malformed file given --format $format ($file) exits 1 with one line, writing nothing',
    async (c) => {
      const file = await tempFile(c.file, c.text);
      const mapping =
        c.format === 'csv' ? ['--mapping', await tempFile('m.json', CSV_MAPPING)] : [];
      const result = await cig(['import', file, '--format', c.format, ...mapping]);
      expect(result.code, result.stderr).toBe(1);
      expect(expectOneLineMessage(result)).toContain(file);
      expect(await written()).toBe(0);
    },
  );

  it('a missing file exits 1 with one line naming it', async () => {
    const result = await cig(['import', '/no/such/dir/missing.json']);
    expect(result.code).toBe(1);
    expect(expectOneLineMessage(result)).toBe(
      "cig: cannot read /no/such/dir/missing.json: ENOENT: no such file or directory, open '/no/such/dir/missing.json'",
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a bad option or option value exits 1 with one line, and no help page', async () => {
    const file = await tempFile('ok.json', native({}));
    for (const args of [['--bogus'], ['--format', 'xml'], ['--batch-size', '0']]) {
      const result = await cig(['import', file, ...args]);
      expect(result.code).toBe(1);
      expect(expectOneLineMessage(result)).toMatch(/option/);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await written()).toBe(0);
  });

  it('with LOG_LEVEL=debug, the stack trace follows the message', async () => {
    const result = await cig(['import', '/no/such/dir/missing.json'], { LOG_LEVEL: 'debug' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cig: cannot read/);
    expect(result.stderr).toMatch(/^\s+at /m);
  });
});
