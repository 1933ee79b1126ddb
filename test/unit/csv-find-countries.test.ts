import { describe, expect, it } from 'vitest';
import { findCountryNames } from '../../src/import/csv/find-countries.js';
import { loadTaxonomy } from '../../src/taxonomy/taxonomy.js';

const taxonomy = loadTaxonomy();
const isCountry = (phrase: string): boolean => taxonomy.resolveCountry(phrase) !== undefined;

describe('finding country names in prose', () => {
  it('finds each country named, in order, without the sentence around it', () => {
    expect(findCountryNames('Government agencies in Ukraine and Poland.', isCountry)).toEqual([
      'Ukraine',
      'Poland',
    ]);
    expect(findCountryNames("Ukraine's power grid (and Moldova's)", isCountry)).toEqual([
      'Ukraine',
      'Moldova',
    ]);
  });

  it('prefers the longest name, and reads common abbreviations', () => {
    expect(findCountryNames('Banks in the United States and South Korea', isCountry)).toEqual([
      'United States',
      'South Korea',
    ]);
    expect(findCountryNames('The U.S. Democratic National Committee', isCountry)).toEqual(['U.S.']);
    expect(findCountryNames('Ministries in the UK', isCountry)).toEqual(['UK']);
  });

  it('does not read short words as country codes', () => {
    expect(findCountryNames('IT systems and per diem payments can fail', isCountry)).toEqual([]);
  });

  it('finds the extra names it is told about', () => {
    const extra = (p: string): boolean => isCountry(p) || p.toLowerCase() === 'ukrainian';
    expect(findCountryNames('Ukrainian energy companies', extra)).toEqual(['Ukrainian']);
  });
});
