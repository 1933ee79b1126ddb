import { MultiDirectedGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { runCli } from '../support/cli.js';
import { tempFile } from '../support/import.js';
import { useSeededApi } from '../support/seeded.js';
import { readFile } from 'node:fs/promises';

const seeds = (await readSeedDataset(loadTaxonomy())).read.records;
const seeded = useSeededApi();

const edgesOfType = (graph: MultiDirectedGraph, type: string) =>
  graph.filterEdges((_edge, attributes) => attributes.type === type);

describe('the GraphML export', () => {
  it('is read by a GraphML library into the whole graph, typed, labelled and weighted', async () => {
    const response = await fetch(`${seeded.api.url}/export/graphml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/graphml+xml');
    const graph = parse(MultiDirectedGraph, await response.text());

    const count = (type: string) => graph.filterNodes((_n, a) => a.type === type).length;
    expect(count('Incident')).toBe(seeds.incidents.length);
    expect(count('Actor')).toBe(seeds.actors.length);
    expect(count('Campaign')).toBe(seeds.campaigns.length);
    expect(count('Organization')).toBe(seeds.organizations.length);
    expect(count('Source')).toBe(new Set(seeds.sources.map((s) => s.id)).size);
    expect(graph.getNodeAttribute('Actor:sandworm', 'label')).toBe('Sandworm');

    // Worked out from the seed files: one edge per claim, per incident sector and per affected country.
    const claims = seeds.incidents.flatMap((i) => i.attributions);
    expect(edgesOfType(graph, 'ATTRIBUTED_TO')).toHaveLength(claims.length);
    expect(edgesOfType(graph, 'TARGETED')).toHaveLength(
      seeds.incidents.reduce((n, i) => n + i.sectorIds.length, 0),
    );
    expect(edgesOfType(graph, 'AFFECTED')).toHaveLength(
      seeds.incidents.reduce((n, i) => n + i.countries.length, 0),
    );
    const weights = edgesOfType(graph, 'ATTRIBUTED_TO')
      .map((e) => graph.getEdgeAttribute(e, 'weight') as number)
      .sort();
    expect(weights).toEqual(claims.map((c) => c.confidence / 100).sort());
    for (const edge of edgesOfType(graph, 'ORIGINATES_FROM'))
      expect(graph.getNodeAttribute(graph.target(edge), 'type')).toBe('Country');
  });

  it('takes the filter, from the command line too', async () => {
    const out = await tempFile('export.graphml', '');
    const done = await runCli([
      'export',
      '--format',
      'graphml',
      '--out',
      out,
      '--actor',
      'sandworm',
    ]);
    expect(done.code).toBe(0);
    const graph = parse(MultiDirectedGraph, await readFile(out, 'utf8'));
    const incidents = graph.filterNodes((_n, a) => a.type === 'Incident').sort();
    expect(incidents).toEqual(
      seeds.incidents
        .filter((i) => i.attributions.some((a) => a.actorId === 'sandworm'))
        .map((i) => `Incident:${i.id}`)
        .sort(),
    );
  });
});
