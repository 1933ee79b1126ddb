import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { emptyReadResult, type ReadResult } from '../records.js';

/** The EuRepoC Global Database and its companion files → records. (Work in progress.) */
export function readEurepoc(
  files: { file: string; text: string }[],
  _taxonomy: Taxonomy,
): ReadResult {
  const result = emptyReadResult();
  result.issues.push({
    file: files.map((f) => f.file).join(', '),
    location: 'file',
    reason: 'the eurepoc reader is not written yet',
  });
  return result;
}
