/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedEdge, SerializedNode } from 'graphology-types';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/import/records.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { projectRoot } from '../../src/paths.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { useSeededApi } from '../support/seeded.js';

/** The README's example queries, run exactly as written; expectations come from the seed files. */
const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const examples = new Map(
  [...readme.matchAll(/<!-- example: ([\w-]+) -->\s*```graphql\n([\s\S]*?)```/g)].map((m) => [
    m[1] ?? '',
    m[2] ?? '',
  ]),
);

const taxonomy = loadTaxonomy();
const seeds = (await readSeedDataset(taxonomy)).read.records;
const parentOf = new Map(taxonomy.sectors.map((s) => [s.id, s.parentId]));
const under = (i: IncidentRecord, sector: string): boolean =>
  i.sectorIds.some((s) => s === sector || parentOf.get(s) === sector);
const originOf = (actor: string): string | undefined =>
  seeds.actors.find((a) => a.id === actor)?.origin?.country;

const seeded = useSeededApi();

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the file header
async function run(name: string): Promise<Record<string, any>> {
  const text = examples.get(name);
  expect(text, `README example ${name}`).toBeDefined();
  const result = await seeded.api.graphql(text ?? '');
  expect(result.body.errors).toBeUndefined();
  return result.body.data ?? {};
}

describe('the README examples', () => {
  it('are all there', () => {
    expect([...examples.keys()]).toEqual([
      'analysis-projection',
      'analysis-cross-border',
      'analysis-stats-matrix',
      'analysis-timeline',
      'analysis-co-targeting',
      'analysis-neighborhood-paths',
      'analysis-suggest-attributions',
      'energy-cross-border',
      'actor-sectors-by-country',
      'hospitals-in-country',
      'claimed-ddos-government',
      'alias-search',
    ]);
  });

  it('energy-cross-border: the actors behind cross-border energy incidents since 2022', async () => {
    const incidents = seeds.incidents.filter(
      (i) =>
        under(i, 'energy') &&
        i.endDate >= '2022-01-01' &&
        i.attributions.some((a) => {
          const origin = originOf(a.actorId);
          return origin !== undefined && i.countries.some((c) => c.iso2 !== origin);
        }),
    );
    const expected = new Set(
      incidents.flatMap((i) =>
        i.attributions.map((a) => seeds.actors.find((x) => x.id === a.actorId)?.name),
      ),
    );
    const data = await run('energy-cross-border');
    const names = new Set(
      data.sector.actors.edges.map((e: { node: { name: string } }) => e.node.name),
    );
    expect(names).toEqual(expected);
    expect(names).toContain('Sandworm');
  });

  it('actor-sectors-by-country: every country Sandworm hit, with its incidents there and their sectors', async () => {
    const attributed = seeds.incidents.filter((i) =>
      i.attributions.some((a) => a.actorId === 'sandworm'),
    );
    const countries = new Set(attributed.flatMap((i) => i.countries.map((c) => c.iso2)));
    const data = await run('actor-sectors-by-country');
    const edges = data.actor.targetCountries.edges;
    expect(edges).toHaveLength(Math.min(countries.size, 20));
    for (const edge of edges) expect(edge.node.incidents.edges).toHaveLength(edge.incidentCount);
  });

  it('hospitals-in-country: the hospital incidents in the United States', async () => {
    const expected = seeds.incidents.filter(
      (i) => under(i, 'hospitals') && i.countries.some((c) => c.iso2 === 'US'),
    );
    const data = await run('hospitals-in-country');
    expect(data.incidents.totalCount).toBe(expected.length);
  });

  it('claimed-ddos-government: who claimed the DDoS attacks on Swiss government sites', async () => {
    const expected = seeds.incidents.filter(
      (i) =>
        i.attackTypes.includes('DDOS') &&
        under(i, 'public-administration') &&
        i.countries.some((c) => c.iso2 === 'CH') &&
        i.attributions.some((a) => a.status === 'CLAIMED'),
    );
    const data = await run('claimed-ddos-government');
    expect(data.incidents.edges).toHaveLength(expected.length);
    for (const edge of data.incidents.edges) {
      expect(edge.node.attributions.length).toBeGreaterThan(0);
      for (const claim of edge.node.attributions) expect(claim.sources.length).toBeGreaterThan(0);
    }
  });

  it('alias-search: "Voodoo Bear" finds Sandworm first', async () => {
    const data = await run('alias-search');
    expect(data.search[0].node.name).toBe('Sandworm');
  });

  it('analysis-projection: a graph graphology and Cytoscape.js build as is', async () => {
    const data = await run('analysis-projection');
    const { nodes, edges } = data.projection as {
      nodes: { cytoscape: cytoscape.ElementDefinition; graphology: SerializedNode }[];
      edges: { cytoscape: cytoscape.ElementDefinition; graphology: SerializedEdge }[];
    };
    const graph = MultiDirectedGraph.from({
      attributes: {},
      options: { type: 'directed', multi: true },
      nodes: nodes.map((n) => n.graphology),
      edges: edges.map((e) => e.graphology),
    });
    expect(graph.order).toBe(nodes.length);
    expect(graph.size).toBe(edges.length);
    expect(graph.hasNode('Actor:sandworm')).toBe(true);
    const cy = cytoscape({
      headless: true,
      elements: [...nodes, ...edges].map((element) => element.cytoscape),
    });
    expect([cy.nodes().length, cy.edges().length]).toEqual([nodes.length, edges.length]);
  });

  it('analysis-cross-border: no row stays inside the actor’s origin', async () => {
    const { crossBorder } = await run('analysis-cross-border');
    expect(crossBorder.edges.length).toBeGreaterThan(0);
    for (const { node } of crossBorder.edges)
      expect(node.affectedCountry.code).not.toBe(node.origin.code);
  });

  it('analysis-stats-matrix: the headline numbers and a matrix whose sums hold', async () => {
    const { stats, actorSectorMatrix: m } = await run('analysis-stats-matrix');
    expect(stats.incidents).toBe(seeds.incidents.length);
    expect(Number(stats.attributedIncidents) + Number(stats.unattributedIncidents)).toBe(
      stats.incidents,
    );
    expect(m.actors).toHaveLength(10);
    expect(m.sectors).toHaveLength(8);
    expect(m.rowTotals.reduce((a: number, b: number) => a + b, 0)).toBe(m.total);
  });

  it('analysis-timeline: one count per quarter in every series', async () => {
    const { timeline } = await run('analysis-timeline');
    for (const series of timeline.series)
      expect(series.counts).toHaveLength(timeline.buckets.length);
  });

  it('analysis-co-targeting: the most similar actors first', async () => {
    const { coTargeting } = await run('analysis-co-targeting');
    expect(coTargeting).toHaveLength(5);
    const scores = coTargeting.map((m: { score: number }) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('analysis-neighborhood-paths: the paths run from Sandworm to electricity through its neighbourhood', async () => {
    const { neighborhood, paths } = await run('analysis-neighborhood-paths');
    const near = new Set(neighborhood.nodes.map((n: { id: string }) => n.id));
    expect(paths.paths.length).toBeGreaterThan(0);
    for (const path of paths.paths) {
      expect(path.nodeIds[0]).toBe('Actor:sandworm');
      expect(path.nodeIds.at(-1)).toBe('Sector:electricity');
      expect(near.has(path.nodeIds[1])).toBe(true);
    }
  });

  it('analysis-suggest-attributions: Sandworm or the GRU first for Maersk, with reasons', async () => {
    const { suggestAttributions } = await run('analysis-suggest-attributions');
    expect(['Sandworm', 'GRU (unspecified unit)']).toContain(suggestAttributions[0].actor.name);
    expect(suggestAttributions[0].alreadyAttributed).toBe(true);
    expect(suggestAttributions[0].components).toHaveLength(6);
  });
});
