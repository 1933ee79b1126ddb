/**
 * How well a ranking finds the truth, in the usual information-retrieval terms: the rank of the
 * first right answer (any of the actors the incident's claims name), top-k accuracy, and mean
 * reciprocal rank (an incident whose actors are not ranked at all contributes 0).
 */
export interface RankingScores {
  incidents: number;
  top1: number;
  top5: number;
  mrr: number;
  /** Incidents where some right actor was ranked at all. */
  found: number;
}

/** The 1-based rank of the first right answer, or null when none is in the ranking. */
export function firstRightRank(
  ranking: readonly string[],
  truth: ReadonlySet<string>,
): number | null {
  const index = ranking.findIndex((actor) => truth.has(actor));
  return index < 0 ? null : index + 1;
}

export function scoreRankings(ranks: readonly (number | null)[]): RankingScores {
  const n = ranks.length;
  const share = (count: number) => (n === 0 ? 0 : count / n);
  return {
    incidents: n,
    top1: share(ranks.filter((r) => r === 1).length),
    top5: share(ranks.filter((r) => r !== null && r <= 5).length),
    mrr: share(ranks.reduce<number>((sum, r) => sum + (r === null ? 0 : 1 / r), 0)),
    found: ranks.filter((r) => r !== null).length,
  };
}
