import { newExplorerGraph, type EdgeAttributes, type ExplorerGraph } from './explorer-graph.js';
import { edgeColorOf, edgeSize, lookOf, nodeSize } from './node-style.js';
import { placeNewNodes } from './placement.js';

/** A subgraph as the API answers it (`neighborhood`, `projection`), whatever query asked. */
export interface SubgraphAnswer {
  nodes: readonly {
    id: string;
    type: string;
    label: string;
    properties: Record<string, unknown>;
  }[];
  edges: readonly {
    id: string;
    type: string;
    source: string;
    target: string;
    weight: number;
    properties: Record<string, unknown>;
  }[];
}

const numberOr = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** What a claim's edge says beside it: its confidence and, lower-cased, its status. */
function claimLabel(confidence: number | null, status: unknown): string {
  if (confidence === null) return '';
  return typeof status === 'string' ? `${confidence}% ${status.toLowerCase()}` : `${confidence}%`;
}

function edgeAttributes(edge: SubgraphAnswer['edges'][number]): EdgeAttributes {
  const confidence = numberOr(edge.properties.confidence);
  return {
    type: edge.type,
    weight: edge.weight,
    confidence,
    properties: edge.properties,
    size: edgeSize(edge.type, edge.weight, confidence),
    color: edgeColorOf(edge.type),
    label: edge.type === 'ATTRIBUTED_TO' ? claimLabel(confidence, edge.properties.status) : '',
  };
}

/**
 * Makes `graph` hold exactly the answer's nodes and edges, in place, so that the renderer and the
 * layout that watch it keep going: nodes already drawn keep their positions, new ones are placed
 * next to a neighbour already drawn, and what the answer no longer holds (the back button undoing
 * an expansion) goes. Returns the keys of the nodes added.
 */
export function syncGraph(graph: ExplorerGraph, answer: SubgraphAnswer): string[] {
  const nodeIds = new Set(answer.nodes.map((node) => node.id));
  const edgeIds = new Set(answer.edges.map((edge) => edge.id));
  graph
    .filterNodes((key) => !nodeIds.has(key))
    .forEach((key) => {
      graph.dropNode(key);
    });
  graph
    .filterEdges((key) => !edgeIds.has(key))
    .forEach((key) => {
      graph.dropEdge(key);
    });

  const added: string[] = [];
  for (const node of answer.nodes) {
    const look = lookOf(node.type);
    const described = { type: node.type, label: node.label, properties: node.properties };
    if (graph.hasNode(node.id)) graph.mergeNodeAttributes(node.id, described);
    else {
      graph.addNode(node.id, {
        ...described,
        // Placed below, once the edges say who the node's neighbours are.
        x: 0,
        y: 0,
        size: look.baseSize,
        color: look.color,
        shape: look.shape,
      });
      added.push(node.id);
    }
  }
  for (const edge of answer.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target))
      throw new Error(
        `The subgraph's edge ${edge.id} joins a node the answer does not hold (${graph.hasNode(edge.source) ? edge.target : edge.source}).`,
      );
    if (graph.hasEdge(edge.id)) graph.replaceEdgeAttributes(edge.id, edgeAttributes(edge));
    else graph.addDirectedEdgeWithKey(edge.id, edge.source, edge.target, edgeAttributes(edge));
  }
  graph.updateEachNodeAttributes((key, attributes) => ({
    ...attributes,
    size: nodeSize(attributes.type, graph.degree(key)),
  }));
  placeNewNodes(graph, added);
  return added;
}

/** Two answers as one: each node and edge once (the same relationship has the same id in both). */
export function mergeAnswers(first: SubgraphAnswer, second: SubgraphAnswer): SubgraphAnswer {
  const nodes = new Map([...first.nodes, ...second.nodes].map((node) => [node.id, node]));
  const edges = new Map([...first.edges, ...second.edges].map((edge) => [edge.id, edge]));
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** A new graph holding an answer, for code that needs no renderer (exports, measurements). */
export function graphOf(answer: SubgraphAnswer): ExplorerGraph {
  const graph = newExplorerGraph();
  syncGraph(graph, answer);
  return graph;
}
