import type { ExplorerGraph } from './explorer-graph.js';

/** The node positions at one moment, in the graph's node order. */
export type Positions = Float64Array;

export function positionsOf(graph: ExplorerGraph): Positions {
  const positions = new Float64Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_key, { x, y }) => {
    positions[i++] = x;
    positions[i++] = y;
  });
  return positions;
}

/**
 * How far the nodes moved between two moments, on average, as a share of the picture's size (the
 * larger side of the positions' bounding box): 0.01 is a hundredth of the picture. Infinity when
 * the node set changed in between, since nothing can be compared.
 */
export function relativeShift(before: Positions, after: Positions): number {
  if (before.length !== after.length) return Infinity;
  if (after.length === 0) return 0;
  let moved = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < after.length; i += 2) {
    const x = after[i] ?? 0;
    const y = after[i + 1] ?? 0;
    moved += Math.hypot(x - (before[i] ?? 0), y - (before[i + 1] ?? 0));
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const extent = Math.max(maxX - minX, maxY - minY);
  const mean = moved / (after.length / 2);
  return extent === 0 ? (mean === 0 ? 0 : Infinity) : mean / extent;
}

/** Below this shift per check the picture no longer changes to the eye. */
export const settledShift = 0.002;

/** How long the layout may run at most: longer for larger graphs, never more than 15 s. */
export const layoutBudgetMs = (order: number): number => Math.min(15_000, 3_000 + 5 * order);
