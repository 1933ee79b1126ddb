import { performance } from 'node:perf_hooks';
import { percentile } from './stats.js';

/** One request of a column: resolves when the answer is complete, rejects on any error. */
export type Probe = () => Promise<unknown>;

export interface LoadSettings {
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface LatencyFigures {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Told when the measured part of a cell begins and ends (the warm-up is outside it). */
export interface MeasuredWindow {
  start(): void;
  stop(): void;
}

export interface CellResult {
  concurrency: number;
  /** Requests answered without error in the measured window. */
  requests: number;
  /** Requests that failed: HTTP status, GraphQL `errors`, driver errors. */
  errors: number;
  errorSamples: string[];
  /** Milliseconds, answered requests only. */
  latencyMs: LatencyFigures;
  requestsPerSecond: number;
  elapsedSeconds: number;
}

const MAX_ERROR_SAMPLES = 3;

/**
 * The one client harness all three columns go through, so their figures compare: `concurrency`
 * workers each send a request as soon as their previous one is answered, first for a warm-up that
 * is thrown away, then for the measured duration. A request started before the end is waited for
 * and counted, so a slow operation is never cut short.
 */
export async function measureLoad(
  probe: Probe,
  settings: LoadSettings,
  window?: MeasuredWindow,
): Promise<CellResult> {
  await runWorkers(probe, settings.concurrency, settings.warmupMs);
  window?.start();
  const run = await runWorkers(probe, settings.concurrency, settings.durationMs);
  window?.stop();
  const sorted = run.latencies.sort((a, b) => a - b);
  const elapsedSeconds = run.elapsedMs / 1000;
  return {
    concurrency: settings.concurrency,
    requests: sorted.length,
    errors: run.errors,
    errorSamples: run.errorSamples,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      mean: sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length),
      max: sorted.at(-1) ?? Number.NaN,
    },
    requestsPerSecond: sorted.length / Math.max(elapsedSeconds, 1e-9),
    elapsedSeconds,
  };
}

interface WorkerRun {
  latencies: number[];
  errors: number;
  errorSamples: string[];
  elapsedMs: number;
}

async function runWorkers(probe: Probe, concurrency: number, forMs: number): Promise<WorkerRun> {
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + forMs;
  const worker = async (): Promise<void> => {
    while (performance.now() < until) {
      const sent = performance.now();
      try {
        await probe();
        latencies.push(performance.now() - sent);
      } catch (error) {
        errors += 1;
        const message = error instanceof Error ? error.message : String(error);
        if (errorSamples.length < MAX_ERROR_SAMPLES && !errorSamples.includes(message))
          errorSamples.push(message);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, errorSamples, elapsedMs: performance.now() - started };
}
