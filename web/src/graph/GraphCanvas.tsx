import { useEffect, useEffectEvent, useRef, useState } from 'react';
import Sigma from 'sigma';
import {
  confidenceOf,
  type EdgeAttributes,
  type ExplorerGraph,
  type NodeAttributes,
} from './explorer-graph.js';
import { sigmaOptions } from './sigma-options.js';

export type ExplorerSigma = Sigma<NodeAttributes, EdgeAttributes>;

interface GraphCanvasProps {
  graph: ExplorerGraph;
  selected: string | null;
  onSelect: (node: string | null) => void;
  onExpand: (node: string) => void;
  /** Told of the renderer when it is made and (null) when it goes, for the picture exports. */
  onRenderer: (sigma: ExplorerSigma | null) => void;
}

/**
 * sigma's WebGL canvas over the graph. The renderer is made once and watches the graph itself
 * (the layout moving nodes, an answer merged in), so React renders this component only when the
 * selection changes, never per frame. A click selects a node, a double click expands it.
 */
export function GraphCanvas({ graph, selected, onSelect, onExpand, onRenderer }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const [renderer, setRenderer] = useState<ExplorerSigma | null>(null);
  const [hoveredEdge, setHoveredEdge] = useState<string | null>(null);
  const select = useEffectEvent((node: string | null) => {
    onSelect(node);
  });
  const expand = useEffectEvent((node: string) => {
    onExpand(node);
  });
  const announce = useEffectEvent((sigma: ExplorerSigma | null) => {
    setRenderer(sigma);
    onRenderer(sigma);
  });

  useEffect(() => {
    if (container.current === null) return;
    const sigma: ExplorerSigma = new Sigma(graph, container.current, sigmaOptions);
    sigma.on('clickNode', ({ node }) => {
      select(node);
    });
    sigma.on('doubleClickNode', (event) => {
      // sigma would zoom in on a double click; here it expands the node instead.
      event.preventSigmaDefault();
      expand(event.node);
    });
    sigma.on('clickStage', () => {
      select(null);
    });
    sigma.on('enterEdge', ({ edge }) => {
      setHoveredEdge(edge);
    });
    sigma.on('leaveEdge', () => {
      setHoveredEdge(null);
    });
    announce(sigma);
    return () => {
      announce(null);
      sigma.kill();
    };
  }, [graph]);

  useEffect(() => {
    const sigma = renderer;
    if (sigma === null || selected === null || !graph.hasNode(selected)) return;
    sigma.setNodeState(selected, { isHighlighted: true });
    const shown = sigma.getNodeDisplayData(selected);
    if (shown) void sigma.getCamera().animate({ x: shown.x, y: shown.y }, { duration: 300 });
    return () => {
      if (graph.hasNode(selected)) sigma.setNodeState(selected, { isHighlighted: false });
    };
  }, [graph, renderer, selected]);

  return (
    <div className="graph-canvas">
      <div ref={container} className="graph-stage" data-testid="graph-canvas" />
      {hoveredEdge !== null && graph.hasEdge(hoveredEdge) && (
        <EdgeTooltip attributes={graph.getEdgeAttributes(hoveredEdge)} />
      )}
    </div>
  );
}

/** What the edge under the pointer is: its type and, for a claim, its confidence and status. */
function EdgeTooltip({ attributes }: { attributes: EdgeAttributes }) {
  const confidence = confidenceOf(attributes);
  return (
    <p className="graph-tooltip" role="status">
      {attributes.edgeType}
      {attributes.label !== '' && ` — ${attributes.label}`}
      {attributes.label === '' && confidence !== null && ` — confidence ${confidence}`}
    </p>
  );
}
