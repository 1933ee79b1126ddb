import type { ExplorerGraph } from './explorer-graph.js';

/** The golden angle: successive points around a centre never line up (a sunflower's seeds). */
const goldenAngle = Math.PI * (3 - Math.sqrt(5));

/** Distance between rings of neighbours around a node, and between unconnected groups. */
const neighbourSpacing = 1;
const groupSpacing = 20;

function sunflowerPoint(
  centre: { x: number; y: number },
  index: number,
  spacing: number,
): { x: number; y: number } {
  const radius = spacing * Math.sqrt(index + 1);
  const angle = index * goldenAngle;
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}

/**
 * Positions for the nodes just added, so that the first frame already reads as a picture and the
 * layout has little left to do: each new node goes around a neighbour that is already placed,
 * breadth first from the nodes drawn before; a group with no placed neighbour (the first answer,
 * or a part of the graph with no link to the rest) starts from its best-connected node, on a wide
 * spiral around the origin. Deterministic: the same answer gives the same picture.
 */
export function placeNewNodes(graph: ExplorerGraph, added: readonly string[]): void {
  const pending = new Set(added);
  const childrenAround = new Map<string, number>();
  const queue: string[] = [];
  let head = 0;
  let groups = 0;

  const placeAround = (node: string, anchor: string) => {
    const index = childrenAround.get(anchor) ?? 0;
    childrenAround.set(anchor, index + 1);
    const centre = graph.getNodeAttributes(anchor);
    graph.mergeNodeAttributes(node, sunflowerPoint(centre, index, neighbourSpacing));
    pending.delete(node);
    queue.push(node);
  };

  for (const node of added)
    for (const neighbour of graph.neighbors(node))
      if (!pending.has(neighbour) && !childrenAround.has(neighbour)) {
        childrenAround.set(neighbour, 0);
        queue.push(neighbour);
      }

  while (pending.size > 0) {
    while (head < queue.length) {
      const anchor = queue[head++] as string;
      for (const neighbour of graph.neighbors(anchor))
        if (pending.has(neighbour)) placeAround(neighbour, anchor);
    }
    const start = mostConnected(graph, pending);
    if (start === undefined) break;
    const point =
      groups === 0 ? { x: 0, y: 0 } : sunflowerPoint({ x: 0, y: 0 }, groups - 1, groupSpacing);
    groups += 1;
    graph.mergeNodeAttributes(start, point);
    pending.delete(start);
    queue.push(start);
  }
}

function mostConnected(graph: ExplorerGraph, nodes: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  let bestDegree = -1;
  for (const node of nodes) {
    const degree = graph.degree(node);
    if (degree > bestDegree) {
      best = node;
      bestDegree = degree;
    }
  }
  return best;
}
