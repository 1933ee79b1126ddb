import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { DatabaseSettings } from '../src/db/database.js';
import { createDriver } from '../src/db/driver.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j.js';
import { profiles, type ProfileName } from '../src/generate/profiles.js';
import { projectRoot } from '../src/paths.js';
import { runCigOrFail } from './cig-cli.js';
import {
  benchDataDir,
  benchPorts,
  LOAD_TX_TIMEOUT_MS,
  NEO4J_START_TIMEOUT_MS,
  neo4jMemory,
} from './settings.js';

/** What the marker file records about the dataset a query database holds. */
export interface LoadedDataset {
  profile: ProfileName;
  seed: number;
  fingerprint: string;
  incidents: number;
  loadedAt: string;
  importSeconds: number;
}

/**
 * What decides the stored graph of a profile: the generator, the taxonomy it draws from, the
 * Cypher the importer writes with (the target profiles' too) and the schema. A change to any of them makes the cache stale.
 */
const FINGERPRINTED = [
  'src/generate',
  'seeds/taxonomy',
  'src/repositories/import-repository.ts',
  'src/repositories/target-profile-repository.ts',
  'src/repositories/target-profile-rows.ts',
  'src/db/migrations.ts',
];

export function datasetFingerprint(): string {
  const hash = createHash('sha256');
  for (const entry of FINGERPRINTED) {
    const full = path.join(projectRoot, entry);
    const files = entry.includes('.')
      ? [full]
      : readdirSync(full, { recursive: true, encoding: 'utf8' })
          .map((name) => path.join(full, name))
          .filter((file) => /\.(ts|json)$/.test(file))
          .sort();
    for (const file of files)
      hash.update(path.relative(projectRoot, file)).update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

export interface QueryDatabase {
  neo4j: LocalNeo4j;
  dataset: LoadedDataset;
  /** True when this run generated and imported the dataset (false: taken from the cache). */
  loadedNow: boolean;
}

export interface QueryDatabaseOptions {
  profile: ProfileName;
  seed: number;
  reload: boolean;
  /** The driver settings the product would use for a database at this URI. */
  settingsFor: (uri: string) => DatabaseSettings;
  log: Logger;
  say: (message: string) => void;
}

/**
 * The database the query mix runs on: its own Neo4j (data in .data/bench-<profile>) loaded with
 * the product's own `cig generate` and `cig import`, once. A marker file beside the store records
 * profile, seed and fingerprint; when any differs, or the store does not hold the incidents the
 * marker promises, the store is wiped and loaded again.
 */
export async function openQueryDatabase(options: QueryDatabaseOptions): Promise<QueryDatabase> {
  const dir = benchDataDir(`bench-${options.profile}`);
  const markerFile = path.join(dir, 'loaded.json');
  const fingerprint = datasetFingerprint();
  const marker = options.reload ? undefined : await readMarker(markerFile);
  const cached =
    marker?.profile === options.profile &&
    marker.seed === options.seed &&
    marker.fingerprint === fingerprint;
  if (!cached) await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const neo4j = await startLocalNeo4j({
    port: benchPorts.queryNeo4j,
    dataDir: path.join(dir, 'neo4j'),
    ...neo4jMemory[options.profile],
    startTimeoutMs: NEO4J_START_TIMEOUT_MS,
    log: options.log,
  });
  try {
    if (cached) {
      const incidents = await countIncidents(options.settingsFor(neo4j.uri), options.log);
      if (incidents === marker.incidents) {
        options.say(
          `Dataset: ${options.profile} (seed ${options.seed}, ${incidents} incidents) from the cache.`,
        );
        return { neo4j, dataset: marker, loadedNow: false };
      }
      options.say(
        `The cached store holds ${incidents} incidents, not ${marker.incidents}: reloading.`,
      );
      await neo4j.stop();
      return await openQueryDatabase({ ...options, reload: true });
    }
    const dataset = await load(options, neo4j.uri, fingerprint, dir);
    await writeFile(markerFile, `${JSON.stringify(dataset, null, 2)}\n`);
    return { neo4j, dataset, loadedNow: true };
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}

async function readMarker(file: string): Promise<LoadedDataset | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LoadedDataset;
  } catch {
    return undefined;
  }
}

async function load(
  options: QueryDatabaseOptions,
  uri: string,
  fingerprint: string,
  dir: string,
): Promise<LoadedDataset> {
  const file = path.join(dir, 'dataset.json');
  const { profile, seed, say } = options;
  say(`Dataset: generating the ${profile} profile (seed ${seed})…`);
  await runCigOrFail(['generate', '--profile', profile, '--seed', String(seed), '--out', file]);
  say(`Dataset: importing it with cig import (cached for later runs)…`);
  const imported = await runCigOrFail(['import', file], {
    env: { NEO4J_URI: uri, NEO4J_TX_TIMEOUT_MS: String(LOAD_TX_TIMEOUT_MS) },
    onStderrLine: (line) => {
      if (/^(Read|wrote) /.test(line)) say(`  ${line}`);
    },
  });
  await rm(file, { force: true });
  say(`Dataset: imported in ${imported.wallSeconds.toFixed(0)} s.`);
  return {
    profile,
    seed,
    fingerprint,
    incidents: profiles[profile].incidents,
    loadedAt: new Date().toISOString(),
    importSeconds: Math.round(imported.wallSeconds),
  };
}

/** How many incidents a database holds: the cache's sanity check. */
async function countIncidents(settings: DatabaseSettings, log: Logger): Promise<number> {
  const driver = createDriver(settings, log);
  try {
    const { records } = await driver.executeQuery(
      'RETURN COUNT { (:Incident) } AS n',
      {},
      { database: settings.database, routing: 'READ' },
    );
    return Number(records[0]?.get('n') ?? 0);
  } finally {
    await driver.close();
  }
}
