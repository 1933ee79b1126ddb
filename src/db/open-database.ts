import type { Logger } from 'pino';
import { usesLocalNeo4j, type Config } from '../config.js';
import { Database, type DatabaseSettings } from './database.js';
import { startLocalNeo4j, type LocalNeo4jOptions } from './local-neo4j.js';
import { superviseLocalNeo4j, type SupervisedNeo4j } from './local-neo4j-supervisor.js';
import { migrate } from './migrations.js';

export interface OpenedDatabase {
  readonly database: Database;
  readonly uri: string;
  /** Present when this process started its own Neo4j, which it then restarts when it dies. */
  readonly local: SupervisedNeo4j | undefined;
  /** Closes the driver, then stops the local Neo4j if this process started it. */
  close(): Promise<void>;
}

export interface OpenOptions {
  migrate: boolean;
  /** How long to wait for an external database to answer before giving up. */
  readyTimeoutMs?: number;
}

/**
 * Connects to NEO4J_URI, or starts the local Neo4j when it is unset (and restarts it if it dies,
 * until closed); waits until the database answers and applies the migrations. Every command that
 * needs the database starts here.
 */
export async function openDatabase(
  config: Config,
  log: Logger,
  options: OpenOptions,
): Promise<OpenedDatabase> {
  // A local Neo4j already running (say, `npm start` in another terminal) is used as it is, so
  // `cig import` beside a running API does not collide with it on the port.
  const local =
    usesLocalNeo4j(config) && !(await localNeo4jAnswers(config, log))
      ? await startSupervisedNeo4j(config, log)
      : undefined;
  const uri = local?.uri ?? configuredUri(config);
  const database = new Database(databaseSettings(config, uri), log);
  const close = async (): Promise<void> => {
    await database.close();
    await local?.stop();
  };
  try {
    await waitUntilReady(database, options.readyTimeoutMs ?? 60_000, log);
    if (options.migrate) {
      const applied = await migrate(database.executor('migrate'));
      log.info({ migrations: applied.length }, 'schema migrations applied');
    }
  } catch (error) {
    await close();
    throw error;
  }
  log.info({ uri, database: database.name }, 'connected to Neo4j');
  return { database, uri, local, close };
}

async function startSupervisedNeo4j(config: Config, log: Logger): Promise<SupervisedNeo4j> {
  const options: LocalNeo4jOptions = {
    port: config.NEO4J_LOCAL_PORT,
    dataDir: config.NEO4J_LOCAL_DATA_DIR,
    heap: config.NEO4J_LOCAL_HEAP,
    pageCache: config.NEO4J_LOCAL_PAGECACHE,
    startTimeoutMs: config.NEO4J_LOCAL_START_TIMEOUT_MS,
    log,
  };
  return superviseLocalNeo4j(
    await startLocalNeo4j(options),
    (signal) => startLocalNeo4j({ ...options, signal }),
    {
      attempts: config.NEO4J_LOCAL_RESTARTS,
      backoffMs: config.NEO4J_LOCAL_BACKOFF_MS,
    },
    log.child({ component: 'neo4j-local' }),
  );
}

async function localNeo4jAnswers(config: Config, log: Logger): Promise<boolean> {
  const probe = new Database(
    { ...databaseSettings(config, configuredUri(config)), connectTimeoutMs: 1000, maxRetryMs: 0 },
    log,
  );
  try {
    const readiness = await probe.readiness();
    if (readiness.ready)
      log.info({ uri: configuredUri(config) }, 'using the local Neo4j that is already running');
    return readiness.ready;
  } finally {
    await probe.close();
  }
}

/** NEO4J_URI, or where the local Neo4j listens when it is unset. */
export function configuredUri(config: Config): string {
  return config.NEO4J_URI ?? `bolt://127.0.0.1:${config.NEO4J_LOCAL_PORT}`;
}

export function databaseSettings(config: Config, uri: string): DatabaseSettings {
  return {
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    connectTimeoutMs: config.NEO4J_CONNECT_TIMEOUT_MS,
    maxRetryMs: config.NEO4J_MAX_RETRY_MS,
    txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS,
  };
}

async function waitUntilReady(database: Database, timeoutMs: number, log: Logger): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    const readiness = await database.readiness();
    if (readiness.ready) return;
    if (Date.now() >= deadline) {
      throw new Error(`Neo4j did not answer within ${timeoutMs} ms: ${readiness.reason}`);
    }
    log.warn({ attempt, reason: readiness.reason }, 'waiting for Neo4j');
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * attempt, 5000)));
  }
}
