import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from 'pino';

export interface DriverSettings {
  uri: string;
  user: string;
  password: string;
  connectTimeoutMs: number;
  maxRetryMs: number;
}

/**
 * The only place a driver is created: one per process, shared by every request. Integers come
 * back as JS numbers (counts and sizes here stay far below 2^53), so no caller sees neo4j.Integer.
 */
export function createDriver(settings: DriverSettings, log: Logger): Driver {
  return neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
    disableLosslessIntegers: true,
    // Fail fast while the database is down instead of queueing requests for the default 60 s.
    connectionAcquisitionTimeout: settings.connectTimeoutMs,
    connectionTimeout: settings.connectTimeoutMs,
    maxTransactionRetryTime: settings.maxRetryMs,
    userAgent: 'cyber-incident-graph',
    logging: {
      level: 'warn',
      logger: (level, message) => {
        log[level === 'debug' ? 'debug' : level]({ component: 'neo4j-driver' }, message);
      },
    },
  });
}
