#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import pino from 'pino';
import { dbMigrate, dbStart, dbStatus } from './cli/db.js';
import { exportCommand, type ExportCommandOptions } from './cli/export.js';
import { exportFormats } from './export/formats.js';
import { generateCommand, type GenerateCommandOptions } from './cli/generate.js';
import { profileNames } from './generate/profiles.js';
import { importCommand, seedCommand, type ImportCommandOptions } from './cli/import.js';
import { importFormats } from './import/formats.js';
import { serve } from './cli/serve.js';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';

/** `cig`: the one entry point. Commands live in src/cli/; this file only wires them. */
const program = new Command()
  .name('cig')
  .description('Cyber Incident Graph: a GraphQL knowledge graph of cyber incidents on Neo4j')
  // A bad option or argument is one line, as every other error of the command line.
  .configureOutput({
    outputError: (text, write) => {
      write(`cig: ${text.replace(/^error: /, '')}`);
    },
  });

/**
 * Runs a command with the environment's configuration. The API logs JSON to stdout; the other
 * commands log to stderr so their own output on stdout stays readable and pipeable.
 */
function run(
  logTo: 'stdout' | 'stderr',
  command: (config: Config, log: pino.Logger) => Promise<unknown>,
) {
  return async (): Promise<void> => {
    let log: pino.Logger | undefined;
    try {
      const config = loadConfig();
      log = createLogger(config.LOG_LEVEL, pino.destination(logTo === 'stdout' ? 1 : 2));
      const result = await command(config, log);
      if (result === false) process.exitCode = 1;
      if (typeof result === 'number') process.exitCode = result;
    } catch (error) {
      reportFailure(error, log?.isLevelEnabled('debug') ?? process.env.LOG_LEVEL === 'debug');
      process.exit(1);
    }
  };
}

/**
 * Why the command could not run, as one line a person can act on; where in the code it came from
 * only when asked for with LOG_LEVEL=debug.
 */
function reportFailure(error: unknown, withStack: boolean): void {
  process.stderr.write(`cig: ${error instanceof Error ? error.message : String(error)}\n`);
  if (withStack && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
}

program
  .command('serve')
  .description('serve the GraphQL API (starts the local Neo4j unless NEO4J_URI is set)')
  .action(run('stdout', serve));

const db = program.command('db').description('manage the database');
db.command('start')
  .description('run the local Neo4j in the foreground, migrated, until Ctrl-C')
  .action(run('stderr', dbStart));
db.command('migrate')
  .description(
    'apply the constraints and indexes of the graph model and build missing target profiles (idempotent)',
  )
  .option('--rebuild-profiles', "recompute every actor's target profile from its claims", false)
  .action((options: { rebuildProfiles: boolean }) =>
    run('stderr', (config, log) => dbMigrate(config, log, options))(),
  );
db.command('status')
  .description('report whether the database is up, migrated, and what it holds')
  .action(run('stderr', dbStatus));

db.command('seed')
  .description('load the taxonomy, and the curated dataset into a database without incidents')
  .action(run('stderr', seedCommand));

const positiveInteger = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError(`expected a whole number of at least 1, got "${value}"`);
  return n;
};

const collect = (value: string, previous: string[] = []) => [...previous, value];
program
  .command('import')
  .description(
    'import a file: native JSON dataset, CSV with a mapping, MISP galaxy cluster, STIX 2.1 bundle, CyberPeace events or the EuRepoC database',
  )
  .argument('<file>', 'the file to import')
  .addOption(
    new Option('--format <format>', 'the file format (guessed from the file when absent)').choices(
      importFormats,
    ),
  )
  .option('--mapping <file>', 'CSV column mapping (JSON); required for CSV')
  .option(
    '--with <file>',
    'EuRepoC: a companion file (attributions, receivers); repeat for each',
    collect,
    [],
  )
  .option(
    '--encoding <name>',
    'the text encoding of a file that is not UTF-8 (cp1252, latin1, utf-16, utf-16le, utf-16be)',
  )
  .option(
    '--dataset-name <name>',
    'the name of the dataset this import records (default: the file name)',
  )
  .option('--include-revoked', 'STIX: import revoked and deprecated objects too', false)
  .option('--dry-run', 'validate and report; write nothing', false)
  .option('--strict', 'reject the whole file if any record is bad', false)
  .option('--batch-size <n>', 'records per transaction', positiveInteger, 500)
  .option('--max-issues <n>', 'how many groups of problems to list', positiveInteger, 50)
  .option('--report <file>', 'write the counts and every problem and dropped value as JSON')
  .action((file: string, options: ImportCommandOptions) =>
    run('stderr', (config, log) => importCommand(file, options, config, log))(),
  );

program
  .command('export')
  .description('export the graph, or the incidents passing the filter and what they refer to')
  .addOption(
    new Option(
      '--format <format>',
      'json: the native dataset format, read back by cig import; stix: a STIX 2.1 bundle; graphml: for Gephi and Cytoscape; csv: one file per table',
    )
      .choices(exportFormats)
      .default('json'),
  )
  .option('--out <path>', 'write to this file (default: stdout); for csv, the folder to write to')
  // Every filter option collects what it is given, so that one given twice is refused, not overridden.
  .option(
    '--from <date>',
    'incidents whose period overlaps from this date (YYYY[-MM[-DD]]) on',
    collect,
  )
  .option(
    '--to <date>',
    'incidents whose period overlaps up to this date (YYYY[-MM[-DD]])',
    collect,
  )
  .option('--sector <id>', 'a sector (with its sub-sectors); repeatable', collect)
  .option('--country <code>', 'an affected country (ISO alpha-2); repeatable', collect)
  .option('--origin-country <code>', "an attributed actor's origin country; repeatable", collect)
  .option('--actor <id>', 'an actor a claim names; repeatable', collect)
  .option('--attack-type <type>', 'an attack type; repeatable', collect)
  .option('--min-confidence <n>', 'claims of at least this confidence (0-100)', collect)
  .option('--status <status>', 'claims of this attribution status; repeatable', collect)
  .option(
    '--cross-border <true|false>',
    'an attributed actor from outside an affected country',
    collect,
  )
  .option('--dataset <id>', 'incidents an import brought (see cig import); repeatable', collect)
  .option(
    '--region <name>',
    'an affected UN M49 region, sub-region or intermediate region, EU or Global; repeatable',
    collect,
  )
  .option('--attributed <true|false>', 'incidents with (or without) a standing claim', collect)
  .option('--impact-category <category>', 'an impact category (DISRUPTION, …); repeatable', collect)
  .action((options: ExportCommandOptions) =>
    run('stderr', (config, log) => exportCommand(options, config, log))(),
  );

const wholeNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return n;
};
program
  .command('generate')
  .description('write a synthetic dataset in the native format, deterministic for a seed')
  .addOption(
    new Option(
      '--profile <name>',
      "small: the seeds' size; large: 100,000 incidents; xl: 1,000,000",
    )
      .choices(profileNames)
      .default('small'),
  )
  .option('--incidents <n>', "incidents (default: the profile's)", positiveInteger)
  .option('--actors <n>', "actors (default: the profile's)", positiveInteger)
  .option('--seed <n>', 'the random seed: the same seed gives the same file', wholeNumber, 1)
  .option('--out <file>', 'write to this file (default: stdout)')
  .action((options: GenerateCommandOptions) => run('stderr', () => generateCommand(options))());

await program.parseAsync();
