import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { startNodesOf, withNodeExpanded } from '../../web/src/graph/address.js';
import { graphmlOf } from '../../web/src/graph/graphml.js';
import { jsonOf } from '../../web/src/graph/json.js';
import {
  confidenceOf,
  newExplorerGraph,
  type ExplorerGraph,
} from '../../web/src/graph/explorer-graph.js';
import { mergeAnswers, type SubgraphAnswer } from '../../web/src/graph/graph-elements.js';
import { syncGraph } from '../../web/src/graph/load-subgraph.js';
import { positionsOf, relativeShift } from '../../web/src/graph/settling.js';
import { svgOf } from '../../web/src/graph/svg.js';
import { escapeXml } from '../../web/src/graph/xml.js';

function graphOf(answer: SubgraphAnswer): ExplorerGraph {
  const graph = newExplorerGraph();
  syncGraph(graph, answer);
  return graph;
}

/** A node as the API's `graphology` field gives it. */
const node = (id: string, label = id) => ({
  graphology: {
    key: id,
    attributes: {
      key: id.slice(id.indexOf(':') + 1),
      label,
      nodeType: id.slice(0, id.indexOf(':')),
      x: 0.5,
      y: -0.5,
      size: 6,
    },
  },
});

const edge = (
  key: string,
  source: string,
  target: string,
  attributes: Record<string, unknown>,
) => ({
  graphology: { key, source, target, attributes: { weight: 1, size: 1, ...attributes } },
});

const claim = (incident: string, actor: string, claimId: string, confidence: number) =>
  edge(`ATTRIBUTED_TO:${incident}->${actor}#${claimId}`, incident, actor, {
    edgeType: 'ATTRIBUTED_TO',
    claimId,
    confidence,
    status: 'SUSPECTED',
  });

const link = (type: string, source: string, target: string) =>
  edge(`${type}:${source}->${target}`, source, target, { edgeType: type });

/** Sandworm, two incidents (one claimed twice), and Russia. */
const sandworm: SubgraphAnswer = {
  nodes: [
    node('Actor:sandworm', 'Sandworm'),
    node('Incident:notpetya', 'NotPetya'),
    node('Incident:grid-2015', 'Ukrainian grid 2015'),
    node('Country:RU', 'Russia'),
  ],
  edges: [
    claim('Incident:notpetya', 'Actor:sandworm', 'c1', 85),
    claim('Incident:notpetya', 'Actor:sandworm', 'c2', 60),
    claim('Incident:grid-2015', 'Actor:sandworm', 'c3', 70),
    link('ORIGINATES_FROM', 'Actor:sandworm', 'Country:RU'),
  ],
};

/** Sandworm expanded through Russia: one more actor. */
const expanded: SubgraphAnswer = {
  nodes: [...sandworm.nodes, node('Actor:apt28', 'APT28')],
  edges: [...sandworm.edges, link('ORIGINATES_FROM', 'Actor:apt28', 'Country:RU')],
};

describe("loading the API's subgraph into graphology", () => {
  it('keeps one edge per claim, thick as the claim is confident, labelled with it', () => {
    const graph = graphOf(sandworm);
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(4);
    const strong = graph.getEdgeAttributes('ATTRIBUTED_TO:Incident:notpetya->Actor:sandworm#c1');
    const weak = graph.getEdgeAttributes('ATTRIBUTED_TO:Incident:notpetya->Actor:sandworm#c2');
    expect(confidenceOf(strong)).toBe(85);
    expect(strong.label).toBe('85% suspected');
    expect(strong.size).toBeGreaterThan(weak.size);
    expect(graph.getEdgeAttributes('ORIGINATES_FROM:Actor:sandworm->Country:RU').label).toBe('');
  });

  it("takes the API's elements as they are: the global id as the key, the stored one beside it", () => {
    const graph = graphOf(sandworm);
    expect(graph.hasNode('Actor:sandworm')).toBe(true);
    expect(graph.getNodeAttributes('Actor:sandworm')).toMatchObject({
      key: 'sandworm',
      nodeType: 'Actor',
      label: 'Sandworm',
      size: 6,
    });
  });

  it("refuses an element that is not graphology's, saying what it lacks", () => {
    const noType: SubgraphAnswer = {
      nodes: [{ graphology: { key: 'Actor:x', attributes: { label: 'X', size: 3 } } }],
      edges: [],
    };
    expect(() => graphOf(noType)).toThrow(/node Actor:x has no string nodeType/);
    const noKey: SubgraphAnswer = { nodes: [{ graphology: { attributes: {} } }], edges: [] };
    expect(() => graphOf(noKey)).toThrow(/not a graphology element/);
  });

  it('places every node, each new one next to a neighbour, the same way every time', () => {
    const graph = graphOf(sandworm);
    graph.forEachNode((_key, { x, y }) => {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    });
    const keys = graph.nodes();
    const distinct = new Set(
      keys.map((key) => `${graph.getNodeAttribute(key, 'x')},${graph.getNodeAttribute(key, 'y')}`),
    );
    expect(distinct.size).toBe(keys.length);
    expect(positionsOf(graphOf(sandworm))).toEqual(positionsOf(graph));
  });

  it('merges an expansion in place: drawn nodes stay put, new ones land near a neighbour', () => {
    const graph = graphOf(sandworm);
    const russia = graph.getNodeAttributes('Country:RU');
    const before = { x: russia.x, y: russia.y };
    const added = syncGraph(graph, expanded);
    expect(added).toEqual(['Actor:apt28']);
    expect(graph.order).toBe(5);
    expect(graph.size).toBe(5);
    expect(graph.getNodeAttributes('Country:RU')).toMatchObject(before);
    const apt28 = graph.getNodeAttributes('Actor:apt28');
    expect(Math.hypot(apt28.x - before.x, apt28.y - before.y)).toBeLessThanOrEqual(2);
  });

  it('merges two answers into one, each element once', () => {
    const merged = mergeAnswers(sandworm, expanded);
    expect(merged.nodes).toHaveLength(5);
    expect(merged.edges).toHaveLength(5);
  });

  it('drops what a narrower answer no longer holds (the back button after an expansion)', () => {
    const graph = graphOf(expanded);
    expect(syncGraph(graph, sandworm)).toEqual([]);
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(4);
    expect(graph.hasNode('Actor:apt28')).toBe(false);
  });

  it('refuses an edge whose end the answer does not hold, naming it', () => {
    const broken: SubgraphAnswer = {
      nodes: [node('Actor:sandworm')],
      edges: [link('ORIGINATES_FROM', 'Actor:sandworm', 'Country:RU')],
    };
    expect(() => graphOf(broken)).toThrow(/ORIGINATES_FROM:Actor:sandworm->Country:RU.*Country:RU/);
  });
});

describe('the layout settling', () => {
  it('measures movement as a share of the picture, infinite when the nodes changed', () => {
    const before = new Float64Array([0, 0, 100, 0]);
    expect(relativeShift(before, new Float64Array([0, 0, 100, 0]))).toBe(0);
    expect(relativeShift(before, new Float64Array([1, 0, 101, 0]))).toBeCloseTo(0.01);
    expect(relativeShift(before, new Float64Array([0, 0]))).toBe(Infinity);
  });
});

describe('the graph address', () => {
  it('names each start node once, and an expansion appends one, keeping the filter', () => {
    const params = new URLSearchParams('node=Actor:sandworm&sector=energy&node=Actor:sandworm');
    expect(startNodesOf(params)).toEqual(['Actor:sandworm']);
    const next = withNodeExpanded(params, 'Country:RU');
    expect(startNodesOf(next)).toEqual(['Actor:sandworm', 'Country:RU']);
    expect(next.getAll('sector')).toEqual(['energy']);
    expect(withNodeExpanded(next, 'Country:RU').toString()).toBe(next.toString());
  });
});

describe('the exports', () => {
  const hostile: SubgraphAnswer = {
    nodes: [node('Actor:x', 'A <b>"bold"</b> & \u0001odd'), node('Country:RU', "Russia's")],
    edges: [link('ORIGINATES_FROM', 'Actor:x', 'Country:RU')],
  };

  it('escapes the five XML characters and drops what XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u0007ok`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;ok',
    );
  });

  it("writes GraphML that graphology's parser reads back: ids, typed columns, properties", () => {
    const graph = graphOf(sandworm);
    const read = parse(MultiDirectedGraph, graphmlOf(graph));
    expect(read.order).toBe(graph.order);
    expect(read.size).toBe(graph.size);
    expect(read.getNodeAttributes('Actor:sandworm')).toMatchObject({
      label: 'Sandworm',
      key: 'sandworm',
      nodeType: 'Actor',
      x: graph.getNodeAttribute('Actor:sandworm', 'x'),
    });
    expect(
      read.getEdgeAttributes('ATTRIBUTED_TO:Incident:notpetya->Actor:sandworm#c1'),
    ).toMatchObject({
      edgeType: 'ATTRIBUTED_TO',
      confidence: 85,
      claimId: 'c1',
      status: 'SUSPECTED',
    });
    const odd = parse(MultiDirectedGraph, graphmlOf(graphOf(hostile)));
    expect(odd.getNodeAttribute('Actor:x', 'label')).toBe('A <b>"bold"</b> & odd');
  });

  it('writes JSON that Graph.from reads back unchanged', () => {
    const graph = graphOf(sandworm);
    const read = MultiDirectedGraph.from(
      JSON.parse(jsonOf(graph)) as ReturnType<typeof graph.export>,
    );
    expect(read.export()).toEqual(graph.export());
  });

  it('draws SVG with a line per edge, a shape per node and escaped labels', () => {
    const svg = svgOf(graphOf(sandworm));
    expect(svg.match(/<line /g)).toHaveLength(4);
    expect(svg.match(/<(circle|polygon) /g)).toHaveLength(4);
    expect(svg).toContain('<title>85% suspected</title>');
    const odd = svgOf(graphOf(hostile));
    expect(odd).toContain('A &lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; odd');
    expect(odd).not.toContain('\u0001');
  });
});
