import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../../src/db/database.js';
import { datasetName } from '../../src/import/dataset-name.js';
import { openImportInput, type ReadOptions } from '../../src/import/read-file.js';
import { runImport, type ImportReport } from '../../src/import/run-import.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

export interface ImportTestOptions extends ReadOptions {
  dryRun?: boolean;
  strict?: boolean;
  /** The dataset's name; the file's name by default, as for `cig import`. */
  datasetName?: string;
}

/** Reads and imports one file the way `cig import` does. */
export async function importFile(
  database: Database,
  file: string,
  options: ImportTestOptions = {},
): Promise<ImportReport> {
  const taxonomy = loadTaxonomy();
  const { format, input } = await openImportInput(file, taxonomy, options);
  return runImport(database.executor(), taxonomy, input, {
    dryRun: options.dryRun ?? false,
    strict: options.strict ?? false,
    batchSize: 100,
    dataset: { ...datasetName(file, options.datasetName), format },
  });
}

/** Writes text (or bytes) to a fresh temporary file and returns its path. */
export async function tempFile(name: string, text: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cig-test-'));
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}
