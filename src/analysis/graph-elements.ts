import type { SubgraphEdgeRecord, SubgraphNodeRecord } from './subgraph.js';

/**
 * A subgraph's nodes and edges as the elements graph libraries take without reshaping:
 * Cytoscape.js (`cytoscape({ elements })`) and graphology (`MultiDirectedGraph.from({ nodes,
 * edges })`), which sigma.js draws. Each element spreads the stored properties first and then sets
 * its own fields, so no stored value can override an id, an end or a position.
 */
export type GraphElement = Record<string, unknown>;

/** A subgraph node under the id its answer gives it. */
export type IdentifiedNode = Omit<SubgraphNodeRecord, 'key'> & { id: string };

/** A subgraph edge under the ids its answer gives it and its ends. */
export type IdentifiedEdge = Omit<SubgraphEdgeRecord, 'source' | 'target' | 'parallelKey'> & {
  id: string;
  source: string;
  target: string;
};

/** Stored properties without `type`, which sigma reads as the name of a WebGL program. */
const forSigma = (properties: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(properties).filter(([name]) => name !== 'type'));

export function cytoscapeNode(node: IdentifiedNode): GraphElement {
  return {
    group: 'nodes',
    data: { ...node.properties, id: node.id, label: node.label, type: node.type },
  };
}

export function cytoscapeEdge(edge: IdentifiedEdge): GraphElement {
  return {
    group: 'edges',
    data: {
      ...edge.properties,
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      weight: edge.weight,
    },
  };
}

export function graphologyNode(node: IdentifiedNode): GraphElement {
  return {
    key: node.id,
    attributes: {
      ...forSigma(node.properties),
      label: node.label,
      nodeType: node.type,
      ...initialPosition(node.id),
      size: nodeSize(node.strength),
    },
  };
}

export function graphologyEdge(edge: IdentifiedEdge): GraphElement {
  return {
    key: edge.id,
    source: edge.source,
    target: edge.target,
    attributes: {
      ...forSigma(edge.properties),
      edgeType: edge.type,
      weight: edge.weight,
      size: edgeSize(edge.weight),
    },
  };
}

const round = (value: number, digits: number): number => {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
};

/** FNV-1a, 32 bits: a fast, well-spread hash with no state, so a node always lands in one place. */
function fnv1a(text: string, seed: number): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
/** Another start for the y coordinate, so that x and y are independent. */
const SECOND_SEED = 0x9e3779b9;

/**
 * Where a node starts before any layout runs, in [-1, 1] × [-1, 1]: taken from its id alone, so
 * the same node has the same place in every answer (a neighbourhood added to a picture does not
 * move the nodes already in it), and two nodes practically never share one.
 */
export function initialPosition(id: string): { x: number; y: number } {
  const unit = (hash: number) => round((hash / 2 ** 32) * 2 - 1, 6);
  return { x: unit(fnv1a(id, FNV_OFFSET)), y: unit(fnv1a(id, SECOND_SEED)) };
}

/**
 * Pixels at sigma's default zoom: 4 for a node without edges, growing with the square root of its
 * strength (the summed weight of its edges) so that an actor behind hundreds of incidents stands
 * out without covering the picture.
 */
export const nodeSize = (strength: number): number => round(4 + 2 * Math.sqrt(strength), 2);

/** Pixels: 1 for a plain relationship (weight 1), one more for every doubling of the weight. */
export const edgeSize = (weight: number): number => round(1 + Math.log2(Math.max(weight, 1)), 2);
