/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return -- GraphQL answers are untyped JSON here; every field used is checked by an assertion. */
import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../../src/import/records.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { importFile, tempFile } from '../support/import.js';
import { useSeededApi } from '../support/seeded.js';
import { dataOf, errorOf } from '../support/server.js';

const taxonomy = loadTaxonomy();
const seeds = (await readSeedDataset(taxonomy)).read.records;
const top = (sector: string): string =>
  taxonomy.sectors.find((s) => s.id === sector)?.parentId ?? sector;
const DAY = 86_400_000;

interface Expected {
  sectors: Set<string>;
  countries: Set<string>;
  attackTypes: Set<string>;
  nearestDays: number;
  campaignIncidents: string[];
  supporting: number;
  other: number;
  confidences: number[];
}

/**
 * The evidence worked out from the seed files alone: per actor, what its other incidents (claims
 * not retracted, the strongest claim per incident) share with the incident.
 */
function expectedEvidence(x: IncidentRecord): Map<string, Expected> {
  const xSectors = new Set(x.sectorIds.map(top));
  const xCountries = new Set(x.countries.map((c) => c.iso2));
  const evidence = new Map<string, Expected>();
  for (const j of seeds.incidents) {
    if (j.id === x.id) continue;
    const strongest = new Map<string, number>();
    for (const claim of j.attributions) {
      if (claim.status === 'RETRACTED') continue;
      strongest.set(claim.actorId, Math.max(strongest.get(claim.actorId) ?? 0, claim.confidence));
    }
    for (const [actor, confidence] of strongest) {
      const e = evidence.get(actor) ?? {
        sectors: new Set<string>(),
        countries: new Set<string>(),
        attackTypes: new Set<string>(),
        nearestDays: Infinity,
        campaignIncidents: [],
        supporting: 0,
        other: 0,
        confidences: [],
      };
      const sectors = j.sectorIds.map(top).filter((s) => xSectors.has(s));
      const countries = j.countries.map((c) => c.iso2).filter((c) => xCountries.has(c));
      const types = j.attackTypes.filter((t) => x.attackTypes.includes(t));
      const sameCampaign = x.campaignId !== null && j.campaignId === x.campaignId;
      sectors.forEach((s) => e.sectors.add(s));
      countries.forEach((c) => e.countries.add(c));
      types.forEach((t) => e.attackTypes.add(t));
      if (sameCampaign) e.campaignIncidents.push(j.id);
      const gap =
        j.endDate < x.startDate
          ? (Date.parse(x.startDate) - Date.parse(j.endDate)) / DAY
          : j.startDate > x.endDate
            ? (Date.parse(j.startDate) - Date.parse(x.endDate)) / DAY
            : 0;
      e.nearestDays = Math.min(e.nearestDays, gap);
      e.other += 1;
      if (sectors.length + countries.length + types.length > 0 || sameCampaign) {
        e.supporting += 1;
        e.confidences.push(confidence);
      }
      evidence.set(actor, e);
    }
  }
  return new Map([...evidence].filter(([, e]) => e.supporting > 0));
}

const SUGGEST = `query ($id: ID!, $first: Int) {
  suggestAttributions(incidentId: $id, first: $first) {
    actor { id key } rank score alreadyAttributed
    components { factor value weight points }
    evidence {
      sharedSectors { key } sharedCountries { code } sharedAttackTypes nearestIncidentDays
      sameCampaignIncidents { key } reportedSectors { key } reportedCountries { code }
      supportingIncidents otherIncidents meanPriorConfidence confidenceFactor
    }
  }
}`;
const suggest = async (id: string, first = 100) =>
  (await dataOf(seeded.api, SUGGEST, { id, first })).suggestAttributions as any[];

const seeded = useSeededApi();

describe('suggestAttributions', () => {
  const maersk = seeds.incidents.find((i) => i.id === '2017-06-notpetya-maersk');
  if (!maersk) throw new Error('the seeds lost the NotPetya–Maersk incident');

  it('lists as candidates exactly the actors whose other incidents share something, with that evidence', async () => {
    for (const incident of [maersk, ...seeds.incidents.filter((_, i) => i % 40 === 7)]) {
      const expected = expectedEvidence(incident);
      const answer = await suggest(incident.id);
      expect(new Set(answer.map((c) => c.actor.key)), incident.id).toEqual(
        new Set(expected.keys()),
      );
      for (const candidate of answer) {
        const e = expected.get(candidate.actor.key) as Expected;
        const mean = e.confidences.reduce((a, b) => a + b, 0) / e.confidences.length;
        expect(candidate.evidence, `${incident.id} / ${candidate.actor.key}`).toMatchObject({
          supportingIncidents: e.supporting,
          otherIncidents: e.other,
          nearestIncidentDays: e.nearestDays,
          reportedSectors: [],
          reportedCountries: [],
        });
        expect(candidate.evidence.meanPriorConfidence).toBeCloseTo(mean, 9);
        expect(new Set(candidate.evidence.sharedSectors.map((s: any) => s.key))).toEqual(e.sectors);
        expect(new Set(candidate.evidence.sharedCountries.map((c: any) => c.code))).toEqual(
          e.countries,
        );
        expect(new Set(candidate.evidence.sharedAttackTypes)).toEqual(e.attackTypes);
        expect(candidate.evidence.sameCampaignIncidents.map((i: any) => i.key).sort()).toEqual(
          e.campaignIncidents.sort(),
        );
        expect(candidate.alreadyAttributed).toBe(
          incident.attributions.some((a) => a.actorId === candidate.actor.key),
        );
      }
    }
  });

  it('ranks by the documented score, never using the incident’s own claims', async () => {
    const answer = await suggest(maersk.id);
    // By hand: Sandworm and the GRU (both named by Maersk's own claims, which are not used) are
    // named by every other NotPetya incident: same campaign, same days of June 2017.
    expect(new Set(answer.slice(0, 2).map((c) => c.actor.key))).toEqual(
      new Set(['sandworm', 'gru-unspecified']),
    );
    for (const candidate of answer.slice(0, 2)) {
      expect(candidate.alreadyAttributed).toBe(true);
      expect(
        Object.fromEntries(candidate.components.map((c: any) => [c.factor, c.value])),
      ).toMatchObject({
        CAMPAIGN: 1,
        TIME_PROXIMITY: 1,
      });
    }
    for (const candidate of answer) {
      const sum = candidate.components.reduce(
        (a: number, c: { points: number }) => a + c.points,
        0,
      );
      expect(candidate.score).toBeCloseTo(sum, 12);
      for (const c of candidate.components) {
        const discount =
          c.factor === 'REPORTED_VICTIMOLOGY' ? 1 : candidate.evidence.confidenceFactor;
        expect(c.points).toBeCloseTo(c.value * c.weight * discount, 12);
      }
      expect(candidate.evidence.confidenceFactor).toBeCloseTo(
        0.5 + (0.5 * candidate.evidence.meanPriorConfidence) / 100,
        12,
      );
    }
    expect(answer.map((c) => c.rank)).toEqual(answer.map((_, i) => i + 1));
    for (let i = 1; i < answer.length; i++) {
      expect(answer[i - 1].score).toBeGreaterThanOrEqual(answer[i].score);
    }
    // Deterministic: the same question gets the same answer.
    expect(await suggest(maersk.id)).toEqual(answer);
    expect((await suggest(maersk.id, 3)).map((c) => c.actor.key)).toEqual(
      answer.slice(0, 3).map((c) => c.actor.key),
    );
  });

  it("weighs an actor's reported victimology, and retracted claims not at all", async () => {
    const file = await tempFile(
      'victimology.json',
      JSON.stringify({
        format: 'cig-dataset/1',
        sources: [
          {
            url: 'https://example.org/report',
            title: 'A report',
            publisher: 'Example',
            publishedAt: '2016-02-01',
          },
        ],
        actors: [
          {
            id: 'test-energy-watcher',
            name: 'Test energy watcher',
            type: 'UNKNOWN',
            targets: {
              sectors: ['energy'],
              countries: ['UA', 'FR'],
              confidence: 50,
              sources: ['https://example.org/report'],
            },
          },
        ],
        incidents: [
          {
            id: '2016-01-test-retracted-claim',
            title: 'An outage once blamed on the watcher',
            startDate: '2016-01-10',
            attackTypes: ['MALWARE'],
            sectors: ['electricity'],
            countries: [{ country: 'UA', primary: true }],
            sources: ['https://example.org/report'],
            attributions: [
              {
                actor: 'test-energy-watcher',
                confidence: 50,
                basis: 'MEDIA',
                status: 'RETRACTED',
                sources: ['https://example.org/report'],
              },
            ],
          },
        ],
      }),
    );
    const report = await importFile(seeded.database, file);
    expect(report.rejected, JSON.stringify(report.issues)).toMatchObject({
      actors: 0,
      incidents: 0,
    });
    const grid = seeds.incidents.find((i) => i.id === '2015-12-ukraine-power-grid-blackenergy');
    if (!grid) throw new Error('the seeds lost the 2015 grid attack');
    const answer = await suggest(grid.id);
    const watcher = answer.find((c) => c.actor.key === 'test-energy-watcher');
    expect(watcher.evidence).toMatchObject({
      reportedSectors: [{ key: 'energy' }],
      reportedCountries: [{ code: 'UA' }],
      supportingIncidents: 0,
      otherIncidents: 0,
      nearestIncidentDays: null,
      meanPriorConfidence: null,
    });
    const points = Object.fromEntries(watcher.components.map((c: any) => [c.factor, c.points]));
    const features = new Set(grid.sectorIds.map(top)).size + grid.countries.length;
    expect(points.REPORTED_VICTIMOLOGY).toBeCloseTo((0.1 * 2) / features, 12);
    expect(watcher.score).toBeCloseTo(points.REPORTED_VICTIMOLOGY, 12);
  });

  it('answers NOT_FOUND for an unknown incident and BAD_USER_INPUT for a wrong id or page size', async () => {
    const unknown = await errorOf(seeded.api, SUGGEST, { id: 'no-such-incident' });
    expect(unknown.error?.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'incidentId' });
    expect(unknown.error?.message).toContain('no-such-incident');
    const wrongType = await errorOf(seeded.api, SUGGEST, { id: 'Actor:sandworm' });
    expect(wrongType.error?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'incidentId',
    });
    const page = await errorOf(seeded.api, SUGGEST, { id: maersk.id, first: 101 });
    expect(page.error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });
});
