import { describe, expect, it } from 'vitest';
import { addressSetting, withAddressSetting } from '../../web/src/components/address-setting.js';

const sizes = [10, 20] as const;
const unknown = (raw: string) => `no ${raw}`;

describe("a view's setting in the address", () => {
  it('takes an offered value, leaves an absent one to the default, and names one not offered', () => {
    const problems: string[] = [];
    const read = (query: string) =>
      addressSetting(new URLSearchParams(query), 'size', sizes, problems, unknown);
    expect(read('size=20')).toBe(20);
    expect(read('other=1')).toBeUndefined();
    expect(problems).toEqual([]);
    expect(read('size=7')).toBeUndefined();
    expect(read('size=020')).toBeUndefined();
    expect(problems).toEqual(['no 7', 'no 020']);
  });

  it('reads a value as the view normalises it', () => {
    const problems: string[] = [];
    const asNumber = (raw: string) => String(Number(raw));
    const params = new URLSearchParams('size=020');
    expect(addressSetting(params, 'size', sizes, problems, unknown, asNumber)).toBe(20);
    expect(problems).toEqual([]);
  });

  it('changes one parameter and keeps the others', () => {
    const next = withAddressSetting(new URLSearchParams('sector=energy&size=10'), 'size', 20);
    expect(next.toString()).toBe('sector=energy&size=20');
  });
});
