import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { loadSeeds } from '../../src/import/seeds.js';
import type { ServerDependencies } from '../../src/server.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';
import { openEmptyDatabase, PREPARATION_TIMEOUT, testConfig } from './database.js';
import { startTestServer, type TestServer } from './server.js';

/** What a test may set of the server itself: the executor each request runs through. */
type ServerOptions = Pick<ServerDependencies, 'executorFor'>;

/** An empty database loaded with the seeds, and the API in front of it. */
export async function startSeededApi(
  overrides: Record<string, string> = {},
  server: ServerOptions = {},
): Promise<{ database: Database; api: TestServer }> {
  const database = await openEmptyDatabase(testConfig(PREPARATION_TIMEOUT));
  await loadSeeds(database.executor(), loadTaxonomy());
  const api = await startTestServer(testConfig(overrides), database, server);
  return { database, api };
}

/**
 * The seeded database and API shared by one test file's tests: started before them, stopped
 * after. Read `api` and `database` inside tests and hooks (they exist once `beforeAll` has run).
 */
export function useSeededApi(
  overrides: Record<string, string> = {},
  server: ServerOptions = {},
): {
  readonly database: Database;
  readonly api: TestServer;
} {
  let started: { database: Database; api: TestServer } | undefined;
  beforeAll(async () => {
    started = await startSeededApi(overrides, server);
  });
  afterAll(async () => {
    await started?.api.stop();
    await started?.database.close();
  });
  const get = () => {
    if (!started) throw new Error('the seeded API is used before beforeAll has started it');
    return started;
  };
  return {
    get database() {
      return get().database;
    },
    get api() {
      return get().api;
    },
  };
}

/** One API key per role, the AUTH_API_KEYS that declares them, and the header that sends one. */
export const roleKeys = {
  viewer: 'viewer-key-0123456789abcdef',
  editor: 'editor-key-0123456789abcdef',
  admin: 'admin-key-0123456789abcdefgh',
} as const;
export const roleKeysSetting = `vw:viewer:${roleKeys.viewer},ed:editor:${roleKeys.editor},ad:admin:${roleKeys.admin}`;
export const as = (role: keyof typeof roleKeys) => ({ 'x-api-key': roleKeys[role] });
