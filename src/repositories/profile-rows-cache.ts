import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ProfileRow } from './target-profile-rows.js';

/**
 * The version of a profile's stored rows: a digest of their text, so that equal rows always have
 * the same version and a rebuilt profile keeps it.
 */
export const rowsVersion = (text: string): string =>
  createHash('sha256').update(text).digest('base64url').slice(0, 22);

/**
 * Rows kept decoded between rankings, for busy actors only: they are candidates for most incidents,
 * and reading and decoding their thousands of rows was most of a ranking's time, while a small
 * actor's rows are read in no time. Keyed by version, so a profile a write changed is never served
 * stale; bounded by rows held (a few hundred bytes each), which covers the busiest actors of a
 * graph of 100,000 incidents.
 */
const MIN_CACHED_ROWS = 200;
const MAX_CACHED_ROWS = 80_000;

const decoded = new LRUCache<string, readonly ProfileRow[]>({
  maxSize: MAX_CACHED_ROWS,
  sizeCalculation: (rows) => Math.max(1, rows.length),
});

export const cachedRows = (version: string): readonly ProfileRow[] | undefined =>
  decoded.get(version);

export function rememberRows(version: string, rows: readonly ProfileRow[]): void {
  if (rows.length >= MIN_CACHED_ROWS && rows.length <= MAX_CACHED_ROWS) decoded.set(version, rows);
}
