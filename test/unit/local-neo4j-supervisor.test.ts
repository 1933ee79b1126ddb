import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { LocalNeo4j, LocalNeo4jExit } from '../../src/db/local-neo4j.js';
import {
  backoffBefore,
  superviseLocalNeo4j,
  type RestartPolicy,
  type Wait,
} from '../../src/db/local-neo4j-supervisor.js';
import { createLogger } from '../../src/logger.js';

/** A stand-in for the Neo4j process: it dies when told to, or when stopped. */
function fakeNeo4j(pid: number) {
  let exit: (how: LocalNeo4jExit) => void = () => undefined;
  const exited = new Promise<LocalNeo4jExit>((resolve) => {
    exit = resolve;
  });
  const stop = vi.fn(() => {
    exit({ code: 0, signal: null });
    return Promise.resolve();
  });
  const neo4j: LocalNeo4j = { uri: 'bolt://127.0.0.1:1', dataDir: '/data', pid, exited, stop };
  return {
    neo4j,
    stop,
    die: (how: LocalNeo4jExit) => {
      exit(how);
    },
  };
}

/** Starts that succeed or fail as the test says, one per call, each new process numbered. */
function starts(outcomes: ('ok' | 'fails' | 'hangs')[]) {
  const started: ReturnType<typeof fakeNeo4j>[] = [];
  const start = vi.fn((signal: AbortSignal) => {
    const outcome = outcomes[start.mock.calls.length - 1] ?? 'fails';
    if (outcome === 'fails') return Promise.reject(new Error('exit code 3'));
    if (outcome === 'hangs')
      return new Promise<LocalNeo4j>((_resolve, reject) => {
        signal.addEventListener('abort', () => {
          reject(new Error('cancelled'));
        });
      });
    const fake = fakeNeo4j(100 + started.length);
    started.push(fake);
    return Promise.resolve(fake.neo4j);
  });
  return { start, started };
}

/** Records each wait and ends it at once, unless it is `held` (then the abort ends it). */
function waits(held = false) {
  const delays: number[] = [];
  const wait: Wait = (ms, signal) => {
    delays.push(ms);
    if (!held) return Promise.resolve();
    return new Promise((_resolve, reject) => {
      signal.addEventListener('abort', () => {
        reject(new Error('aborted'));
      });
    });
  };
  return { wait, delays };
}

function capturedLog() {
  const lines: { level: number; msg: string; [field: string]: unknown }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim() !== '') lines.push(JSON.parse(line) as (typeof lines)[number]);
      done();
    },
  });
  return { log: createLogger('debug', sink), lines };
}

const policy: RestartPolicy = { attempts: 3, backoffMs: 1_000 };

describe('the local Neo4j supervisor', () => {
  it('waits twice as long before each attempt, never more than a minute', () => {
    expect([1, 2, 3, 4].map((n) => backoffBefore(n, policy))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffBefore(10, policy)).toBe(60_000);
  });

  it('logs an unexpected exit and restarts the database, then watches the new one', async () => {
    const first = fakeNeo4j(1);
    const { start, started } = starts(['ok', 'ok']);
    const { wait, delays } = waits();
    const { log, lines } = capturedLog();
    const supervised = superviseLocalNeo4j(first.neo4j, start, policy, log, wait);
    expect(supervised.state()).toEqual({ kind: 'running' });

    first.die({ code: null, signal: 'SIGKILL' });
    await vi.waitFor(() => {
      expect(start).toHaveBeenCalledTimes(1);
      expect(supervised.state()).toEqual({ kind: 'running' });
    });
    expect(delays).toEqual([1000]);
    const exitLine = lines.find((l) => l.msg.includes('exited unexpectedly'));
    expect(exitLine).toMatchObject({ level: 50, pid: 1, code: null, signal: 'SIGKILL' });
    expect(exitLine?.msg).toContain('signal SIGKILL');

    // The restarted one is watched in turn, with a fresh count of attempts.
    started[0]?.die({ code: 1, signal: null });
    await vi.waitFor(() => {
      expect(start).toHaveBeenCalledTimes(2);
    });
    expect(delays).toEqual([1000, 1000]);
    await supervised.stop();
    expect(started[1]?.stop).toHaveBeenCalled();
  });

  it('says which attempt it is on, and gives up after the last, logging it', async () => {
    const first = fakeNeo4j(1);
    const { start } = starts(['fails', 'fails', 'fails']);
    const states: unknown[] = [];
    const { delays } = waits();
    const { log, lines } = capturedLog();
    const supervised = superviseLocalNeo4j(first.neo4j, start, policy, log, (ms) => {
      states.push(supervised.state());
      delays.push(ms);
      return Promise.resolve();
    });
    first.die({ code: 1, signal: null });
    await vi.waitFor(() => {
      expect(supervised.state()).toEqual({ kind: 'gave-up', attempts: 3 });
    });
    expect(states).toEqual(
      [1, 2, 3].map((attempt) => ({ kind: 'restarting', attempt, attempts: 3 })),
    );
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(lines.filter((l) => l.msg === 'the local Neo4j did not restart')).toHaveLength(3);
    expect(lines.at(-1)?.msg).toMatch(/gave up restarting the local Neo4j after 3 attempts/);
  });

  it('gives up at once with no attempts allowed', async () => {
    const first = fakeNeo4j(1);
    const { start } = starts([]);
    const supervised = superviseLocalNeo4j(
      first.neo4j,
      start,
      { attempts: 0, backoffMs: 1_000 },
      capturedLog().log,
      waits().wait,
    );
    first.die({ code: 1, signal: null });
    await vi.waitFor(() => {
      expect(supervised.state()).toEqual({ kind: 'gave-up', attempts: 0 });
    });
    expect(start).not.toHaveBeenCalled();
  });

  it('restarts nothing once told to stop: the database it stops, an exit after stopRestarting', async () => {
    const first = fakeNeo4j(1);
    const { start } = starts(['ok']);
    const supervised = superviseLocalNeo4j(
      first.neo4j,
      start,
      policy,
      capturedLog().log,
      waits().wait,
    );
    await supervised.stop();
    expect(first.stop).toHaveBeenCalled();
    expect(supervised.state()).toEqual({ kind: 'stopped' });

    const second = fakeNeo4j(2);
    const draining = superviseLocalNeo4j(
      second.neo4j,
      start,
      policy,
      capturedLog().log,
      waits().wait,
    );
    draining.stopRestarting();
    second.die({ code: 0, signal: null });
    await draining.stop();
    expect(start).not.toHaveBeenCalled();
  });

  it('cancels a restart under way when stopped, in its wait or in its start', async () => {
    const waiting = fakeNeo4j(1);
    const idle = starts(['ok']);
    const held = superviseLocalNeo4j(
      waiting.neo4j,
      idle.start,
      policy,
      capturedLog().log,
      waits(true).wait,
    );
    waiting.die({ code: 1, signal: null });
    await vi.waitFor(() => {
      expect(held.state()).toMatchObject({ kind: 'restarting', attempt: 1 });
    });
    await held.stop();
    expect(idle.start).not.toHaveBeenCalled();
    expect(held.state()).toEqual({ kind: 'stopped' });

    const starting = fakeNeo4j(2);
    const slow = starts(['hangs']);
    const cancelled = superviseLocalNeo4j(
      starting.neo4j,
      slow.start,
      policy,
      capturedLog().log,
      waits().wait,
    );
    starting.die({ code: 1, signal: null });
    await vi.waitFor(() => {
      expect(slow.start).toHaveBeenCalledTimes(1);
    });
    await cancelled.stop();
    expect(slow.start.mock.calls[0]?.[0].aborted).toBe(true);
    expect(cancelled.state()).toEqual({ kind: 'stopped' });
  });
});
