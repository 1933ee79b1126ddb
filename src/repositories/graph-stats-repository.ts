import { cypher, type Executor } from '../db/database.js';
import { nodeLabels } from '../db/graph-model.js';

export interface LabelCountRecord {
  label: string;
  count: number;
}

/**
 * One `MATCH (n:Label) RETURN count(n)` per label, which Neo4j answers from its count store
 * without touching nodes; the labels come from the model's allow-list, never from input.
 */
const COUNT_NODES_BY_LABEL = cypher<LabelCountRecord>(
  'countNodesByLabel',
  nodeLabels
    .map((label) => `MATCH (n:${label}) RETURN '${label}' AS label, count(n) AS count`)
    .join('\nUNION ALL\n'),
);

export function countNodesByLabel(executor: Executor): Promise<LabelCountRecord[]> {
  return executor.read(COUNT_NODES_BY_LABEL);
}
