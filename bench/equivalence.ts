import type { Digest } from './operations/types.js';
import type { Equivalence } from './results.js';

const clip = (line: string | undefined): string =>
  line === undefined ? '(nothing)' : line.length > 80 ? `${line.slice(0, 77)}…` : line;

/**
 * 'same' when the two digests match line for line; otherwise where they part, so a mismatch in the
 * report says what to look at rather than only that something differs.
 */
export function compareDigests(ours: Digest, other: Digest, otherName: string): Equivalence {
  const length = Math.max(ours.length, other.length);
  for (let i = 0; i < length; i += 1) {
    if (ours[i] !== other[i])
      return `differs at line ${i + 1} of ${ours.length} (${otherName} has ${other.length}): ours "${clip(ours[i])}", ${otherName} "${clip(other[i])}"`;
  }
  return 'same';
}
