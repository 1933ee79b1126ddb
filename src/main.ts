#!/usr/bin/env node
import { Command } from 'commander';
import pino from 'pino';
import { dbMigrate, dbStart, dbStatus } from './cli/db.js';
import { serve } from './cli/serve.js';
import { loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';

/** `cig`: the one entry point. Commands live in src/cli/; this file only wires them. */
const program = new Command()
  .name('cig')
  .description('Cyber Incident Graph: a GraphQL knowledge graph of cyber incidents on Neo4j')
  .showHelpAfterError();

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
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (log) log.fatal({ err: error }, message);
      process.stderr.write(`cig: ${message}\n`);
      process.exit(1);
    }
  };
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
  .description('apply the constraints and indexes of the graph model (idempotent)')
  .action(run('stderr', dbMigrate));
db.command('status')
  .description('report whether the database is up, migrated, and what it holds')
  .action(run('stderr', dbStatus));

await program.parseAsync();
