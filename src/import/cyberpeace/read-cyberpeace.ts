import type { Taxonomy } from '../../taxonomy/taxonomy.js';
import { emptyReadResult, type ReadResult } from '../records.js';

/** CyberPeace Institute event records → records. (Work in progress.) */
export function readCyberPeace(_text: string, file: string, _taxonomy: Taxonomy): ReadResult {
  const result = emptyReadResult();
  result.issues.push({
    file,
    location: 'file',
    reason: 'the cyberpeace reader is not written yet',
  });
  return result;
}
