/**
 * The batching shape every nested list and count shares: the body runs once per parent, bound to
 * `p` (`p.id` is the parent's key, null for a root list), inside one query for the whole batch.
 * The body must end by returning `rows` or `count`.
 */
export function perParent(body: readonly string[], output: 'rows' | 'count'): string {
  const lines = body.filter((line) => line.trim() !== '').map((line) => `  ${line}`);
  return `UNWIND $parents AS p\nCALL (p) {\n${lines.join('\n')}\n}\nRETURN p.id AS parentId, ${output}`;
}
