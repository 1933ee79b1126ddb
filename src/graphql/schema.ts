import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { schemaDir } from '../paths.js';

/** The SDL files, base.graphql first (it declares the root types the others extend). */
export function loadTypeDefs(): string[] {
  const files = readdirSync(schemaDir)
    .filter((name) => name.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((name) => readFileSync(path.join(schemaDir, name), 'utf8'));
}
