/**
 * A load that runs at most once per `ttlMs`, counted from its answer: callers meanwhile, and
 * callers while it runs, share that answer. A failed load is not kept.
 */
export function cachedFor<T>(
  ttlMs: number,
  load: () => Promise<T>,
  now: () => number = Date.now,
): () => Promise<T> {
  let cached: { answer: Promise<T>; until: number } | undefined;
  return () => {
    if (cached && now() < cached.until) return cached.answer;
    const answer = load();
    const entry = { answer, until: Number.POSITIVE_INFINITY };
    cached = entry;
    answer.then(
      () => {
        entry.until = now() + ttlMs;
      },
      () => {
        if (cached === entry) cached = undefined;
      },
    );
    return answer;
  };
}
