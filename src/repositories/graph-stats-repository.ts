import { cypher, type Executor } from '../db/database.js';
import { nodeLabels } from '../db/graph-model.js';

export interface LabelCountRecord {
  label: string;
  count: number;
}

/**
 * `COUNT { (:Label) }` per label, which Neo4j answers from its count store without touching nodes
 * (a UNION of per-label counts returns no rows at all on an empty 5.26 database). Labels come from
 * the model's allow-list, never from input.
 */
const COUNT_NODES_BY_LABEL = cypher<LabelCountRecord>(
  'countNodesByLabel',
  `UNWIND [${nodeLabels.map((label) => `{label: '${label}', count: COUNT { (:${label}) }}`).join(', ')}] AS row
   RETURN row.label AS label, row.count AS count`,
);

export function countNodesByLabel(executor: Executor): Promise<LabelCountRecord[]> {
  return executor.read(COUNT_NODES_BY_LABEL);
}
