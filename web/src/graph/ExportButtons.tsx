import { useState, type RefObject } from 'react';
import { download } from './download.js';
import type { ExplorerGraph } from './explorer-graph.js';
import type { ExplorerSigma } from './GraphCanvas.js';
import { graphmlOf } from './graphml.js';
import { jsonOf } from './json.js';
import { pngOf } from './png.js';
import { svgOf } from './svg.js';

interface ExportButtonsProps {
  graph: ExplorerGraph;
  renderer: RefObject<ExplorerSigma | null>;
}

const fileName = 'cyber-incident-graph';

/** The picture (PNG as on screen, SVG redrawn as vectors) and the subgraph (GraphML, JSON). */
export function ExportButtons({ graph, renderer }: ExportButtonsProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const exportPng = () => {
    const sigma = renderer.current;
    if (sigma === null) return;
    pngOf(sigma).then(
      (blob) => {
        download(blob, `${fileName}.png`, 'image/png');
      },
      (error: unknown) => {
        setProblem(error instanceof Error ? error.message : String(error));
      },
    );
  };
  return (
    <section className="panel graph-exports" aria-labelledby="graph-exports-title">
      <h2 id="graph-exports-title">Export</h2>
      <div className="graph-actions">
        <button type="button" onClick={exportPng}>
          PNG
        </button>
        <button
          type="button"
          onClick={() => {
            download(svgOf(graph), `${fileName}.svg`, 'image/svg+xml');
          }}
        >
          SVG
        </button>
        <button
          type="button"
          onClick={() => {
            download(graphmlOf(graph), `${fileName}.graphml`, 'application/graphml+xml');
          }}
        >
          GraphML
        </button>
        <button
          type="button"
          onClick={() => {
            download(jsonOf(graph), `${fileName}.json`, 'application/json');
          }}
        >
          JSON
        </button>
      </div>
      {problem !== null && (
        <p className="state state-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
