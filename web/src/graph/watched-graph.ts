import { newExplorerGraph, type ExplorerGraph } from './explorer-graph.js';

/** The events by which graphology says the graph's nodes or edges changed (not their positions). */
const structuralEvents = [
  'nodeAdded',
  'nodeDropped',
  'edgeAdded',
  'edgeDropped',
  'cleared',
] as const;

/**
 * The view's graph with a version that goes up whenever a node or edge comes or goes, in the
 * shape `useSyncExternalStore` takes: the lists and counts follow the graph, while the layout's
 * moving of nodes (attributes only) re-renders nothing.
 */
export interface WatchedGraph {
  graph: ExplorerGraph;
  subscribe: (onChange: () => void) => () => void;
  version: () => number;
}

export function newWatchedGraph(): WatchedGraph {
  const graph = newExplorerGraph();
  const listeners = new Set<() => void>();
  let version = 0;
  const changed = () => {
    version += 1;
    listeners.forEach((listener) => {
      listener();
    });
  };
  structuralEvents.forEach((event) => graph.on(event, changed));
  return {
    graph,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    version: () => version,
  };
}
