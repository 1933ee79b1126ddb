import { rm } from 'node:fs/promises';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/db/local-neo4j.js';
import { testNeo4jPorts, testDataDir } from './ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

/**
 * Starts one local Neo4j for the integration run, on its own port and in a fresh data directory
 * under .data/, unless NEO4J_URI names a server to use instead (then nothing is started; note that
 * the tests empty that database).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.NEO4J_URI;
  if (external) {
    project.provide('neo4jUri', external);
    return () => Promise.resolve();
  }
  const dataDir = testDataDir('shared');
  await rm(dataDir, { recursive: true, force: true });
  const neo4j: LocalNeo4j = await startLocalNeo4j({
    port: testNeo4jPorts.shared,
    dataDir,
    heap: '1g',
    pageCache: '256m',
    startTimeoutMs: 900_000,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn' }, pino.destination(2)),
  });
  project.provide('neo4jUri', neo4j.uri);
  return () => neo4j.stop();
}
