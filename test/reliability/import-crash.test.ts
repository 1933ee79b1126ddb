import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { writeSyntheticDataset } from '../../src/generate/synthetic-dataset.js';
import { projectRoot } from '../../src/paths.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { runCli } from '../support/cli.js';
import { openEmptyDatabase } from '../support/database.js';
import { countDataNodes, graphSnapshot } from '../support/graph-snapshot.js';
import { tempFile } from '../support/import.js';

/**
 * An import killed with SIGKILL half-way (no chance to clean up), then run again, must leave the
 * graph a clean import leaves: each batch is one transaction and every write is keyed, so what
 * the killed run committed is simply found again.
 */
const INCIDENTS = 2_000;
let file: string;

beforeAll(async () => {
  file = await tempFile('synthetic.json', '');
  const out = createWriteStream(file);
  await writeSyntheticDataset({ incidents: INCIDENTS, actors: 150, seed: 11 }, loadTaxonomy(), out);
  out.end();
  await finished(out);
});

/** Runs `cig import` and kills it with SIGKILL once it reports writing incidents, before the end. */
function importKilledHalfWay(): Promise<{ signal: NodeJS.Signals | null; lastLine: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'import', file, '--batch-size', '100'],
      {
        cwd: projectRoot,
        env: { ...process.env, NEO4J_URI: inject('neo4jUri'), LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let lastLine = '';
    child.stderr.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        const progress = /^wrote (\d+)\/(\d+) records .* last batch: incidents/.exec(line);
        if (progress && Number(progress[1]) < Number(progress[2]) && !child.killed) {
          lastLine = line;
          child.kill('SIGKILL');
        }
      }
    });
    child.once('error', reject);
    child.once('exit', (_code, signal) => {
      resolve({ signal, lastLine });
    });
  });
}

describe('an import killed half-way', () => {
  it('run again, gives exactly the graph of a clean import', async () => {
    const clean = await openEmptyDatabase();
    let expected: string[];
    let expectedNodes: number;
    try {
      const done = await runCli(['import', file]);
      expect(done.code, done.stderr).toBe(0);
      expected = await graphSnapshot(clean, { audit: false });
      expectedNodes = await countDataNodes(clean);
    } finally {
      await clean.close();
    }

    const crashed = await openEmptyDatabase();
    try {
      const killed = await importKilledHalfWay();
      expect(killed.signal).toBe('SIGKILL');
      expect(killed.lastLine).toMatch(/last batch: incidents/);
      // Something, but not everything, was written before the kill.
      const partial = await countDataNodes(crashed);
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(expectedNodes);

      const again = await runCli(['import', file]);
      expect(again.code, again.stderr).toBe(0);
      const after = await graphSnapshot(crashed, { audit: false });
      expect(after.length).toBe(expected.length);
      expect(after).toEqual(expected);
    } finally {
      await crashed.close();
    }
  });
});
