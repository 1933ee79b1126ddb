import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { projectRoot } from '../../src/paths.js';
import { runCli } from '../support/cli.js';
import { openEmptyDatabase } from '../support/database.js';
import { countDataNodes } from '../support/graph-snapshot.js';
import { tempFile } from '../support/import.js';

const fixture = path.join(projectRoot, 'test/fixtures/native/small.json');
let database: Database;

beforeAll(async () => {
  database = await openEmptyDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('cig import', () => {
  it('imports a file, shows progress lines off a terminal, and ends with a summary', async () => {
    const result = await runCli(['import', fixture]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/wrote \d+\/\d+ records/);
    expect(result.stdout).toMatch(/^Imported .*small\.json \(json\)/m);
    expect(result.stdout).toMatch(/^incidents\s+2\s+2\s+0\s+0\s+0$/m);
  });

  it('exits 2 and lists the problem with file, record, field and reason when records are rejected', async () => {
    const bad = await tempFile(
      'bad.json',
      JSON.stringify({
        format: 'cig-dataset/1',
        incidents: [
          { id: 'x-1', title: 'T', startDate: '2022-02-30', sources: ['https://example.org/a'] },
        ],
      }),
    );
    const result = await runCli(['import', bad, '--dry-run']);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain(
      '  1 × startDate: "2022-02-30" is not a real date (2022-02 has 28 days) — incidents[0] (x-1)',
    );
    expect(result.stdout).toContain('nothing was written');
  });

  it('explains what to do when the format cannot be told or a CSV has no mapping', async () => {
    const unknown = await tempFile('mystery.json', '{"hello": "world"}');
    const first = await runCli(['import', unknown]);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(
      /cannot tell the format .* pass --format json\|csv\|misp\|stix\|cyberpeace\|eurepoc/,
    );
    const csv = await tempFile('x.csv', 'a,b\n1,2\n');
    const second = await runCli(['import', csv]);
    expect(second.stderr).toMatch(/needs --mapping <file>/);
    expect(await countDataNodes(database)).toBe(2 + 2 + 1 + 1 + 2);
  });
});
