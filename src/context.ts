import type { Logger } from 'pino';
import type { Viewer } from './auth/viewer.js';
import type { Database, Executor } from './db/database.js';
import type { Loaders } from './loaders/index.js';
import type { Taxonomy } from './taxonomy/taxonomy.js';

/** Built anew for every GraphQL request. */
export interface Context {
  readonly requestId: string;
  readonly log: Logger;
  /** Counts this request's Cypher round trips. */
  readonly executor: Executor;
  readonly database: Database;
  /** This request's batching loaders, over `executor`. */
  readonly loaders: Loaders;
  readonly taxonomy: Taxonomy;
  /** Who is asking, from the request's token or API key. */
  readonly viewer: Viewer;
}
