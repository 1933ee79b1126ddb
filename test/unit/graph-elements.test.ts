import { describe, expect, it } from 'vitest';
import {
  cytoscapeEdge,
  cytoscapeNode,
  edgeSize,
  graphologyEdge,
  graphologyNode,
  initialPosition,
  nodeSize,
} from '../../src/analysis/graph-elements.js';
import {
  completeSubgraph,
  edgeIdentity,
  linkEdge,
  subgraphEdge,
  subgraphNode,
  type SubgraphEdgeRecord,
  type SubgraphNodeRecord,
} from '../../src/analysis/subgraph.js';
import { nodeIdentity } from '../../src/db/graph-model.js';

const sandworm = subgraphNode({
  label: 'Actor',
  key: 'sandworm',
  name: 'Sandworm',
  props: { id: 'sandworm', name: 'Sandworm', aliases: ['Voodoo Bear'] },
});
const ukraine = subgraphNode({
  label: 'Country',
  key: 'UA',
  name: 'Ukraine',
  props: { iso2: 'UA', name: 'Ukraine' },
});
const claim = subgraphEdge(
  'ATTRIBUTED_TO',
  { type: 'Incident', key: 'blackout' },
  sandworm,
  1,
  { id: 'claim-1', claimId: 'claim-1', source: 'a stored value', confidence: 90 },
  'claim-1',
);

/** Nodes and edges under the ids the API gives them. */
const identifiedNode = (node: SubgraphNodeRecord) => ({ ...node, id: nodeIdentity(node) });
const identifiedEdge = (edge: SubgraphEdgeRecord) => ({
  ...edge,
  id: edgeIdentity(edge),
  source: nodeIdentity(edge.source),
  target: nodeIdentity(edge.target),
});

describe('subgraph nodes and edges', () => {
  it('keep the stored key as `key`, never an `id` that contradicts the global one', () => {
    expect(nodeIdentity(sandworm)).toBe('Actor:sandworm');
    expect(edgeIdentity(claim)).toBe('ATTRIBUTED_TO:Incident:blackout->Actor:sandworm#claim-1');
    expect(sandworm.properties).toEqual({
      key: 'sandworm',
      name: 'Sandworm',
      aliases: ['Voodoo Bear'],
      type: 'Actor',
      label: 'Sandworm',
    });
    expect(ukraine.properties).toMatchObject({ key: 'UA', iso2: 'UA' });
    expect(claim.properties).not.toHaveProperty('id');
    expect(claim.properties).toMatchObject({ claimId: 'claim-1', type: 'ATTRIBUTED_TO' });
  });

  it('weigh each node by the edges at it, edges in id order', () => {
    const hits = subgraphEdge('HITS_COUNTRY', sandworm, ukraine, 5);
    const subgraph = completeSubgraph([sandworm, ukraine], [hits, claim], false);
    expect(subgraph.edges.map((e) => e.type)).toEqual(['ATTRIBUTED_TO', 'HITS_COUNTRY']);
    expect(subgraph.nodes.map((n) => [nodeIdentity(n), n.strength])).toEqual([
      ['Actor:sandworm', 6],
      ['Country:UA', 5],
    ]);
  });
});

describe('subgraph parts read without stored properties', () => {
  it('name a node by what the query read, its properties only its key, type and label', () => {
    const node = subgraphNode({
      label: 'Source',
      key: 'src-1',
      name: 'https://x.test',
      props: null,
    });
    expect(node.label).toBe('https://x.test');
    expect(node.properties).toEqual({ key: 'src-1', type: 'Source', label: 'https://x.test' });
    expect(subgraphNode({ label: 'Actor', key: 'anon', name: null, props: null }).label).toBe(
      'anon',
    );
  });

  it('tell parallel edges apart by the claim id or the affiliation kind', () => {
    const ends = {
      source: { label: 'Actor', key: 'a' },
      target: { label: 'Actor', key: 'b' },
      props: null,
    } as const;
    const affiliation = linkEdge({ ...ends, type: 'AFFILIATED_WITH', claimId: null, kind: 'ALLY' });
    expect(edgeIdentity(affiliation)).toBe('AFFILIATED_WITH:Actor:a->Actor:b#ALLY');
    expect(affiliation.properties).toEqual({ type: 'AFFILIATED_WITH', weight: 1 });
    const claim = linkEdge({ ...ends, type: 'ATTRIBUTED_TO', claimId: 'c-1', kind: null });
    expect(edgeIdentity(claim)).toBe('ATTRIBUTED_TO:Actor:a->Actor:b#c-1');
    expect(claim.properties).toMatchObject({ claimId: 'c-1', claimedBy: null });
  });
});

describe('Cytoscape.js elements', () => {
  it('are nodes and edges whose own fields win over stored values of the same name', () => {
    const [node] = completeSubgraph([sandworm], [], false).nodes;
    if (!node) throw new Error('no node');
    expect(cytoscapeNode(identifiedNode(node))).toEqual({
      group: 'nodes',
      data: { ...sandworm.properties, id: 'Actor:sandworm' },
    });
    expect(cytoscapeEdge(identifiedEdge(claim))).toEqual({
      group: 'edges',
      data: {
        id: 'ATTRIBUTED_TO:Incident:blackout->Actor:sandworm#claim-1',
        source: 'Incident:blackout',
        target: 'Actor:sandworm',
        type: 'ATTRIBUTED_TO',
        weight: 1,
        claimId: 'claim-1',
        confidence: 90,
      },
    });
  });
});

describe('graphology elements', () => {
  it('carry a position, a size and the type under a name sigma.js does not read', () => {
    const [node] = completeSubgraph([sandworm], [claim], false).nodes;
    if (!node) throw new Error('no node');
    const element = graphologyNode(identifiedNode(node));
    expect(element).toEqual({
      key: 'Actor:sandworm',
      attributes: {
        key: 'sandworm',
        name: 'Sandworm',
        aliases: ['Voodoo Bear'],
        label: 'Sandworm',
        nodeType: 'Actor',
        ...initialPosition('Actor:sandworm'),
        size: 6,
      },
    });
    expect(graphologyEdge(identifiedEdge(claim))).toEqual({
      key: 'ATTRIBUTED_TO:Incident:blackout->Actor:sandworm#claim-1',
      source: 'Incident:blackout',
      target: 'Actor:sandworm',
      attributes: {
        source: 'a stored value',
        claimId: 'claim-1',
        confidence: 90,
        edgeType: 'ATTRIBUTED_TO',
        weight: 1,
        size: 1,
      },
    });
  });

  it('place a node by its id alone, inside [-1, 1], nodes apart', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `Incident:incident-${i}`);
    const places = ids.map(initialPosition);
    expect(initialPosition('Actor:sandworm')).toEqual(initialPosition('Actor:sandworm'));
    for (const { x, y } of places) {
      expect(Math.abs(x)).toBeLessThanOrEqual(1);
      expect(Math.abs(y)).toBeLessThanOrEqual(1);
    }
    expect(new Set(places.map(({ x, y }) => `${x},${y}`)).size).toBe(ids.length);
    // Spread over the square, not along a line: each quadrant gets about a quarter.
    const quadrants = new Map<string, number>();
    for (const { x, y } of places) {
      const quadrant = `${Math.sign(x)}${Math.sign(y)}`;
      quadrants.set(quadrant, (quadrants.get(quadrant) ?? 0) + 1);
    }
    expect(quadrants.size).toBe(4);
    for (const count of quadrants.values()) expect(count).toBeGreaterThan(ids.length / 8);
  });

  it('size nodes by the square root of their strength and edges by the doublings of their weight', () => {
    expect([0, 1, 4, 100].map(nodeSize)).toEqual([4, 6, 8, 24]);
    expect([1, 2, 8, 0].map(edgeSize)).toEqual([1, 2, 4, 1]);
  });
});
