import { fragment, param, statement, trusted, type Statement } from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import { nodeKeys, type GraphNodeRef } from '../db/graph-model.js';
import {
  byEdgeIdentity,
  link,
  linkEdge,
  MODEL_LABELS,
  modelNode,
  stored,
  SubgraphParts,
  type StoredLink,
  type StoredNode,
  type SubgraphEdgeRecord,
  type SubgraphEdgeRef,
  type SubgraphRecord,
  type SubgraphSelection,
} from './subgraph.js';

export interface PathRecord {
  nodes: GraphNodeRef[];
  /** The edges walked, in order. */
  edges: SubgraphEdgeRef[];
  length: number;
}

export interface PathsAnswer {
  subgraph: SubgraphRecord;
  paths: PathRecord[];
}

/**
 * Every shortest path (relationships walked in either direction) between two nodes, at most
 * `maxHops` long. The database finds all of them; the order among equally short paths is fixed
 * by their node keys, so the same question always gets the same `first` paths; paths that differ
 * only by a parallel relationship (two claims naming the same actor) count once, walking the first
 * of them by edge id, and the subgraph holds every one of them. `truncated` says there were more.
 */
function pathsStatement(
  from: GraphNodeRef,
  to: GraphNodeRef,
  maxHops: number,
  first: number,
  selection: SubgraphSelection,
): Statement<{ nodes: StoredNode[]; hops: StoredLink[][] }> {
  // Labels and key names come from the model's allow-list; maxHops is an integer 0–6 checked by
  // the resolver (a quantifier takes no parameter). Paths run through nodes of the graph model
  // only, never through audit records, merge tombstones or hypotheses.
  const start = fragment`(a:${trusted(from.type)} {${trusted(nodeKeys[from.type])}: ${param(from.key, 'fromKey')}})`;
  const end = fragment`(b:${trusted(to.type)} {${trusted(nodeKeys[to.type])}: ${param(to.key, 'toKey')}})`;
  return statement(
    'analysis:paths',
    fragment`MATCH ${start}, ${end}
MATCH p = ALL SHORTEST (a) ((u)-[]-(v) WHERE any(l IN labels(v) WHERE l IN ${MODEL_LABELS})){0,${trusted(String(maxHops))}} (b)
WITH reduce(k = '', n IN nodes(p) | k + '|' + coalesce(n.id, n.iso2)) AS order, collect(p)[0] AS p
ORDER BY order
LIMIT toInteger(${param(first, 'limit')}) + 1
CALL (p) {
  UNWIND range(0, length(p) - 1) AS step
  WITH step, nodes(p)[step] AS x, nodes(p)[step + 1] AS y
  MATCH (x)-[r]-(y)
  WITH step, collect(${link('r', selection.edgeProperties)}) AS parallel ORDER BY step
  RETURN collect(parallel) AS hops
}
RETURN [n IN nodes(p) | ${stored(fragment`n`, selection.nodeProperties)}] AS nodes, hops
ORDER BY order`,
  );
}

/** The edge a path walks between two nodes: the first of the relationships joining them. */
function walked(parallel: SubgraphEdgeRecord[]): SubgraphEdgeRef {
  const [first] = parallel;
  // The path itself walked one of them, so there is always one.
  if (!first) throw new Error('a step of a path has no relationship');
  return {
    type: first.type,
    source: first.source,
    target: first.target,
    parallelKey: first.parallelKey,
  };
}

export async function shortestPaths(
  executor: Executor,
  from: GraphNodeRef,
  to: GraphNodeRef,
  maxHops: number,
  first: number,
  selection: SubgraphSelection,
): Promise<PathsAnswer> {
  const built = pathsStatement(from, to, maxHops, first, selection);
  const rows = await executor.read(built.query, built.params);
  const parts = new SubgraphParts();
  const paths = rows.slice(0, first).map((row) => {
    const pathNodes = row.nodes.map(modelNode);
    const hops = row.hops.map((parallel) => parallel.map(linkEdge).sort(byEdgeIdentity));
    for (const node of pathNodes) parts.addNode(node);
    for (const edge of hops.flat()) parts.addEdge(edge);
    return {
      nodes: pathNodes.map((n) => ({ type: n.type, key: n.key })),
      edges: hops.map(walked),
      length: hops.length,
    };
  });
  return { subgraph: parts.complete(rows.length > first), paths };
}
