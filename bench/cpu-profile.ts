import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../src/config.js';
import { startApiProcess } from './api-servers.js';
import {
  summariseCpuProfile,
  type CpuProfile,
  type CpuProfileSummary,
  type OperationCpuProfile,
} from './cpu-profile-summary.js';
import { measureLoad, type MeasuredWindow } from './load-harness.js';
import type { MeasuredOperation } from './operations/index.js';
import { graphqlRequester, oursProbe } from './probes.js';
import { apiEnvironment } from './query-bench.js';
import { benchDataDir, benchPorts, cigEntry } from './settings.js';

export interface CpuProfileOptions {
  config: Config;
  uri: string;
  operations: MeasuredOperation[];
  warmupMs: number;
  durationMs: number;
  say: (message: string) => void;
}

/** Where the profiles are left for a closer look (Chrome's DevTools open them). */
export const cpuProfileDir = benchDataDir('bench-cpu-profiles');

/** The measured window on the monotonic clock V8's profiles use, in microseconds. */
class MonotonicWindow implements MeasuredWindow {
  fromUs = 0;
  toUs = 0;
  // process.hrtime reads the same monotonic clock as the profiler of the API process.
  start(): void {
    this.fromUs = Number(process.hrtime.bigint() / 1000n);
  }
  stop(): void {
    this.toUs = Number(process.hrtime.bigint() / 1000n);
  }
}

const perRequestOf = (summary: CpuProfileSummary, requests: number): CpuProfileSummary => {
  const per = (ms: number) => (requests > 0 ? ms / requests : Number.NaN);
  return {
    totalMs: per(summary.totalMs),
    byOwner: Object.fromEntries(
      Object.entries(summary.byOwner).map(([owner, ms]) => [owner, per(ms)]),
    ) as CpuProfileSummary['byOwner'],
    hotspots: summary.hotspots.map((spot) => ({ ...spot, ms: per(spot.ms) })),
  };
};

/**
 * Each operation of the mix against a fresh `cig serve` run under `node --cpu-prof`, one worker:
 * where the API process's own time goes, request by request, with nothing else in the process.
 */
export async function profileOurs(options: CpuProfileOptions): Promise<OperationCpuProfile[]> {
  await rm(cpuProfileDir, { recursive: true, force: true });
  await mkdir(cpuProfileDir, { recursive: true });
  const profiles: OperationCpuProfile[] = [];
  for (const [index, { ours: operation }] of options.operations.entries()) {
    const name = `${index + 1}-${operation.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.cpuprofile`;
    const api = await startApiProcess({
      name: 'our API under --cpu-prof',
      entry: cigEntry,
      nodeArgs: ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir, '--cpu-prof-name', name],
      args: ['serve'],
      port: benchPorts.oursApi,
      env: apiEnvironment(options.config, options.uri),
    });
    const window = new MonotonicWindow();
    let requests = 0;
    try {
      const probe = oursProbe(graphqlRequester(api.url), operation);
      const settings = {
        concurrency: 1,
        warmupMs: options.warmupMs,
        durationMs: options.durationMs,
      };
      requests = (await measureLoad(probe, settings, window)).requests;
    } finally {
      // The profile is written when the process exits, which `cig serve` does on SIGTERM.
      await api.stop();
    }
    const profile = JSON.parse(
      await readFile(path.join(cpuProfileDir, name), 'utf8'),
    ) as CpuProfile;
    const summary = perRequestOf(summariseCpuProfile(profile, window), requests);
    options.say(
      `  ${operation.name}: ${summary.totalMs.toFixed(1)} ms of sampled API CPU per request (${requests} requests)`,
    );
    profiles.push({ name: operation.name, requests, perRequest: summary });
  }
  return profiles;
}
