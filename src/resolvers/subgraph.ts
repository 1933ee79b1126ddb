import type { Resolvers } from '../__generated__/resolvers-types.js';
import {
  cytoscapeEdge,
  cytoscapeNode,
  graphologyEdge,
  graphologyNode,
  type IdentifiedEdge,
  type IdentifiedNode,
} from '../analysis/graph-elements.js';
import {
  edgeIdentity,
  type SubgraphSelection,
  type SubgraphEdgeRecord,
  type SubgraphNodeRecord,
} from '../analysis/subgraph.js';
import type { GraphNodeRef } from '../db/graph-model.js';
import { toGlobalId } from '../graphql/global-id.js';
import { SelectedFields, type SelectionSource } from '../graphql/selection.js';

/** Nodes are named by their global ids; an edge by its identity, which is made of them. */
const idOf = (node: GraphNodeRef): string => toGlobalId(node.type, node.key);

const identifiedNode = (node: SubgraphNodeRecord): IdentifiedNode => ({ ...node, id: idOf(node) });

const identifiedEdge = (edge: SubgraphEdgeRecord): IdentifiedEdge => ({
  ...edge,
  id: edgeIdentity(edge),
  source: idOf(edge.source),
  target: idOf(edge.target),
});

/** The fields of a subgraph node or edge that show its stored properties. */
const SHOWING_PROPERTIES = ['properties', 'cytoscape', 'graphology'];

/**
 * What the query selects of the subgraph at `path` (the field itself, or its `subgraph`): stored
 * properties are read only when a field that shows them is asked for.
 */
export function subgraphSelection(
  info: SelectionSource,
  path: readonly string[],
): SubgraphSelection {
  const at = path.reduce((selected, name) => selected.under(name), SelectedFields.of(info));
  const showsProperties = (element: 'nodes' | 'edges') =>
    SHOWING_PROPERTIES.some((name) => at.under(element).has(name));
  return { nodeProperties: showsProperties('nodes'), edgeProperties: showsProperties('edges') };
}

export const subgraphResolvers: Resolvers = {
  SubgraphNode: {
    id: (node) => idOf(node),
    cytoscape: (node) => cytoscapeNode(identifiedNode(node)),
    graphology: (node) => graphologyNode(identifiedNode(node)),
  },
  SubgraphEdge: {
    id: (edge) => edgeIdentity(edge),
    source: (edge) => idOf(edge.source),
    target: (edge) => idOf(edge.target),
    cytoscape: (edge) => cytoscapeEdge(identifiedEdge(edge)),
    graphology: (edge) => graphologyEdge(identifiedEdge(edge)),
  },
  GraphPath: {
    nodeIds: (path) => path.nodes.map(idOf),
    edgeIds: (path) => path.edges.map(edgeIdentity),
  },
};
