import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { describeExit, type LocalNeo4j } from './local-neo4j.js';

export interface RestartPolicy {
  /** Restarts tried after an unexpected exit before giving up (0: none). */
  readonly attempts: number;
  /** The wait before the first; each next one waits twice as long as the one before. */
  readonly backoffMs: number;
}

export type LocalNeo4jState =
  | { readonly kind: 'running' }
  | { readonly kind: 'restarting'; readonly attempt: number; readonly attempts: number }
  | { readonly kind: 'gave-up'; readonly attempts: number }
  | { readonly kind: 'stopped' };

/** The local Neo4j this process started, restarted when it dies. */
export interface SupervisedNeo4j {
  readonly uri: string;
  readonly dataDir: string;
  state(): LocalNeo4jState;
  /**
   * From now on an exit is not restarted, and a restart under way is cancelled; the database,
   * if it runs, keeps running (a shutdown drains the API before it stops the database).
   */
  stopRestarting(): void;
  /** Stops restarting, then stops the database; resolves once no process of it is left. */
  stop(): Promise<void>;
}

/** No wait between attempts grows past this, whatever the attempt count. */
const MAX_BACKOFF_MS = 60_000;

export const backoffBefore = (attempt: number, policy: RestartPolicy): number =>
  Math.min(policy.backoffMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);

/** Waits, or rejects as soon as the signal aborts. */
export type Wait = (ms: number, signal: AbortSignal) => Promise<unknown>;

/**
 * Watches the local Neo4j: when it exits without being asked to, logs how, then starts it again
 * (same port and data, so the driver reconnects by itself) up to `policy.attempts` times, waiting
 * `backoffBefore` each attempt, and gives up after the last. A successful restart is watched in
 * turn, with a fresh count. `state()` says which of these is happening, for /readyz.
 */
export function superviseLocalNeo4j(
  first: LocalNeo4j,
  start: (signal: AbortSignal) => Promise<LocalNeo4j>,
  policy: RestartPolicy,
  log: Logger,
  wait: Wait = (ms, signal) => sleep(ms, undefined, { signal }),
): SupervisedNeo4j {
  const stopping = new AbortController();
  // A function rather than the property: the compiler would narrow a property read across awaits.
  const toldToStop = (): boolean => stopping.signal.aborted;
  let current = first;
  let state: LocalNeo4jState = { kind: 'running' };

  /** The restarted database, or undefined when it gave up or was told to stop. */
  const restart = async (): Promise<LocalNeo4j | undefined> => {
    const { attempts } = policy;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      state = { kind: 'restarting', attempt, attempts };
      const delayMs = backoffBefore(attempt, policy);
      log.warn({ attempt, attempts, delayMs }, 'restarting the local Neo4j');
      try {
        await wait(delayMs, stopping.signal);
        return await start(stopping.signal);
      } catch (error) {
        if (toldToStop()) return undefined;
        log.error({ err: error, attempt, attempts }, 'the local Neo4j did not restart');
      }
    }
    state = { kind: 'gave-up', attempts };
    log.error(
      { attempts },
      `gave up restarting the local Neo4j after ${attempts} attempts: the API answers 503 until the process is restarted`,
    );
    return undefined;
  };

  const watch = async (): Promise<void> => {
    for (;;) {
      const exit = await current.exited;
      if (toldToStop()) return;
      log.error(
        { pid: current.pid, code: exit.code, signal: exit.signal },
        `the local Neo4j exited unexpectedly (${describeExit(exit)})`,
      );
      const restarted = await restart();
      if (!restarted) return;
      current = restarted;
      if (toldToStop()) {
        // Told to stop just as it came up: it is ours to stop, like the one before.
        await restarted.stop();
        return;
      }
      state = { kind: 'running' };
      log.info({ pid: restarted.pid }, 'the local Neo4j is running again');
    }
  };
  const watching = watch();

  const stopRestarting = (): void => {
    stopping.abort();
    if (state.kind === 'restarting') state = { kind: 'stopped' };
  };
  return {
    uri: first.uri,
    dataDir: first.dataDir,
    state: () => state,
    stopRestarting,
    async stop() {
      stopRestarting();
      await current.stop();
      await watching;
      state = { kind: 'stopped' };
    },
  };
}
