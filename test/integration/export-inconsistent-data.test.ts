import http from 'node:http';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../src/db/database.js';
import { csvTableNames } from '../../src/export/csv-export.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { runCli } from '../support/cli.js';
import { openEmptyDatabase } from '../support/database.js';
import { importFile, tempFile } from '../support/import.js';
import { useSeededApi } from '../support/seeded.js';
import { installStixValidator, validateStix } from '../support/stix-validator.js';

/**
 * Whatever the graph holds, an export finishes: the seed graph is broken here with Cypher, one
 * assumption of the exporters at a time, and every format, over HTTP and from the command line,
 * must still be a complete document that leaves the bad items out and says which.
 */

const seeds = (await readSeedDataset(loadTaxonomy())).read.records;
const seeded = useSeededApi();

interface Download {
  status: number | undefined;
  type: string | undefined;
  text: string;
  trailers: NodeJS.Dict<string>;
}

/** A download read to its end with node:http, which shows trailers (fetch does not). */
const download = (route: string): Promise<Download> =>
  new Promise((resolve, reject) => {
    http
      .get(`${seeded.api.url}${route}`, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          resolve({
            status: res.statusCode,
            type: res.headers['content-type'],
            text,
            trailers: res.trailers,
          });
        });
        res.on('error', reject);
      })
      .on('error', reject);
  });

/** Runs one breaking statement; a claim's statements return the claim's actor. */
const breakWith = async (text: string, params: Record<string, unknown> = {}) =>
  (await seeded.database.executor().write(cypher<{ actor: string }>('test:break', text), params))[0]
    ?.actor ?? '';

const withClaims = seeds.incidents.filter((i) => i.attributions.length > 0);
const pick = (n: number) => withClaims[n]?.id ?? '';
const [i1, i2, i3, i4, i5, i6, i7, i8, i9] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map(pick);
const withCampaign = seeds.incidents.find(
  (i) => i.campaignId && !withClaims.slice(0, 9).includes(i),
);
const otherCampaign = seeds.campaigns.find((c) => c.id !== withCampaign?.campaignId)?.id ?? '';
const [a1, a2, a3] = seeds.actors.map((a) => a.id);

/** What every format must report (STIX bar the source, which it writes only as a citation). */
const expected: { message: string; notInStix?: true; csvTables: string[] }[] = [];
const FIRST_CLAIM = `MATCH (:Incident {id: $i})-[r:ATTRIBUTED_TO]->(a:Actor)
  WITH r, a ORDER BY a.id, r.claimedBy LIMIT 1`;

/** XML character data as text (undoing the escapes the GraphML export writes). */
const xmlText = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The problems a document lists after its headline, sorted. */
const listedIn = (summary: string) => summary.split('\n').slice(1).sort();
const messages = (formatFilter: (e: (typeof expected)[number]) => boolean = () => true) =>
  expected
    .filter(formatFilter)
    .map((e) => e.message)
    .sort();

describe('an export of a consistent graph', () => {
  it('ends saying nothing was left out, and lists nothing', async () => {
    const { status, text, trailers } = await download('/export/json');
    expect(status).toBe(200);
    expect(trailers['x-export-skipped']).toBe('0');
    expect(JSON.parse(text)).not.toHaveProperty('description');
    expect(seeded.api.logs.filter((l) => l.exportProblem !== undefined)).toEqual([]);
  });
});

describe('an export of an inconsistent graph', () => {
  beforeAll(async () => {
    const missingCited = await breakWith(
      `${FIRST_CLAIM} SET r.sourceIds = r.sourceIds + 'src-missing' RETURN a.id AS actor`,
      { i: i1 },
    );
    await breakWith(
      `MATCH (i:Incident {id: $i}) CREATE (i)-[:REPORTED_BY]->(:Source {id: 'src-nourl', title: 'No URL'})`,
      { i: i2 },
    );
    await breakWith(
      `MATCH (i:Incident {id: $i}) CREATE (i)-[:TARGETED]->(:Sector {id: 'made-up-sector', name: 'Made up'})`,
      { i: i3 },
    );
    await breakWith(
      `MATCH (i:Incident {id: $i}) CREATE (i)-[:AFFECTED {primary: false}]->(:Country {name: 'Nowhere'})`,
      { i: i4 },
    );
    await breakWith(
      `MATCH (i:Incident {id: $i}) CREATE (i)-[:HIT]->(:Organization {id: 'nameless-org'})`,
      { i: i5 },
    );
    await breakWith(
      `MATCH (i:Incident {id: $i}), (k:Campaign {id: $k}) CREATE (i)-[:PART_OF]->(k)`,
      {
        i: withCampaign?.id,
        k: otherCampaign,
      },
    );
    await breakWith(
      `MATCH (i:Incident {id: $i})
       CREATE (i)-[:ATTRIBUTED_TO {confidence: 50, basis: 'MEDIA', status: 'SUSPECTED', sourceIds: []}]->(:Actor {id: 'nameless-actor'})`,
      { i: i6 },
    );
    await breakWith('MATCH (i:Incident {id: $i}) REMOVE i.title', { i: i7 });
    await breakWith(`MATCH (i:Incident {id: $i}) SET i.recordsAffected = 'many'`, { i: i8 });
    await breakWith(
      `MATCH (a:Actor {id: $a}) CREATE (a)-[:ORIGINATES_FROM {confidence: 50, sourceIds: []}]->(:Country {iso2: 'XX'})`,
      { a: a1 },
    );
    await breakWith(
      `MATCH (a:Actor {id: $a}), (b:Actor {id: $b}) CREATE (a)-[:AFFILIATED_WITH]->(b)`,
      { a: a2, b: a3 },
    );
    const highCited = await breakWith(
      `${FIRST_CLAIM} SET r.confidence = 'high' RETURN a.id AS actor`,
      { i: i9 },
    );
    const item = ['incidents', 'incident_sectors', 'incident_countries', 'incident_organizations'];
    expected.push(
      {
        message: `incident "${i1}": the claim on actor "${missingCited}" cites source "src-missing", which does not exist or has no URL — citation left out`,
        csvTables: ['attributions'],
      },
      {
        message: `incident "${i2}": cites source "src-nourl", which does not exist or has no URL — citation left out`,
        csvTables: ['incident_sources'],
      },
      {
        message: 'source "src-nourl": has no url — source left out',
        notInStix: true,
        csvTables: ['sources'],
      },
      {
        message: `incident "${i3}": targets sector "made-up-sector", which is not in the taxonomy — link left out`,
        csvTables: ['incident_sectors'],
      },
      {
        message: `incident "${i4}": affected country null, which is not in the taxonomy — link left out`,
        csvTables: ['incident_countries'],
      },
      {
        message: `incident "${i5}": hit organization "nameless-org", which has no name — link left out`,
        csvTables: ['incident_organizations'],
      },
      {
        message: 'organization "nameless-org": has no name — organization left out',
        csvTables: ['organizations', 'organization_sectors'],
      },
      {
        message: `incident "${withCampaign?.id ?? ''}": part of a campaign 2 times where the model allows one — the first kept, 1 left out`,
        csvTables: ['incidents'],
      },
      {
        message: `incident "${i6}": a claim names actor "nameless-actor", which has no name — claim left out`,
        csvTables: ['attributions'],
      },
      {
        message: 'actor "nameless-actor": has no name — actor left out',
        csvTables: [
          'actors',
          'actor_origins',
          'actor_sponsors',
          'actor_affiliations',
          'actor_reported_targets',
        ],
      },
      {
        message: `incident "${i7}": has no title — incident left out`,
        csvTables: [...item, 'incident_sources', 'attributions'],
      },
      {
        message: `incident "${i8}": has recordsAffected "many", not a number of at least 0 — property left out`,
        csvTables: ['incidents'],
      },
      {
        message: `actor "${a1}": its origin claim on "XX", which is not in the taxonomy — claim left out`,
        csvTables: ['actor_origins'],
      },
      {
        message: `actor "${a2}": affiliated with actor "${a3}" as null, not one of SUBGROUP, ALIAS_OF, COOPERATES — link left out`,
        csvTables: ['actor_affiliations'],
      },
      {
        message: `incident "${i9}": the claim on actor "${highCited}" has confidence "high", not a whole number from 0 to 100 — claim left out`,
        csvTables: ['attributions'],
      },
    );
    await installStixValidator();
  }, 300_000);

  it('JSON: a complete dataset without the bad items, which its description lists', async () => {
    const { status, text, trailers } = await download('/export/json');
    expect(status).toBe(200);
    expect(trailers['x-export-skipped']).toBe(String(expected.length));
    const dataset = JSON.parse(text) as {
      description: string;
      incidents: { id: string; sectors: string[]; sources: string[] }[];
      actors: { id: string }[];
    };
    expect(listedIn(dataset.description)).toEqual(messages());
    expect(dataset.description.split('\n')[0]).toBe(
      `Incomplete export: ${expected.length} inconsistent items in the graph left out:`,
    );
    expect(dataset.incidents.map((i) => i.id)).not.toContain(i7);
    expect(dataset.incidents).toHaveLength(seeds.incidents.length - 1);
    expect(dataset.actors.map((a) => a.id)).not.toContain('nameless-actor');
    // Every warning is in the log, with the request's id.
    const logged = seeded.api.logs.filter((l) => l.exportProblem !== undefined);
    expect(logged.map((l) => String(l.msg).replace(/^export: /, '')).sort()).toEqual(messages());
    expect(new Set(logged.map((l) => l.requestId)).size).toBe(1);
  });

  it('GraphML: read by a GraphML library, every edge between written nodes, the graph saying what it lacks', async () => {
    const { status, text, trailers } = await download('/export/graphml');
    expect(status).toBe(200);
    expect(trailers['x-export-skipped']).toBe(String(expected.length));
    const graph = parseGraphml(MultiDirectedGraph, text);
    // GraphML lets graph data follow the nodes and edges; graphology reads only what precedes them.
    const incomplete =
      /<data key="incomplete">([^<]*)<\/data>\n {2}<\/graph>/.exec(text)?.[1] ?? '';
    expect(listedIn(xmlText(incomplete))).toEqual(messages());
    expect(graph.hasNode(`Incident:${i7}`)).toBe(false);
    expect(graph.hasNode('Actor:nameless-actor')).toBe(false);
    expect(graph.hasNode('Sector:made-up-sector')).toBe(false);
    const claims = graph.filterEdges((_e, a) => a.type === 'ATTRIBUTED_TO');
    const seedClaims = seeds.incidents.flatMap((i) => (i.id === i7 ? [] : i.attributions));
    // The claim with confidence "high" is left out; the nameless actor's was never a seed claim.
    expect(claims).toHaveLength(seedClaims.length - 1);
  });

  it('STIX: a valid bundle whose every reference resolves, ending with a note that lists what it lacks', async () => {
    const { status, text, trailers } = await download('/export/stix');
    expect(status).toBe(200);
    const stixExpected = messages((e) => !e.notInStix);
    expect(trailers['x-export-skipped']).toBe(String(stixExpected.length));
    const bundle = JSON.parse(text) as { objects: Record<string, unknown>[] };
    const ids = new Set(bundle.objects.map((o) => o.id));
    const dangling = bundle.objects.flatMap((o) =>
      [o.source_ref, o.target_ref, ...((o.object_refs as unknown[] | undefined) ?? [])].filter(
        (ref) => ref !== undefined && !ids.has(ref),
      ),
    );
    expect(dangling).toEqual([]);
    const note = bundle.objects.at(-1);
    expect(note).toMatchObject({ type: 'note', abstract: 'Incomplete export' });
    expect(listedIn(String(note?.content))).toEqual(stixExpected);
    const validation = await validateStix(await tempFile('inconsistent.stix.json', text));
    expect(validation.fatal).toBeNull();
    expect(validation.objects.flatMap((o) => o.errors)).toEqual([]);
  });

  it('CSV: each table complete, reporting what it lacks in its trailer', async () => {
    for (const table of csvTableNames) {
      const { status, text, trailers } = await download(`/export/csv/${table}`);
      expect(status, table).toBe(200);
      const lacks = expected.filter((e) => e.csvTables.includes(table));
      expect(trailers['x-export-skipped'], table).toBe(String(lacks.length));
      expect(Array.isArray(parseCsv(text, { columns: true })), table).toBe(true);
    }
  });

  it('from the command line: every format written whole, the problems listed at the end', async () => {
    const out = await tempFile('inconsistent.json', '');
    const json = await runCli(['export', '--format', 'json', '--out', out]);
    expect(json.code).toBe(0);
    expect(json.stderr).toContain(`${expected.length} inconsistent items in the graph left out:`);
    for (const message of messages()) expect(json.stderr).toContain(`\n${message}\n`);
    expect(JSON.parse(await readFile(out, 'utf8'))).toHaveProperty('description');

    const graphml = await runCli(['export', '--format', 'graphml']);
    expect(graphml.code).toBe(0);
    expect(parseGraphml(MultiDirectedGraph, graphml.stdout).hasNode(`Incident:${i7}`)).toBe(false);
    const stix = await runCli(['export', '--format', 'stix']);
    expect(stix.code).toBe(0);
    expect(JSON.parse(stix.stdout)).toHaveProperty('objects');

    const folder = await mkdtemp(path.join(tmpdir(), 'cig-csv-'));
    const csv = await runCli(['export', '--format', 'csv', '--out', folder]);
    expect(csv.code).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(csvTableNames.map((t) => `${t}.csv`).sort());
    for (const message of messages()) expect(csv.stderr).toContain(message);
  });

  it('JSON: reads back into an empty database with nothing refused', async () => {
    const { text } = await download('/export/json');
    const emptied = await openEmptyDatabase();
    try {
      const report = await importFile(emptied, await tempFile('inconsistent.json', text));
      expect(report.issues).toEqual([]);
      expect(report.written.incidents?.created).toBe(seeds.incidents.length - 1);
    } finally {
      await emptied.close();
    }
  });
});
