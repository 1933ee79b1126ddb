import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher, type Database } from '../../src/db/database.js';
import { loadSeeds, readSeedDataset } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { openEmptyDatabase } from '../support/database.js';
import { graphSnapshot } from '../support/graph-snapshot.js';

let database: Database;

beforeAll(async () => {
  database = await openEmptyDatabase();
});
afterAll(async () => {
  await database.close();
});

const COUNTS = cypher<{
  incidents: number;
  actors: number;
  sectors: number;
  countries: number;
  attributions: number;
}>(
  'test:seedCounts',
  `RETURN COUNT { (:Incident) } AS incidents, COUNT { (:Actor) } AS actors, COUNT { (:Sector) } AS sectors,
          COUNT { (:Country) } AS countries, COUNT { ()-[:ATTRIBUTED_TO]->() } AS attributions`,
);

describe('loading the seeds', () => {
  it('loads the taxonomy and the whole curated dataset into an empty database', async () => {
    const taxonomy = loadTaxonomy();
    const outcome = await loadSeeds(database.executor(), taxonomy);
    expect(outcome.loaded).toBe(true);
    const { read } = await readSeedDataset(taxonomy);
    const [counts] = await database.executor().read(COUNTS);
    expect(counts).toEqual({
      incidents: read.records.incidents.length,
      actors: read.records.actors.length,
      sectors: taxonomy.sectors.length,
      countries: taxonomy.countries.length,
      attributions: read.records.incidents.reduce((n, i) => n + i.attributions.length, 0),
    });
  });

  it('does not load the dataset again into a database that has incidents', async () => {
    const before = await graphSnapshot(database);
    const outcome = await loadSeeds(database.executor(), loadTaxonomy());
    expect(outcome).toEqual({ loaded: false, reason: 'the database already holds incidents' });
    expect(await graphSnapshot(database)).toEqual(before);
  });
});
