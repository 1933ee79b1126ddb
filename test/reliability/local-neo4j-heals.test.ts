import { spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { stopChild } from '../../src/process/stop-child.js';
import { testDataDir, testNeo4jPorts } from '../support/ports.js';

/**
 * `cig serve` with the local Neo4j it starts itself, as `npm start` runs it. The Neo4j process is
 * killed (SIGKILL) under it, and its port held for a while so that the first restart fails: the
 * API must answer 503 meanwhile, say on /readyz which attempt it is on, bring Neo4j back by
 * itself and answer again, the API process never restarted. Then, on SIGTERM, it must stop that
 * Neo4j and restart nothing.
 */
const NEO4J_PORT = testNeo4jPorts.healing;
const DATA_DIR = testDataDir('healing');
const ATTEMPTS = 4;
/** Long enough for the test to take the port between the kill and the first attempt. */
const BACKOFF_MS = 2_000;

/** Past this an answer counts as hung. */
const REQUEST_TIMEOUT_MS = 60_000;

type LogLine = Record<string, unknown> & { msg?: string };

interface ServeProcess {
  readonly child: ChildProcess;
  /** Every JSON line it logged. */
  readonly lines: LogLine[];
  running(): boolean;
  /** The first line (from `from` on) that `matches`, once logged. */
  line(matches: (line: LogLine) => boolean, timeoutMs: number, from?: number): Promise<LogLine>;
}

function spawnServe(): ServeProcess {
  // Settings the test run may carry are dropped: the documented defaults plus what is set here.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(NEO4J|AUTH|GRAPHQL|RATE_LIMIT|CORS|HTTP|SHUTDOWN)_/.test(key),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: projectRoot,
    env: {
      ...inherited,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      NEO4J_LOCAL_PORT: String(NEO4J_PORT),
      NEO4J_LOCAL_DATA_DIR: DATA_DIR,
      NEO4J_LOCAL_HEAP: '512m',
      NEO4J_LOCAL_PAGECACHE: '128m',
      NEO4J_LOCAL_START_TIMEOUT_MS: '600000',
      NEO4J_LOCAL_RESTARTS: String(ATTEMPTS),
      NEO4J_LOCAL_BACKOFF_MS: String(BACKOFF_MS),
      RATE_LIMIT_PER_MINUTE: '0',
      // A fresh or restarted Neo4j is slow until warm, the more so on a busy machine: its first
      // queries (the seeds' load among them) must not run into the transaction timeout.
      NEO4J_TX_TIMEOUT_MS: '120000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (text) => {
      try {
        lines.push(JSON.parse(text) as LogLine);
      } catch {
        lines.push({ msg: text });
      }
    });
  }
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    lines,
    running,
    async line(matches, timeoutMs, from = 0) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = lines.slice(from).find(matches);
        if (found) return found;
        if (!running() || Date.now() > deadline)
          throw new Error(`no such log line; the last ones:\n${tail(lines)}`);
        await sleep(100);
      }
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tail = (lines: LogLine[]) =>
  lines
    .slice(-30)
    .map((l) => JSON.stringify(l))
    .join('\n');

/**
 * Holds a port as another program would, so that a Neo4j starting on it fails; a connection to
 * it (the API's driver trying to reach its database) is cut at once.
 */
async function holdPort(port: number, timeoutMs: number): Promise<net.Server> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const server = net.createServer((socket) => socket.destroy());
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => {
        resolve(false);
      });
      server.listen(port, '127.0.0.1', () => {
        resolve(true);
      });
    });
    if (bound) return server;
    if (Date.now() > deadline) throw new Error(`port ${port} stayed taken`);
    await sleep(20);
  }
}

const release = (server: net.Server) =>
  new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let api: ServeProcess;
let url: string;
let blocker: net.Server | undefined;

beforeAll(async () => {
  await rm(DATA_DIR, { recursive: true, force: true });
  // A Neo4j left on the port (say, by an interrupted run) would be used instead of a new one.
  await release(await holdPort(NEO4J_PORT, 5_000));
  api = spawnServe();
  const ready = await api.line((l) => l.msg === 'GraphQL API ready', 600_000);
  url = String(ready.url).replace(/\/graphql$/, '');
});

afterAll(async () => {
  try {
    // Were it killed, the Neo4j it started would notice its parent gone and stop itself.
    await stopChild(api.child, 30_000);
  } finally {
    if (blocker) await release(blocker);
  }
});

async function readyz(): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/readyz`, {
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function sandworm(): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ actor(id: "sandworm") { name } }' }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: response.status, body: await response.json() };
}

/** Polls /readyz until `until` holds, keeping every distinct answer on the way. */
async function watchReadyz(
  until: (answer: { status: number; body: Record<string, unknown> }) => boolean,
  timeoutMs: number,
  seen: string[],
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await readyz();
    const text = `${answer.status} ${JSON.stringify(answer.body)}`;
    if (seen.at(-1) !== text) seen.push(text);
    if (until(answer)) return;
    if (Date.now() > deadline)
      throw new Error(
        `/readyz did not get there; it said:\n${seen.join('\n')}\n${tail(api.lines)}`,
      );
    await sleep(200);
  }
}

const neo4jPid = async (from: number): Promise<number> =>
  Number((await api.line((l) => l.msg === 'local Neo4j is ready', 300_000, from)).pid);

describe('the local Neo4j that cig serve started', () => {
  it('is restarted when it dies, /readyz telling each attempt, and the API answers again without a restart', async () => {
    expect((await readyz()).status).toBe(200);
    expect((await sandworm()).body).toEqual({ data: { actor: { name: 'Sandworm' } } });
    const firstPid = await neo4jPid(0);
    const linesBefore = api.lines.length;

    process.kill(firstPid, 'SIGKILL');
    blocker = await holdPort(NEO4J_PORT, BACKOFF_MS / 2);

    const seen: string[] = [];
    await watchReadyz((a) => a.body.database === 'restarting', 10_000, seen);
    expect(await readyz()).toEqual({
      status: 503,
      body: {
        status: 'unavailable',
        database: 'restarting',
        reason: `the local Neo4j stopped unexpectedly: restarting (attempt 1 of ${ATTEMPTS})`,
      },
    });
    const refused = await sandworm();
    expect(refused.status, JSON.stringify(refused.body)).toBe(503);
    expect(refused.body).toMatchObject({
      errors: [{ extensions: { code: 'DATABASE_UNAVAILABLE' } }],
    });

    // The first attempt runs into the held port; the port is let go once the second is due.
    await watchReadyz(
      (a) => String(a.body.reason).includes(`restarting (attempt 2 of ${ATTEMPTS})`),
      120_000,
      seen,
    );
    await release(blocker);
    blocker = undefined;
    await watchReadyz((a) => a.status === 200, 300_000, seen);

    expect(seen).toContainEqual(expect.stringContaining(`attempt 1 of ${ATTEMPTS}`));
    expect(seen).toContainEqual(expect.stringContaining(`attempt 2 of ${ATTEMPTS}`));
    expect(seen.at(-1)).toMatch(/^200 .*"status":"ready"/);
    expect((await sandworm()).body).toEqual({ data: { actor: { name: 'Sandworm' } } });
    expect(api.running()).toBe(true);

    const since = api.lines.slice(linesBefore);
    expect(since.find((l) => String(l.msg).includes('exited unexpectedly'))).toMatchObject({
      level: 50,
      pid: firstPid,
      code: null,
      signal: 'SIGKILL',
    });
    const failed = since.find((l) => l.msg === 'the local Neo4j did not restart');
    expect(failed).toMatchObject({ level: 50, attempt: 1, attempts: ATTEMPTS });
    expect(JSON.stringify(failed)).toMatch(/port is already in use/);
    expect(since.some((l) => l.msg === 'the local Neo4j is running again')).toBe(true);
    const secondPid = await neo4jPid(linesBefore);
    expect(secondPid).not.toBe(firstPid);
    expect(isAlive(secondPid)).toBe(true);
  }, 600_000);

  it('is stopped on SIGTERM, and nothing is restarted', async () => {
    const pid = Number(
      api.lines.filter((l) => l.msg === 'local Neo4j is ready').at(-1)?.pid ?? Number.NaN,
    );
    expect(isAlive(pid)).toBe(true);
    const linesBefore = api.lines.length;
    const exited = new Promise<number | null>((resolve) => api.child.once('exit', resolve));
    api.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(isAlive(pid)).toBe(false);
    const after = api.lines.slice(linesBefore);
    expect(after.some((l) => l.msg === 'stopped cleanly')).toBe(true);
    expect(after.filter((l) => /restart|exited unexpectedly/.test(String(l.msg)))).toEqual([]);
  }, 120_000);
});
