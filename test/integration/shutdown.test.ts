import { spawn } from 'node:child_process';
import http from 'node:http';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { projectRoot } from '../../src/paths.js';

interface LogLine {
  msg?: string;
  url?: string;
}

/** The real `cig serve` process, started the way a user starts it, against the run's Neo4j. */
function startServeProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      PORT: '0',
      LOG_LEVEL: 'info',
      // As deployed: Apollo's own signal handling differs outside NODE_ENV=test.
      NODE_ENV: 'production',
      SHUTDOWN_GRACE_MS: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: LogLine[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = JSON.parse(line) as LogLine;
      lines.push(parsed);
      if (parsed.msg === 'GraphQL API ready' && parsed.url) resolve(parsed.url);
    });
    child.once('exit', (code) => {
      reject(new Error(`cig serve exited early with ${code}`));
    });
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
  return { child, lines, ready, exited };
}

describe('cig serve', () => {
  it('finishes in-flight requests on SIGTERM, refuses new ones, and exits 0', async () => {
    const serve = startServeProcess();
    const url = new URL(await serve.ready);

    const body = JSON.stringify({ query: '{ health { status database } }' });
    const half = Math.floor(body.length / 2);
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': body.length },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, body: text });
          });
        },
      );
      request.on('error', reject);
      // Half a body: the request is in flight on the server when the signal arrives.
      request.write(body.slice(0, half));
      setTimeout(() => {
        serve.child.kill('SIGTERM');
        setTimeout(() => request.end(body.slice(half)), 500);
      }, 300);
    });

    const answered = await response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toEqual({
      data: { health: { status: 'ok', database: 'up' } },
    });

    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
    expect(await serve.exited).toBe(0);
    expect(serve.lines.map((l) => l.msg)).toContain('stopped cleanly');
  });
});
