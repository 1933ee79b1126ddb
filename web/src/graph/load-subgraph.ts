import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from './explorer-graph.js';
import {
  edgeElement,
  nodeElement,
  type EdgeElement,
  type SubgraphAnswer,
} from './graph-elements.js';
import { edgeColorOf, edgeSize, lookOf } from './node-style.js';
import { placeNewNodes } from './placement.js';

/** What a claim's edge says beside it: its confidence and, lower-cased, its status. */
function claimLabel(confidence: unknown, status: unknown): string {
  if (typeof confidence !== 'number') return '';
  return typeof status === 'string' ? `${confidence}% ${status.toLowerCase()}` : `${confidence}%`;
}

function edgeAttributes({ attributes }: EdgeElement): EdgeAttributes {
  const { edgeType, confidence } = attributes;
  return {
    ...attributes,
    size: edgeSize(attributes.size, typeof confidence === 'number' ? confidence : null),
    color: edgeColorOf(edgeType),
    label: edgeType === 'ATTRIBUTED_TO' ? claimLabel(confidence, attributes.status) : '',
  };
}

/**
 * Makes `graph` hold exactly the answer's elements, taken as the API gives them, in place, so
 * that the renderer and the layout that watch it keep going: nodes already drawn keep their
 * positions, new ones are placed next to a neighbour already drawn (not at the API's starting
 * positions, which know nothing of the picture), and what the answer no longer holds (the back
 * button undoing an expansion) goes. Returns the keys of the nodes added.
 */
export function syncGraph(graph: ExplorerGraph, answer: SubgraphAnswer): string[] {
  const nodes = answer.nodes.map(({ graphology }) => nodeElement(graphology));
  const edges = answer.edges.map(({ graphology }) => edgeElement(graphology));
  const nodeKeys = new Set(nodes.map((node) => node.key));
  const edgeKeys = new Set(edges.map((edge) => edge.key));
  graph
    .filterNodes((key) => !nodeKeys.has(key))
    .forEach((key) => {
      graph.dropNode(key);
    });
  graph
    .filterEdges((key) => !edgeKeys.has(key))
    .forEach((key) => {
      graph.dropEdge(key);
    });

  const added: string[] = [];
  for (const { key, attributes } of nodes) {
    const { color, shape } = lookOf(attributes.nodeType);
    if (graph.hasNode(key)) {
      const { x, y } = graph.getNodeAttributes(key);
      graph.replaceNodeAttributes(key, { ...attributes, x, y, color, shape });
    } else {
      // Placed below, once the edges say who the node's neighbours are.
      const attributesHere: NodeAttributes = { ...attributes, x: 0, y: 0, color, shape };
      graph.addNode(key, attributesHere);
      added.push(key);
    }
  }
  for (const edge of edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target))
      throw new Error(
        `The subgraph's edge ${edge.key} joins a node the answer does not hold (${graph.hasNode(edge.source) ? edge.target : edge.source}).`,
      );
    if (graph.hasEdge(edge.key)) graph.replaceEdgeAttributes(edge.key, edgeAttributes(edge));
    else graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, edgeAttributes(edge));
  }
  placeNewNodes(graph, added);
  return added;
}
