import { spawn } from 'node:child_process';
import { inject } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { PREPARATION_TIMEOUT } from './database.js';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `cig …` the way a user does, against the run's Neo4j. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

/** `cig import …` against the run's Neo4j; the first import plans its statements cold, slow on a busy machine. */
export function runImportCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, { ...PREPARATION_TIMEOUT, ...env });
}
