import { MultiDirectedGraph } from 'graphology';
import type { NodeShape } from './node-style.js';

// Type aliases rather than interfaces: the exports read them as plain records of values.
export type NodeAttributes = {
  /** The API's global id is the node's key; these are what the API said of it. */
  type: string;
  label: string;
  properties: Record<string, unknown>;
  x: number;
  y: number;
  size: number;
  color: string;
  shape: NodeShape;
};

export type EdgeAttributes = {
  type: string;
  weight: number;
  /** A claim's confidence (0–100), or the confidence of reported victimology; null otherwise. */
  confidence: number | null;
  properties: Record<string, unknown>;
  size: number;
  color: string;
  /** Drawn beside claim edges only: the confidence, and the status where there is one. */
  label: string;
};

/**
 * The graph the view draws: graphology's, with the API's subgraph in its attributes. Multi, since
 * every claim is an edge of its own and two claims may join the same incident and actor.
 */
export type ExplorerGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes>;

export const newExplorerGraph = (): ExplorerGraph =>
  new MultiDirectedGraph<NodeAttributes, EdgeAttributes>();
