import type { Logger } from 'pino';
import type { Database, Executor } from './db/database.js';

/** Built anew for every GraphQL request. */
export interface Context {
  readonly requestId: string;
  readonly log: Logger;
  /** Counts this request's Cypher round trips. */
  readonly executor: Executor;
  readonly database: Database;
}
