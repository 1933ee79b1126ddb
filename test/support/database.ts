import pino from 'pino';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { cypher, Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import { databaseSettings } from '../../src/db/open-database.js';

export const silentLogger = pino({ level: 'silent' });

/**
 * The transaction timeout of a test's preparation (loading seeds or fixtures): a fresh Neo4j plans
 * its first statements cold, and on a busy machine (a CI run beside another suite) that alone can
 * pass the product's 10 s. The tests themselves keep the default.
 */
export const PREPARATION_TIMEOUT = { NEO4J_TX_TIMEOUT_MS: '120000' } as const;

/** The configuration a test runs with: the run's Neo4j, quiet logs, short timeouts. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
    NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
    NEO4J_DATABASE: process.env.NEO4J_DATABASE ?? 'neo4j',
    NEO4J_CONNECT_TIMEOUT_MS: '2000',
    NEO4J_MAX_RETRY_MS: '500',
    SHUTDOWN_GRACE_MS: '5000',
    ...overrides,
  });
}

const DELETE_ALL = cypher<never>('test:deleteAll', 'MATCH (n) DETACH DELETE n');

const DELETE_ALL_BUT_REFERENCE_DATA = cypher<never>(
  'test:deleteAllButReferenceData',
  'MATCH (n) WHERE NOT n:Sector AND NOT n:Country DETACH DELETE n',
);

/** Empties the database but for the sectors and countries an import links to (they are seeded once). */
export async function deleteAllButReferenceData(database: Database): Promise<void> {
  await database.executor().write(DELETE_ALL_BUT_REFERENCE_DATA);
}

/**
 * A database emptied and migrated for one test file: Neo4j Community has a single user database,
 * so isolation between files is "start from empty", and files run one at a time.
 */
export async function openEmptyDatabase(config: Config = testConfig()): Promise<Database> {
  const database = new Database(databaseSettings(config, config.NEO4J_URI ?? ''), silentLogger);
  const executor = database.executor('test-setup');
  await executor.write(DELETE_ALL);
  await migrate(executor);
  return database;
}
