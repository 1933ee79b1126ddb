import { describe, expect, it } from 'vitest';
import { formatPartialDate, parsePartialDate } from '../../src/domain/partial-date.js';

describe('parsePartialDate', () => {
  it('keeps the precision the text has, as the interval it covers', () => {
    expect(parsePartialDate('2022')).toEqual({
      first: '2022-01-01',
      last: '2022-12-31',
      precision: 'YEAR',
    });
    expect(parsePartialDate('2024-02')).toEqual({
      first: '2024-02-01',
      last: '2024-02-29',
      precision: 'MONTH',
    });
    expect(parsePartialDate('2017-06-27')).toEqual({
      first: '2017-06-27',
      last: '2017-06-27',
      precision: 'DAY',
    });
  });

  it.each([
    ['2023-02-29', /not a real date/],
    ['2022-13', /no month 13/],
    ['22-02-2022', /expected YYYY, YYYY-MM or YYYY-MM-DD/],
    ['1900', /outside 1970–2100/],
    ['', /expected/],
  ])('rejects "%s"', (text, reason) => {
    const parsed = parsePartialDate(text);
    expect('error' in parsed && parsed.error).toMatch(reason);
  });

  it('writes a stored date back at its precision', () => {
    expect(formatPartialDate('2022-02-01', 'MONTH')).toBe('2022-02');
    expect(formatPartialDate('2022-01-01', 'YEAR')).toBe('2022');
    expect(formatPartialDate('2022-02-24', 'DAY')).toBe('2022-02-24');
  });
});
