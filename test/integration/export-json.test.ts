/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument -- exported JSON is untyped here; every field used is checked by an assertion. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { runCli } from '../support/cli.js';
import { openEmptyDatabase } from '../support/database.js';
import { graphSnapshot } from '../support/graph-snapshot.js';
import { importFile, tempFile } from '../support/import.js';
import { useSeededApi } from '../support/seeded.js';

const taxonomy = loadTaxonomy();
const seeds = (await readSeedDataset(taxonomy)).read.records;
const seeded = useSeededApi();
const parentOf = new Map(taxonomy.sectors.map((s) => [s.id, s.parentId]));

/** The import's own bookkeeping (a hash of each record as the file ordered it) is not data. */
/**
 * The data the export carries: not the import's signature, nor which import brought a record (the
 * re-import is an import of its own).
 */
const dataOnly = (lines: string[]) =>
  lines
    .filter((l) => !l.startsWith('(Dataset ') && !l.includes('-[FROM_DATASET '))
    .map((l) =>
      l.replace(/"importSignature":"[0-9a-f]+",?/, '').replace(/"datasetIds":\[[^\]]*\],?/, ''),
    );

const download = async (query = '') => {
  const response = await fetch(`${seeded.api.url}/export/json${query}`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
};

describe('the native JSON export', () => {
  it('round-trips: exported, imported into an empty database, the graph is the same', async () => {
    const before = dataOnly(await graphSnapshot(seeded.database, { audit: false }));
    const { status, type, text } = await download();
    expect(status).toBe(200);
    expect(type).toContain('application/json');
    const file = await tempFile('export.json', text);
    const exported = JSON.parse(await readFile(file, 'utf8'));
    expect(exported.incidents).toHaveLength(seeds.incidents.length);
    expect(exported.actors).toHaveLength(seeds.actors.length);

    const emptied = await openEmptyDatabase();
    try {
      const report = await importFile(emptied, file);
      expect(report.issues).toEqual([]);
      expect(dataOnly(await graphSnapshot(emptied, { audit: false }))).toEqual(before);
    } finally {
      await emptied.close();
    }
  });

  it('exports the incidents passing a filter and what they refer to, importable on their own', async () => {
    // The empty database above now holds the re-import; the API reads the same database.
    const { text } = await download('?sectorIds=health&countryCodes=US&from=2020-01-01');
    const exported = JSON.parse(text);
    const expected = seeds.incidents
      .filter(
        (i) =>
          i.sectorIds.some((s) => s === 'health' || parentOf.get(s) === 'health') &&
          i.countries.some((c) => c.iso2 === 'US') &&
          i.endDate >= '2020-01-01',
      )
      .map((i) => i.id)
      .sort();
    expect(exported.incidents.map((i: any) => i.id).sort()).toEqual(expected);
    const actors = new Set(
      exported.incidents.flatMap((i: any) => i.attributions.map((a: any) => a.actor)),
    );
    expect(new Set(exported.actors.map((a: any) => a.id))).toEqual(actors);

    const emptied = await openEmptyDatabase();
    try {
      const report = await importFile(emptied, await tempFile('subset.json', text));
      expect(report.issues).toEqual([]);
      expect(report.written.incidents?.created).toBe(expected.length);
    } finally {
      await emptied.close();
    }
  });

  it('runs from the command line to a file, and names a bad filter there too', async () => {
    const out = await tempFile('cli-export.json', '');
    const done = await runCli([
      'export',
      '--format',
      'json',
      '--out',
      out,
      '--sector',
      'health',
      '--country',
      'US',
    ]);
    expect(done.stderr).toMatch(
      /Exported \d+ sources, \d+ actors, \d+ campaigns, \d+ organizations, [1-9]\d* incidents to /,
    );
    expect(done.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).format).toBe('cig-dataset/1');
    const bad = await runCli(['export', '--country', 'Atlantis']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--country Atlantis: not a country');
  });

  it('refuses a bad filter with 400, naming it', async () => {
    const { status, text } = await download('?countryCodes=Atlantis');
    expect(status).toBe(400);
    expect(JSON.parse(text).errors[0].message).toContain('countryCodes=Atlantis');
  });
});
