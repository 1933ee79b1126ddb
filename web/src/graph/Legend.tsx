import { lookOf, nodeTypes } from './node-style.js';
import { ShapeSwatch } from './ShapeSwatch.js';

/** What the shapes, colours and edge widths mean. */
export function Legend() {
  return (
    <section className="panel graph-legend" aria-labelledby="graph-legend-title">
      <h2 id="graph-legend-title">Legend</h2>
      <ul>
        {nodeTypes.map((type) => (
          <li key={type}>
            <ShapeSwatch look={lookOf(type)} /> {type}
          </li>
        ))}
      </ul>
      <p className="muted">
        Each attribution claim is an edge of its own, as thick as the claim is confident; its
        confidence and status are written beside it. Arrows keep the stored direction.
      </p>
    </section>
  );
}
