import type { NodeShape } from './node-style.js';

export type Point = readonly [number, number];

/**
 * The corners of a node's shape around (x, y) at radius r, as sigma draws it (a square and a
 * diamond fit the circle of radius r; the triangle points up); null for a circle. The legend and
 * the SVG export draw from these, so both match the canvas.
 */
export function shapeCorners(shape: NodeShape, x: number, y: number, r: number): Point[] | null {
  switch (shape) {
    case 'circle':
      return null;
    case 'square':
      return [
        [x - r, y - r],
        [x + r, y - r],
        [x + r, y + r],
        [x - r, y + r],
      ];
    case 'diamond':
      return [
        [x, y - r],
        [x + r, y],
        [x, y + r],
        [x - r, y],
      ];
    case 'triangle': {
      const half = (r * Math.sqrt(3)) / 2;
      return [
        [x, y - r],
        [x + half, y + r / 2],
        [x - half, y + r / 2],
      ];
    }
  }
}

export const pointsAttribute = (corners: readonly Point[]): string =>
  corners.map(([px, py]) => `${round(px)},${round(py)}`).join(' ');

/** Two decimals are finer than any screen or print needs, and keep the files small. */
export const round = (value: number): number => Math.round(value * 100) / 100;
