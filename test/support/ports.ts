import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

/** Ports apart from the default 7687 so a developer's own `npm start` database is never touched. */
export const testNeo4jPorts = {
  shared: 7690,
  outage: 7691,
  orphan: 7692,
  reliability: 7693,
} as const;

export function testDataDir(name: string): string {
  return path.join(projectRoot, '.data', 'test', name);
}
