import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root, whether running from src/ (tsx, tests) or dist/ (built): both sit one level below it. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const schemaDir = path.join(projectRoot, 'schema');
export const localNeo4jLauncher = path.join(projectRoot, 'tools', 'neo4j-local', 'neo4j-local');
export const seedsDir = path.join(projectRoot, 'seeds');
/** The built explorer (`npm run build`), served at `/`. */
export const explorerDir = path.join(projectRoot, 'dist', 'web');
