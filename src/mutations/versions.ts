import { appError, ErrorCode } from '../errors.js';

/** Nodes written before imports versioned what they write count as version 0. */
export const versionOf = (props: { version?: number | null }): number => props.version ?? 0;

/**
 * Optimistic concurrency: an edit names the version it was based on; if the stored one differs,
 * someone else changed the node meanwhile and the edit is refused rather than silently
 * overwriting theirs. `stored` is read under the node's write lock, in the transaction that then
 * writes (see write-lock.ts), so of writers naming the same version exactly one gets through.
 */
export function conflictUnlessVersion(
  type: string,
  key: string,
  asked: number,
  stored: number,
): void {
  if (asked !== stored)
    throw appError(
      ErrorCode.CONFLICT,
      `${type} "${key}" is at version ${stored}, not ${asked}: someone changed it meanwhile. Read it again and reapply your edit.`,
      { currentVersion: stored },
    );
}

export function changedMeanwhile(type: string, key: string) {
  return appError(
    ErrorCode.CONFLICT,
    `${type} "${key}" changed while this edit was being written. Read it again and reapply your edit.`,
  );
}
