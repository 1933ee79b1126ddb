import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/paths.js';

const run = promisify(execFile);
const here = path.join(projectRoot, 'test', 'support', 'stix-validator');
/** A Python environment of the test run's own, beside the local Neo4j, made once. */
const venv = path.join(projectRoot, '.data', 'stix-validator');
const python = path.join(venv, 'bin', 'python');

export interface StixValidation {
  valid: boolean;
  fatal: string | null;
  objects: { id: string; valid: boolean; errors: string[]; warnings: string[] }[];
}

/** Installs the OASIS STIX validator (pinned in requirements.txt) unless it is there already. */
export async function installStixValidator(): Promise<void> {
  const installed = await access(python)
    .then(() => run(python, ['-c', 'import stix2validator']))
    .then(
      () => true,
      () => false,
    );
  if (installed) return;
  await run('python3', ['-m', 'venv', venv]);
  await run(path.join(venv, 'bin', 'pip'), [
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '-r',
    path.join(here, 'requirements.txt'),
  ]);
}

/** The validator's findings on one file: validity, and each object's errors and warnings. */
export async function validateStix(file: string): Promise<StixValidation> {
  const { stdout } = await run(python, [path.join(here, 'validate.py'), file], {
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout) as StixValidation;
}

/** A warning's check number: the validator writes "{103} Given ID value …". */
export const warningCode = (warning: string): string => /\{(\d+)\}/.exec(warning)?.[1] ?? warning;
