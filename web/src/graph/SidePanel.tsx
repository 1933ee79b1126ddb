import { Link } from 'react-router';
import { nodePagePath } from '../links';
import type { ExplorerGraph, NodeAttributes } from './explorer-graph.js';
import { lookOf } from './node-style.js';
import { ShapeSwatch } from './ShapeSwatch.js';

/**
 * Attributes that say nothing an analyst reads: how the node is drawn, ids, bookkeeping, what the
 * heading already shows.
 */
const unshown = new Set([
  'x',
  'y',
  'size',
  'color',
  'shape',
  'nodeType',
  'label',
  'key',
  'iso2',
  'name',
  'title',
  'version',
  'importSignature',
  'datasetIds',
]);
const mostShown = 12;

type Shown = string | number | boolean;

/** The stored properties worth a line: text, numbers, yes/no, and lists of them. */
function shownProperties(attributes: NodeAttributes): [string, string][] {
  const lines: [string, string][] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (unshown.has(name)) continue;
    const isShown = (v: unknown): v is Shown =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
    if (isShown(value) && value !== '') lines.push([name, String(value)]);
    else if (Array.isArray(value) && value.length > 0 && value.every(isShown))
      lines.push([name, value.join(', ')]);
  }
  return lines.slice(0, mostShown);
}

interface SidePanelProps {
  graph: ExplorerGraph;
  node: string;
  expanded: boolean;
  /** `?…` carrying the filter to the node's page. */
  carried: string;
  onExpand: (node: string) => void;
  onSelect: (node: string) => void;
}

/** The selected node: what it is, its key properties, its page, its claims, and expanding it. */
export function SidePanel({ graph, node, expanded, carried, onExpand, onSelect }: SidePanelProps) {
  const attributes = graph.getNodeAttributes(node);
  const { nodeType: type, label } = attributes;
  const page = nodePagePath(type, node);
  const url = type === 'Source' && typeof attributes.url === 'string' ? attributes.url : null;
  return (
    <section className="panel graph-side-panel" aria-labelledby="graph-selected-title">
      <p className="muted graph-selected-type">
        <ShapeSwatch look={lookOf(type)} /> {type}
      </p>
      <h2 id="graph-selected-title">{label}</h2>
      <div className="graph-actions">
        <button
          type="button"
          className="primary"
          disabled={expanded}
          onClick={() => {
            onExpand(node);
          }}
        >
          {expanded ? 'Expanded' : `Expand ${label}`}
        </button>
        {page !== null && <Link to={`${page}${carried}`}>Open its page</Link>}
        {url !== null && (
          <a href={url} rel="noreferrer noopener" target="_blank">
            Open the source
          </a>
        )}
      </div>
      <dl className="graph-properties">
        {shownProperties(attributes).map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Claims graph={graph} node={node} onSelect={onSelect} />
    </section>
  );
}

/** The attribution claims on the node, each a way to the node at its other end. */
function Claims({
  graph,
  node,
  onSelect,
}: {
  graph: ExplorerGraph;
  node: string;
  onSelect: (node: string) => void;
}) {
  const claims = graph
    .filterEdges(node, (_edge, { edgeType }) => edgeType === 'ATTRIBUTED_TO')
    .map((edge) => ({
      edge,
      other: graph.opposite(node, edge),
      attributes: graph.getEdgeAttributes(edge),
    }));
  if (claims.length === 0) return null;
  return (
    <>
      <h3>Attribution claims</h3>
      <ul className="graph-claims">
        {claims.map(({ edge, other, attributes }) => {
          const { claimedBy } = attributes;
          return (
            <li key={edge}>
              <button
                type="button"
                onClick={() => {
                  onSelect(other);
                }}
              >
                {graph.getNodeAttribute(other, 'label')}
              </button>{' '}
              {attributes.label}
              {typeof claimedBy === 'string' && (
                <span className="muted"> — claimed by {claimedBy}</span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
