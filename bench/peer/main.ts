/**
 * The peer API as its own process, configured from the same environment as `cig serve` (NEO4J_URI,
 * NEO4J_* driver settings, HOST, PORT), so the benchmark runs both the same way.
 */
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/db/driver.js';
import { databaseSettings } from '../../src/db/open-database.js';
import { createLogger } from '../../src/logger.js';
import { createPeerServer } from './peer-server.js';

const config = loadConfig();
if (!config.NEO4J_URI) throw new Error('the peer needs NEO4J_URI: it never starts a database');
const log = createLogger(config.LOG_LEVEL, process.stderr);
const driver = createDriver(databaseSettings(config, config.NEO4J_URI), log);
const server = await createPeerServer({
  driver,
  database: config.NEO4J_DATABASE,
  txTimeoutMs: config.NEO4J_TX_TIMEOUT_MS,
  bodyLimit: config.HTTP_BODY_LIMIT,
});
const address = await server.listen(config.PORT, config.HOST);
log.info({ port: address.port }, 'peer API ready');

const shutdown = (): void => {
  void server
    .stop()
    .then(() => driver.close())
    .then(() => process.exit(0));
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
