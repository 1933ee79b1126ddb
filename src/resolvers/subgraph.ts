import type { Resolvers } from '../__generated__/resolvers-types.js';
import {
  cytoscapeEdge,
  cytoscapeNode,
  graphologyEdge,
  graphologyNode,
} from '../analysis/graph-elements.js';

export const subgraphResolvers: Resolvers = {
  SubgraphNode: {
    cytoscape: (node) => cytoscapeNode(node),
    graphology: (node) => graphologyNode(node),
  },
  SubgraphEdge: {
    cytoscape: (edge) => cytoscapeEdge(edge),
    graphology: (edge) => graphologyEdge(edge),
  },
};
