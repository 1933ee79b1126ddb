import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Executor } from '../db/database.js';
import { seedsDir } from '../paths.js';
import { countIncidents } from '../repositories/import-repository.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';
import { sha256Of } from './file-hash.js';
import { readNativeDataset } from './native/read-native.js';
import { inMemoryInput } from './record-input.js';
import { formatIssue, type ReadResult } from './records.js';
import { combineReads, runImport, type ImportReport } from './run-import.js';
import { writeTaxonomy } from './writer.js';

export const seedDatasetDir = path.join(seedsDir, 'dataset');

/** Every file of the curated dataset, read as one import (actors are shared across files). */
export async function readSeedDataset(
  taxonomy: Taxonomy,
): Promise<{ files: string[]; read: ReadResult; sha256: string }> {
  const names = (await readdir(seedDatasetDir)).filter((n) => n.endsWith('.json')).sort();
  const files = names.map((n) => path.join(seedDatasetDir, n));
  const contents = await Promise.all(files.map((f) => readFile(f)));
  const reads = files.map((f, i) =>
    readNativeDataset(contents[i]?.toString('utf8') ?? '', path.relative(seedsDir, f), taxonomy),
  );
  return { files: names, read: combineReads(reads), sha256: sha256Of(contents) };
}

/** The dataset the curated incidents and actors point at. */
export const seedsDataset = { id: 'seeds', name: 'seeds', format: 'json' } as const;

export type SeedOutcome =
  { loaded: true; report: ImportReport } | { loaded: false; reason: string };

/**
 * Brings a database up to the project's reference data: the taxonomy always (idempotent), the
 * curated incidents only into a database that has none, so a user's own data is never mixed with
 * a second copy of the seeds. A seed that fails validation is a bug in the repository: it throws.
 */
export async function loadSeeds(executor: Executor, taxonomy: Taxonomy): Promise<SeedOutcome> {
  if ((await countIncidents(executor)) > 0) {
    await writeTaxonomy(executor, taxonomy, { batchSize: 500 });
    return { loaded: false, reason: 'the database already holds incidents' };
  }
  // The import writes the taxonomy before the records that link to it.
  const { files, read, sha256 } = await readSeedDataset(taxonomy);
  const report = await runImport(executor, taxonomy, inMemoryInput(files, read, sha256), {
    dryRun: false,
    strict: true,
    batchSize: 500,
    dataset: seedsDataset,
  });
  if (!report.wrote) {
    throw new Error(
      `the seed dataset is invalid:\n  ${report.issues.map(formatIssue).join('\n  ')}`,
    );
  }
  return { loaded: true, report };
}
