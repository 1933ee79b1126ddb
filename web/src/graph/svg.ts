import type { ExplorerGraph } from './explorer-graph.js';
import { pointsAttribute, round, shapeCorners } from './shapes.js';
import { escapeXml } from './xml.js';

export interface SvgSize {
  width: number;
  height: number;
}

const padding = 40;
/** More labels than this make an unreadable block of text: the largest nodes keep theirs. */
const maxLabels = 300;

/** Maps graph coordinates into the picture, the whole graph fitted and centred; y points up. */
function projection(graph: ExplorerGraph, { width, height }: SvgSize) {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_key, { x, y }) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  return (x: number, y: number): [number, number] => [
    offsetX + (x - minX) * scale,
    offsetY + (maxY - y) * scale,
  ];
}

/** The sizes at or above which a node's label is written. */
function labelThreshold(graph: ExplorerGraph): number {
  if (graph.order <= maxLabels) return -Infinity;
  const sizes = graph.mapNodes((_key, { size }) => size).sort((a, b) => b - a);
  return sizes[maxLabels - 1] ?? -Infinity;
}

function nodeSvg(
  corners: ReturnType<typeof shapeCorners>,
  x: number,
  y: number,
  r: number,
  color: string,
) {
  return corners === null
    ? `<circle cx="${round(x)}" cy="${round(y)}" r="${round(r)}" fill="${escapeXml(color)}"/>`
    : `<polygon points="${pointsAttribute(corners)}" fill="${escapeXml(color)}"/>`;
}

/**
 * The picture as SVG, drawn from the graph itself (positions, colours, shapes, sizes, labels)
 * rather than from the canvas: a vector file that stays sharp at any size and whose text can be
 * searched and edited. Edges first, then nodes, then labels, as on screen; a claim's edge carries
 * its confidence as a tooltip.
 */
export function svgOf(graph: ExplorerGraph, size: SvgSize = { width: 1600, height: 1000 }): string {
  const at = projection(graph, size);
  const edges = graph.mapEdges((_key, edge, _source, _target, from, to) => {
    const [x1, y1] = at(from.x, from.y);
    const [x2, y2] = at(to.x, to.y);
    const title = edge.label === '' ? '' : `<title>${escapeXml(edge.label)}</title>`;
    return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${escapeXml(edge.color)}" stroke-width="${round(edge.size)}">${title}</line>`;
  });
  const threshold = labelThreshold(graph);
  const nodes: string[] = [];
  const labels: string[] = [];
  graph.forEachNode((_key, node) => {
    const [x, y] = at(node.x, node.y);
    nodes.push(nodeSvg(shapeCorners(node.shape, x, y, node.size), x, y, node.size, node.color));
    if (node.size >= threshold)
      labels.push(
        `<text x="${round(x + node.size + 3)}" y="${round(y + 4)}">${escapeXml(node.label)}</text>`,
      );
  });
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" viewBox="0 0 ${size.width} ${size.height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="edges" stroke-opacity="0.8">${edges.join('')}</g>`,
    `<g class="nodes">${nodes.join('')}</g>`,
    `<g class="labels" font-family="system-ui, sans-serif" font-size="11" fill="#1d2733">${labels.join('')}</g>`,
    `</svg>`,
    '',
  ].join('\n');
}
