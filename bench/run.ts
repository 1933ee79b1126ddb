/**
 * `npm run bench [-- --profile large]`: the benchmark. On its own Neo4j, loaded once per profile
 * with the product's own generator and importer (cached between runs), it measures in one run
 *   1. the query mix: our API, the floor (one hand-written Cypher query through the driver) and the
 *      peer (@neo4j/graphql over the same database), at concurrency 1 and 16, with round trips;
 *   2. the API processes' resident memory under that load;
 *   3. import speed: `cig import` against plain UNWIND … CREATE of the same rows, on a scratch Neo4j;
 * then prints the tables and writes bench/results/<profile>-<time>.json. It asserts nothing about
 * time: it reports.
 */
import { loadConfig } from '../src/config.js';
import { createDriver } from '../src/db/driver.js';
import { databaseSettings } from '../src/db/open-database.js';
import { createLogger } from '../src/logger.js';
import { openQueryDatabase } from './dataset-cache.js';
import { measureImport, type ImportMeasurement } from './import-bench.js';
import { parseOptions } from './options.js';
import { machineFacts } from './machine.js';
import { pairWithMix } from './operations/index.js';
import { queryMix } from './query-mix.js';
import { runQueryBench } from './query-bench.js';
import { importReport, markdownReport, textReport } from './report.js';
import { writeResults, type BenchResults } from './results.js';
import { countRoundTrips } from './round-trips.js';
import { benchPorts } from './settings.js';
import { profileOurs, cpuProfileDir } from './cpu-profile.js';
import type { OperationCpuProfile } from './cpu-profile-summary.js';
import { pickSubjects } from './subjects.js';

const CONCURRENCY = [1, 16] as const;

const say = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

/** Stops what the run started, newest first, once, whether it ends, fails or is interrupted. */
class Cleanup {
  readonly #steps: (() => Promise<unknown>)[] = [];
  add(step: () => Promise<unknown>): void {
    this.#steps.push(step);
  }
  async run(): Promise<void> {
    while (this.#steps.length > 0) {
      const step = this.#steps.pop();
      try {
        await step?.();
      } catch (error) {
        say(`cleanup: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

async function main(): Promise<void> {
  const options = parseOptions();
  const quick = options.profile === 'small';
  const durationSeconds = options.duration ?? (quick ? 5 : 10);
  const warmupSeconds = options.warmup ?? (quick ? 1 : 2);
  const env = { ...process.env };
  delete env.NEO4J_URI;
  // Every column runs under the product's default transaction timeout: a request a user would see
  // time out is an error in the table.
  delete env.NEO4J_TX_TIMEOUT_MS;
  const config = loadConfig({ ...env, LOG_LEVEL: 'warn' });
  const log = createLogger('warn', process.stderr);
  const settingsFor = (uri: string) => databaseSettings(config, uri);
  const cleanup = new Cleanup();
  const interrupt = (signal: NodeJS.Signals) => {
    say(`${signal}: stopping what the benchmark started…`);
    void cleanup.run().then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const startedAt = new Date().toISOString();

  if (options.importOnly) {
    const imported = await measureImport({
      incidents: options.importIncidents,
      seed: options.seed,
      settingsFor,
      log,
      say,
    });
    process.stdout.write(`\n${importReport(imported)}\n`);
    return;
  }
  try {
    const query = await openQueryDatabase({
      profile: options.profile,
      seed: options.seed,
      reload: options.reload,
      settingsFor,
      log,
      say,
    });
    cleanup.add(() => query.neo4j.stop());
    const driver = createDriver(settingsFor(query.neo4j.uri), log);
    cleanup.add(() => driver.close());
    const machine = await machineFacts(driver, config.NEO4J_DATABASE);
    const subjects = await pickSubjects(driver, config.NEO4J_DATABASE);
    say(`Subjects: ${JSON.stringify(subjects)}`);
    const operations = pairWithMix(queryMix(subjects));

    say('Counting Cypher round trips per request…');
    const roundTrips = await countRoundTrips(
      config,
      query.neo4j.uri,
      operations,
      subjects,
      { ours: benchPorts.oursRoundTrips, peer: benchPorts.peerRoundTrips },
      log,
    );

    say(`Query mix: ${operations.length} operations × concurrency ${CONCURRENCY.join(', ')}…`);
    const measured = await runQueryBench({
      config,
      uri: query.neo4j.uri,
      driver,
      neo4jPid: query.neo4j.pid,
      operations,
      roundTrips,
      subjects,
      concurrency: CONCURRENCY,
      warmupMs: warmupSeconds * 1000,
      durationMs: durationSeconds * 1000,
      say,
    });
    let cpuProfiles: OperationCpuProfile[] | null = null;
    if (options.cpuProf) {
      say(`Profiling our API per operation (profiles kept in ${cpuProfileDir})…`);
      cpuProfiles = await profileOurs({
        config,
        uri: query.neo4j.uri,
        operations,
        warmupMs: warmupSeconds * 1000,
        durationMs: durationSeconds * 1000,
        say,
      });
    }
    await cleanup.run();

    let imported: ImportMeasurement | null = null;
    if (!options.skipImport) {
      imported = await measureImport({
        incidents: options.importIncidents,
        seed: options.seed,
        settingsFor,
        log,
        say,
      });
    }

    const results: BenchResults = {
      profile: options.profile,
      seed: options.seed,
      startedAt,
      finishedAt: new Date().toISOString(),
      settings: {
        durationSeconds,
        warmupSeconds,
        concurrency: [...CONCURRENCY],
        txTimeoutSeconds: config.NEO4J_TX_TIMEOUT_MS / 1000,
      },
      machine,
      dataset: query.dataset,
      subjects,
      operations: measured.operations,
      memory: measured.memory,
      cpuProfiles,
      import: imported,
    };
    const file = await writeResults(results);
    process.stdout.write(`\n${textReport(results)}\n\nResults written to ${file}\n`);
    process.stdout.write(`\nMarkdown for BENCHMARKS.md:\n\n${markdownReport(results)}\n`);
  } finally {
    await cleanup.run();
  }
}

main().catch((error: unknown) => {
  say(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
