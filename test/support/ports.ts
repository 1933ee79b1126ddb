import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

/**
 * Ports apart from the default 7687 so a developer's own `npm start` database is never touched.
 * TEST_PORT_BASE moves them all (and the reliability suite's API port) so that two checkouts can
 * run their suites side by side.
 */
const base = Number(process.env.TEST_PORT_BASE ?? 7690);

export const testNeo4jPorts = {
  shared: base,
  outage: base + 1,
  orphan: base + 2,
  reliability: base + 3,
  healing: base + 6,
} as const;

/** The API port of the suite that runs the API as its own process. */
export const testApiPort = base - 2897;

export function testDataDir(name: string): string {
  return path.join(projectRoot, '.data', 'test', name);
}
