/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { beforeAll, describe, expect, it } from 'vitest';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { importFile, tempFile } from '../support/import.js';
import { useSeededApi } from '../support/seeded.js';
import { dataOf, errorOf } from '../support/server.js';

/**
 * The seeds have no reported victimology, so two actors with it (and one incident of one of
 * them) are imported on top; every expected value below is worked out by hand from these records
 * and the seed files.
 */
const VICTIMOLOGY = {
  format: 'cig-dataset/1',
  sources: [
    {
      url: 'https://example.org/galaxy',
      title: 'A galaxy',
      publisher: 'Example',
      publishedAt: '2024-01-01',
    },
  ],
  actors: [
    {
      id: 'test-reported-a',
      name: 'Reported A',
      type: 'STATE_SPONSORED',
      origin: { country: 'RU', confidence: 50, sources: ['https://example.org/galaxy'] },
      targets: {
        sectors: ['electricity', 'health'],
        countries: ['UA', 'PL'],
        confidence: 50,
        sources: ['https://example.org/galaxy'],
      },
    },
    {
      id: 'test-reported-b',
      name: 'Reported B',
      type: 'UNKNOWN',
      targets: {
        sectors: ['banking'],
        countries: ['UA'],
        confidence: 15,
        sources: ['https://example.org/galaxy'],
      },
    },
  ],
  incidents: [
    {
      id: '2023-05-test-reported-a-grid',
      title: 'Reported A hits a grid operator',
      startDate: '2023-05-01',
      attackTypes: ['WIPER'],
      sectors: ['electricity'],
      countries: [{ country: 'UA', primary: true }],
      sources: ['https://example.org/galaxy'],
      attributions: [
        {
          actor: 'test-reported-a',
          confidence: 50,
          basis: 'SECURITY_INDUSTRY',
          status: 'ATTRIBUTED',
          sources: ['https://example.org/galaxy'],
        },
      ],
    },
  ],
};

const seeds = (await readSeedDataset(loadTaxonomy())).read.records;

const seeded = useSeededApi();
beforeAll(async () => {
  const report = await importFile(
    seeded.database,
    await tempFile('victimology.json', JSON.stringify(VICTIMOLOGY)),
  );
  expect(report.issues).toEqual([]);
});

const query = (text: string) => dataOf(seeded.api, text);

describe('the basis of an analysis', () => {
  it('stats: actors, sectors and countries from incidents, reported victimology or both; incidents stay incidents', async () => {
    const data = await query(`{
      reported: stats(basis: REPORTED_VICTIMOLOGY) { incidents actors sectors countriesAffected attributedIncidents }
      confident: stats(basis: REPORTED_VICTIMOLOGY, filter: { minConfidence: 50 }) { actors sectors countriesAffected }
      inPoland: stats(basis: REPORTED_VICTIMOLOGY, filter: { countryCodes: ["PL"] }) { actors sectors countriesAffected }
      both: stats(basis: BOTH) { actors sectors countriesAffected }
    }`);
    const attributed = seeds.incidents.filter((i) => i.attributions.length > 0).length + 1;
    expect(data.reported).toEqual({
      incidents: seeds.incidents.length + 1,
      actors: 2,
      sectors: 3, // electricity, health, banking
      countriesAffected: 2, // UA, PL
      attributedIncidents: attributed,
    });
    expect(data.confident).toEqual({ actors: 1, sectors: 2, countriesAffected: 2 });
    expect(data.inPoland).toEqual({ actors: 1, sectors: 2, countriesAffected: 1 });
    const actors = new Set(seeds.incidents.flatMap((i) => i.attributions.map((a) => a.actorId)));
    const sectors = new Set(seeds.incidents.flatMap((i) => i.sectorIds));
    const countries = new Set(seeds.incidents.flatMap((i) => i.countries.map((c) => c.iso2)));
    ['electricity', 'health', 'banking'].forEach((s) => sectors.add(s));
    ['UA', 'PL'].forEach((c) => countries.add(c));
    expect(data.both).toEqual({
      actors: actors.size + 2,
      sectors: sectors.size,
      countriesAffected: countries.size,
    });
  });

  it('crossBorder: reported lines pair reported sectors with reported countries outside the origin', async () => {
    const row =
      'actor { key } origin { code } sector { key } affectedCountry { code } incidentCount firstDate lastDate reported';
    const data = await query(`{
      reported: crossBorder(basis: REPORTED_VICTIMOLOGY, first: 50) { totalCount edges { node { ${row} } } unknownOrigin { ${row} } }
      incidents: crossBorder(first: 500) { totalCount edges { node { actor { key } sector { key } affectedCountry { code } reported } } }
      both: crossBorder(basis: BOTH, first: 500) { totalCount }
    }`);
    const lines = data.reported;
    expect(lines.totalCount).toBe(4);
    expect(
      lines.edges.map((e: any) => `${e.node.sector.key}|${e.node.affectedCountry.code}`).sort(),
    ).toEqual(['electricity|PL', 'electricity|UA', 'health|PL', 'health|UA']);
    for (const { node } of lines.edges) {
      const grid = node.sector.key === 'electricity' && node.affectedCountry.code === 'UA';
      expect(node).toMatchObject({
        actor: { key: 'test-reported-a' },
        origin: { code: 'RU' },
        incidentCount: grid ? 1 : 0,
        firstDate: grid ? '2023-05-01' : null,
        lastDate: grid ? '2023-05-01' : null,
        reported: true,
      });
    }
    expect(lines.unknownOrigin).toEqual([
      {
        actor: { key: 'test-reported-b' },
        origin: null,
        sector: { key: 'banking' },
        affectedCountry: { code: 'UA' },
        incidentCount: 0,
        firstDate: null,
        lastDate: null,
        reported: true,
      },
    ]);
    // Among the incident lines, only Reported A's grid attack is also reported victimology.
    expect(data.incidents.totalCount).toBe(data.incidents.edges.length);
    expect(
      data.incidents.edges
        .filter((e: any) => e.node.reported)
        .map((e: any) => `${e.node.actor.key}|${e.node.sector.key}|${e.node.affectedCountry.code}`),
    ).toEqual(['test-reported-a|electricity|UA']);
    expect(data.both.totalCount).toBe(Number(data.incidents.totalCount) + 3);
  });

  it('actorSectorMatrix: reported cells roll up to top-level sectors and are flagged', async () => {
    const data = await query(`{
      actorSectorMatrix(basis: REPORTED_VICTIMOLOGY, topActors: 5, topSectors: 5) {
        actors { key } sectors { key } counts crossBorderShares reported total
      }
    }`);
    const m = data.actorSectorMatrix;
    expect(m.actors.map((a: any) => a.key)).toEqual(['test-reported-a', 'test-reported-b']);
    expect(m.sectors.map((s: any) => s.key)).toEqual(['energy', 'finance', 'health']);
    expect(m.reported).toEqual([
      [true, false, true, false],
      [false, true, false, false],
      [false, false, false, false],
    ]);
    expect(m.counts).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(m.crossBorderShares[0]).toEqual([1, null, null, null]);
    expect(m.total).toBe(1);
  });

  it('coTargeting: reported targets make up the sets compared', async () => {
    const data = await query(`{
      coTargeting(actorId: "test-reported-a", basis: REPORTED_VICTIMOLOGY) {
        actor { key } score sharedSectors { key } sharedCountries { code }
      }
    }`);
    // A: {energy, health, UA, PL}; B: {finance, UA}; shared {UA}; union of 5.
    expect(data.coTargeting).toEqual([
      {
        actor: { key: 'test-reported-b' },
        score: 0.2,
        sharedSectors: [],
        sharedCountries: [{ code: 'UA' }],
      },
    ]);
  });

  it('projection: REPORTED_TARGETS edges beside the weighted incident edges', async () => {
    const data = await query(`{
      reported: projection(basis: REPORTED_VICTIMOLOGY) { edges { id type source target weight properties } }
      both: projection(basis: BOTH) { edges { type } }
      incidents: projection { edges { type } }
    }`);
    const edges = data.reported.edges.filter((e: any) => e.type === 'REPORTED_TARGETS');
    expect(edges.map((e: any) => `${e.source}->${e.target}`).sort()).toEqual([
      'Actor:test-reported-a->Country:PL',
      'Actor:test-reported-a->Country:UA',
      'Actor:test-reported-a->Sector:energy',
      'Actor:test-reported-a->Sector:health',
      'Actor:test-reported-b->Country:UA',
      'Actor:test-reported-b->Sector:finance',
    ]);
    expect(edges.find((e: any) => e.target === 'Sector:finance').properties).toMatchObject({
      confidence: 15,
      weight: 1,
    });
    expect(data.reported.edges.map((e: any) => e.type).sort()).toEqual([
      'ORIGINATES_FROM',
      ...Array<string>(6).fill('REPORTED_TARGETS'),
    ]);
    const count = (list: any[], type: string) => list.filter((e) => e.type === type).length;
    expect(count(data.both.edges, 'REPORTED_TARGETS')).toBe(6);
    expect(count(data.both.edges, 'TARGETS_SECTOR')).toBe(
      count(data.incidents.edges, 'TARGETS_SECTOR'),
    );
    expect(count(data.incidents.edges, 'REPORTED_TARGETS')).toBe(0);
  });

  it('refuses conditions reported victimology cannot meet, naming them', async () => {
    const { error } = await errorOf(
      seeded.api,
      '{ stats(basis: BOTH, filter: { from: "2022-01-01", attackTypes: ["DDOS"] }) { actors } }',
    );
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.from' });
    expect(error?.message).toContain('filter.from, filter.attackTypes');
    const timeline = await errorOf(seeded.api, '{ timeline(basis: BOTH) { tooCoarse } }');
    expect(timeline.error?.message).toContain('basis');
  });
});
