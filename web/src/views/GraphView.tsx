import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import { Empty, QueryState } from '../components/QueryState';
import { useIncidentFilter } from '../filter/use-filter';
import {
  showsProjection,
  startNodesOf,
  withNodeExpanded,
  withStartNode,
} from '../graph/address.js';
import { ExportButtons } from '../graph/ExportButtons.js';
import { GraphCanvas, type ExplorerSigma } from '../graph/GraphCanvas.js';
import { LayoutRunner } from '../graph/layout.js';
import { LayoutControl } from '../graph/LayoutControl.js';
import { Legend } from '../graph/Legend.js';
import { syncGraph } from '../graph/load-subgraph.js';
import { NodeList } from '../graph/NodeList.js';
import { SidePanel } from '../graph/SidePanel.js';
import { adjustToGraphSize } from '../graph/sigma-options.js';
import { StartSearch } from '../graph/StartSearch.js';
import { neighbourhoodLimit, useSubgraph } from '../graph/use-subgraph.js';
import { newWatchedGraph } from '../graph/watched-graph.js';

/**
 * The graph (`/graph`): the neighbourhood of the nodes the address names, or the filter's
 * projection, drawn by sigma on WebGL and laid out by ForceAtlas2 in a worker. The graph is one
 * graphology instance for the view's life: each answer is merged into it, so what was drawn stays
 * where it was and only the new nodes find their place.
 */
export function GraphView() {
  const [params, setParams] = useSearchParams();
  const { filter, carried } = useIncidentFilter();
  const startNodes = useMemo(() => startNodesOf(params), [params]);
  const { fetching, error, subgraph } = useSubgraph(startNodes, showsProjection(params), filter);
  const [watched] = useState(newWatchedGraph);
  const { graph } = watched;
  const version = useSyncExternalStore(watched.subscribe, watched.version);
  const renderer = useRef<ExplorerSigma>(null);
  const [chosen, setSelected] = useState<string | null>(null);
  // A node the graph no longer holds (an expansion undone) is no longer selected.
  const selected = chosen !== null && graph.hasNode(chosen) ? chosen : null;
  const [layout] = useState(() => new LayoutRunner(graph));
  const layoutState = useSyncExternalStore(layout.subscribe, layout.state);

  useEffect(() => {
    if (subgraph === undefined) return;
    layout.stop();
    syncGraph(graph, subgraph);
    if (renderer.current !== null) adjustToGraphSize(renderer.current, graph.size);
    layout.run();
  }, [graph, layout, subgraph]);
  useEffect(
    () => () => {
      layout.stop();
    },
    [layout],
  );

  const expand = useCallback(
    (node: string) => {
      setParams((current) => withNodeExpanded(current, node));
    },
    [setParams],
  );
  const keepRenderer = useCallback((sigma: ExplorerSigma | null) => {
    renderer.current = sigma;
  }, []);
  const start = (node: string) => {
    setSelected(null);
    setParams((current) => withStartNode(current, node));
  };

  return (
    <section className="page graph-page">
      <h1>Graph</h1>
      <p className="muted">
        {startNodes.length === 0
          ? 'The projection of the filter: actors linked to the sectors and countries their incidents hit, and to their origins.'
          : `The neighbourhood of ${startNodes.map((id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : id)).join(', ')}.`}{' '}
        Click a node to see it, double-click it (or use its Expand button) to add its neighbours.
      </p>
      <div className="graph-columns">
        <div className="graph-sidebar">
          <StartSearch onStart={start} />
          <NodeList graph={graph} version={version} selected={selected} onSelect={setSelected} />
        </div>
        <div className="graph-main">
          <div className="graph-status">
            <p role="status" data-testid="graph-counts" data-version={version}>
              {graph.order} nodes, {graph.size} edges
            </p>
            <LayoutControl
              state={layoutState}
              onRun={() => {
                layout.run();
              }}
              onStop={() => {
                layout.stop();
              }}
            />
          </div>
          <QueryState what="the graph" fetching={fetching} error={error} data={subgraph}>
            {(answer) =>
              answer.nodes.length === 0 ? (
                <Empty>Nothing to draw: no node answers to this address and filter.</Empty>
              ) : (
                answer.truncated && (
                  <p className="state state-empty">
                    The answer stopped at {neighbourhoodLimit} nodes: the graph shows part of the
                    neighbourhood.
                  </p>
                )
              )
            }
          </QueryState>
          <GraphCanvas
            graph={graph}
            selected={selected}
            onSelect={setSelected}
            onExpand={expand}
            onRenderer={keepRenderer}
          />
        </div>
        <div className="graph-sidebar">
          {selected !== null ? (
            <SidePanel
              graph={graph}
              node={selected}
              expanded={startNodes.includes(selected)}
              carried={carried}
              onExpand={expand}
              onSelect={setSelected}
            />
          ) : (
            <p className="panel muted">
              Select a node (click it, or pick it in the list) to see its details here.
            </p>
          )}
          <ExportButtons graph={graph} renderer={renderer} />
          <Legend />
        </div>
      </div>
    </section>
  );
}
