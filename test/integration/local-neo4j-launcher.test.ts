import { spawn, spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localNeo4jLauncher } from '../../src/paths.js';
import { testDataDir, testNeo4jPorts } from '../support/ports.js';

/** A PATH holding only what the launcher script needs before it looks for Java. */
async function pathWithout(java: 'none' | 'old'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cig-path-'));
  for (const tool of ['bash', 'dirname', 'sed', 'head', 'cut', 'env']) {
    const found = spawnSync('bash', ['-c', `command -v ${tool}`], {
      encoding: 'utf8',
    }).stdout.trim();
    await symlink(found, path.join(dir, tool));
  }
  if (java === 'old') {
    await writeFile(path.join(dir, 'java'), '#!/bin/sh\necho \'java version "1.8.0_381"\' >&2\n');
    await chmod(path.join(dir, 'java'), 0o755);
  }
  return dir;
}

function runLauncher(env: NodeJS.ProcessEnv) {
  // Without JAVA_HOME, so the launcher has only PATH to find Java on.
  const rest = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'JAVA_HOME'),
  );
  return spawnSync(localNeo4jLauncher, ['--port', '7799'], {
    env: { ...rest, ...env },
    encoding: 'utf8',
  });
}

const portIsFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => {
      resolve(true);
    });
  });

describe('the local Neo4j launcher', () => {
  it('says what to do when there is no Java', async () => {
    const result = runLauncher({ PATH: await pathWithout('none') });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /Java 17 or newer is required but no 'java' was found; install a JDK 17\+/,
    );
  });

  it('says what to do when Java is older than 17', async () => {
    const result = runLauncher({ PATH: await pathWithout('old') });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/found Java 1\.8\.0_381 .* Java 17 or newer is required/);
  });

  it('stops by itself when its parent dies, so no orphan keeps the port', async () => {
    const port = testNeo4jPorts.orphan;
    const dataDir = testDataDir('orphan');
    await rm(dataDir, { recursive: true, force: true });
    // A shell parent that starts the launcher, says when it is ready, then is killed with SIGKILL.
    const parent = spawn(
      'bash',
      [
        '-c',
        `"${localNeo4jLauncher}" --port ${port} --data "${dataDir}" --heap 512m --pagecache 64m & wait`,
      ],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      parent.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('neo4j-local ready')) resolve();
      });
      parent.once('exit', () => {
        reject(new Error('the launcher exited before it was ready'));
      });
    });
    expect(await portIsFree(port)).toBe(false);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 30_000;
    while (!(await portIsFree(port))) {
      if (Date.now() > deadline)
        throw new Error(`port ${port} still taken 30 s after the parent died`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
});
