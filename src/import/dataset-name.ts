import path from 'node:path';
import { ImportInputError } from './input-error.js';
import { slugify } from './slug.js';

/** The longest dataset name: a title, not a description. */
const MAX_NAME = 200;

/** The dataset an import records: its name as given, and the key it is known by. */
export interface DatasetName {
  id: string;
  name: string;
}

/**
 * The dataset an import of `file` records: `--dataset-name` when given, else the file's name.
 * Its key is the name's slug, so "CyberPeace" and "cyberpeace" are one dataset, imported again.
 */
export function datasetName(file: string, given: string | undefined): DatasetName {
  const name = (given ?? path.basename(file)).trim();
  const id = slugify(name);
  if (name.length > MAX_NAME)
    throw new ImportInputError(
      `--dataset-name is ${name.length} characters long; a dataset name takes at most ${MAX_NAME}.`,
    );
  if (id === '')
    throw new ImportInputError(
      `--dataset-name "${given ?? name}" names no dataset: it needs a letter or a digit.`,
    );
  return { id, name };
}
