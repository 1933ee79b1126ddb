import type { Logger } from 'pino';
import { usesLocalNeo4j, type Config } from '../config.js';
import { Database } from '../db/database.js';
import { migrationStatus } from '../db/migrations.js';
import { configuredUri, databaseSettings, openDatabase } from '../db/open-database.js';
import { countNodesByLabel } from '../repositories/graph-stats-repository.js';
import { buildTargetProfiles } from '../repositories/target-profile-repository.js';

/** `cig db start`: the local Neo4j alone, migrated, in the foreground until Ctrl-C. */
export async function dbStart(config: Config, log: Logger): Promise<void> {
  if (!usesLocalNeo4j(config)) {
    throw new Error(
      `NEO4J_URI is set (${config.NEO4J_URI ?? ''}), so there is no local Neo4j to start; unset it to use the local one.`,
    );
  }
  const db = await openDatabase(config, log, { migrate: true });
  process.stdout.write(
    `Neo4j is running at ${db.uri} (data in ${db.local?.dataDir ?? '?'}). Ctrl-C stops it.\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await db.close();
}

/**
 * `cig db migrate`: applies the constraints and indexes, starting the local Neo4j if needed, and
 * builds the target profiles a database written before them lacks (all of them with `rebuild`).
 */
export async function dbMigrate(
  config: Config,
  log: Logger,
  options: { rebuildProfiles: boolean },
): Promise<void> {
  const db = await openDatabase(config, log, { migrate: true });
  try {
    const executor = db.database.executor('db-migrate');
    const status = await migrationStatus(executor);
    const profiled = await buildTargetProfiles(executor, { rebuild: options.rebuildProfiles });
    process.stdout.write(
      `Applied ${status.applied.length} of ${status.applied.length + status.pending.length} migrations on ${db.uri} (database ${db.database.name}); ${options.rebuildProfiles ? 'rebuilt' : 'built'} the target profiles of ${profiled} actors.\n`,
    );
  } finally {
    await db.close();
  }
}

/**
 * `cig db status`: reports on the configured database without starting one, so it answers
 * "is it up, is it migrated, what is in it". Exits non-zero when the database is down.
 */
export async function dbStatus(config: Config, log: Logger): Promise<boolean> {
  const uri = configuredUri(config);
  const database = new Database(databaseSettings(config, uri), log);
  try {
    const readiness = await database.readiness();
    const out: string[] = [`Neo4j at ${uri}, database ${database.name}`];
    if (!readiness.ready) {
      out.push(`  status: down (${readiness.reason})`);
      if (usesLocalNeo4j(config))
        out.push('  the local Neo4j starts with `cig db start` or `npm start`');
      process.stdout.write(`${out.join('\n')}\n`);
      return false;
    }
    const executor = database.executor('db-status');
    const status = await migrationStatus(executor);
    out.push(`  status: up (${readiness.serverVersion})`);
    out.push(
      `  migrations: ${status.applied.length} applied, ${status.pending.length} pending${
        status.pending.length > 0 ? ` (${status.pending.join(', ')})` : ''
      }`,
    );
    for (const { label, count } of await countNodesByLabel(executor)) {
      out.push(`  ${label}: ${count}`);
    }
    process.stdout.write(`${out.join('\n')}\n`);
    return true;
  } finally {
    await database.close();
  }
}
