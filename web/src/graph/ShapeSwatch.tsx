import type { NodeLook } from './node-style.js';
import { pointsAttribute, shapeCorners } from './shapes.js';

/** A node type's shape and colour as a small picture, drawn from the same corners as the export. */
export function ShapeSwatch({ look }: { look: NodeLook }) {
  const corners = shapeCorners(look.shape, 8, 8, 6);
  return (
    <svg className="graph-swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      {corners === null ? (
        <circle cx="8" cy="8" r="6" fill={look.color} />
      ) : (
        <polygon points={pointsAttribute(corners)} fill={look.color} />
      )}
    </svg>
  );
}
