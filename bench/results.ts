import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { ProfileName } from '../src/generate/profiles.js';
import type { LoadedDataset } from './dataset-cache.js';
import type { ImportMeasurement } from './import-bench.js';
import type { CpuPerRequest } from './cell-watch.js';
import type { OperationCpuProfile } from './cpu-profile-summary.js';
import type { CellResult } from './load-harness.js';
import type { MachineFacts } from './machine.js';
import type { Subjects } from './query-mix.js';
import type { RoundTrips } from './round-trips.js';
import { resultsDir } from './settings.js';

export type Column = 'ours' | 'floor' | 'peer';
export const columns: readonly Column[] = ['ours', 'floor', 'peer'];

/** Whether a column gave ours' answer: 'same', what differs, or 'n/a' where there is no column. */
export type Equivalence = string;

/** A cell's figures with what the processes behind it spent per request. */
export interface MeasuredCell extends CellResult {
  cpuMsPerRequest: CpuPerRequest;
}

export interface OperationResult {
  name: string;
  roundTrips: RoundTrips;
  equivalence: { floor: Equivalence; peer: Equivalence };
  /** Why the peer has no figures for this operation. */
  peerGap: string | null;
  cells: {
    concurrency: number;
    ours: MeasuredCell;
    floor: MeasuredCell;
    peer: MeasuredCell | null;
  }[];
}

export interface ServerMemory {
  /** Resident memory once started, before the first real request. */
  idleMb: number;
  /** Median and highest VmRSS sampled while the server answered 16 concurrent workers. */
  underLoadMedianMb: number;
  underLoadMaxMb: number;
  /** The kernel's high-water mark for the process at the end of the run. */
  highWaterMb: number;
}

export interface BenchResults {
  profile: ProfileName;
  seed: number;
  startedAt: string;
  finishedAt: string;
  settings: {
    durationSeconds: number;
    warmupSeconds: number;
    concurrency: number[];
    txTimeoutSeconds: number;
  };
  machine: MachineFacts;
  dataset: LoadedDataset;
  subjects: Subjects;
  operations: OperationResult[];
  memory: { ours: ServerMemory; peer: ServerMemory };
  /** With `--cpu-prof`: where our API process's time goes, per operation; absent in older runs. */
  cpuProfiles?: OperationCpuProfile[] | null;
  import: ImportMeasurement | null;
}

/**
 * bench/results/<name>-<ISO time, to the second>.json, formatted as the repository's
 * `prettier --check` expects, so a committed result passes lint. Gives the file's path.
 */
export async function writeResultFile(
  name: string,
  startedAt: string,
  value: unknown,
): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const stamp = startedAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const file = path.join(resultsDir, `${name}-${stamp}.json`);
  const options = await resolveConfig(file);
  await writeFile(
    file,
    await format(JSON.stringify(value, null, 2), { ...options, filepath: file }),
  );
  return file;
}

/** bench/results/<profile>-<ISO time>.json, meant to be committed and compared over time. */
export const writeResults = (results: BenchResults): Promise<string> =>
  writeResultFile(results.profile, results.startedAt, results);
