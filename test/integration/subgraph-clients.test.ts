/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import cytoscape from 'cytoscape';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import { parseGlobalId } from '../../src/graphql/global-id.js';
import { useSeededApi } from '../support/seeded.js';
import { dataOf } from '../support/server.js';

/**
 * The subgraph answers loaded, unchanged, into the libraries a graph explorer draws with:
 * Cytoscape.js (headless here) and graphology, which sigma.js renders.
 */
const seeded = useSeededApi();

const SUBGRAPH = `nodes { id type label properties cytoscape graphology }
  edges { id type source target weight properties cytoscape graphology }`;

/**
 * The answer's `graphology` elements in the envelope graphology's types ask for: a directed multi
 * graph (claims are parallel edges), no graph attributes.
 */
const serialized = (subgraph: { nodes: any[]; edges: any[] }): SerializedGraph => ({
  attributes: {},
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  nodes: subgraph.nodes.map((n) => n.graphology),
  edges: subgraph.edges.map((e) => e.graphology),
});

type Answers = Record<'projection' | 'neighborhood' | 'paths', { nodes: any[]; edges: any[] }>;

/** The projection, the neighbourhood of WannaCry (two claims naming Lazarus: parallel edges) and a path's subgraph. */
async function ask(): Promise<Answers> {
  const data = await dataOf(
    seeded.api,
    `{
      projection { ${SUBGRAPH} }
      neighborhood(ids: ["Incident:2017-05-wannacry-nhs", "Actor:sandworm"], depth: 2, limit: 1000) { ${SUBGRAPH} }
      paths(from: "Actor:sandworm", to: "Sector:electricity", maxHops: 4) { subgraph { ${SUBGRAPH} } }
    }`,
  );
  return {
    projection: data.projection,
    neighborhood: data.neighborhood,
    paths: data.paths.subgraph,
  };
}

let asked: Promise<Answers> | undefined;
/** Asked once, when the first test needs them (the seeded API exists by then). */
const answers = (): Promise<Answers> => (asked ??= ask());

describe('subgraphs that graph libraries take as they are', () => {
  it('load into Cytoscape.js: every node and edge, every edge between nodes that exist', async () => {
    for (const [name, subgraph] of Object.entries(await answers())) {
      expect(subgraph.nodes.length, name).toBeGreaterThan(0);
      const cy = cytoscape({
        headless: true,
        elements: [
          ...subgraph.nodes.map((n) => n.cytoscape),
          ...subgraph.edges.map((e) => e.cytoscape),
        ],
      });
      // Cytoscape.js throws on an edge to a missing node and drops an element whose id it has.
      expect(cy.nodes().length, name).toBe(subgraph.nodes.length);
      expect(cy.edges().length, name).toBe(subgraph.edges.length);
      for (const edge of subgraph.edges) {
        const loaded = cy.getElementById(edge.id);
        expect(loaded.source().id(), edge.id).toBe(edge.source);
        expect(loaded.target().id(), edge.id).toBe(edge.target);
        expect(loaded.data('type')).toBe(edge.type);
      }
      for (const node of subgraph.nodes) {
        expect(cy.getElementById(node.id).data()).toMatchObject({
          id: node.id,
          label: node.label,
          type: node.type,
          key: parseGlobalId(node.id)?.key,
        });
      }
    }
  });

  it('load into graphology (Graph.from and import), positioned and sized for sigma.js', async () => {
    for (const [name, subgraph] of Object.entries(await answers())) {
      const graph = MultiDirectedGraph.from(serialized(subgraph));
      const imported = new MultiDirectedGraph();
      imported.import(serialized(subgraph));
      for (const g of [graph, imported]) {
        expect(g.order, name).toBe(subgraph.nodes.length);
        expect(g.size, name).toBe(subgraph.edges.length);
      }
      for (const node of subgraph.nodes) {
        const attributes = graph.getNodeAttributes(node.id);
        expect(attributes).toMatchObject({ label: node.label, nodeType: node.type });
        for (const axis of ['x', 'y']) {
          expect(attributes[axis]).toBeGreaterThanOrEqual(-1);
          expect(attributes[axis]).toBeLessThanOrEqual(1);
        }
        expect(attributes.size).toBeGreaterThanOrEqual(4);
        // sigma.js picks a WebGL program by `type`; a domain type there would stop it drawing.
        expect(attributes).not.toHaveProperty('type');
      }
      for (const edge of subgraph.edges) {
        expect(graph.source(edge.id)).toBe(edge.source);
        expect(graph.target(edge.id)).toBe(edge.target);
        const attributes = graph.getEdgeAttributes(edge.id);
        expect(attributes).toMatchObject({ edgeType: edge.type, weight: edge.weight });
        expect(attributes.size).toBeGreaterThanOrEqual(1);
        expect(attributes).not.toHaveProperty('type');
      }
    }
  });

  it('keep claims apart as parallel edges', async () => {
    const { neighborhood } = await answers();
    const graph = MultiDirectedGraph.from(serialized(neighborhood));
    const claims = graph.edges('Incident:2017-05-wannacry-nhs', 'Actor:lazarus-group');
    expect(claims).toHaveLength(2);
    expect(claims.map((id) => graph.getEdgeAttribute(id, 'claimId'))).toEqual(
      claims.map((id) => id.split('#')[1]),
    );
  });

  it('never carry an id in properties; a node starts in the same place in every answer', async () => {
    const { projection, neighborhood, paths } = await answers();
    const all = [projection, neighborhood, paths];
    for (const subgraph of all) {
      for (const node of subgraph.nodes) {
        expect(node.properties).not.toHaveProperty('id');
        expect(node.properties.key).toBe(parseGlobalId(node.id)?.key);
      }
      for (const edge of subgraph.edges) expect(edge.properties).not.toHaveProperty('id');
    }
    const place = (subgraph: { nodes: any[] }, id: string) => {
      const { x, y } = subgraph.nodes.find((n) => n.id === id).graphology.attributes;
      return { x, y };
    };
    for (const subgraph of [neighborhood, paths])
      expect(place(subgraph, 'Actor:sandworm')).toEqual(place(projection, 'Actor:sandworm'));
  });

  it('size a node by the weight of its edges in the answer', async () => {
    const { projection } = await answers();
    const strength = (id: string): number =>
      projection.edges
        .filter((e) => e.source === id || e.target === id)
        .reduce((total: number, e) => total + (e.weight as number), 0);
    for (const node of projection.nodes) {
      expect(node.graphology.attributes.size, node.id).toBeCloseTo(
        4 + 2 * Math.sqrt(strength(node.id)),
        2,
      );
    }
  });
});
