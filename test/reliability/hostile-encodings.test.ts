import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { runImportCli, type CliResult } from '../support/cli.js';
import { deleteAllButReferenceData, openEmptyDatabase } from '../support/database.js';
import { tempFile } from '../support/import.js';

/**
 * Hostile bytes given to `cig import` in every format: sequences that are not UTF-8 (a stray
 * byte, an overlong form, an encoded surrogate, a sequence cut by the end of the file), UTF-16
 * with and without a byte-order mark, a mark that contradicts --encoding. Each is refused whole:
 * exit 1, one line naming the file and where, nothing written, no U+FFFD stored in its place.
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

const written = async () =>
  (
    await database
      .executor()
      .read(
        cypher<{ n: number }>(
          'test:hostileEncodingWritten',
          'RETURN COUNT { (n) WHERE n:Actor OR n:Incident OR n:Campaign OR n:Organization OR n:Source } AS n',
        ),
      )
  )[0]?.n;

/** Exit 1 and one `cig:` message on stderr, no stack trace, no log line: the message. */
function refusal(result: CliResult): string {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).not.toMatch(/^\{"level"/m);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  const messages = result.stderr.split('\n').filter((line) => line.startsWith('cig: '));
  expect(messages, result.stderr).toHaveLength(1);
  return messages[0] ?? '';
}

const MAPPING = JSON.stringify({
  columns: { title: 'Title', startDate: 'Date', sources: { column: 'Source', split: ' ' } },
  attribution: { confidence: 50, basis: 'MEDIA', status: 'SUSPECTED' },
});

/** A file of each format whose actor or title is `name`, around bytes that may not be UTF-8. */
const formats: { format: string; file: string; around: (name: Buffer) => Buffer }[] = [
  {
    format: 'json',
    file: 'n.json',
    around: (name) =>
      wrap(
        '{"format": "cig-dataset/1",\n"actors": [{"id": "crew", "type": "CRIMINAL", "name": "',
        name,
        '"}]}\n',
      ),
  },
  {
    format: 'misp',
    file: 'm.json',
    around: (name) =>
      wrap(
        '{"type": "threat-actor", "name": "Threat Actor", "uuid": "7cdff317-a673-4474-84ec-4f1754947823",\n"values": [{"uuid": "a1b2c3d4-0000-4000-8000-000000000001", "value": "',
        name,
        '"}]}\n',
      ),
  },
  {
    format: 'stix',
    file: 's.json',
    around: (name) =>
      wrap(
        '{"type": "bundle", "id": "bundle--5f3b7a9e-0000-4000-8000-000000000001",\n"objects": [{"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--5f3b7a9e-0000-4000-8000-000000000002", "name": "',
        name,
        '"}]}\n',
      ),
  },
  {
    format: 'csv',
    file: 'c.csv',
    around: (name) => wrap('Title,Date,Source\n', name, ',2024-01-01,https://example.org/x\n'),
  },
  {
    format: 'cyberpeace',
    file: 'cp.json',
    around: (name) => wrap('[{"event": {"_key": "1",\n"eventName": "', name, '"}}]\n'),
  },
  {
    format: 'eurepoc',
    file: 'e.csv',
    around: (name) => wrap('ID,name\n', name, ',x\n'),
  },
];

function wrap(before: string, middle: Buffer, after: string): Buffer {
  return Buffer.concat([Buffer.from(before), middle, Buffer.from(after)]);
}

const argsFor = async (format: string): Promise<string[]> => [
  '--format',
  format,
  ...(format === 'csv' ? ['--mapping', await tempFile('mapping.json', MAPPING)] : []),
];

interface BadBytes {
  name: string;
  bytes: number[];
  shown: string;
}
const stray: BadBytes = {
  name: 'a latin1 byte',
  bytes: [0x43, 0x61, 0x66, 0xe9],
  shown: '0xE9 0x',
};
const others: BadBytes[] = [
  { name: 'an overlong "/"', bytes: [0x61, 0xc0, 0xaf], shown: '0xC0 is not' },
  { name: 'an encoded surrogate', bytes: [0x61, 0xed, 0xa0, 0x80], shown: '0xED 0xA0 is not' },
  { name: 'a byte never in UTF-8', bytes: [0x61, 0xff], shown: '0xFF is not' },
];

describe('hostile encodings: bytes that are not UTF-8, in every format', () => {
  // A stray byte in every format; the other sequences in one streamed and one whole-read format.
  const streamedAndWhole = formats.filter((f) => f.format === 'json' || f.format === 'csv');
  const cases = [
    ...formats.map((f) => ({ ...f, ...stray })),
    ...streamedAndWhole.flatMap((f) => others.map((bad) => ({ ...f, ...bad }))),
  ];
  it.each(cases)('$format with $name is refused with line 2 and the bytes', async (c) => {
    const file = await tempFile(c.file, c.around(Buffer.from(c.bytes)));
    const message = refusal(await cig(['import', file, ...(await argsFor(c.format))]));
    expect(message).toContain(`${file} is not valid UTF-8: at line 2, byte`);
    expect(message).toContain(c.shown);
    expect(await written()).toBe(0);
  });

  it.each(streamedAndWhole)('$format cut in the middle of a character is refused', async (c) => {
    const whole = c.around(Buffer.from('€'));
    const file = await tempFile(c.file, whole.subarray(0, whole.indexOf(0xe2) + 2));
    const message = refusal(await cig(['import', file, ...(await argsFor(c.format))]));
    expect(message).toMatch(/the file ends in the middle of a UTF-8 sequence \(0xE2 0x82\)/);
    expect(await written()).toBe(0);
  });
});

describe('hostile encodings: UTF-16 and byte-order marks', () => {
  it.each(formats)(
    '$format in UTF-16 with its mark, without --encoding, says what to pass',
    async (c) => {
      const text = c.around(Buffer.from('Crew')).toString('utf8');
      const file = await tempFile(
        c.file,
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      );
      const message = refusal(await cig(['import', file, ...(await argsFor(c.format))]));
      expect(message).toContain(
        'UTF-16LE byte-order mark, so it is not UTF-8: pass --encoding utf-16',
      );
      expect(await written()).toBe(0);
    },
  );

  it('a UTF-16 file without a mark is refused at its first NUL, with the hint', async () => {
    const file = await tempFile('c.csv', Buffer.from('Title,Date,Source\n', 'utf16le'));
    const message = refusal(await cig(['import', file, ...(await argsFor('csv'))]));
    expect(message).toMatch(
      /holds a NUL character at line 1, column 2.*--encoding utf-16le or utf-16be/,
    );
  });

  it('a UTF-8 mark under --encoding cp1252, a UTF-16 file of odd length, an unknown encoding', async () => {
    const args = await argsFor('csv');
    const marked = await tempFile('c.csv', Buffer.from('\uFEFFTitle,Date,Source\n'));
    expect(refusal(await cig(['import', marked, ...args, '--encoding', 'cp1252']))).toContain(
      'starts with a UTF-8 byte-order mark, so it is not cp1252: leave out --encoding',
    );
    const odd = await tempFile(
      'c.csv',
      Buffer.concat([Buffer.from('Title,Date,Source\n', 'utf16le'), Buffer.from([0x41])]),
    );
    expect(refusal(await cig(['import', odd, ...args, '--encoding', 'utf-16le']))).toMatch(
      /is not valid UTF-16LE: line 2, offset 36 in the file: the file ends with half a character/,
    );
    expect(refusal(await cig(['import', odd, ...args, '--encoding', 'utf-7']))).toMatch(
      /unknown --encoding "utf-7": supported are/,
    );
    expect(await written()).toBe(0);
  });
});

describe('hostile encodings: the streamed native reader across chunk boundaries', () => {
  /** The reader's chunk: 64 KiB. Whitespace before the actors puts a name's character on its edge. */
  const CHUNK = 1 << 16;
  const HEAD = '{"format": "cig-dataset/1",\n';
  const dataset = (spaces: number, name: Buffer): Buffer =>
    wrap(
      `${HEAD}${' '.repeat(spaces)}"actors": [{"id": "crew", "type": "CRIMINAL", "name": "`,
      name,
      '"}]}\n',
    );
  const nameAt = dataset(0, Buffer.alloc(0)).length - '"}]}\n'.length;

  it('a character cut by the chunk edge is read whole', async () => {
    // "Crew " then "€" from the last byte of the first chunk on.
    const file = await tempFile('n.json', dataset(CHUNK - nameAt - 6, Buffer.from('Crew € ok')));
    const result = await cig(['import', file]);
    expect(result.code, result.stderr).toBe(0);
    const [row] = await database
      .executor()
      .read(
        cypher<{ name: string }>(
          'test:hostileEncodingName',
          "MATCH (a:Actor {id: 'crew'}) RETURN a.name AS name",
        ),
      );
    expect(row?.name).toBe('Crew € ok');
  });

  it('a bad byte in a later chunk is named with its line and offset', async () => {
    const spaces = CHUNK * 2;
    const file = await tempFile('n.json', dataset(spaces, Buffer.from([0x43, 0xe9])));
    const message = refusal(await cig(['import', file]));
    const offset = nameAt + spaces + 1;
    expect(message).toContain(
      `at line 2, byte ${offset - HEAD.length + 1} of the line (offset ${offset} in the file), 0xE9 0x22 is not a UTF-8 sequence`,
    );
    expect(await written()).toBe(0);
  });
});
