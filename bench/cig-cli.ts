import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import { MemorySampler } from './process-memory.js';
import { cigEntry } from './settings.js';

export interface CigRun {
  exitCode: number | null;
  stdout: string;
  wallSeconds: number;
  /** The CLI process's peak resident memory (high-water mark), in MB. */
  peakRssMb: number;
}

export interface CigOptions {
  env?: Record<string, string>;
  /** Each line the command writes to stderr (progress, logs), as it comes. */
  onStderrLine?: (line: string) => void;
}

/**
 * Runs the built `cig` as a user would, as a black box: its own process, timed from spawn to exit
 * (Node's start-up included), its memory sampled from /proc while it runs. NEO4J_URI comes only
 * from `env`, never from the caller's environment, so a command can never reach another database.
 */
export function runCig(args: string[], options: CigOptions = {}): Promise<CigRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.NEO4J_URI;
  Object.assign(env, options.env);
  const started = performance.now();
  const child = spawn(process.execPath, [cigEntry, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const memory = child.pid === undefined ? undefined : new MemorySampler(child.pid).start();
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    options.onStderrLine?.(line);
  });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      memory?.stop();
      reject(error);
    });
    child.once('exit', (exitCode) => {
      memory?.stop();
      resolve({
        exitCode,
        stdout,
        wallSeconds: (performance.now() - started) / 1000,
        peakRssMb: memory?.peakRssMb ?? Number.NaN,
      });
    });
  });
}

/** Runs `cig` and fails with its output when it exits other than 0. */
export async function runCigOrFail(args: string[], options: CigOptions = {}): Promise<CigRun> {
  const tail: string[] = [];
  const run = await runCig(args, {
    ...options,
    onStderrLine: (line) => {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      options.onStderrLine?.(line);
    },
  });
  if (run.exitCode !== 0)
    throw new Error(
      `cig ${args.join(' ')} exited with ${run.exitCode}:\n${run.stdout}\n${tail.join('\n')}`,
    );
  return run;
}
