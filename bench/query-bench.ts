import type { Driver } from 'neo4j-driver';
import type { Config } from '../src/config.js';
import { startApiProcess, type ApiProcess } from './api-servers.js';
import { compareDigests } from './equivalence.js';
import { CellWatch } from './cell-watch.js';
import { measureLoad, type LoadSettings, type Probe } from './load-harness.js';
import type { MeasuredOperation } from './operations/index.js';
import { isPeerGap, type GraphQLRequester } from './operations/types.js';
import {
  floorProbe,
  graphqlRequester,
  oursProbe,
  peerProbe,
  runFloor,
  type FloorSettings,
} from './probes.js';
import { residentMemory } from './process-memory.js';
import type { Subjects } from './query-mix.js';
import type { MeasuredCell, OperationResult, ServerMemory } from './results.js';
import type { RoundTrips } from './round-trips.js';
import { benchPorts, cigEntry, LOAD_TX_TIMEOUT_MS, peerEntry } from './settings.js';
import { median } from './stats.js';

export interface QueryBenchOptions {
  config: Config;
  uri: string;
  driver: Driver;
  /** The query database's process, whose CPU each cell reads. */
  neo4jPid: number;
  operations: MeasuredOperation[];
  roundTrips: RoundTrips[];
  subjects: Subjects;
  concurrency: readonly number[];
  warmupMs: number;
  durationMs: number;
  say: (message: string) => void;
}

export interface QueryBenchResult {
  operations: OperationResult[];
  memory: { ours: ServerMemory; peer: ServerMemory };
}

/** The one environment both API processes read (the peer ignores what it has no use for). */
export function apiEnvironment(config: Config, uri: string): Record<string, string> {
  return {
    NEO4J_URI: uri,
    NEO4J_DATABASE: config.NEO4J_DATABASE,
    NEO4J_TX_TIMEOUT_MS: String(config.NEO4J_TX_TIMEOUT_MS),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
  };
}

/**
 * The query mix three ways: our API and the peer as processes of their own, the floor from this
 * process through the driver. Every cell goes through the same harness; the answers are compared
 * first, so a fast wrong answer shows as wrong.
 */
export async function runQueryBench(options: QueryBenchOptions): Promise<QueryBenchResult> {
  const env = apiEnvironment(options.config, options.uri);
  const ours = await startApiProcess({
    name: 'our API (cig serve)',
    entry: cigEntry,
    args: ['serve'],
    port: benchPorts.oursApi,
    env,
  });
  let peer: ApiProcess | undefined;
  try {
    peer = await startApiProcess({
      name: 'the peer API',
      entry: peerEntry,
      args: [],
      port: benchPorts.peerApi,
      env,
    });
    return await measureAll(options, ours, peer);
  } finally {
    await peer?.stop();
    await ours.stop();
  }
}

async function measureAll(
  options: QueryBenchOptions,
  ours: ApiProcess,
  peer: ApiProcess,
): Promise<QueryBenchResult> {
  const { subjects, driver } = options;
  const askOurs = graphqlRequester(ours.url);
  const askPeer = graphqlRequester(peer.url);
  const floorSettings: FloorSettings = {
    database: options.config.NEO4J_DATABASE,
    txTimeoutMs: options.config.NEO4J_TX_TIMEOUT_MS,
  };

  // Before any request: what each process costs just to be there.
  const idle = {
    ours: residentMemory(ours.pid)?.rssMb ?? Number.NaN,
    peer: residentMemory(peer.pid)?.rssMb ?? Number.NaN,
  };
  options.say('Checking that the floor and the peer give our answers…');
  const equivalence = await checkAnswers(options, askOurs, askPeer, floorSettings);

  const underLoad = { ours: [] as number[], peer: [] as number[] };
  const cellCount = options.operations.reduce(
    (n, { bench }) => n + options.concurrency.length * (isPeerGap(bench.peer) ? 2 : 3),
    0,
  );
  let done = 0;
  /** One cell, with the CPU of the column's API process (none for the floor) and of Neo4j. */
  const cell = async (
    label: string,
    probe: Probe,
    settings: LoadSettings,
    api: { pid: number; memory: number[] } | null,
  ): Promise<MeasuredCell> => {
    const watch = new CellWatch(
      { api: api?.pid ?? null, neo4j: options.neo4jPid },
      settings.concurrency > 1,
    );
    const result = await measureLoad(probe, settings, watch);
    api?.memory.push(...watch.memorySamples);
    done += 1;
    options.say(
      `  [${done}/${cellCount}] ${label}: p50 ${result.latencyMs.p50.toFixed(1)} ms, ${result.requestsPerSecond.toFixed(1)} req/s${result.errors ? `, ${result.errors} errors` : ''}`,
    );
    return { ...result, cpuMsPerRequest: watch.perRequest(result.requests) };
  };

  const operations: OperationResult[] = [];
  for (const [index, { ours: op, bench }] of options.operations.entries()) {
    const cells: OperationResult['cells'] = [];
    for (const concurrency of options.concurrency) {
      const settings = { concurrency, warmupMs: options.warmupMs, durationMs: options.durationMs };
      const label = (column: string) => `${op.name}, c=${concurrency}, ${column}`;
      const oursCell = await cell(label('ours'), oursProbe(askOurs, op), settings, {
        pid: ours.pid,
        memory: underLoad.ours,
      });
      const floorCell = await cell(
        label('floor'),
        floorProbe(driver, floorSettings, bench.floor, subjects),
        settings,
        null,
      );
      const peerCell = isPeerGap(bench.peer)
        ? null
        : await cell(label('peer'), peerProbe(askPeer, bench.peer, subjects), settings, {
            pid: peer.pid,
            memory: underLoad.peer,
          });
      cells.push({ concurrency, ours: oursCell, floor: floorCell, peer: peerCell });
    }
    operations.push({
      name: op.name,
      roundTrips: options.roundTrips[index] ?? { ours: Number.NaN, peer: null, floor: 1 },
      equivalence: equivalence[index] ?? { floor: 'not checked', peer: 'not checked' },
      peerGap: isPeerGap(bench.peer) ? bench.peer.gap : null,
      cells,
    });
  }
  return {
    operations,
    memory: {
      ours: serverMemory(ours.pid, idle.ours, underLoad.ours),
      peer: serverMemory(peer.pid, idle.peer, underLoad.peer),
    },
  };
}

/** Each column's answer reduced to its digest and compared with ours, line by line. */
async function checkAnswers(
  { operations, driver, subjects }: QueryBenchOptions,
  askOurs: GraphQLRequester,
  askPeer: GraphQLRequester,
  floorSettings: FloorSettings,
): Promise<OperationResult['equivalence'][]> {
  const answers: OperationResult['equivalence'][] = [];
  for (const { ours, bench } of operations) {
    const oursDigest = bench.digestOurs(await askOurs(ours.query, ours.variables));
    // Comparing answers is preparation, not a measurement: a floor query that takes seconds on a
    // cold cache (attribution's reads every claim) must answer here rather than time out.
    const floorRows = await runFloor(
      driver,
      { ...floorSettings, txTimeoutMs: LOAD_TX_TIMEOUT_MS },
      bench.floor,
      subjects,
    );
    answers.push({
      floor: compareDigests(oursDigest, bench.floor.digest(floorRows), 'floor'),
      peer: isPeerGap(bench.peer)
        ? 'n/a'
        : compareDigests(
            oursDigest,
            bench.peer.digest(await bench.peer.ask(askPeer, subjects)),
            'peer',
          ),
    });
  }
  return answers;
}

function serverMemory(pid: number, idleMb: number, samples: number[]): ServerMemory {
  return {
    idleMb,
    underLoadMedianMb: median(samples),
    underLoadMaxMb: samples.length > 0 ? Math.max(...samples) : Number.NaN,
    highWaterMb: residentMemory(pid)?.peakRssMb ?? Number.NaN,
  };
}
