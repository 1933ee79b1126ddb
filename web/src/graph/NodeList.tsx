import { useId, useMemo, useState } from 'react';
import type { ExplorerGraph } from './explorer-graph.js';
import { lookOf } from './node-style.js';
import { ShapeSwatch } from './ShapeSwatch.js';

/** More buttons than this make the list slow to scan and to tab through. */
const shown = 50;

interface NodeListProps {
  graph: ExplorerGraph;
  /** Changes whenever the graph's nodes do, so the list follows them. */
  version: number;
  selected: string | null;
  onSelect: (node: string) => void;
}

/**
 * The graph's nodes as buttons, best connected first, narrowed by what is typed: how a keyboard
 * (or a screen reader) reaches a node that the canvas only shows as a shape.
 */
export function NodeList({ graph, version, selected, onSelect }: NodeListProps) {
  const [text, setText] = useState('');
  const inputId = useId();
  const nodes = useMemo(
    () =>
      graph
        .mapNodes((key, { label, nodeType, size }) => ({ key, label, type: nodeType, size }))
        .sort((a, b) => b.size - a.size || a.label.localeCompare(b.label)),
    // The graph is mutated in place: `version` says when to read it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [graph, version],
  );
  const needle = text.trim().toLowerCase();
  const matching =
    needle === '' ? nodes : nodes.filter((node) => node.label.toLowerCase().includes(needle));
  return (
    <section className="panel graph-node-list" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>Nodes</h2>
      <label htmlFor={inputId}>Find a node in the graph</label>
      <input
        id={inputId}
        type="search"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
        }}
      />
      <ul>
        {matching.slice(0, shown).map((node) => (
          <li key={node.key}>
            <button
              type="button"
              aria-pressed={node.key === selected}
              onClick={() => {
                onSelect(node.key);
              }}
            >
              <ShapeSwatch look={lookOf(node.type)} />
              <span className="graph-node-label">{node.label}</span>
              <span className="muted graph-node-type">{node.type}</span>
            </button>
          </li>
        ))}
      </ul>
      {matching.length > shown && (
        <p className="muted">{matching.length - shown} more: type more of a name to find them.</p>
      )}
      {matching.length === 0 && <p className="muted">No node of the graph matches.</p>}
    </section>
  );
}
