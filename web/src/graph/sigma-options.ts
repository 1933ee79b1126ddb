import type Sigma from 'sigma';
import { DEFAULT_STYLES } from 'sigma';
import {
  extremityArrow,
  layerFill,
  layerPlain,
  pathCurved,
  pathLine,
  sdfCircle,
  sdfDiamond,
  sdfSquare,
  sdfTriangle,
} from 'sigma/rendering';
import type { SigmaOptions } from 'sigma/types';
import type { EdgeAttributes, NodeAttributes } from './explorer-graph.js';

/**
 * Beyond this many edges the graph is large: edge labels would be an unreadable mass that costs
 * every frame (a claim's confidence still shows in its width and in the side panel), finding the
 * edge under the pointer costs a picking pass per frame, and node labels are hidden while the
 * camera moves, so that panning and zooming stay fluid.
 */
const largeGraphEdges = 1000;

export function adjustToGraphSize(
  sigma: Sigma<NodeAttributes, EdgeAttributes>,
  edges: number,
): void {
  const large = edges > largeGraphEdges;
  sigma.setSettings({
    renderEdgeLabels: !large,
    enableEdgeEvents: !large,
    hideLabelsOnMove: large,
  });
}

/**
 * What sigma can draw (one WebGL program for all nodes, one for all edges) and how it draws the
 * graph's attributes: each node's shape and colour by its type, the selected node (highlighted)
 * with its label and a backdrop, edges with an arrow in their stored direction, and parallel edges
 * (two claims joining the same incident and actor) curved apart so that each stays visible.
 */
export const sigmaOptions: SigmaOptions<NodeAttributes, EdgeAttributes> = {
  primitives: {
    nodes: {
      shapes: [sdfCircle(), sdfSquare(), sdfTriangle(), sdfDiamond()],
      layers: [layerFill()],
    },
    edges: {
      paths: [pathLine(), pathCurved()],
      extremities: [extremityArrow()],
      layers: [layerPlain()],
    },
  },
  styles: {
    nodes: [
      DEFAULT_STYLES.nodes,
      { shape: { attribute: 'shape' } },
      {
        whenState: 'isHighlighted',
        then: { labelVisibility: 'visible', backdropVisibility: 'visible', depth: 'topNodes' },
      },
    ],
    edges: [DEFAULT_STYLES.edges, { head: 'arrow', parallelPath: 'curved' }],
  },
  settings: {
    // Sizes in pixels, whatever the scale of the positions the layout reaches.
    itemSizesReference: 'screen',
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    // Thousands of edges redrawn while the camera moves would make it stutter.
    hideEdgesOnMove: true,
    labelDensity: 0.7,
    // Leaving the view detaches the container a moment before the renderer is killed; a frame
    // drawn in between would otherwise throw on its zero width.
    allowInvalidContainer: true,
  },
};
