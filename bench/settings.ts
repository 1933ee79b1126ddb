import path from 'node:path';
import type { ProfileName } from '../src/generate/profiles.js';
import { projectRoot } from '../src/paths.js';

/**
 * Where the benchmark runs: its own Neo4j instances and API ports, apart from `npm start` (7687,
 * 4000), the test run and everything else, so it never touches a database someone is using.
 */
export const benchPorts = {
  queryNeo4j: 7720,
  scratchNeo4j: 7721,
  oursApi: 4820,
  peerApi: 4821,
  oursRoundTrips: 4822,
  peerRoundTrips: 4823,
  explorerNeo4j: 7722,
  explorerApi: 4824,
  scalingNeo4j: 7723,
} as const;

export const benchDataDir = (name: string): string => path.join(projectRoot, '.data', name);

/** The built CLI (`npm run build`) and the built peer (bench/peer/tsconfig.build.json). */
export const cigEntry = path.join(projectRoot, 'dist', 'main.js');
export const peerEntry = path.join(projectRoot, 'dist', 'bench-peer', 'bench', 'peer', 'main.js');

export const resultsDir = path.join(projectRoot, 'bench', 'results');

/**
 * Neo4j memory per profile: enough page cache to hold the whole store (about 1 GB for the 100,000
 * incidents of `large`), so latencies measure queries rather than disk reads.
 */
export const neo4jMemory: Record<ProfileName, { heap: string; pageCache: string }> = {
  small: { heap: '1g', pageCache: '512m' },
  large: { heap: '3g', pageCache: '2g' },
  xl: { heap: '4g', pageCache: '8g' },
};

/** The scratch database the import is timed on holds one slice at a time. */
export const scratchMemory = { heap: '1g', pageCache: '1g' };

/** Allows the first start of the launcher, which builds it and downloads Neo4j. */
export const NEO4J_START_TIMEOUT_MS = 900_000;

/**
 * Loading a dataset, and checking that the columns give the same answers, is preparation, not a
 * measurement: a cold database on a busy machine may take longer than the product's default, and
 * a failed load would only mean starting again.
 */
export const LOAD_TX_TIMEOUT_MS = 300_000;
