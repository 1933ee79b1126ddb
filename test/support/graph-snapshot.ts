import { cypher, type Database } from '../../src/db/database.js';

const NODES = cypher<{ labels: string[]; props: Record<string, unknown> }>(
  'test:nodes',
  'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props',
);
const RELATIONSHIPS = cypher<{
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}>(
  'test:relationships',
  `MATCH (a)-[r]->(b)
   RETURN type(r) AS type, coalesce(a.id, a.iso2) AS from, coalesce(b.id, b.iso2) AS to, properties(r) AS props`,
);

/**
 * The whole graph as sorted text lines: two snapshots are equal when the graphs are. Without
 * `audit`, the audit trail's records and each dataset's record of its import (when, and what it
 * found already there) are left out: two imports of the same data make the same graph, but each
 * records its own changes, at its own time.
 */
export async function graphSnapshot(
  database: Database,
  { audit = true }: { audit?: boolean } = {},
): Promise<string[]> {
  const executor = database.executor();
  const nodes = (await executor.read(NODES))
    .filter((n) => audit || !n.labels.includes('Change'))
    .map((n) => (audit || !n.labels.includes('Dataset') ? n : withoutImportRecord(n)))
    .map((n) => `(${n.labels.sort().join(':')} ${stable(n.props)})`);
  const rels = (await executor.read(RELATIONSHIPS)).map(
    (r) => `(${r.from})-[${r.type} ${stable(r.props)}]->(${r.to})`,
  );
  return [...nodes, ...rels].sort();
}

const withoutImportRecord = <N extends { props: Record<string, unknown> }>(node: N): N => ({
  ...node,
  props: { id: node.props.id, name: node.props.name },
});

const stable = (value: Record<string, unknown>): string =>
  JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))));

const COUNT = cypher<{ count: number }>(
  'test:countAll',
  `MATCH (n) WHERE NOT n:Sector AND NOT n:Country AND NOT n:Change AND NOT n:Dataset
     AND NOT n:TargetProfile AND NOT n:TargetProfileRows
   RETURN count(n) AS count`,
);

/** Nodes other than the taxonomy's, the audit trail's and the datasets (the records of imports). */
export async function countDataNodes(database: Database): Promise<number> {
  return (await database.executor().read(COUNT))[0]?.count ?? 0;
}
