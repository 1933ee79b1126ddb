/**
 * A subgraph of a chosen size in the shape the graph view asks the API for (`Subgraph` with its
 * nodes' and edges' `graphology` elements), for measuring the view at a size the seeds do not
 * reach: nodes of every type in rough proportion to a real dataset, one edge per attribution claim
 * with a confidence, and the other relationships of the model between random ends of the right
 * types. Sizes follow the API's rules (a node 4 + 2 × √ its edges' weight, an edge 1 + log2 of
 * its weight, here 1). Deterministic: the same sizes give the same graph.
 */
import { Draw } from '../src/generate/random.js';
interface SyntheticNode {
  key: string;
  attributes: Record<string, unknown>;
}

interface SyntheticEdge {
  key: string;
  source: string;
  target: string;
  attributes: Record<string, unknown>;
}

/** Share of the nodes per type. */
const typeShares: [string, number][] = [
  ['Actor', 0.1],
  ['Incident', 0.6],
  ['Sector', 0.05],
  ['Country', 0.05],
  ['Organization', 0.1],
  ['Campaign', 0.025],
  ['Source', 0.075],
];

/** Relationship types with their ends and their share of the edges. */
const linkShares: [type: string, from: string, to: string, share: number][] = [
  ['ATTRIBUTED_TO', 'Incident', 'Actor', 0.3],
  ['TARGETED', 'Incident', 'Sector', 0.2],
  ['AFFECTED', 'Incident', 'Country', 0.2],
  ['HIT', 'Incident', 'Organization', 0.1],
  ['REPORTED_BY', 'Incident', 'Source', 0.1],
  ['PART_OF', 'Incident', 'Campaign', 0.05],
  ['ORIGINATES_FROM', 'Actor', 'Country', 0.05],
];

export function syntheticSubgraph(
  nodeCount: number,
  edgeCount: number,
  seed = 1,
): {
  nodes: { graphology: SyntheticNode }[];
  edges: { graphology: SyntheticEdge }[];
  truncated: boolean;
} {
  // The generator's seeded randomness: the same subgraph for the same seed.
  const draw = new Draw(seed, 0, 0);
  const next = () => draw.next();
  const byType = new Map<string, string[]>();
  const nodes: SyntheticNode[] = [];
  typeShares.forEach(([type, share], index) => {
    const count =
      index === typeShares.length - 1 ? nodeCount - nodes.length : Math.round(nodeCount * share);
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const id = `${type}:synthetic-${i}`;
      const label = `${type} ${i}`;
      ids.push(id);
      nodes.push({
        key: id,
        attributes: { key: `synthetic-${i}`, label, nodeType: type, x: 0, y: 0, size: 4 },
      });
    }
    byType.set(type, ids);
  });
  const pick = (type: string): string => {
    const ids = byType.get(type) ?? [];
    return ids[Math.floor(next() * ids.length)] ?? '';
  };
  const edges = new Map<string, SyntheticEdge>();
  linkShares.forEach(([type, from, to, share], index) => {
    const goal =
      index === linkShares.length - 1 ? edgeCount : edges.size + Math.round(edgeCount * share);
    let claim = 0;
    while (edges.size < goal) {
      const source = pick(from);
      const target = pick(to);
      const isClaim = type === 'ATTRIBUTED_TO';
      const claimId = `claim-${(claim += 1)}`;
      const id = `${type}:${source}->${target}${isClaim ? `#${claimId}` : ''}`;
      if (edges.has(id)) continue;
      const confidence = Math.round(next() * 100);
      const claimed = isClaim ? { claimId, confidence, status: 'SUSPECTED', claimedBy: null } : {};
      edges.set(id, {
        key: id,
        source,
        target,
        attributes: { ...claimed, edgeType: type, weight: 1, size: 1 },
      });
    }
  });
  const degree = new Map<string, number>();
  for (const { source, target } of edges.values())
    for (const end of [source, target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  for (const node of nodes) node.attributes.size = 4 + 2 * Math.sqrt(degree.get(node.key) ?? 0);
  return {
    nodes: nodes.map((graphology) => ({ graphology })),
    edges: [...edges.values()].map((graphology) => ({ graphology })),
    truncated: false,
  };
}
