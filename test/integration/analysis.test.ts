/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/import/records.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { useSeededApi } from '../support/seeded.js';
import { dataOf } from '../support/server.js';

/** Expected values are worked out here from the seed files, independently of the Cypher. */
const taxonomy = loadTaxonomy();
const seeds = (await readSeedDataset(taxonomy)).read.records;
const originsOf = (actor: string): string[] => {
  const record = seeds.actors.find((a) => a.id === actor);
  return record?.origin ? [record.origin.country] : [];
};

function crossBorderTable(incidents: IncidentRecord[], known: boolean): Map<string, number> {
  const table = new Map<string, number>();
  for (const incident of incidents) {
    const seen = new Set<string>();
    for (const claim of incident.attributions) {
      const origins = originsOf(claim.actorId);
      if (known !== origins.length > 0) continue;
      for (const sector of incident.sectorIds) {
        for (const { iso2 } of incident.countries) {
          if (origins.includes(iso2)) continue;
          const key = `${claim.actorId}|${sector}|${iso2}`;
          if (seen.has(key)) continue;
          seen.add(key);
          table.set(key, (table.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return table;
}

const seeded = useSeededApi();

const query = (text: string) => dataOf(seeded.api, text);

describe('stats', () => {
  it('counts incidents, actors, sectors, countries, attributed and unattributed', async () => {
    const since = seeds.incidents.filter((i) => i.endDate >= '2022-01-01');
    const data = await query(
      '{ all: stats { incidents actors sectors countriesAffected attributedIncidents unattributedIncidents } since: stats(filter: { from: "2022-01-01" }) { incidents attributedIncidents } }',
    );
    const attributed = seeds.incidents.filter((i) => i.attributions.length > 0).length;
    expect(data.all).toEqual({
      incidents: seeds.incidents.length,
      actors: new Set(seeds.incidents.flatMap((i) => i.attributions.map((a) => a.actorId))).size,
      sectors: new Set(seeds.incidents.flatMap((i) => i.sectorIds)).size,
      countriesAffected: new Set(seeds.incidents.flatMap((i) => i.countries.map((c) => c.iso2)))
        .size,
      attributedIncidents: attributed,
      unattributedIncidents: seeds.incidents.length - attributed,
    });
    expect(data.since).toEqual({
      incidents: since.length,
      attributedIncidents: since.filter((i) => i.attributions.length > 0).length,
    });
  });

  it('counts as attributed only what a qualifying claim attributes', async () => {
    const strong = seeds.incidents.filter((i) => i.attributions.some((a) => a.confidence >= 85));
    const data = await query(
      '{ stats(filter: { minConfidence: 85 }) { incidents attributedIncidents unattributedIncidents } }',
    );
    expect(data.stats).toEqual({
      incidents: strong.length,
      attributedIncidents: strong.length,
      unattributedIncidents: 0,
    });
  });
});

describe('crossBorder', () => {
  it("lists every (actor, sector, affected country) outside the actor's origin, busiest first, and counts them", async () => {
    const expected = crossBorderTable(seeds.incidents, true);
    const data = await query(
      '{ crossBorder(first: 500) { totalCount edges { node { actor { key } origin { code } sector { key } affectedCountry { code } incidentCount firstDate lastDate } } } }',
    );
    const rows = data.crossBorder.edges.map((e: { node: any }) => e.node);
    expect(data.crossBorder.totalCount).toBe(expected.size);
    expect(
      new Map(
        rows.map((r: any) => [
          `${r.actor.key}|${r.sector.key}|${r.affectedCountry.code}`,
          r.incidentCount,
        ]),
      ),
    ).toEqual(expected);
    for (const row of rows) {
      expect(row.origin.code).not.toBe(row.affectedCountry.code);
      expect(row.firstDate <= row.lastDate).toBe(true);
    }
    const counts = rows.map((r: any) => r.incidentCount as number);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('lists actors of unknown origin apart instead of dropping them', async () => {
    const expected = crossBorderTable(seeds.incidents, false);
    const data = await query(
      '{ crossBorder(first: 500) { unknownOrigin { actor { key } origin { code } sector { key } affectedCountry { code } incidentCount } } }',
    );
    const rows = data.crossBorder.unknownOrigin;
    expect(rows.length).toBe(Math.min(expected.size, 500));
    expect(
      new Map(
        rows.map((r: any) => [
          `${r.actor.key}|${r.sector.key}|${r.affectedCountry.code}`,
          r.incidentCount,
        ]),
      ),
    ).toEqual(expected);
    for (const row of rows) expect(row.origin).toBeNull();
  });

  it('takes the shared filter and pages with stable cursors', async () => {
    const energy = seeds.incidents.filter((i) =>
      i.sectorIds.some(
        (s) => s === 'energy' || taxonomy.sectors.find((x) => x.id === s)?.parentId === 'energy',
      ),
    );
    const expected = crossBorderTable(energy, true);
    const keys: string[] = [];
    let after: string | null = null;
    do {
      const data = await query(
        `{ crossBorder(filter: { sectorIds: ["energy"] }, first: 4${after ? `, after: "${after}"` : ''}) { edges { node { actor { key } sector { key } affectedCountry { code } } } pageInfo { hasNextPage endCursor } } }`,
      );
      keys.push(
        ...data.crossBorder.edges.map(
          (e: any) => `${e.node.actor.key}|${e.node.sector.key}|${e.node.affectedCountry.code}`,
        ),
      );
      after = data.crossBorder.pageInfo.hasNextPage ? data.crossBorder.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(keys)).toEqual(new Set(expected.keys()));
    expect(keys).toHaveLength(expected.size);
  });

  it('sorts by last date too', async () => {
    const data = await query(
      '{ crossBorder(first: 20, orderBy: { field: LAST_DATE }) { edges { node { lastDate } } } }',
    );
    const dates = data.crossBorder.edges.map((e: any) => e.node.lastDate as string);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});

describe('actorSectorMatrix', () => {
  const top = (sector: string): string =>
    taxonomy.sectors.find((s) => s.id === sector)?.parentId ?? sector;
  const pairs = new Map<string, number>();
  for (const incident of seeds.incidents) {
    for (const actor of new Set(incident.attributions.map((a) => a.actorId))) {
      for (const sector of new Set(incident.sectorIds.map(top)))
        pairs.set(`${actor}|${sector}`, (pairs.get(`${actor}|${sector}`) ?? 0) + 1);
    }
  }
  const total = [...pairs.values()].reduce((a, b) => a + b, 0);
  const actorTotals = new Map<string, number>();
  for (const [key, n] of pairs)
    actorTotals.set(key.split('|')[0] ?? '', (actorTotals.get(key.split('|')[0] ?? '') ?? 0) + n);

  it('puts the busiest actors and sectors on the axes and keeps every sum true with an others row and column', async () => {
    const data = await query(
      '{ actorSectorMatrix(topActors: 5, topSectors: 4) { actors { key } sectors { key } counts crossBorderShares rowTotals columnTotals total } }',
    );
    const m = data.actorSectorMatrix;
    expect(m.total).toBe(total);
    expect(m.actors).toHaveLength(5);
    expect(m.sectors).toHaveLength(4);
    expect(m.counts).toHaveLength(6);
    for (const row of m.counts) expect(row).toHaveLength(5);
    expect(m.rowTotals.reduce((a: number, b: number) => a + b, 0)).toBe(total);
    expect(m.columnTotals.reduce((a: number, b: number) => a + b, 0)).toBe(total);
    const busiest = Math.max(...actorTotals.values());
    expect(actorTotals.get(m.actors[0].key)).toBe(busiest);
    m.actors.forEach((actor: { key: string }, r: number) => {
      expect(m.rowTotals[r]).toBe(actorTotals.get(actor.key));
      m.sectors.forEach((sector: { key: string }, c: number) => {
        expect(m.counts[r][c]).toBe(pairs.get(`${actor.key}|${sector.key}`) ?? 0);
      });
    });
    for (const [r, row] of m.crossBorderShares.entries()) {
      for (const [c, share] of row.entries()) {
        if (m.counts[r][c] === 0) expect(share).toBeNull();
        else expect(share >= 0 && share <= 1).toBe(true);
      }
    }
  });

  it('refuses an unreasonable axis size, naming the argument', async () => {
    const result = await seeded.api.graphql('{ actorSectorMatrix(topActors: 0) { total } }');
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'topActors',
    });
  });
});

describe('timeline', () => {
  const years = seeds.incidents.map((i) => Number(i.startDate.slice(0, 4)));

  it('counts per year with empty years included', async () => {
    const data = await query(
      '{ timeline(bucket: YEAR) { bucket groupBy buckets series { key counts total } tooCoarse } }',
    );
    const t = data.timeline;
    const first = Math.min(...years);
    const last = Math.max(...years);
    expect(t.buckets).toEqual(
      Array.from({ length: last - first + 1 }, (_, k) => `${first + k}-01-01`),
    );
    expect(t.series).toHaveLength(1);
    expect(t.series[0].key).toBe('all');
    expect(t.series[0].counts).toEqual(
      t.buckets.map((b: string) => years.filter((y) => y === Number(b.slice(0, 4))).length),
    );
    expect(t.tooCoarse).toBe(0);
  });

  it('never invents a day: incidents known to the month or year are counted as too coarse for weeks', async () => {
    const data = await query(
      '{ week: timeline(bucket: WEEK) { tooCoarse series { total } } month: timeline(bucket: MONTH) { tooCoarse series { total } } }',
    );
    const notDay = seeds.incidents.filter((i) => i.datePrecision !== 'DAY').length;
    const yearOnly = seeds.incidents.filter((i) => i.datePrecision === 'YEAR').length;
    expect(data.week.tooCoarse).toBe(notDay);
    expect(data.week.series[0].total).toBe(seeds.incidents.length - notDay);
    expect(data.month.tooCoarse).toBe(yearOnly);
    expect(data.month.series[0].total).toBe(seeds.incidents.length - yearOnly);
  });

  it('splits the series by top-level sector, with readable labels', async () => {
    const top = (sector: string): string =>
      taxonomy.sectors.find((s) => s.id === sector)?.parentId ?? sector;
    const perSector = new Map<string, number>();
    for (const incident of seeds.incidents)
      for (const s of new Set(incident.sectorIds.map(top)))
        perSector.set(s, (perSector.get(s) ?? 0) + 1);
    const data = await query(
      '{ timeline(bucket: YEAR, groupBy: SECTOR) { series { key label total } } }',
    );
    expect(Object.fromEntries(data.timeline.series.map((s: any) => [s.key, s.total]))).toEqual(
      Object.fromEntries(perSector),
    );
    expect(data.timeline.series.find((s: any) => s.key === 'health').label).toBe('Health');
  });
});

describe('coTargeting', () => {
  const top = (sector: string): string =>
    taxonomy.sectors.find((s) => s.id === sector)?.parentId ?? sector;
  function targets(actor: string, kinds: ('sector' | 'country')[]): Set<string> {
    const features = new Set<string>();
    for (const incident of seeds.incidents.filter((i) =>
      i.attributions.some((a) => a.actorId === actor),
    )) {
      if (kinds.includes('sector'))
        for (const s of incident.sectorIds) features.add(`sector:${top(s)}`);
      if (kinds.includes('country'))
        for (const c of incident.countries) features.add(`country:${c.iso2}`);
    }
    return features;
  }
  const jaccard = (a: Set<string>, b: Set<string>): number => {
    const shared = [...a].filter((x) => b.has(x)).length;
    return shared / (a.size + b.size - shared);
  };

  it.each([
    ['SECTOR', ['sector']],
    ['COUNTRY', ['country']],
    ['BOTH', ['sector', 'country']],
  ] as const)('ranks actors by the Jaccard index of their targets (%s)', async (by, kinds) => {
    const mine = targets('killnet', [...kinds]);
    const expected = seeds.actors
      .filter((a) => a.id !== 'killnet')
      .map((a) => ({ id: a.id, score: jaccard(mine, targets(a.id, [...kinds])) }))
      .filter((x) => x.score > 0);
    const data = await query(
      `{ coTargeting(actorId: "killnet", by: ${by}, first: 100) { actor { key } score sharedSectors { key } sharedCountries { code } } }`,
    );
    const got = data.coTargeting as {
      actor: { key: string };
      score: number;
      sharedSectors: { key: string }[];
      sharedCountries: { code: string }[];
    }[];
    expect(new Map(got.map((m) => [m.actor.key, Number(m.score.toFixed(6))]))).toEqual(
      new Map(expected.map((x) => [x.id, Number(x.score.toFixed(6))])),
    );
    const scores = got.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const m of got) {
      const theirs = targets(m.actor.key, [...kinds]);
      expect(
        m.sharedSectors.map((s) => `sector:${s.key}`).every((f) => mine.has(f) && theirs.has(f)),
      ).toBe(true);
      expect(
        m.sharedCountries
          .map((c) => `country:${c.code}`)
          .every((f) => mine.has(f) && theirs.has(f)),
      ).toBe(true);
    }
  });

  it('answers NOT_FOUND for an actor that does not exist', async () => {
    const result = await seeded.api.graphql('{ coTargeting(actorId: "nobody") { score } }');
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      argument: 'actorId',
    });
  });
});

describe('projection and neighborhood subgraphs', () => {
  it('projects actors onto sectors and countries, weighted by incidents, in a shape graphology builds as is', async () => {
    const data = await query(`{ projection {
      nodes { key: id attributes: properties }
      edges { key: id source target attributes: properties }
      truncated
    } }`);
    // The answer's node and edge lists go in untouched; graphology only wants its envelope around them.
    const graph = MultiDirectedGraph.from({
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: data.projection.nodes,
      edges: data.projection.edges,
    });
    expect(graph.order).toBe(data.projection.nodes.length);
    expect(graph.size).toBe(data.projection.edges.length);
    expect(graph.getNodeAttribute('Actor:sandworm', 'label')).toBe('Sandworm');

    const top = (sector: string): string =>
      taxonomy.sectors.find((s) => s.id === sector)?.parentId ?? sector;
    const expected = new Map<string, number>();
    for (const incident of seeds.incidents) {
      for (const actor of new Set(incident.attributions.map((a) => a.actorId))) {
        for (const sector of new Set(incident.sectorIds.map(top))) {
          const key = `Actor:${actor}->Sector:${sector}`;
          expected.set(key, (expected.get(key) ?? 0) + 1);
        }
      }
    }
    const sectorEdges = new Map(
      data.projection.edges
        .filter((e: any) => e.attributes.type === 'TARGETS_SECTOR')
        .map((e: any) => [`${e.source}->${e.target}`, e.attributes.weight]),
    );
    expect(sectorEdges).toEqual(expected);
  });

  it('gives the neighbourhood of an actor one hop out, with the edges among those nodes', async () => {
    const sandworm = seeds.actors.find((a) => a.id === 'sandworm');
    const expected = new Set([
      'Actor:sandworm',
      ...seeds.incidents
        .filter((i) => i.attributions.some((a) => a.actorId === 'sandworm'))
        .map((i) => `Incident:${i.id}`),
      ...(sandworm?.origin ? [`Country:${sandworm.origin.country}`] : []),
      ...(sandworm?.sponsors ?? []).map((s) => `Country:${s.country}`),
      ...(sandworm?.affiliations ?? []).map((f) => `Actor:${f.actorId}`),
      ...seeds.actors
        .filter((a) => a.affiliations.some((f) => f.actorId === 'sandworm'))
        .map((a) => `Actor:${a.id}`),
    ]);
    const data = await query(
      '{ neighborhood(ids: ["Actor:sandworm"], limit: 1000) { nodes { id type label } edges { source target type } truncated } }',
    );
    const ids = new Set(data.neighborhood.nodes.map((n: any) => n.id));
    expect(ids).toEqual(expected);
    expect(data.neighborhood.truncated).toBe(false);
    for (const edge of data.neighborhood.edges)
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    expect(
      data.neighborhood.edges.filter(
        (e: any) => e.type === 'ATTRIBUTED_TO' && e.target === 'Actor:sandworm',
      ).length,
    ).toBeGreaterThan(0);
  });

  it('caps the nodes and says so, and keeps only incidents that pass the filter', async () => {
    const capped = await query(
      '{ neighborhood(ids: ["Country:UA"], depth: 2, limit: 10) { nodes { id } truncated } }',
    );
    expect(capped.neighborhood.nodes).toHaveLength(10);
    expect(capped.neighborhood.truncated).toBe(true);
    const recent = await query(
      '{ neighborhood(ids: ["Actor:sandworm"], limit: 1000, filter: { from: "2022-01-01" }) { nodes { id type } } }',
    );
    const incidents = recent.neighborhood.nodes
      .filter((n: any) => n.type === 'Incident')
      .map((n: any) => n.id as string)
      .sort();
    const expected = seeds.incidents
      .filter(
        (i) => i.endDate >= '2022-01-01' && i.attributions.some((a) => a.actorId === 'sandworm'),
      )
      .map((i) => `Incident:${i.id}`)
      .sort();
    expect(incidents).toEqual(expected);
  });

  it('refuses a depth above 3, naming the argument', async () => {
    const result = await seeded.api.graphql(
      '{ neighborhood(ids: ["Actor:sandworm"], depth: 4) { truncated } }',
    );
    expect(result.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'depth',
    });
  });
});
