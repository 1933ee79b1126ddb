import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ExplorerGraph } from './explorer-graph.js';
import { layoutBudgetMs, positionsOf, relativeShift, settledShift } from './settling.js';

/** How often the positions are compared to decide whether the picture has settled. */
const checkEveryMs = 300;

/** Running, or why it ended: the nodes stopped moving, the time budget ran out, or asked to. */
export type LayoutState = 'running' | 'settled' | 'timeLimit' | 'stopped';

/**
 * ForceAtlas2 in a web worker (the supervisor builds it from a blob: URL, which the explorer's
 * policy allows): the worker writes the positions into the graph, which sigma watches, so the
 * page's thread only draws. A run ends when the nodes stop moving, or at the graph's time budget,
 * whichever comes first. Its state is a store (`subscribe`, `state`) the view reads with
 * `useSyncExternalStore`.
 */
export class LayoutRunner {
  readonly #graph: ExplorerGraph;
  readonly #listeners = new Set<() => void>();
  #state: LayoutState = 'settled';
  #end: ((state: LayoutState) => void) | null = null;

  constructor(graph: ExplorerGraph) {
    this.#graph = graph;
  }

  readonly subscribe = (onChange: () => void): (() => void) => {
    this.#listeners.add(onChange);
    return () => this.#listeners.delete(onChange);
  };

  readonly state = (): LayoutState => this.#state;

  /** Starts a run over the graph as it is now, stopping the one under way. */
  run(): void {
    this.stop();
    const graph = this.#graph;
    if (graph.order < 2) {
      this.#set('settled');
      return;
    }
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 };
    const layout = new FA2Layout(graph, { settings });
    const deadline = performance.now() + layoutBudgetMs(graph.order);
    let before = positionsOf(graph);
    // The worker takes a moment to start: positions that have not moved yet are not settled.
    let moving = false;
    const timer = window.setInterval(() => {
      const after = positionsOf(graph);
      const shift = relativeShift(before, after);
      if (moving && shift < settledShift) end('settled');
      else if (performance.now() > deadline) end('timeLimit');
      moving ||= shift >= settledShift;
      before = after;
    }, checkEveryMs);
    const end = (state: LayoutState) => {
      window.clearInterval(timer);
      layout.kill();
      this.#end = null;
      this.#set(state);
    };
    this.#end = end;
    layout.start();
    this.#set('running');
  }

  /** Stops the run under way, if any; the nodes stay where they are. */
  stop(): void {
    this.#end?.('stopped');
  }

  #set(state: LayoutState): void {
    this.#state = state;
    this.#listeners.forEach((listener) => {
      listener();
    });
  }
}
