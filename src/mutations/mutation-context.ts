import type { Viewer } from '../auth/viewer.js';
import type { Executor } from '../db/database.js';
import type { Taxonomy } from '../taxonomy/taxonomy.js';

/** What a write needs of the request it serves: who asks, where it runs, the vocabularies. */
export interface MutationContext {
  readonly viewer: Viewer;
  /** This request's executor: a write runs its statements in one transaction through it. */
  readonly executor: Executor;
  readonly taxonomy: Taxonomy;
}
