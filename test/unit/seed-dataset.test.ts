import { describe, expect, it } from 'vitest';
import { actorNameKey } from '../../src/domain/actor-names.js';
import { checkInput } from '../../src/import/check-input.js';
import { inMemoryInput } from '../../src/import/record-input.js';
import { readSeedDataset } from '../../src/import/seeds.js';
import { formatIssue } from '../../src/import/records.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();
const { files, read, sha256 } = await readSeedDataset(taxonomy);
const { records } = read;
const parentOf = new Map(taxonomy.sectors.map((s) => [s.id, s.parentId ?? s.id]));

describe('the curated dataset in seeds/dataset', () => {
  it('validates without a single problem (formats, dates, taxonomy ids, country codes)', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(read.issues.map(formatIssue)).toEqual([]);
  });

  it('references only what it defines: actors, campaigns, organizations and cited sources', async () => {
    const checked = await checkInput(inMemoryInput(files, read, sha256), {
      knownActors: [],
      existingIds: () =>
        Promise.resolve({ actors: [], campaigns: [], organizations: [], sources: [] }),
      batchSize: 500,
    });
    expect(checked.issues.map(formatIssue)).toEqual([]);
  });

  it('cites at least one source for every incident, attribution, origin and sponsor', () => {
    for (const incident of records.incidents) {
      expect(incident.sourceIds.length, incident.id).toBeGreaterThan(0);
      for (const a of incident.attributions)
        expect(a.sourceIds.length, `${incident.id} → ${a.actorId}`).toBeGreaterThan(0);
    }
    for (const actor of records.actors) {
      for (const claim of [actor.origin, ...actor.sponsors])
        if (claim) expect(claim.sourceIds.length, actor.id).toBeGreaterThan(0);
    }
  });

  it('keeps attributions honest: self-claims are CLAIMED, government attributions ATTRIBUTED', () => {
    for (const incident of records.incidents) {
      for (const a of incident.attributions) {
        if (a.basis === 'SELF_CLAIMED')
          expect(a.status, `${incident.id} → ${a.actorId}`).toBe('CLAIMED');
        if (a.status === 'CLAIMED')
          expect(a.basis, `${incident.id} → ${a.actorId}`).toBe('SELF_CLAIMED');
      }
    }
  });

  it('has no two actors sharing a normalised name or alias, and no duplicate ids', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const actor of records.actors) {
      for (const name of new Set([actor.name, ...actor.aliases].map(actorNameKey))) {
        const other = owner.get(name);
        if (other && other !== actor.id) clashes.push(`${name}: ${other} and ${actor.id}`);
        owner.set(name, actor.id);
      }
    }
    expect(clashes).toEqual([]);
    // Sources are exempt: two files citing the same URL describe one source (its id is the URL's hash).
    for (const kind of ['actors', 'incidents', 'campaigns', 'organizations'] as const) {
      const ids = records[kind].map((r) => r.id);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        kind,
      ).toEqual([]);
    }
  });

  it('is as large as promised: 150 incidents, 50 actors, 20 top-level sectors, 40 countries, campaigns', () => {
    expect(records.incidents.length).toBeGreaterThanOrEqual(150);
    expect(records.actors.length).toBeGreaterThanOrEqual(50);
    const topSectors = new Set(
      records.incidents.flatMap((i) => i.sectorIds.map((s) => parentOf.get(s))),
    );
    expect(topSectors.size).toBeGreaterThanOrEqual(20);
    const countries = new Set(records.incidents.flatMap((i) => i.countries.map((c) => c.iso2)));
    expect(countries.size).toBeGreaterThanOrEqual(40);
    expect(records.campaigns.length).toBeGreaterThanOrEqual(3);
  });
});
