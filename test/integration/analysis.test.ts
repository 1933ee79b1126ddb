/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { IncidentRecord } from '../../src/import/records.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { startSeededApi } from '../support/seeded.js';
import type { TestServer } from '../support/server.js';

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

let database: Database;
let api: TestServer;
beforeAll(async () => {
  ({ database, api } = await startSeededApi());
});
afterAll(async () => {
  await api.stop();
  await database.close();
});

async function query(text: string): Promise<Record<string, any>> {
  const result = await api.graphql(text);
  expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
  return result.body.data ?? {};
}

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
