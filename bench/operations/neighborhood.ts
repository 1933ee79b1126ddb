import { nodeLabels } from '../../src/db/graph-model.js';
import type { BenchOperation, CypherRow, Digest } from './types.js';

const DEPTH = 2;
const LIMIT = 200;

/**
 * Node ids and edges, each sorted: the picture is a set, its order is nobody's promise. A truncated
 * picture may rightly keep any `limit` nodes within reach (the traversal's order decides which), so
 * then only its size is compared.
 */
const lines = (
  nodes: string[],
  edges: { type: string; source: string; target: string }[],
  truncated: boolean,
): Digest =>
  truncated
    ? [`${nodes.length} nodes, truncated`]
    : [
        `${nodes.length} nodes, ${edges.length} edges`,
        ...[...nodes].sort(),
        ...edges.map((e) => `${e.source} -${e.type}-> ${e.target}`).sort(),
      ];

interface OursData {
  neighborhood: {
    nodes: { id: string }[];
    edges: { source: string; target: string; type: string }[];
    truncated: boolean;
  };
}

/** What an explorer shows when a node is expanded twice: everything within two hops, capped. */
export const neighborhood: BenchOperation = {
  name: 'neighborhood',
  digestOurs(data) {
    const { nodes, edges, truncated } = (data as OursData).neighborhood;
    return lines(
      nodes.map((n) => n.id),
      edges,
      truncated,
    );
  },
  floor: {
    // The node cap keeps the first nodes the traversal meets, as ours does; the depth is a
    // constant because Cypher takes no parameter for a path length. Each claim is an edge of its
    // own, and so is each kind of affiliation between two actors.
    cypher: `MATCH (n:Actor {id: $actor})
MATCH p = (n)-[*0..${DEPTH}]-(m)
WHERE all(x IN nodes(p) WHERE any(l IN labels(x) WHERE l IN $labels))
WITH DISTINCT m LIMIT toInteger($limit) + 1
WITH collect(m) AS found
WITH found[0..toInteger($limit)] AS kept, size(found) > toInteger($limit) AS truncated
WITH kept, truncated, [x IN kept | head([l IN labels(x) WHERE l IN $labels]) + ':' + coalesce(x.id, x.iso2)] AS ids
RETURN ids, truncated,
       COLLECT {
         UNWIND kept AS x
         MATCH (x)-[r]->(y) WHERE y IN kept
         RETURN DISTINCT {
           type: type(r),
           source: head([l IN labels(x) WHERE l IN $labels]) + ':' + coalesce(x.id, x.iso2),
           target: head([l IN labels(y) WHERE l IN $labels]) + ':' + coalesce(y.id, y.iso2),
           parallel: CASE type(r) WHEN 'ATTRIBUTED_TO' THEN coalesce(r.id, elementId(r)) WHEN 'AFFILIATED_WITH' THEN r.kind END
         }
       } AS edges`,
    params: (s) => ({ actor: s.actorId, limit: LIMIT, labels: nodeLabels }),
    digest(rows: CypherRow[]) {
      const row = rows[0] as {
        ids: string[];
        truncated: boolean;
        edges: { type: string; source: string; target: string }[];
      };
      return lines(row.ids, row.edges, row.truncated);
    },
  },
  peer: {
    gap:
      'a variable-depth traversal in every direction, deduplicated into one node set under a ' +
      'node cap, with every edge among the nodes kept: the generated schema gives fixed-depth ' +
      'trees, one nested selection per relationship field with its own limit, so the same picture ' +
      'needs @cypher',
  },
};
