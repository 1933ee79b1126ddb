import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { DatabaseSettings } from '../src/db/database.js';
import { createDriver } from '../src/db/driver.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/db/local-neo4j.js';
import { profiles } from '../src/generate/profiles.js';
import { loadTaxonomy } from '../src/taxonomy/taxonomy.js';
import { runCigOrFail } from './cig-cli.js';
import { graphRows, recordCount, type NativeDataset } from './native-rows.js';
import { writeRows } from './raw-import.js';
import { benchDataDir, benchPorts, NEO4J_START_TIMEOUT_MS, scratchMemory } from './settings.js';

export interface GraphSize {
  nodes: number;
  relationships: number;
}

export interface ImportMeasurement {
  slice: { incidents: number; actors: number; records: number; seed: number };
  cig: GraphSize & {
    wallSeconds: number;
    /** What `cig import` reports itself: from reading the file to the last write. */
    ownSeconds: number | null;
    recordsPerSecond: number;
    peakRssMb: number;
  };
  raw: GraphSize & { seconds: number; recordsPerSecond: number; batchSize: number };
  /** cig ÷ raw records per second: 1 would be the database's own limit. */
  ratio: number;
}

const RAW_BATCH_SIZE = 1000;

export interface ImportBenchOptions {
  incidents: number;
  seed: number;
  /** The driver settings the product would use for a database at this URI. */
  settingsFor: (uri: string) => DatabaseSettings;
  log: Logger;
  say: (message: string) => void;
}

/**
 * Import speed on a fixed slice (incidents with actors and the other kinds in the large profile's
 * proportions, the same seed), each side into a new, empty, migrated scratch Neo4j: first
 * `cig import` as a black-box process (wall time, peak memory), then the same rows through the
 * driver with plain `UNWIND … CREATE` batches.
 */
export async function measureImport(options: ImportBenchOptions): Promise<ImportMeasurement> {
  const dir = benchDataDir('bench-scratch');
  const file = path.join(dir, 'slice.json');
  const actors = Math.max(
    1,
    Math.round((options.incidents * profiles.large.actors) / profiles.large.incidents),
  );
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  try {
    options.say(`Import: generating a slice of ${options.incidents} incidents, ${actors} actors…`);
    await runCigOrFail([
      'generate',
      ...['--incidents', String(options.incidents), '--actors', String(actors)],
      ...['--seed', String(options.seed), '--out', file],
    ]);
    const dataset = JSON.parse(await readFile(file, 'utf8')) as NativeDataset;
    const records = recordCount(dataset);

    options.say(`Import: cig import of ${records} records…`);
    const cig = await withEmptyDatabase(dir, options.log, async (uri) => {
      const run = await runCigOrFail(['import', file], { env: { NEO4J_URI: uri } });
      const own = /in ([\d.]+) s/.exec(run.stdout);
      return {
        run,
        ownSeconds: own ? Number(own[1]) : null,
        size: await graphSize(options.settingsFor(uri), options.log),
      };
    });

    options.say(`Import: the same rows with UNWIND … CREATE through the driver…`);
    const raw = await withEmptyDatabase(dir, options.log, async (uri) => {
      const rows = graphRows(dataset, loadTaxonomy());
      const driver = createDriver(options.settingsFor(uri), options.log);
      try {
        const started = performance.now();
        await writeRows(driver, options.settingsFor(uri).database, rows, RAW_BATCH_SIZE);
        const seconds = (performance.now() - started) / 1000;
        return { seconds, size: await graphSize(options.settingsFor(uri), options.log) };
      } finally {
        await driver.close();
      }
    });

    const cigRate = records / cig.run.wallSeconds;
    const rawRate = records / raw.seconds;
    return {
      slice: { incidents: options.incidents, actors, records, seed: options.seed },
      cig: {
        ...cig.size,
        wallSeconds: cig.run.wallSeconds,
        ownSeconds: cig.ownSeconds,
        recordsPerSecond: cigRate,
        peakRssMb: cig.run.peakRssMb,
      },
      raw: {
        ...raw.size,
        seconds: raw.seconds,
        recordsPerSecond: rawRate,
        batchSize: RAW_BATCH_SIZE,
      },
      ratio: cigRate / rawRate,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A new store each time: Neo4j started on an empty directory, migrated untimed, stopped after. */
async function withEmptyDatabase<T>(
  dir: string,
  log: Logger,
  work: (uri: string) => Promise<T>,
): Promise<T> {
  const dataDir = path.join(dir, 'neo4j');
  await rm(dataDir, { recursive: true, force: true });
  const neo4j: LocalNeo4j = await startLocalNeo4j({
    port: benchPorts.scratchNeo4j,
    dataDir,
    ...scratchMemory,
    startTimeoutMs: NEO4J_START_TIMEOUT_MS,
    log,
  });
  try {
    await runCigOrFail(['db', 'migrate'], { env: { NEO4J_URI: neo4j.uri } });
    return await work(neo4j.uri);
  } finally {
    await neo4j.stop();
  }
}

async function graphSize(settings: DatabaseSettings, log: Logger): Promise<GraphSize> {
  const driver = createDriver(settings, log);
  try {
    const { records } = await driver.executeQuery(
      'RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships',
      {},
      { database: settings.database, routing: 'READ' },
    );
    return {
      nodes: Number(records[0]?.get('nodes') ?? 0),
      relationships: Number(records[0]?.get('relationships') ?? 0),
    };
  } finally {
    await driver.close();
  }
}
