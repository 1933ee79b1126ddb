import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { sizesOf } from '../../src/generate/profiles.js';
import { writeSyntheticDataset } from '../../src/generate/synthetic-dataset.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { readNativeDataset } from '../../src/import/native/read-native.js';
import type { GraphRecords } from '../../src/import/records.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();

async function generate(incidents: number, actors: number, seed: number): Promise<string> {
  const out = new PassThrough();
  const written = text(out);
  await writeSyntheticDataset({ incidents, actors, seed }, taxonomy, out);
  out.end();
  return written;
}

/** Of the claims on actors with a known origin, the share whose incident hit no country of that origin. */
function crossBorderShare(records: GraphRecords): number {
  const origin = new Map(records.actors.map((a) => [a.id, a.origin?.country]));
  const claims = records.incidents.flatMap((i) =>
    i.attributions.flatMap((a) => {
      const o = origin.get(a.actorId);
      return o ? [i.countries.every((c) => c.iso2 !== o)] : [];
    }),
  );
  return claims.filter(Boolean).length / claims.length;
}

describe('the synthetic dataset generator', () => {
  it('writes a native dataset that the importer reads without a single issue', async () => {
    const file = await generate(2_000, 100, 7);
    const read = readNativeDataset(file, 'synthetic.json', taxonomy);
    expect(read.issues).toEqual([]);
    const sizes = sizesOf({ incidents: 2_000, actors: 100, seed: 7 });
    expect(read.records.incidents).toHaveLength(2_000);
    expect(read.records.actors).toHaveLength(100);
    expect(read.records.campaigns).toHaveLength(sizes.campaigns);
    expect(read.records.organizations).toHaveLength(sizes.organizations);
    expect(read.records.sources).toHaveLength(sizes.sources);
  });

  it('is deterministic for a seed, and differs between seeds', async () => {
    const a = await generate(300, 20, 42);
    expect(await generate(300, 20, 42)).toBe(a);
    expect(await generate(300, 20, 43)).not.toBe(a);
  });

  it('has the shape of the real data: heavy-tailed actors, skewed victims, mostly cross-border, mixed precision', async () => {
    const { records } = readNativeDataset(
      await generate(5_000, 200, 1),
      'synthetic.json',
      taxonomy,
    );
    const seeds = (await readSeedDataset(taxonomy)).read.records;

    // Heavy tail: the busiest tenth of the actors carry about half of the claims or more.
    const perActor = new Map<string, number>();
    records.incidents
      .flatMap((i) => i.attributions)
      .forEach((a) => {
        perActor.set(a.actorId, (perActor.get(a.actorId) ?? 0) + 1);
      });
    const counts = [...perActor.values()].sort((x, y) => y - x);
    const total = counts.reduce((s, n) => s + n, 0);
    const top = counts.slice(0, 20).reduce((s, n) => s + n, 0);
    expect(top / total).toBeGreaterThan(0.45);

    // Skewed victims: the most hit country takes far more than an even share.
    const perCountry = new Map<string, number>();
    records.incidents.forEach((i) => {
      const primary = i.countries.find((c) => c.primary)?.iso2 ?? '';
      perCountry.set(primary, (perCountry.get(primary) ?? 0) + 1);
    });
    expect(Math.max(...perCountry.values()) / records.incidents.length).toBeGreaterThan(0.1);

    // Cross-border share within five points of the curated seeds'.
    expect(Math.abs(crossBorderShare(records) - crossBorderShare(seeds))).toBeLessThan(0.05);

    // Several claims of differing confidence on some incidents; all three date precisions.
    const multi = records.incidents.filter(
      (i) => new Set(i.attributions.map((a) => a.confidence)).size > 1,
    );
    expect(multi.length / records.incidents.length).toBeGreaterThan(0.05);
    expect(new Set(records.incidents.map((i) => i.datePrecision))).toEqual(
      new Set(['DAY', 'MONTH', 'YEAR']),
    );
    const years = records.incidents.map((i) => Number(i.startDate.slice(0, 4)));
    expect(Math.max(...years) - Math.min(...years)).toBeGreaterThanOrEqual(10);
    expect(records.actors.filter((a) => a.origin).length).toBeGreaterThan(0);
    expect(records.actors.filter((a) => a.sponsors.length > 0).length).toBeGreaterThan(0);
    expect(records.incidents.filter((i) => i.campaignId).length).toBeGreaterThan(0);
    expect(records.incidents.filter((i) => i.organizationIds.length > 0).length).toBeGreaterThan(0);
  });
});
