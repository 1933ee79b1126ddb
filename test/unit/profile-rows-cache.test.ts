import { describe, expect, it } from 'vitest';
import {
  cachedRows,
  rememberRows,
  rowsVersion,
} from '../../src/repositories/profile-rows-cache.js';
import type { ProfileRow } from '../../src/repositories/target-profile-rows.js';
import { profileRow } from '../support/profile-rows.js';

const rows = (n: number, tag: string): ProfileRow[] =>
  Array.from({ length: n }, (_, i) => profileRow(`${tag}-${i}`));

describe('the cache of decoded profile rows', () => {
  it('versions rows by their text: the same text always, another text never', () => {
    expect(rowsVersion('[["a"]]')).toBe(rowsVersion('[["a"]]'));
    expect(rowsVersion('[["a"]]')).not.toBe(rowsVersion('[["b"]]'));
  });

  it('keeps rows under their version, and none larger than the whole cache', () => {
    const busy = rows(500, 'busy');
    rememberRows('v-busy', busy);
    rememberRows('v-huge', rows(120_001, 'huge'));
    expect(cachedRows('v-busy')).toBe(busy);
    expect(cachedRows('v-huge')).toBeUndefined();
    expect(cachedRows('v-other')).toBeUndefined();
  });
});
