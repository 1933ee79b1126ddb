import { describe, expect, it } from 'vitest';
import { cachedFor } from '../../src/http/cached-for.js';

/** A load whose answers the test settles by hand, counting how often it ran. */
function manualLoad() {
  const pending: { resolve: (n: number) => void; reject: (e: Error) => void }[] = [];
  return {
    pending,
    load: () =>
      new Promise<number>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  };
}

describe('a load cached for a while', () => {
  it('runs once for the callers during the load and within the time after its answer', async () => {
    let now = 0;
    const { pending, load } = manualLoad();
    const cached = cachedFor(1_000, load, () => now);
    const first = cached();
    const during = cached();
    expect(pending).toHaveLength(1);
    now = 5_000; // a slow load: the time counts from its answer
    pending[0]?.resolve(1);
    expect(await first).toBe(1);
    expect(await during).toBe(1);
    now = 5_999;
    expect(await cached()).toBe(1);
    expect(pending).toHaveLength(1);
    now = 6_000;
    const later = cached();
    expect(pending).toHaveLength(2);
    pending[1]?.resolve(2);
    expect(await later).toBe(2);
  });

  it('keeps no failure', async () => {
    const { pending, load } = manualLoad();
    const cached = cachedFor(1_000, load, () => 0);
    const failed = cached();
    pending[0]?.reject(new Error('down'));
    await expect(failed).rejects.toThrow('down');
    const retried = cached();
    expect(pending).toHaveLength(2);
    pending[1]?.resolve(3);
    expect(await retried).toBe(3);
  });
});
