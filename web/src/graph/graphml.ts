import type { EdgeAttributes, ExplorerGraph, NodeAttributes } from './explorer-graph.js';
import { escapeXml } from './xml.js';

type Scalar = string | number | boolean;
type KeyType = 'string' | 'double' | 'boolean';

/**
 * One element's attributes as GraphML columns, lists and objects as JSON text; an attribute with
 * no value is left out.
 */
function columnsOf(attributes: NodeAttributes | EdgeAttributes): [string, Scalar][] {
  const columns: [string, Scalar][] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    columns.push([
      name,
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? value
        : JSON.stringify(value),
    ]);
  }
  return columns;
}

const keyTypeOf = (value: Scalar): KeyType =>
  typeof value === 'number' ? 'double' : typeof value === 'boolean' ? 'boolean' : 'string';

/** The columns of one kind of element, each typed; a name seen with two types is text. */
class Keys {
  readonly #types = new Map<string, KeyType>();
  constructor(readonly kind: 'node' | 'edge') {}
  see(columns: [string, Scalar][]): void {
    for (const [name, value] of columns) {
      const type = keyTypeOf(value);
      const known = this.#types.get(name);
      this.#types.set(name, known === undefined || known === type ? type : 'string');
    }
  }
  id(name: string): string {
    return `${this.kind}:${name}`;
  }
  declarations(): string[] {
    return [...this.#types].map(
      ([name, type]) =>
        `  <key id="${escapeXml(this.id(name))}" for="${this.kind}" attr.name="${escapeXml(name)}" attr.type="${type}"/>`,
    );
  }
  data(columns: [string, Scalar][]): string {
    return columns
      .map(
        ([name, value]) =>
          `<data key="${escapeXml(this.id(name))}">${escapeXml(String(value))}</data>`,
      )
      .join('');
  }
}

/**
 * The subgraph on screen as GraphML (Gephi, Cytoscape desktop, yEd, NetworkX): node and edge ids
 * are the API's, every attribute a typed column, positions included so the picture can be rebuilt.
 */
export function graphmlOf(graph: ExplorerGraph): string {
  const nodeKeys = new Keys('node');
  const edgeKeys = new Keys('edge');
  const nodes = graph.mapNodes((key, attributes) => {
    const columns = columnsOf(attributes);
    nodeKeys.see(columns);
    return { key, columns };
  });
  const edges = graph.mapEdges((key, attributes, source, target) => {
    const columns = columnsOf(attributes);
    edgeKeys.see(columns);
    return { key, source, target, columns };
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...nodeKeys.declarations(),
    ...edgeKeys.declarations(),
    '  <graph id="cyber-incident-graph" edgedefault="directed">',
    ...nodes.map(
      ({ key, columns }) => `    <node id="${escapeXml(key)}">${nodeKeys.data(columns)}</node>`,
    ),
    ...edges.map(
      ({ key, source, target, columns }) =>
        `    <edge id="${escapeXml(key)}" source="${escapeXml(source)}" target="${escapeXml(target)}">${edgeKeys.data(columns)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}
