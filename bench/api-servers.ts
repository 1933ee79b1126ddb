import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopChild } from '../src/process/stop-child.js';
import { graphqlRequester } from './probes.js';

export interface ApiProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface ApiProcessOptions {
  name: string;
  /** The entry script, run by this Node without a loader: built JavaScript for both APIs. */
  entry: string;
  /** Options for Node itself, before the entry (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  args: string[];
  port: number;
  env: Record<string, string>;
}

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;

/**
 * Starts an API server as its own process (so its memory is its own and it competes for the CPU
 * like a deployed server), and resolves once it answers a GraphQL request.
 */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(options.port) };
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), options.entry, ...options.args],
    {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const stderrTail: string[] = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
  });
  const url = `http://127.0.0.1:${options.port}/graphql`;
  const api: ApiProcess = {
    name: options.name,
    url,
    pid: child.pid ?? -1,
    stop: () => stopChild(child, STOP_TIMEOUT_MS),
  };
  const request = graphqlRequester(url);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${options.name} exited with ${child.exitCode}:\n${stderrTail.join('\n')}`);
    try {
      await request('{ __typename }', {});
      return api;
    } catch (error) {
      if (Date.now() > deadline) {
        await api.stop();
        throw new Error(
          `${options.name} did not answer within ${READY_TIMEOUT_MS / 1000} s (${String(error)}):\n${stderrTail.join('\n')}`,
        );
      }
      await sleep(250);
    }
  }
}
