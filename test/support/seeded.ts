import type { Database } from '../../src/db/database.js';
import { loadSeeds } from '../../src/import/seeds.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { openEmptyDatabase, testConfig } from './database.js';
import { startTestServer, type TestServer } from './server.js';

/** An empty database loaded with the seeds, and the API in front of it. */
export async function startSeededApi(
  overrides: Record<string, string> = {},
): Promise<{ database: Database; api: TestServer }> {
  const database = await openEmptyDatabase();
  await loadSeeds(database.executor(), loadTaxonomy());
  const api = await startTestServer(testConfig(overrides), database);
  return { database, api };
}
