import { fragment, join, param, type Fragment } from '../db/cypher.js';

/**
 * A parent of a batch: its key (null for a root list, which hangs off nothing) and, for a sector,
 * it with its sub-sectors (`sectorIds`), since a sector's incidents include its sub-sectors'.
 */
export interface BatchParent {
  readonly id: string | null;
  readonly sectorIds?: readonly string[];
}

/** What a batched statement returns per parent, beside its key. */
const outputs = {
  rows: fragment`rows`,
  count: fragment`count`,
  'rows and count': fragment`rows, count`,
};

/**
 * The batching shape every nested list and count shares: the body runs once per parent, bound to
 * `p` (`p.id` is the parent's key), inside one query for the whole batch; the parents travel as
 * the statement's `$parents`. The body must end by returning `rows`, `count`, or both.
 */
export function forEachParent(
  parents: readonly BatchParent[],
  body: Fragment,
  output: keyof typeof outputs,
): Fragment {
  return fragment`UNWIND ${param(parents, 'parents')} AS p
CALL (p) {
  ${body}
}
RETURN p.id AS parentId, ${outputs[output]}`;
}

/** A body's lines, indented as forEachParent's body, those that hold nothing left out. */
export const lines = (parts: readonly Fragment[]): Fragment => join(parts, '\n  ');
