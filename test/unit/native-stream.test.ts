import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { writeSyntheticDataset } from '../../src/generate/synthetic-dataset.js';
import { ImportInputError } from '../../src/import/input-error.js';
import { DatasetScanner } from '../../src/import/native/dataset-scanner.js';
import { nativeDatasetInput, readNativeDataset } from '../../src/import/native/read-native.js';
import type { RecordBatch, RecordInput } from '../../src/import/record-input.js';
import { emptyRecords, recordKinds, type RecordKind } from '../../src/import/records.js';
import { projectRoot } from '../../src/paths.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();
const fixture = path.join(projectRoot, 'test/fixtures/native/small.json');

async function fileWith(name: string, text: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'cig-stream-')), name);
  await writeFile(file, text);
  return file;
}

/** Everything one reading yields, gathered by kind, with the locations in reading order. */
async function gather(batches: AsyncIterable<RecordBatch>) {
  const records = emptyRecords();
  const locations: string[] = [];
  for await (const batch of batches) {
    (records[batch.kind] as unknown[]).push(...batch.records);
    locations.push(...batch.locations);
  }
  return { records, locations };
}

async function scan(input: RecordInput, batchSize = 500) {
  const records = emptyRecords();
  const outcome = await input.scan((batch) => {
    (records[batch.kind] as unknown[]).push(...batch.records);
  }, batchSize);
  return { records, outcome };
}

const incidentsWith = (count: number, bad: Record<number, object> = {}) =>
  Array.from({ length: count }, (_, i) => ({
    id: `inc-${i}`,
    title: `Incident ${i}`,
    startDate: '2022-03',
    sources: ['https://example.org/a'],
    ...bad[i],
  }));

describe('a native dataset streamed from its file', () => {
  it('reads the same records as the whole file read at once, in batches of one kind', async () => {
    const text = await readFile(fixture, 'utf8');
    const whole = readNativeDataset(text, fixture, taxonomy);
    const input = nativeDatasetInput(fixture, taxonomy);
    const sizes: number[] = [];
    const kinds: RecordKind[] = [];
    const outcome = await input.scan((batch) => {
      sizes.push(batch.records.length);
      kinds.push(batch.kind);
    }, 1);
    expect(outcome.issues).toEqual([]);
    expect(outcome.order).toEqual(['sources', 'actors', 'campaigns', 'organizations', 'incidents']);
    expect(sizes.every((n) => n === 1)).toBe(true);
    expect(kinds).toEqual(recordKinds.flatMap((k) => whole.records[k].map(() => k)));
    const read = await gather(input.read(new Set(recordKinds), 500));
    expect(read.records).toEqual(whole.records);
    expect(read.locations).toContain('incidents[1]');
  });

  it('reads a generated dataset exactly as the whole-text reader does', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'cig-stream-')), 'synthetic.json');
    const out = createWriteStream(file);
    await writeSyntheticDataset({ incidents: 3_000, actors: 120, seed: 5 }, taxonomy, out);
    out.end();
    await finished(out);
    const whole = readNativeDataset(await readFile(file, 'utf8'), file, taxonomy);
    const { records, outcome } = await scan(nativeDatasetInput(file, taxonomy), 250);
    expect(outcome.issues).toEqual([]);
    expect(records).toEqual(whole.records);
  });

  it('takes the kinds in any order, and a later reading of some kinds yields only those', async () => {
    const doc = JSON.parse(await readFile(fixture, 'utf8')) as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(doc).reverse());
    const file = await fileWith('reversed.json', JSON.stringify(reversed, null, 2));
    const input = nativeDatasetInput(file, taxonomy);
    const { records, outcome } = await scan(input);
    expect(outcome.issues).toEqual([]);
    expect(outcome.order).toEqual(['incidents', 'organizations', 'campaigns', 'actors', 'sources']);
    const whole = readNativeDataset(JSON.stringify(doc), fixture, taxonomy);
    expect(records).toEqual(whole.records);
    const incidentsOnly = await gather(input.read(new Set(['incidents']), 500));
    expect(incidentsOnly.records).toEqual({
      ...emptyRecords(),
      incidents: whole.records.incidents,
    });
  });

  it('names the record and field of a bad record, and goes on with the others', async () => {
    const file = await fileWith(
      'bad-record.json',
      JSON.stringify({
        format: 'cig-dataset/1',
        incidents: incidentsWith(20, { 12: { startDate: 'spring 2022' } }),
      }),
    );
    const { records, outcome } = await scan(nativeDatasetInput(file, taxonomy));
    expect(outcome.issues).toEqual([
      {
        file,
        kind: 'incidents',
        location: 'incidents[12]',
        recordId: 'inc-12',
        field: 'startDate',
        reason: 'expected YYYY, YYYY-MM or YYYY-MM-DD, got "spring 2022"',
      },
    ]);
    expect(records.incidents).toHaveLength(19);
  });

  it('reports malformed JSON with its line and column, and reads nothing of the file', async () => {
    const file = await fileWith(
      'broken.json',
      '{\n  "format": "cig-dataset/1",\n  "incidents": [ { "id": "x", }\n]}',
    );
    const { outcome } = await scan(nativeDatasetInput(file, taxonomy));
    expect(outcome.issues).toEqual([
      {
        file,
        location: 'line 3, column 31',
        reason: "malformed JSON: unexpected token '}'",
      },
    ]);
    expect(outcome.order).toEqual([]);
  });

  it('finds the position of a syntax error far into a large file', async () => {
    const good = JSON.stringify(
      { format: 'cig-dataset/1', incidents: incidentsWith(3_000) },
      null,
      1,
    );
    // Cut the last incident's closing brace: the error is hundreds of kilobytes in.
    const cut = good.lastIndexOf('}', good.lastIndexOf(']'));
    const text = `${good.slice(0, cut)}]}`;
    const file = await fileWith('late-error.json', text);
    const { outcome } = await scan(nativeDatasetInput(file, taxonomy));
    const line = text.slice(0, cut).split('\n').length;
    const column = cut - text.lastIndexOf('\n', cut - 1);
    expect(outcome.issues).toEqual([
      expect.objectContaining({ location: `line ${line}, column ${column}` }),
    ]);
    expect(outcome.issues[0]?.reason).toMatch(/^malformed JSON/);
  });

  it('reports a file that ends too early at its end', async () => {
    const file = await fileWith(
      'truncated.json',
      '{\n  "format": "cig-dataset/1",\n  "incidents": [',
    );
    const { outcome } = await scan(nativeDatasetInput(file, taxonomy));
    expect(outcome.issues).toEqual([
      { file, location: 'line 3, column 17', reason: 'malformed JSON: the file ends too early' },
    ]);
  });

  it('checks the envelope with the format schema, wherever its members stand', async () => {
    const file = await fileWith(
      'envelope.json',
      JSON.stringify({ incidents: incidentsWith(2), colour: 'blue', format: 'other/1' }),
    );
    const { outcome } = await scan(nativeDatasetInput(file, taxonomy));
    expect(outcome.issues.map((i) => [i.location, i.field, i.reason])).toEqual([
      [
        'file',
        'format',
        'expected "format": "cig-dataset/1" (is this a native dataset? use --format for others)',
      ],
      ['file', undefined, expect.stringMatching(/colour/)],
    ]);
  });

  it('refuses a kind listed twice rather than keep only one of the lists', async () => {
    const file = await fileWith(
      'twice.json',
      '{"format": "cig-dataset/1", "incidents": [], "incidents": []}',
    );
    const { outcome } = await scan(nativeDatasetInput(file, taxonomy));
    expect(outcome.issues).toEqual([
      expect.objectContaining({
        field: 'incidents',
        reason: expect.stringMatching(/more than once/) as string,
      }),
    ]);
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const file = await fileWith(
      'bom.json',
      `\uFEFF${JSON.stringify({ format: 'cig-dataset/1', incidents: incidentsWith(1) })}`,
    );
    const { records, outcome } = await scan(nativeDatasetInput(file, taxonomy));
    expect(outcome.issues).toEqual([]);
    expect(records.incidents).toHaveLength(1);
  });

  it('refuses to read again a file that changed since it was checked', async () => {
    const file = await fileWith(
      'changing.json',
      JSON.stringify({ format: 'cig-dataset/1', incidents: incidentsWith(2) }),
    );
    const input = nativeDatasetInput(file, taxonomy);
    await scan(input);
    await utimes(file, new Date(), new Date(Date.now() + 60_000));
    await expect(gather(input.read(new Set(['incidents']), 500))).rejects.toThrow(ImportInputError);
  });
});

describe('a native dataset read from a string', () => {
  it('refuses a document that is not an object, and one cut short', () => {
    expect(readNativeDataset('[1, 2]', 'x.json', taxonomy).issues).toEqual([
      expect.objectContaining({
        location: 'file',
        reason: expect.stringMatching(/expected object/) as string,
      }),
    ]);
    expect(readNativeDataset('[1, 2', 'x.json', taxonomy).issues).toEqual([
      {
        file: 'x.json',
        location: 'line 1, column 6',
        reason: 'malformed JSON: the file ends too early',
      },
    ]);
    expect(readNativeDataset('{"format": "cig-dataset/1"} 12', 'x.json', taxonomy).issues).toEqual([
      expect.objectContaining({ location: 'line 1, column 29' }),
    ]);
  });
});

describe('the dataset scanner', () => {
  it('hands each record on as soon as it is whole, never holding an array', () => {
    const seen: number[] = [];
    const scanner = new DatasetScanner({
      wants: () => true,
      record: (_kind, index) => seen.push(index),
    });
    scanner.write('{"format": "cig-dataset/1", "incidents": [');
    for (let i = 0; i < 10_000; i += 1) {
      scanner.write(`${i === 0 ? '' : ','}{"id": "inc-${i}", "title": "t"}`);
      // The element just written is handed on before the array (or the next element) goes on.
      expect(seen.length).toBe(i + 1);
    }
    scanner.write(']}');
    expect(scanner.end()).toBe(true);
    expect(seen.at(-1)).toBe(9_999);
  });

  it('builds no record of a kind it is not asked for', () => {
    const built: RecordKind[] = [];
    const scanner = new DatasetScanner({
      wants: (kind) => kind === 'sources',
      record: (kind) => built.push(kind),
    });
    scanner.write(
      JSON.stringify({
        format: 'cig-dataset/1',
        incidents: incidentsWith(50),
        sources: [{ url: 'https://example.org/a', title: 'A', publisher: 'P' }],
        actors: [{ id: 'a', nested: [[[{ deep: true }]]] }],
      }),
    );
    expect(scanner.end()).toBe(true);
    expect(built).toEqual(['sources']);
    expect(scanner.order).toEqual(['incidents', 'sources', 'actors']);
  });
});
