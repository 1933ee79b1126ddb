import { describe, expect, it } from 'vitest';
import { firstRightRank, scoreRankings } from '../../bench/ranking-metrics.js';

describe('ranking metrics', () => {
  it('takes the rank of the first right actor, or none', () => {
    expect(firstRightRank(['a', 'b', 'c'], new Set(['c', 'b']))).toBe(2);
    expect(firstRightRank(['a'], new Set(['z']))).toBeNull();
    expect(firstRightRank([], new Set(['z']))).toBeNull();
  });

  it('computes top-1, top-5 and MRR by hand', () => {
    // ranks 1, 2, 6 and not found: top-1 1/4, top-5 2/4, MRR (1 + 1/2 + 1/6 + 0) / 4 = 5/12
    expect(scoreRankings([1, 2, 6, null])).toEqual({
      incidents: 4,
      top1: 0.25,
      top5: 0.5,
      mrr: (1 + 1 / 2 + 1 / 6) / 4,
      found: 3,
    });
    expect(scoreRankings([])).toEqual({ incidents: 0, top1: 0, top5: 0, mrr: 0, found: 0 });
  });
});
