import { MultiDirectedGraph } from 'graphology';
import type { NodeShape } from './node-style.js';

/**
 * A node's attributes: the API's graphology element as it comes (the stored properties spread,
 * `label`, `nodeType`, `size`), with the position the view gives it and its colour and shape.
 * The stored properties differ from one type to the next, hence the index signature.
 */
export type NodeAttributes = {
  [property: string]: unknown;
  nodeType: string;
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  shape: NodeShape;
};

/**
 * An edge's attributes: the API's element (the stored properties, `edgeType`, `weight`, `size`;
 * a claim's `confidence`, `status`, `claimedBy`…), its colour, and the label drawn beside a claim:
 * its confidence and status.
 */
export type EdgeAttributes = {
  [property: string]: unknown;
  edgeType: string;
  weight: number;
  size: number;
  color: string;
  label: string;
};

/**
 * The graph the view draws: graphology's, holding the API's elements. Multi, since every claim is
 * an edge of its own and two claims may join the same incident and actor.
 */
export type ExplorerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export const newExplorerGraph = (): ExplorerGraph =>
  new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();

/** A claim's confidence (0–100), or the confidence of reported victimology; null otherwise. */
export const confidenceOf = (edge: EdgeAttributes): number | null =>
  typeof edge.confidence === 'number' ? edge.confidence : null;
