import { fragment, param, type Fragment } from '../db/cypher.js';

/**
 * The batching shape every nested list and count shares: the body runs once per parent, bound to
 * `p` (`p.id` is the parent's key, null for a root list), inside one query for the whole batch.
 * The body must end by returning `rows` or `count`.
 */
export function perParent(body: readonly string[], output: 'rows' | 'count'): string {
  const lines = body.filter((line) => line.trim() !== '').map((line) => `  ${line}`);
  return `UNWIND $parents AS p\nCALL (p) {\n${lines.join('\n')}\n}\nRETURN p.id AS parentId, ${output}`;
}

/** A parent of a batch: its key (null for a root list) and, for a sector, it with its sub-sectors. */
export interface BatchParent {
  readonly id: string | null;
  readonly sectorIds?: readonly string[];
}

/** The same shape as a fragment: the parents travel as the statement's `$parents`. */
export function forEachParent(
  parents: readonly BatchParent[],
  body: Fragment,
  output: 'rows' | 'count',
): Fragment {
  return fragment`UNWIND ${param(parents, 'parents')} AS p
CALL (p) {
  ${body}
}
RETURN p.id AS parentId, ${output === 'rows' ? ROWS : COUNT}`;
}

const ROWS = fragment`rows`;
const COUNT = fragment`count`;
