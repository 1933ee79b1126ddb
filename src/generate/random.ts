import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Seeded randomness for synthetic data. Each record draws from a generator of its own, seeded by
 * (run seed, kind, index): any record can be made again on demand without keeping it, which is
 * what lets a million incidents stream in constant memory, and a seed always gives the same file.
 */
export class Draw {
  private readonly rng;

  constructor(seed: number, kind: number, index: number) {
    this.rng = xoroshiro128plus(mix(mix(seed ^ mix(kind)) ^ index));
  }

  /** Uniform in [0, 1). */
  next(): number {
    return uniformFloat64(this.rng);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform integer in [from, to]. */
  int(from: number, to: number): number {
    return from + Math.floor(this.next() * (to - from + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** One of the keys, with the weights given (they need not sum to 1). */
  weighted<T extends string | number>(weights: readonly (readonly [T, number])[]): T {
    const total = weights.reduce((sum, [, w]) => sum + w, 0);
    let left = this.next() * total;
    for (const [value, weight] of weights) {
      left -= weight;
      if (left < 0) return value;
    }
    const last = weights.at(-1);
    if (!last) throw new Error('weighted pick from no weights');
    return last[0];
  }
}

/** A 32-bit integer hash (the murmur3 finaliser): nearby seeds and indexes give unrelated streams. */
function mix(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/**
 * A Zipf-like (heavy-tailed) choice among n ranked items, P(rank k) ∝ 1/(k+1)^s: a few actors do
 * most of the work, a few sectors and countries take most of the hits, as in the real trackers.
 * The cumulative table is built once (n is at most a few tens of thousands).
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(n: number, s: number) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k += 1) {
      sum += 1 / (k + 1) ** s;
      this.cumulative[k] = sum;
    }
  }

  /** A rank in [0, n). */
  rank(draw: Draw): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0;
    const target = draw.next() * total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}
