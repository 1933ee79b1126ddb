import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { Logger } from 'pino';
import { localNeo4jLauncher } from '../paths.js';
import { stopChild } from '../process/stop-child.js';

export interface LocalNeo4jOptions {
  port: number;
  dataDir: string;
  heap: string;
  pageCache: string;
  /** Covers the first run, which builds the launcher and downloads Neo4j from Maven Central. */
  startTimeoutMs: number;
  log: Logger;
  /** Aborting it stops a start that is still under way (the start then rejects). */
  signal?: AbortSignal;
}

/** How the process ended: an exit code, or the signal that killed it. */
export interface LocalNeo4jExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface LocalNeo4j {
  readonly uri: string;
  readonly dataDir: string;
  readonly pid: number;
  /** Resolves when the process has ended, whether we stopped it or not. */
  readonly exited: Promise<LocalNeo4jExit>;
  /** Stops the database cleanly (SIGTERM, then SIGKILL if it has not exited in time). */
  stop(): Promise<void>;
}

/** What the launcher's exit codes mean, so the user reads what to do rather than a number. */
const exitReasons: Record<number, string> = {
  2: 'Java 17 or newer is needed to run the local Neo4j',
  3: 'the Bolt port is already in use',
  4: 'the data directory is in use by another Neo4j',
};

/** What an exit means, for people: the launcher's own reason, the exit code, or the signal. */
export function describeExit({ code, signal }: LocalNeo4jExit): string {
  return code === null
    ? `signal ${signal ?? 'unknown'}`
    : (exitReasons[code] ?? `exit code ${code}`);
}

const READY_LINE = /^neo4j-local ready (bolt:\/\/\S+) data=(.+)$/;
const STOP_TIMEOUT_MS = 60_000;

export class LocalNeo4jError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalNeo4jError';
  }
}

/**
 * Starts the project's own Neo4j (tools/neo4j-local) and resolves once Bolt accepts connections.
 * The launcher builds itself on first use (cached in its target/ folder), so the first start is
 * slow and later ones take seconds. It runs in its own process group so that a terminal's Ctrl-C
 * reaches only us: we drain the API first and stop the database last.
 */
export function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  if (options.signal?.aborted)
    return Promise.reject(new LocalNeo4jError('the start of the local Neo4j was cancelled'));
  const dataDir = path.resolve(options.dataDir);
  const args = [
    '--port',
    String(options.port),
    '--data',
    dataDir,
    '--heap',
    options.heap,
    '--pagecache',
    options.pageCache,
  ];
  const log = options.log.child({ component: 'neo4j-local' });
  log.info({ port: options.port, dataDir }, 'starting local Neo4j');
  const child = spawn(localNeo4jLauncher, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const exited = new Promise<LocalNeo4jExit>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    }),
  );
  const stderrTail: string[] = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > 20) stderrTail.shift();
    log.info(line);
  });

  return new Promise<LocalNeo4j>((resolve, reject) => {
    let settled = false;
    const cancel = (): void => {
      void stopChild(child, STOP_TIMEOUT_MS);
    };
    const settle = (): void => {
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', cancel);
    };
    const fail = (message: string): void => {
      if (settled) return;
      settle();
      const detail = stderrTail.length > 0 ? `\n${stderrTail.join('\n')}` : '';
      reject(new LocalNeo4jError(`${message}${detail}`));
    };
    const timer = setTimeout(() => {
      fail(`local Neo4j did not become ready within ${options.startTimeoutMs} ms`);
      void stopChild(child, STOP_TIMEOUT_MS);
    }, options.startTimeoutMs);

    child.once('error', (error) => {
      fail(`could not run ${localNeo4jLauncher}: ${error.message}`);
    });
    // Rejects only once the process has gone, so that a cancelled start leaves nothing behind.
    void exited.then((exit) => {
      fail(
        options.signal?.aborted
          ? 'the start of the local Neo4j was cancelled'
          : `local Neo4j stopped before it was ready: ${describeExit(exit)}`,
      );
    });
    options.signal?.addEventListener('abort', cancel);
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const match = READY_LINE.exec(line);
      if (!match || settled) return;
      settle();
      const uri = match[1] ?? '';
      log.info({ uri, dataDir: match[2], pid: child.pid }, 'local Neo4j is ready');
      resolve({
        uri,
        dataDir: match[2] ?? dataDir,
        pid: child.pid ?? -1,
        exited,
        stop: async () => {
          await stopChild(child, STOP_TIMEOUT_MS);
          log.info('local Neo4j stopped');
        },
      });
    });
  });
}
