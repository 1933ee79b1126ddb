import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { loadSeeds } from '../import/seeds.js';
import { buildTargetProfiles } from '../repositories/target-profile-repository.js';
import { loadTaxonomy } from '../taxonomy/taxonomy.js';
import { createServer } from '../server.js';

/**
 * `cig serve`: database first (local or NEO4J_URI; seeded when it holds no incidents), then the API. A local Neo4j
 * that dies is restarted (NEO4J_LOCAL_RESTARTS, NEO4J_LOCAL_BACKOFF_MS). On SIGINT/SIGTERM the order reverses: drain
 * the API, close the driver, stop the local Neo4j. A second signal (a second or more later) exits at once.
 */
export async function serve(config: Config, log: Logger): Promise<void> {
  const db = await openDatabase(config, log, { migrate: true });
  try {
    const seeded = await loadSeeds(db.database.executor('seed'), loadTaxonomy());
    if (seeded.loaded) {
      log.info(
        { incidents: seeded.report.written.incidents?.created ?? 0 },
        'loaded the curated dataset into the empty database',
      );
    } else {
      log.info(`curated dataset not loaded: ${seeded.reason}`);
    }
    const profiled = await buildTargetProfiles(db.database.executor('target-profiles'), {
      rebuild: false,
    });
    if (profiled > 0) log.info({ actors: profiled }, 'built the missing target profiles');
  } catch (error) {
    await db.close();
    throw error;
  }
  const server = createServer({
    config,
    database: db.database,
    logger: log,
    localNeo4j: db.local,
  });
  try {
    const address = await server.listen(config.PORT, config.HOST);
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    log.info({ url: `http://${host}:${address.port}/graphql` }, 'GraphQL API ready');
  } catch (error) {
    await db.close();
    throw error;
  }

  let stoppingSince: number | undefined;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stoppingSince !== undefined) {
      // `npm start` forwards the terminal's Ctrl-C to us on top of the one the terminal sends the
      // whole process group: a repeat within a second is that echo, not an impatient user.
      if (Date.now() - stoppingSince < 1000) return;
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stoppingSince = Date.now();
    // A local Neo4j that goes down now (say, sent the same signal) is not brought back.
    db.local?.stopRestarting();
    log.info({ signal }, 'shutting down: draining requests');
    void (async () => {
      try {
        await server.stop();
        await db.close();
        log.info('stopped cleanly');
        process.exit(0);
      } catch (error) {
        log.error({ err: error }, 'error during shutdown');
        process.exit(1);
      }
    })();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
