import { access, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { runCli } from '../support/cli.js';
import { useSeededApi } from '../support/seeded.js';

/**
 * Export filters: every value checked before the first byte (HTTP 400 naming it, or exit code 1
 * with one line and no file), repeated parameters taken as lists, unknown routes a JSON 404.
 * The refusals themselves are in the hostile-request corpus (test/reliability/hostile/).
 */

const seeds = (await readSeedDataset(loadTaxonomy())).read.records;
const seeded = useSeededApi();

interface ExportedIncident {
  id: string;
}
const exported = async (query: string): Promise<string[]> => {
  const response = await fetch(`${seeded.api.url}/export/json${query}`);
  expect(response.status, query).toBe(200);
  const dataset = (await response.json()) as { incidents: ExportedIncident[] };
  return dataset.incidents.map((i) => i.id).sort();
};
const attributedTo = (...actors: string[]) =>
  seeds.incidents
    .filter((i) => i.attributions.some((a) => actors.includes(a.actorId)))
    .map((i) => i.id)
    .sort();
const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

describe('export filters over HTTP', () => {
  it('take a repeated parameter as a list, the same as comma-separated values', async () => {
    const both = await exported('?actorIds=sandworm&actorIds=apt28');
    expect(both).toEqual(attributedTo('sandworm', 'apt28'));
    expect(await exported('?actorIds=sandworm,apt28')).toEqual(both);
    // Not "everything", as when a repeated parameter was dropped.
    expect(await exported('?actorIds=a&actorIds=nope')).toEqual([]);
  });

  it('read dates at their precision', async () => {
    const march = await exported('?from=2022-03&to=2022-03');
    expect(march.length).toBeGreaterThan(0);
    expect(march).toEqual(await exported('?from=2022-03-01&to=2022-03-31'));
    expect(march).toEqual(
      seeds.incidents
        .filter((i) => i.endDate >= '2022-03-01' && i.startDate <= '2022-03-31')
        .map((i) => i.id)
        .sort(),
    );
  });

  it('take the claim conditions of IncidentFilter', async () => {
    const confident = await exported('?minConfidence=90&attributionStatuses=ATTRIBUTED');
    expect(confident).toEqual(
      seeds.incidents
        .filter((i) => i.attributions.some((a) => a.confidence >= 90 && a.status === 'ATTRIBUTED'))
        .map((i) => i.id)
        .sort(),
    );
  });

  it('refuse a bad value with a JSON 400 naming the parameter and the value, before any byte of export', async () => {
    const response = await fetch(
      `${seeded.api.url}/export/csv/incidents?from=2022-02-30&countryCodes=UA,Atlantis`,
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'Export filter from=2022-02-30: "2022-02-30" is not a real date (2022-02 has 28 days).',
          extensions: { code: 'BAD_USER_INPUT', parameter: 'from', value: '2022-02-30' },
        },
        {
          message:
            'Export filter countryCodes=Atlantis: not a country (use ISO 3166-1 codes such as UA).',
          extensions: { code: 'BAD_USER_INPUT', parameter: 'countryCodes', value: 'Atlantis' },
        },
      ],
    });
  });

  it('answer an unknown route, under /export or not, with a JSON 404', async () => {
    for (const route of ['/export/xml', '/export/json/extra', '/nothing/here']) {
      const response = await fetch(`${seeded.api.url}${route}`);
      expect(response.status, route).toBe(404);
      expect(await response.json()).toMatchObject({
        errors: [{ message: `No route answers GET ${route}.`, extensions: { code: 'NOT_FOUND' } }],
      });
    }
  });
});

describe('export filters on the command line', () => {
  it('refuse a bad date with one line naming the option, exit code 1, and no file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cig-export-'));
    const out = path.join(dir, 'export.json');
    const bad = await runCli(['export', '--from', '2022-13-45', '--out', out]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('cig export: --from 2022-13-45: "2022-13-45" has no month 13\n');
    expect(await exists(out)).toBe(false);
  });

  it('leave an existing file as it was, and refuse an option given twice', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cig-export-'));
    const out = path.join(dir, 'export.json');
    await writeFile(out, 'the last good export');
    const twice = await runCli(['export', '--from', '2022', '--from', '2023', '--out', out]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toBe(
      'cig export: --from 2022,2023: given 2 times; from takes one value\n',
    );
    expect(await readFile(out, 'utf8')).toBe('the last good export');
  });

  it('create no CSV folder for a refused filter', async () => {
    const folder = path.join(await mkdtemp(path.join(tmpdir(), 'cig-export-')), 'tables');
    const bad = await runCli([
      'export',
      '--format',
      'csv',
      '--out',
      folder,
      '--min-confidence',
      'high',
      '--status',
      'CONFIRMED',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.split('\n')).toEqual([
      'cig export: --min-confidence high: not a whole number from 0 to 100',
      'cig export: --status CONFIRMED: not one of CLAIMED, SUSPECTED, ATTRIBUTED, DISPUTED, RETRACTED',
      '',
    ]);
    expect(await exists(folder)).toBe(false);
  });

  it('export with the claim options, leaving no temporary file beside the result', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cig-export-'));
    const out = path.join(dir, 'export.json');
    const done = await runCli([
      'export',
      '--out',
      out,
      '--actor',
      'sandworm',
      '--actor',
      'Actor:apt28',
      '--cross-border',
      'true',
    ]);
    expect(done.code).toBe(0);
    const dataset = JSON.parse(await readFile(out, 'utf8')) as { incidents: ExportedIncident[] };
    expect(dataset.incidents.map((i) => i.id).sort()).toEqual(
      await exported('?actorIds=sandworm,apt28&crossBorder=true'),
    );
    expect(await readdir(dir)).toEqual(['export.json']);
  });
});
