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
 * Rows kept decoded between rankings: a ranking reads the rows of a few hundred candidates, and
 * reading and decoding them was most of its time and of the API's memory under concurrent
 * rankings (each held its own copy). Keyed by version, so a profile a write changed is never
 * served stale; bounded by rows held, about 400 bytes each decoded, so that every row of a graph
 * of 100,000 incidents fits (about 40 MB), and a larger graph keeps its most recently ranked.
 */
const MAX_CACHED_ROWS = 120_000;

const decoded = new LRUCache<string, readonly ProfileRow[]>({
  maxSize: MAX_CACHED_ROWS,
  sizeCalculation: (rows) => Math.max(1, rows.length),
});

export const cachedRows = (version: string): readonly ProfileRow[] | undefined =>
  decoded.get(version);

export function rememberRows(version: string, rows: readonly ProfileRow[]): void {
  if (rows.length <= MAX_CACHED_ROWS) decoded.set(version, rows);
}
