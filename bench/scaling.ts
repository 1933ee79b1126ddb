/**
 * `npm run bench:scaling`: whether a scoped list costs its parent's degree or the graph's size. On
 * its own Neo4j it loads a generated graph (`cig generate`, `cig import`), fixes a parent of each
 * kind (the actor, top-level sector and country with the most incidents, the busiest campaign) and
 * PROFILEs the statements the API sends for Actor.incidents, Sector.incidents (page and
 * totalCount), Country.incidents, Campaign.incidents and the sector's timeline, adding up each
 * plan's database hits. Then it grows the graph `--growth` times with copies of its incidents that
 * touch none of those parents, and PROFILEs again: a statement that starts from its parent keeps
 * its hits; one that scans every incident multiplies them. With `--uri` it PROFILEs a database
 * already loaded (say the benchmark's `large`) as it is, loading and growing nothing.
 * It prints a table and asserts nothing.
 */
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { Driver } from 'neo4j-driver';
import { loadConfig } from '../src/config.js';
import { createDriver } from '../src/db/driver.js';
import { startLocalNeo4j } from '../src/db/local-neo4j.js';
import { databaseSettings } from '../src/db/open-database.js';
import { createLogger } from '../src/logger.js';
import { runCigOrFail } from './cig-cli.js';
import { growAroundParents } from './scaling-growth.js';
import {
  busiestCampaign,
  degreesOf,
  profileStatements,
  scopedStatements,
  type Degrees,
  type ScalingParents,
  type ScopedStatement,
} from './scaling-probe.js';
import {
  benchDataDir,
  benchPorts,
  LOAD_TX_TIMEOUT_MS,
  NEO4J_START_TIMEOUT_MS,
  scratchMemory,
} from './settings.js';
import { pickSubjects } from './subjects.js';
import { renderText, type Table } from './tables.js';

interface ScalingOptions {
  incidents: number;
  actors: number;
  growth: number;
  seed: number;
  uri?: string;
}

const wholeNumber = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new InvalidArgumentError(`expected a whole number of at least ${min}, got "${value}"`);
  return n;
};

function parseOptions(): ScalingOptions {
  return new Command()
    .name('npm run bench:scaling --')
    .description('Database hits of scoped lists as the graph grows around their parents')
    .option('--incidents <n>', 'incidents generated before growing', wholeNumber(1), 5_000)
    .option('--actors <n>', 'actors generated', wholeNumber(1), 100)
    .option('--growth <n>', 'how many times larger the graph grows', wholeNumber(2), 10)
    .option('--seed <n>', 'generator seed', wholeNumber(0), 1)
    .option('--uri <bolt>', 'profile this loaded database as it is (nothing loaded or grown)')
    .parse()
    .opts<ScalingOptions>();
}

/** Wiped at every run: the graph is loaded fresh and grown. */
const dataDir = benchDataDir('bench-scaling');

const say = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

const thousands = (n: number): string => n.toLocaleString('en-US');

/** One graph's figures: each parent's incidents, and each statement's database hits. */
interface Measure {
  degrees: Degrees;
  hits: number[];
}

async function measure(
  driver: Driver,
  database: string,
  parents: ScalingParents,
  statements: readonly ScopedStatement[],
): Promise<Measure> {
  return {
    degrees: await degreesOf(driver, database, parents),
    hits: await profileStatements(driver, database, statements),
  };
}

async function parentsOf(driver: Driver, database: string): Promise<ScalingParents> {
  const subjects = await pickSubjects(driver, database);
  return {
    actorId: subjects.actorId,
    sectorId: subjects.sectorId,
    countryCode: subjects.countryCode,
    campaignId: await busiestCampaign(driver, database),
  };
}

/** One column of hits (and hits per incident of the parent) per graph measured. */
function hitsTable(statements: readonly ScopedStatement[], measures: Measure[]): Table {
  const headers = ['statement'];
  for (const { degrees } of measures)
    headers.push(`hits at ${thousands(degrees.incidents)} incidents`, 'per parent incident');
  if (measures.length === 2) headers.push('growth of hits');
  const rows = statements.map(({ name, parent }, s) => {
    const row = [name];
    for (const { degrees, hits } of measures) {
      const h = hits[s] ?? Number.NaN;
      row.push(thousands(h), (h / Math.max(1, degrees[parent])).toFixed(1));
    }
    const [before, after] = measures.map((m) => m.hits[s] ?? Number.NaN);
    if (before !== undefined && after !== undefined) row.push(`×${(after / before).toFixed(2)}`);
    return row;
  });
  return { headers, rows, align: headers.map((_, i) => (i === 0 ? 'left' : 'right')) };
}

const degreeLine = ({ degrees }: Measure, parents: ScalingParents): string =>
  `${thousands(degrees.incidents)} incidents: actor ${parents.actorId} ${degrees.actor}, sector ${parents.sectorId} ${degrees.sector}, country ${parents.countryCode} ${degrees.country}, campaign ${parents.campaignId} ${degrees.campaign}`;

async function main(): Promise<void> {
  const options = parseOptions();
  const env = { ...process.env };
  delete env.NEO4J_URI;
  const config = loadConfig({ ...env, LOG_LEVEL: 'warn' });
  const log = createLogger('warn', process.stderr);
  if (!options.uri) {
    await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
  }
  const neo4j = options.uri
    ? undefined
    : await startLocalNeo4j({
        port: benchPorts.scalingNeo4j,
        dataDir: path.join(dataDir, 'neo4j'),
        ...scratchMemory,
        startTimeoutMs: NEO4J_START_TIMEOUT_MS,
        log,
      });
  const uri = options.uri ?? neo4j?.uri ?? '';
  const driver = createDriver(databaseSettings(config, uri), log);
  const database = config.NEO4J_DATABASE;
  try {
    if (!options.uri) await load(uri, options);
    const parents = await parentsOf(driver, database);
    const statements = scopedStatements(parents);
    say('Profiling the scoped statements…');
    const measures = [await measure(driver, database, parents, statements)];
    if (!options.uri) {
      say(`Growing the graph ${options.growth}× around the parents…`);
      await growAroundParents(driver, database, parents, options.growth - 1);
      say('Profiling them again…');
      measures.push(await measure(driver, database, parents, statements));
    }
    const table = hitsTable(statements, measures);
    process.stdout.write(
      `\n${renderText(table)}\n\nIncidents of each parent, per graph:\n${measures
        .map((m) => `  ${degreeLine(m, parents)}`)
        .join('\n')}\n`,
    );
  } finally {
    await driver.close();
    await neo4j?.stop();
  }
}

/** The product's own generator and importer, as the benchmark loads its profiles. */
async function load(uri: string, options: ScalingOptions): Promise<void> {
  const file = path.join(dataDir, 'dataset.json');
  say(`Generating ${thousands(options.incidents)} incidents (seed ${options.seed})…`);
  await runCigOrFail([
    'generate',
    '--incidents',
    String(options.incidents),
    '--actors',
    String(options.actors),
    '--seed',
    String(options.seed),
    '--out',
    file,
  ]);
  say('Importing them with cig import…');
  await runCigOrFail(['import', file], {
    env: { NEO4J_URI: uri, NEO4J_TX_TIMEOUT_MS: String(LOAD_TX_TIMEOUT_MS) },
  });
}

main().catch((error: unknown) => {
  say(`bench:scaling: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
